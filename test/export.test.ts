import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planBoardSync } from "../src/crawl/lifecycle.ts";
import type { NormalizedPosting } from "../src/domain/posting.ts";
import { EXPORT_COLUMN_NAMES } from "../src/export/columns.ts";
import type { BoardRef } from "../src/sources/connector.ts";
import { DuckDBStore } from "../src/store/duckdb/duckdb-store.ts";
import type { CrawlRun } from "../src/store/store.ts";
import { runCli } from "./support/cli.ts";
import { fixturePostings } from "./support/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "fixture.duckdb");

const FIXTURES = fixturePostings();
const BOARD: BoardRef = { ats: "greenhouse", board: "fixture", company: "Fixture", industry: null };
const T1 = "2025-12-11T09:00:00.000Z";
const T2 = "2026-01-22T09:00:00.000Z";
/** Listed by the first crawl only, so the store holds it closed. */
const GONE: NormalizedPosting = {
  ...(FIXTURES[0] as NormalizedPosting),
  id: "greenhouse:fixture:99",
  sourceId: "99",
  contentHash: "gone",
};

async function sync(store: DuckDBStore, at: string, fetched: NormalizedPosting[]): Promise<void> {
  const plan = planBoardSync({ at, stored: await store.boardState(BOARD.ats, BOARD.board), fetched });
  const run: CrawlRun = {
    id: `run-${at}`,
    ats: BOARD.ats,
    board: BOARD.board,
    startedAt: at,
    finishedAt: at,
    status: "ok",
    counts: plan.counts,
    issues: 0,
    errorCode: null,
    errorMessage: null,
  };
  await store.applyBoardSync(BOARD, plan, run);
}

beforeAll(async () => {
  const store = await DuckDBStore.open(db);
  try {
    await sync(store, T1, [...FIXTURES, GONE]);
    await sync(store, T2, FIXTURES);
  } finally {
    await store.close();
  }
});

let files = 0;
const outFile = (ext: string) => join(dir, `out-${++files}.${ext}`);

/** Export as CSV with extra flags; the rows read back, the exit code and stderr. */
async function exportCsv(...flags: string[]) {
  const out = outFile("csv");
  const result = await runCli(["export", "--format", "csv", "--out", out, "--db", db, ...flags]);
  const rows =
    result.code === 0 ? (parse(readFileSync(out, "utf8"), { columns: true }) as Record<string, string>[]) : [];
  return { ...result, out, rows };
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  try {
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    instance.closeSync();
  }
}

