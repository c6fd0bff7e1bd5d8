import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePostings } from "../../test/support/fixtures.ts";
import { isRoledexError } from "../domain/errors.ts";
import type { Place } from "../domain/posting.ts";
import { samplePosting } from "../store/contract.ts";
import type { StoredPosting } from "../store/store.ts";
import { EXPORT_COLUMN_NAMES, EXPORT_COLUMNS, type ExportRow, toExportRow } from "./columns.ts";
import { type ExportFormat, exportPostings, toCsv, toNdjson } from "./export.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let folders = 0;
/** A fresh empty folder per test, so a test can assert exactly which files it holds. */
const folder = () => {
  const path = join(dir, `t${++folders}`);
  mkdirSync(path);
  return path;
};

const FIXTURES = fixturePostings();
const fixture = (sourceId: string): StoredPosting => {
  const p = FIXTURES.find((f) => f.sourceId === sourceId);
  if (!p) throw new Error(`no fixture ${sourceId}`);
  return p;
};
const stored = (overrides: Partial<StoredPosting> = {}): StoredPosting => ({
  ...samplePosting("1"),
  boardIndustry: "ai-lab",
  firstSeen: "2025-12-11T09:00:00.000Z",
  lastSeen: "2026-01-22T09:00:00.000Z",
  closedAt: null,
  ...overrides,
});

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isRoledexError(error)) throw new Error(`expected a RoledexError, got ${String(error)}`);
  return error;
}

/** Postings that fail on the `at`-th one, well after the first batch of rows has gone to disk. */
function failingAt(at: number): StoredPosting[] {
  const many = Array.from({ length: at + 10 }, (_, i) => ({ ...fixture("1"), id: `greenhouse:fixture:${i}` }));
  many[at] = { ...fixture("2"), places: null as unknown as Place[] };
  return many;
}

describe("export columns", () => {
  it("are the documented set, in order, each with a type and a description", () => {
    expect(EXPORT_COLUMN_NAMES).toEqual([
      "id",
      "ats",
      "board",
      "company",
      "title",
      "team",
      "department",
      "url",
      "location_raw",
      "countries",
      "cities",
      "metros",
      "workplace",
      "employment_type",
      "published_at",
      "first_seen",
      "last_seen",
      "closed_at",
      "role",
      "role_confidence",
      "seniority",
      "taxonomy_version",
      "industry",
      "industry_source",
      "pay_text",
      "pay_raw",
      "pay_kind",
      "pay_min",
      "pay_max",
      "pay_currency",
      "pay_period",
      "pay_annual_min_usd",
      "pay_annual_max_usd",
      "pay_fx_rate",
      "pay_fx_date",
      "equity",
      "skills",
      "education_required",
      "education_preferred",
      "experience_min",
      "experience_max",
    ]);
    expect(EXPORT_COLUMNS.every((c) => c.description.length > 0)).toBe(true);
  });

  it("read every field of a complete posting, lists ';'-joined without repeats", () => {
    expect(toExportRow(stored({ closedAt: "2026-02-01T09:00:00.000Z" }))).toEqual({
      id: "greenhouse:acme:1",
      ats: "greenhouse",
      board: "acme",
      company: "Acme AI",
      title: "Research Engineer 1",
      team: "Pretraining",
      department: "Research",
      url: "https://job-boards.greenhouse.io/acme/jobs/1",
      location_raw: "San Francisco, CA; New York, NY",
      countries: "US",
      cities: "San Francisco",
      metros: "sf-bay-area",
      workplace: "hybrid",
      employment_type: "FullTime",
      published_at: "2025-11-11T04:54:21-05:00",
      first_seen: "2025-12-11T09:00:00.000Z",
      last_seen: "2026-01-22T09:00:00.000Z",
      closed_at: "2026-02-01T09:00:00.000Z",
      role: "research-engineer",
      role_confidence: 0.95,
      seniority: "unspecified",
      taxonomy_version: "1",
      industry: "ai-lab",
      industry_source: "preset",
      pay_text: "$200K – $300K • Offers Equity",
      pay_raw: "$200K – $300K • Offers Equity",
      pay_kind: "base",
      pay_min: 200000,
      pay_max: 300000,
      pay_currency: "USD",
      pay_period: "year",
      pay_annual_min_usd: 200000,
      pay_annual_max_usd: 300000,
      pay_fx_rate: 1,
      pay_fx_date: "2025-02-28",
      equity: true,
      skills: "python;pytorch",
      education_required: "bachelor",
      education_preferred: "phd",
      experience_min: 3,
      experience_max: null,
    });
  });

  it("leave what a posting does not state null, never 0 or a default", () => {
    const row = toExportRow(fixture("8")); // "Remote - US", no pay line
    expect(row).toMatchObject({
      pay_text: null,
      pay_raw: null,
      pay_kind: null,
      pay_min: null,
      pay_max: null,
      pay_currency: null,
      pay_period: null,
      pay_annual_min_usd: null,
      pay_annual_max_usd: null,
      pay_fx_rate: null,
      pay_fx_date: null,
      equity: null,
      team: null,
      department: null,
      cities: null,
      countries: "US",
      closed_at: null,
    });
    const bare = toExportRow(
      stored({ places: [], metros: [], skills: [], experienceYears: null, company: "", team: "  ", pay: null }),
    );
    expect([
      bare.countries,
      bare.cities,
      bare.metros,
      bare.skills,
      bare.experience_min,
      bare.company,
      bare.team,
    ]).toEqual([null, null, null, null, null, null, null]);
  });

  it("keep the stated pay text beside the parsed figures, converted to USD with the rate used", () => {
    const row = toExportRow(fixture("4")); // London, £180,000 - £240,000
    expect(row).toMatchObject({
      pay_text: "£180,000 - £240,000",
      pay_currency: "GBP",
      pay_min: 180000,
      pay_max: 240000,
    });
    expect(row.pay_fx_rate).toBeGreaterThan(1);
    expect(row.pay_annual_min_usd).toBeCloseTo(180000 * (row.pay_fx_rate as number), 0);
  });
});

