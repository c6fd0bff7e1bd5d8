import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsvRecords } from "../src/normalize/csv.ts";
import { DuckDBStore } from "../src/store/duckdb/duckdb-store.ts";
import type { StoredPosting } from "../src/store/store.ts";
import { runCli } from "./support/cli.ts";
import { HAS_SHARED, noteSkip, sharedPath } from "./support/shared.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function postings(db: string, activeOnly = true): Promise<StoredPosting[]> {
  const store = await DuckDBStore.open(db);
  try {
    return await store.postings({ activeOnly, withRaw: true });
  } finally {
    await store.close();
  }
}

const JOB_POSTING = {
  "@context": "https://schema.org/",
  "@type": "JobPosting",
  title: "Staff Machine Learning Engineer",
  description: "<p>Train models with <b>JAX</b> on TPUs. 8+ years of experience.</p>",
  identifier: { "@type": "PropertyValue", name: "Acme", value: "ML-42" },
  datePosted: "2026-01-05",
  hiringOrganization: { "@type": "Organization", name: "Acme Robotics" },
  jobLocation: [
    { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: "Zurich", addressCountry: "CH" } },
  ],
  baseSalary: {
    "@type": "MonetaryAmount",
    currency: "CHF",
    value: { "@type": "QuantitativeValue", minValue: 150000, maxValue: 190000, unitText: "YEAR" },
  },
  url: "https://acme.example/jobs/ml-42",
};