describe("roledex export", () => {
  it("writes every active posting to CSV and says how many, where and how large on stderr", async () => {
    const { code, stdout, stderr, out, rows } = await exportCsv();
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe(`exported 36 postings to ${out} (${statSync(out).size} bytes)\n`);
    expect(Object.keys(rows[0] ?? {})).toEqual(EXPORT_COLUMN_NAMES);
    expect(rows.map((r) => r.id)).not.toContain(GONE.id);
    const london = rows.find((r) => r.id === "greenhouse:fixture:4");
    expect(london).toMatchObject({
      title: "Staff Research Engineer",
      company: "Beta Labs",
      url: "https://example.com/jobs/4",
      countries: "GB",
      pay_text: "£180,000 - £240,000",
      pay_currency: "GBP",
      pay_min: "180000",
      seniority: "staff",
      first_seen: T1,
      last_seen: T2,
      closed_at: "",
    });
    const unpaid = rows.find((r) => r.id === "greenhouse:fixture:8");
    expect([unpaid?.pay_text, unpaid?.pay_min, unpaid?.pay_annual_min_usd, unpaid?.equity]).toEqual(["", "", "", ""]);
  });

  it("writes NDJSON whose lines are the same rows, numbers as numbers and unknowns as null", async () => {
    const out = outFile("ndjson");
    const result = await runCli(["export", "--format", "ndjson", "--out", out, "--db", db]);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(36);
    const first = JSON.parse(lines[0] as string);
    expect(Object.keys(first)).toEqual(EXPORT_COLUMN_NAMES);
    expect(first).toMatchObject({ id: "greenhouse:fixture:1", pay_min: 300000, pay_currency: "USD", closed_at: null });
    expect(result.stderr).toBe(`exported 36 postings to ${out} (${statSync(out).size} bytes)\n`);
  });

  it("writes typed Parquet that DuckDB reads with the same postings", async () => {
    const out = outFile("parquet");
    const result = await runCli(["export", "--format", "parquet", "--out", out, "--db", db, "--include-closed"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`exported 37 postings to ${out} (${statSync(out).size} bytes)\n`);
    const rows = await query(
      `SELECT id, pay_min, equity, strftime(closed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS closed_at
       FROM read_parquet('${out}') WHERE id IN ('greenhouse:fixture:1', 'greenhouse:fixture:8', '${GONE.id}') ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "greenhouse:fixture:1", pay_min: 300000, equity: false, closed_at: null },
      { id: "greenhouse:fixture:8", pay_min: null, equity: null, closed_at: null },
      { id: GONE.id, pay_min: 300000, equity: false, closed_at: T2 },
    ]);
  });

  it("filters like the reports do, role by name or alias, and includes closed postings only when asked", async () => {
    const count = async (...flags: string[]) => {
      const { code, rows, stderr } = await exportCsv(...flags);
      expect(code, stderr).toBe(0);
      return rows.length;
    };
    expect(await count("--role", "ML Engineer")).toBe(16);
    expect(await count("--role", "MLE")).toBe(16);
    expect(await count("--role", "ml-engineer", "--role", "Research Engineer")).toBe(32);
    expect(await count("--country", "gb")).toBe(4);
    expect(await count("--company", "acme ai")).toBe(4);
    expect(await count("--industry", "finance")).toBe(8);
    expect(await count("--seniority", "staff")).toBe(4);
    expect(await count("--role", "research-engineer", "--country", "GB", "--seniority", "staff")).toBe(2);
    expect(await count("--since", "2025-12-01")).toBe(36);
    expect(await count("--since", "2025-12-02")).toBe(0);
    expect(await count("--include-closed")).toBe(37);
    const { rows } = await exportCsv("--role", "data engineer");
    expect(rows.map((r) => [r.title, r.role])).toEqual([
      ["Data Engineer", "data-engineer"],
      ["Data Engineer", "data-engineer"],
    ]);
  });

  it("writes just the header when no posting matches", async () => {
    const { code, stderr, out } = await exportCsv("--company", "Nobody Inc");
    expect(code).toBe(0);
    expect(stderr).toMatch(/^exported 0 postings to /);
    expect(readFileSync(out, "utf8")).toBe(`${EXPORT_COLUMN_NAMES.join(",")}\r\n`);
  });

  it("resolves a relative --out against the working directory", async () => {
    const result = await runCli(["export", "--format", "csv", "--out", "relative.csv", "--db", db], {}, dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(`^exported 36 postings to ${join(dir, "relative.csv")} \\(\\d+ bytes\\)\n$`),
    );
  });

  it("says E_USAGE without --format or --out, for an unknown format or a bad filter, and writes nothing", async () => {
    const before = readdirSync(dir).length;
    const cases: [string[], string][] = [
      [["--out", outFile("csv")], "roledex: E_USAGE --format is required: csv, ndjson, parquet\n"],
      [["--format", "csv"], "roledex: E_USAGE --out FILE is required: the file to write\n"],
      [
        ["--format", "xlsx", "--out", outFile("xlsx")],
        'roledex: E_USAGE --format is one of csv, ndjson, parquet, got "xlsx"\n',
      ],
      [
        ["--format", "csv", "--out", outFile("csv"), "--country", "USA"],
        'roledex: E_USAGE --country takes a two-letter ISO code such as US or GB, got "USA"\n',
      ],
      [
        ["--format", "csv", "--out", outFile("csv"), "--since", "yesterday"],
        'roledex: E_USAGE --since takes a date YYYY-MM-DD, got "yesterday"\n',
      ],
      [["--format", "csv", "--out", db], `roledex: E_USAGE --out ${db} is the database itself; choose another file\n`],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(["export", "--db", db, ...flags]);
      expect([result.code, result.stderr]).toEqual([2, message]);
    }
    expect(readdirSync(dir)).toHaveLength(before);
  });

  it("says E_UNKNOWN_ROLE with the nearest roles for a role it does not know", async () => {
    const result = await runCli(["export", "--format", "csv", "--out", outFile("csv"), "--db", db, "--role", "wizard"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^roledex: E_UNKNOWN_ROLE unknown role "wizard"; nearest: /);
  });

  it("says E_INPUT naming an out path it cannot write, and leaves an existing file untouched", async () => {
    const missing = join(dir, "no-such-folder", "postings.csv");
    const result = await runCli(["export", "--format", "parquet", "--out", missing, "--db", db]);
    expect([result.code, result.stderr]).toEqual([
      2,
      `roledex: E_INPUT cannot write ${missing}: its folder does not exist\n`,
    ]);
    const folder = await runCli(["export", "--format", "csv", "--out", dir, "--db", db]);
    expect([folder.code, folder.stderr]).toEqual([2, `roledex: E_INPUT cannot write ${dir}: it is a folder\n`]);
  });

  it("keeps the previous file when the database cannot be read, and says E_DB_OPEN", async () => {
    const out = outFile("csv");
    writeFileSync(out, "previous\n");
    const result = await runCli(["export", "--format", "csv", "--out", out, "--db", join(dir, "missing.duckdb")]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^roledex: E_DB_OPEN no database at .*missing\.duckdb/);
    expect(readFileSync(out, "utf8")).toBe("previous\n");
  });

  it("documents its flags in --help", async () => {
    const result = await runCli(["export", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: roledex export [options]

      Write postings with their normalized fields, raw pay text and URL to a CSV,
      Parquet or NDJSON file

      Options:
        --format <format>   csv, ndjson, parquet (required)
        --out <file>        the file to write; replaced only once the export is
                            complete (required)
        --role <name>       only this role: a name, label or alias, e.g. "ML Engineer"
                            (repeatable)
        --country <code>    only postings with a place in this country (ISO 3166-1
                            alpha-2, e.g. US)
        --since <date>      only postings published (where not stated, first seen) on
                            or after YYYY-MM-DD
        --company <name>    only this employer's postings
        --industry <slug>   only this industry (ai-lab, big-tech, software, finance,
                            ...)
        --seniority <slug>  only this seniority (intern, entry, mid, senior, staff,
                            principal, manager, director, executive, unspecified)
        --include-closed    also postings their board no longer lists (closed_at says
                            when)
        --db <path>         database file (default: $ROLEDEX_DB or ./roledex.duckdb)
        -h, --help          display help for command
      "
    `);
  });
});