describe("toCsv and toNdjson", () => {
  const awkward = toExportRow(
    stored({ title: 'Engineer, "Evals"\nand Safety', company: "", team: "a\r\nb", department: "R&D; Labs" }),
  );

  it("quote commas, quotes and line breaks as RFC 4180 says, and read back to the same text", () => {
    const csv = toCsv([awkward]);
    const headerEnd = csv.indexOf("\r\n");
    expect(csv.slice(0, headerEnd)).toBe(EXPORT_COLUMN_NAMES.join(","));
    expect(csv.slice(headerEnd + 2)).toContain(',"Engineer, ""Evals""\nand Safety","a\r\nb",R&D; Labs,');
    expect(csv.endsWith("\r\n")).toBe(true);
    const [back] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(back?.title).toBe('Engineer, "Evals"\nand Safety');
    expect(back?.team).toBe("a\r\nb");
    expect(back?.experience_max).toBe(""); // null is an empty field
    expect(back?.pay_min).toBe("200000");
    expect(back?.equity).toBe("true");
  });

  it('write null as an empty field and an empty string as ""', () => {
    const row = { ...awkward, company: "", experience_max: null } as ExportRow;
    expect(toCsv([row], { header: false })).toMatch(/^greenhouse:acme:1,greenhouse,acme,"",/);
    expect(toCsv([row], { header: false }).trimEnd().endsWith(",3,")).toBe(true);
  });

  it("write the header only when asked, so chunks of a stream concatenate", () => {
    const rows = FIXTURES.slice(0, 4).map(toExportRow);
    expect(toCsv(rows.slice(0, 2)) + toCsv(rows.slice(2), { header: false })).toBe(toCsv(rows));
    expect(toCsv([])).toBe(`${EXPORT_COLUMN_NAMES.join(",")}\r\n`);
    expect(toNdjson(rows.slice(0, 2)) + toNdjson(rows.slice(2))).toBe(toNdjson(rows));
    expect(toNdjson([])).toBe("");
  });

  it("write one JSON object per line that parses back to the same row, nulls and types kept", () => {
    const rows = [awkward, ...FIXTURES.map(toExportRow)];
    const lines = toNdjson(rows).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(rows.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
    expect(Object.keys(JSON.parse(lines[0] as string))).toEqual(EXPORT_COLUMN_NAMES);
  });
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  try {
    const db = await instance.connect();
    await db.run("SET TimeZone = 'UTC'");
    return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    instance.closeSync();
  }
}

describe("exportPostings", () => {
  const rows = FIXTURES.map(toExportRow);

  it("writes CSV that is exactly toCsv of the rows and reports its size", async () => {
    const out = join(folder(), "postings.csv");
    const result = await exportPostings(FIXTURES, "csv", out);
    const text = readFileSync(out, "utf8");
    expect(text).toBe(toCsv(rows));
    expect(result).toEqual({ rows: FIXTURES.length, bytes: statSync(out).size });
    expect(parse(text, { columns: true })).toHaveLength(FIXTURES.length);
  });

  it("writes NDJSON that reads back to the rows", async () => {
    const out = join(folder(), "postings.ndjson");
    const result = await exportPostings(FIXTURES, "ndjson", out);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
    expect(result).toEqual({ rows: FIXTURES.length, bytes: statSync(out).size });
  });

  it("writes typed Parquet that DuckDB reads back to the same rows", async () => {
    const out = join(folder(), "postings.parquet");
    const all = [...FIXTURES, stored({ closedAt: "2026-02-01T09:00:00.000Z" })];
    const result = await exportPostings(all, "parquet", out);
    expect(result).toEqual({ rows: FIXTURES.length + 1, bytes: statSync(out).size });
    const types = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${out}'))`);
    expect(types.map((t) => t.column_name)).toEqual(EXPORT_COLUMN_NAMES);
    const typeOf = Object.fromEntries(types.map((t) => [t.column_name, t.column_type]));
    expect(typeOf).toMatchObject({
      title: "VARCHAR",
      role_confidence: "DOUBLE",
      pay_min: "DOUBLE",
      pay_annual_max_usd: "DOUBLE",
      experience_min: "DOUBLE",
      equity: "BOOLEAN",
      first_seen: "TIMESTAMP WITH TIME ZONE",
      closed_at: "TIMESTAMP WITH TIME ZONE",
      published_at: "VARCHAR",
    });
    const iso = (c: string) => `strftime(${c}, '%Y-%m-%dT%H:%M:%S.%gZ') AS ${c}`;
    const back = await query(
      `SELECT * REPLACE (${["first_seen", "last_seen", "closed_at"].map(iso).join(", ")}) FROM read_parquet('${out}') ORDER BY id`,
    );
    const expected = all.map(toExportRow).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    expect(back).toEqual(expected);
  });

  it("writes a header-only CSV, an empty NDJSON and an empty Parquet for no postings", async () => {
    const at = folder();
    await exportPostings([], "csv", join(at, "none.csv"));
    await exportPostings([], "ndjson", join(at, "none.ndjson"));
    expect(await exportPostings([], "parquet", join(at, "none.parquet"))).toMatchObject({ rows: 0 });
    expect(readFileSync(join(at, "none.csv"), "utf8")).toBe(`${EXPORT_COLUMN_NAMES.join(",")}\r\n`);
    expect(readFileSync(join(at, "none.ndjson"), "utf8")).toBe("");
    expect(await query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(at, "none.parquet")}')`)).toEqual([
      { n: 0 },
    ]);
  });

  it("replaces an existing file once the export is complete, leaving no temporary file", async () => {
    const at = folder();
    const out = join(at, "postings.csv");
    writeFileSync(out, "old export\n");
    await exportPostings(FIXTURES.slice(0, 2), "csv", out);
    expect(readFileSync(out, "utf8")).toBe(toCsv(rows.slice(0, 2)));
    expect(readdirSync(at)).toEqual(["postings.csv"]);
  });

  for (const format of ["csv", "ndjson", "parquet"] as const satisfies readonly ExportFormat[]) {
    it(`leaves an existing ${format} file untouched and no temporary file when a posting fails mid-write`, async () => {
      const at = folder();
      const out = join(at, `postings.${format}`);
      writeFileSync(out, "the previous export\n");
      const error = await exportPostings(failingAt(1500), format, out).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(readFileSync(out, "utf8")).toBe("the previous export\n");
      expect(readdirSync(at)).toEqual([`postings.${format}`]);
    });
  }

  it("creates no file at all when the first export fails", async () => {
    const at = folder();
    await expect(exportPostings(failingAt(3), "parquet", join(at, "x.parquet"))).rejects.toThrow(TypeError);
    expect(readdirSync(at)).toEqual([]);
  });

  it("says E_INPUT naming the path for a missing folder, a file taken for a folder, or a folder", async () => {
    const at = folder();
    const missing = join(at, "nope", "postings.csv");
    const error = await errorOf(exportPostings(FIXTURES, "csv", missing));
    expect([error.code, error.message]).toEqual(["E_INPUT", `cannot write ${missing}: its folder does not exist`]);
    const parquet = await errorOf(exportPostings(FIXTURES, "parquet", join(at, "nope", "x.parquet")));
    expect(parquet.code).toBe("E_INPUT");
    writeFileSync(join(at, "file"), "");
    const underFile = await errorOf(exportPostings(FIXTURES, "csv", join(at, "file", "x.csv")));
    expect(underFile.message).toBe(`cannot write ${join(at, "file", "x.csv")}: a part of its path is not a folder`);
    const isFolder = await errorOf(exportPostings(FIXTURES, "ndjson", at));
    expect([isFolder.code, isFolder.message]).toEqual(["E_INPUT", `cannot write ${at}: it is a folder`]);
  });

  it.skipIf(process.getuid?.() === 0)("says E_INPUT for a folder it may not write, leaving it empty", async () => {
    const at = folder();
    chmodSync(at, 0o500);
    try {
      const error = await errorOf(exportPostings(FIXTURES, "parquet", join(at, "x.parquet")));
      expect([error.code, error.message]).toEqual([
        "E_INPUT",
        `cannot write ${join(at, "x.parquet")}: permission denied`,
      ]);
      expect(readdirSync(at)).toEqual([]);
    } finally {
      chmodSync(at, 0o700);
    }
  });
});

describe("CSV and spreadsheets", () => {
  it("defuses text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    const [p] = fixturePostings();
    if (!p) throw new Error("no fixture");
    const row = toExportRow({ ...p, title: '=HYPERLINK("http://evil","x")', company: "@SUM(A1)" });
    const csv = toCsv([row]).split("\r\n")[1] ?? "";
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(toNdjson([row])).toContain('"title":"=HYPERLINK(\\"http://evil\\",\\"x\\")"');
  });
});