describe("roledex import", () => {
  it("loads schema.org JobPosting JSON-LD, with its structured salary converted to USD", async () => {
    const file = join(dir, "acme.jsonld");
    writeFileSync(file, JSON.stringify({ "@context": "https://schema.org/", "@graph": [JOB_POSTING] }));
    const db = join(dir, "jsonld.duckdb");
    const result = await runCli(["import", file, "--db", db]);
    expect(result.code).toBe(0);
    const [p] = await postings(db);
    expect(p).toMatchObject({
      id: "import:acme:ML-42",
      title: "Staff Machine Learning Engineer",
      company: "Acme Robotics",
      role: "ml-engineer",
      seniority: "staff",
      locationRaw: "Zurich, CH",
      places: [{ city: "Zürich", country: "CH" }],
      skills: expect.arrayContaining(["jax"]),
      experienceYears: { min: 8, max: null },
      pay: { min: 150000, max: 190000, currency: "CHF", period: "year", kind: "base" },
      url: "https://acme.example/jobs/ml-42",
    });
    expect(p?.pay?.annualMinUsd).toBe(Math.round(150000 * (p?.pay?.fx?.rate ?? Number.NaN)));
    expect(p?.descriptionText).toBe("Train models with JAX on TPUs. 8+ years of experience.");
    expect(p?.raw).toEqual(JOB_POSTING);
  });

  it("maps NDJSON columns by --map, and a re-import of a shorter file closes what it dropped", async () => {
    const file = join(dir, "jobs.ndjson");
    const rows = [
      {
        req: "A1",
        name: "Research Scientist, Alignment",
        org: "Lab One",
        where: "London, UK",
        pay: "£90,000 - £120,000",
      },
      { req: "A2", name: "Data Engineer", org: "Lab One", where: "Remote - US", pay: "" },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n"));
    const db = join(dir, "ndjson.duckdb");
    const args = [
      "import",
      file,
      "--db",
      db,
      "--source",
      "lab-one",
      "--map",
      "id=req",
      "--map",
      "title=name",
      "--map",
      "company=org",
      "--map",
      "location=where",
      "--map",
      "payText=pay",
      "--json",
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ source: "lab-one", records: 2, counts: { new: 2 } });
    const stored = await postings(db);
    expect(stored.map((p) => [p.id, p.role, p.pay?.currency ?? null, p.places[0]?.country])).toEqual([
      ["import:lab-one:A1", "research-scientist", "GBP", "GB"],
      ["import:lab-one:A2", "data-engineer", null, "US"],
    ]);
    expect(JSON.parse((await runCli(args)).stdout).counts).toMatchObject({
      new: 0,
      updated: 0,
      closed: 0,
      unchanged: 2,
    });
    writeFileSync(file, JSON.stringify(rows[0]));
    expect(JSON.parse((await runCli(args)).stdout).counts).toMatchObject({ closed: 1, unchanged: 1 });
    expect((await postings(db)).map((p) => p.id)).toEqual(["import:lab-one:A1"]);
  });

  it("says which column is missing, and writes nothing, when no title column can be found", async () => {
    const file = join(dir, "untitled.csv");
    writeFileSync(file, "job_name,city\nResearch Engineer,Paris\n");
    const db = join(dir, "untitled.duckdb");
    const result = await runCli(["import", file, "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `roledex: E_USAGE no title column in ${file}; name it with --map title=COLUMN (columns: job_name, city)`,
    );
    expect(await postings(db, false)).toEqual([]);
    const wrongMap = await runCli(["import", file, "--db", db, "--map", "title=jobname"]);
    expect(wrongMap.stderr.trim()).toBe(`roledex: E_USAGE --map title=jobname: ${file} has no column "jobname"`);
    const badField = await runCli(["import", file, "--db", db, "--map", "salary=x"]);
    expect(badField.stderr).toMatch(/^roledex: E_USAGE --map takes FIELD=COLUMN with FIELD one of id, title/);
  });

  it("refuses a file that is not its format with E_INPUT", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, '{"title": "Research Eng');
    const result = await runCli(["import", file, "--db", join(dir, "broken.duckdb")]);
    expect([result.code, result.stderr.trim().split(":")[0]]).toEqual([2, "roledex"]);
    expect(result.stderr).toMatch(/^roledex: E_INPUT .*broken\.json is not JSON/);
    const missing = await runCli(["import", join(dir, "nope.csv"), "--db", join(dir, "broken.duckdb")]);
    expect(missing.stderr.trim()).toBe(`roledex: E_INPUT cannot read ${join(dir, "nope.csv")}: ENOENT`);
  });

  describe.skipIf(!HAS_SHARED)("the descriptions corpus", () => {
    noteSkip("the import of ../shared/corpus/descriptions");
    const db = join(dir, "descriptions.duckdb");
    const files = [
      "glassdoor-ds-2020.csv",
      "glassdoor-ds-2020-parsed.csv",
      "glassdoor-ds-2021.csv",
      "linkedin-2024-sample.csv",
    ];

    it.each(files)("loads every record of %s into the store", async (name) => {
      const path = sharedPath(`corpus/descriptions/${name}`);
      const records = parseCsvRecords((await import("node:fs")).readFileSync(path, "utf8"));
      const result = await runCli(["import", path, "--db", db, "--json"]);
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as { records: number; skipped: number; counts: { fetched: number } };
      expect(summary.records).toBe(records.length);
      expect(summary.skipped).toBe(0);
      // rows sharing an id are one posting; every distinct id is stored
      const ids = new Set(records.map((r) => r[""] ?? r.index ?? r.job_id));
      expect(summary.counts.fetched).toBe(ids.size);
    });

    it("keeps Glassdoor's estimates apart from posted pay, and takes its sector as the industry", async () => {
      const all = await postings(db);
      const glassdoor = all.filter((p) => p.board === "glassdoor-ds-2021");
      const estimates = glassdoor.filter((p) => p.pay?.kind === "estimate");
      expect(estimates.length / glassdoor.length).toBeGreaterThan(0.9);
      const insurer = glassdoor.find((p) => (p.raw as Record<string, string>).Sector === "Insurance");
      expect(insurer).toMatchObject({ industry: "insurance", industrySource: "preset" });
      expect(glassdoor.every((p) => !p.company?.includes("\n"))).toBe(true);
    });

    it("reads LinkedIn's structured pay with its period and currency", async () => {
      const linkedin = (await postings(db)).filter((p) => p.board === "linkedin-2024-sample");
      const withPay = linkedin.filter((p) => (p.raw as Record<string, string>).max_salary !== "");
      const hourly = withPay.find((p) => (p.raw as Record<string, string>).pay_period === "HOURLY");
      expect(hourly?.pay).toMatchObject({ period: "hour", currency: "USD", kind: "base" });
      expect(withPay.filter((p) => p.pay?.kind === "base").length).toBe(withPay.length);
    });
  });
});
