import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { surveyFigure } from "../src/analytics/survey.ts";
import type { SurveySalary } from "../src/domain/survey.ts";
import { AIJOBS_COLUMNS } from "../src/sources/survey/aijobs.ts";
import { DuckDBStore } from "../src/store/duckdb/duckdb-store.ts";
import { MIGRATIONS } from "../src/store/duckdb/migrations.ts";
import type { SurveyFilter } from "../src/store/store.ts";
import { runCli } from "./support/cli.ts";
import { HAS_SHARED, noteSkip, sharedPath } from "./support/shared.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-survey-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SURVEY = sharedPath("corpus/survey/aijobs-salaries.csv");
/** Measured on the recorded file: every one of its 74,301 rows is readable. */
const SURVEY_ROWS = 74_301;

async function surveyRows(db: string, filter: SurveyFilter = {}): Promise<SurveySalary[]> {
  const store = await DuckDBStore.open(db);
  try {
    return await store.surveySalaries(filter);
  } finally {
    await store.close();
  }
}

function csv(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${[AIJOBS_COLUMNS.join(","), ...lines].join("\n")}\n`);
  return file;
}

const GOOD = "2024,SE,FT,Machine Learning Engineer,200000,USD,200000,US,0,US,M";

noteSkip("the aijobs survey import end-to-end test");

describe.skipIf(!HAS_SHARED)("roledex import-survey on the recorded aijobs survey", () => {
  const db = join(dir, "survey.duckdb");

  it("imports every row, and importing it again replaces them without duplicates", async () => {
    const first = await runCli(["import-survey", "aijobs", SURVEY, "--db", db]);
    expect(first).toEqual({
      code: 0,
      stdout: `aijobs: ${SURVEY_ROWS} rows read, ${SURVEY_ROWS} imported, 0 skipped\n`,
      stderr: "",
    });
    expect(await surveyRows(db)).toHaveLength(SURVEY_ROWS);

    const again = await runCli(["import-survey", "aijobs", SURVEY, "--db", db, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      source: "aijobs",
      file: SURVEY,
      read: SURVEY_ROWS,
      imported: SURVEY_ROWS,
      skipped: 0,
      issues: [],
    });
    const rows = await surveyRows(db);
    expect(rows).toHaveLength(SURVEY_ROWS);
    expect(rows[0]).toMatchObject({ workYear: 2022, experienceLevel: "executive", jobTitle: "Consultant" });
  });

  it("gives US ML engineers a self-reported median in a sane band, from the store's own filter too", async () => {
    const figure = surveyFigure(await surveyRows(db), "ml-engineer", { country: "US" });
    expect(figure).toMatchObject({ source: "aijobs", label: "self-reported", country: "US", years: [2024, 2025] });
    expect(figure.n).toBeGreaterThan(1000);
    expect(figure.median).toBeGreaterThanOrEqual(120_000);
    expect(figure.median).toBeLessThanOrEqual(250_000);
    const ci = figure.ci95;
    expect(ci !== null && ci.low <= (figure.median as number) && (figure.median as number) <= ci.high).toBe(true);
    expect(figure.titles[0]?.title).toBe("Machine Learning Engineer");

    // The store's filters select the same answers the figure counts (plus the non-full-time ones it drops).
    const filtered = await surveyRows(db, { source: "aijobs", roles: ["ml-engineer"], country: "us", yearFrom: 2024 });
    expect(filtered.filter((r) => r.employmentType === "full-time")).toHaveLength(figure.n);
    expect(surveyFigure(filtered, "ml-engineer", { country: "US", yearFrom: 2024 })).toEqual(figure);
  });
});

describe("roledex import-survey", () => {
  it("imports the readable rows and lists why the others were skipped on stderr", async () => {
    const file = csv("mixed.csv", [
      GOOD,
      "2024,SE,FT,,200000,USD,200000,US,0,US,M",
      "2024,SE,FT,Data Scientist,150k,USD,150k,US,0,US,M",
      "2024,ZZ,FT,Data Scientist,150000,USD,150000,US,0,US,M",
      "2024,SE,FT,Data Scientist, NLP,150000,USD,150000,US,0,US,M",
      "2024,SE,FT,Data Scientist,150000,USD,150000,USA,0,US,M",
      "2024,SE,FT,Data Scientist,150000,USD,150000,US,0,US,XL",
      "2025,MI,FT,AI Engineer,170000,USD,170000,US,100,US,L",
    ]);
    const db = join(dir, "mixed.duckdb");
    const result = await runCli(["import-survey", "aijobs", file, "--db", db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("aijobs: 8 rows read, 2 imported, 6 skipped\n");
    expect(result.stderr).toBe(
      [
        "  row 2: survey.row_invalid job_title is empty",
        "  row 3: survey.row_invalid salary is not a number",
        "  row 3: survey.row_invalid salary_in_usd is not a number",
        "  row 4: survey.row_invalid experience_level is not one of EN, MI, SE, EX",
        "  row 5: survey.ragged_row row has 12 fields, header 11",
        "  … and 2 more issues (--json lists them all)",
        "",
      ].join("\n"),
    );
    expect((await surveyRows(db)).map((r) => [r.jobTitle, r.role])).toEqual([
      ["Machine Learning Engineer", "ml-engineer"],
      ["AI Engineer", "ai-engineer"],
    ]);
  });

  it("refuses a file without one readable row, leaving the stored survey as it was", async () => {
    const db = join(dir, "kept.duckdb");
    expect((await runCli(["import-survey", "aijobs", csv("one.csv", [GOOD]), "--db", db])).code).toBe(0);
    const bad = await runCli([
      "import-survey",
      "aijobs",
      csv("bad.csv", ["2024,SE,FT,,1,USD,1,US,0,US,M"]),
      "--db",
      db,
    ]);
    expect(bad).toEqual({
      code: 2,
      stdout: "",
      stderr: `roledex: E_INPUT none of the 1 rows of ${join(dir, "bad.csv")} could be read (row 1: job_title is empty); the stored aijobs rows are left as they were\n`,
    });
    const empty = await runCli(["import-survey", "aijobs", csv("empty.csv", []), "--db", db]);
    expect([empty.code, empty.stderr]).toEqual([
      2,
      `roledex: E_INPUT ${join(dir, "empty.csv")} has no survey rows; the stored aijobs rows are left as they were\n`,
    ]);
    expect((await surveyRows(db)).map((r) => r.jobTitle)).toEqual(["Machine Learning Engineer"]);
  });

  it("says E_USAGE for an unknown survey format, listing the formats", async () => {
    const db = join(dir, "never-usage.duckdb");
    const result = await runCli(["import-survey", "foo", csv("foo.csv", [GOOD]), "--db", db]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: 'roledex: E_USAGE unknown survey format "foo"; formats: aijobs (see roledex import-survey --help)\n',
    });
    expect(existsSync(db)).toBe(false);
    const missing = await runCli(["import-survey", "aijobs"]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      "roledex: E_USAGE missing required argument 'file' (see roledex --help)\n",
    ]);
  });

  it("says E_INPUT for a missing file, a folder, and a CSV with other columns, and creates no database", async () => {
    const db = join(dir, "never-input.duckdb");
    const absent = join(dir, "absent.csv");
    expect(await runCli(["import-survey", "aijobs", absent, "--db", db])).toEqual({
      code: 2,
      stdout: "",
      stderr: `roledex: E_INPUT cannot read ${absent}: ENOENT\n`,
    });
    expect((await runCli(["import-survey", "aijobs", dir, "--db", db])).stderr).toBe(
      `roledex: E_INPUT cannot read ${dir}: EISDIR\n`,
    );
    const other = join(dir, "postings.csv");
    writeFileSync(other, "title,company,salary\nML Engineer,Acme,$200K\n");
    const result = await runCli(["import-survey", "aijobs", other, "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `roledex: E_INPUT ${other} is not the aijobs salary survey: no column work_year, experience_level, employment_type, job_title, salary_currency, salary_in_usd, employee_residence, remote_ratio, company_location, company_size (columns: title, company, salary)\n`,
    );
    expect(existsSync(db)).toBe(false);
  });

  it("brings a database made before surveys existed up to migration 3, keeping what it held", async () => {
    const db = join(dir, "v2.duckdb");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      await connection.run(m.sql);
      await connection.run(`INSERT INTO schema_migrations VALUES (${m.version}, 'old', now())`);
    }
    await connection.run("INSERT INTO boards (ats, board) VALUES ('greenhouse', 'acme')");
    connection.closeSync();
    instance.closeSync();

    expect((await runCli(["import-survey", "aijobs", csv("upgrade.csv", [GOOD]), "--db", db])).code).toBe(0);
    expect(await surveyRows(db)).toHaveLength(1);
    const store = await DuckDBStore.open(db);
    try {
      expect((await store.boards()).map((b) => b.board)).toEqual(["acme"]);
    } finally {
      await store.close();
    }
  });
});
