import { describe, expect, it } from "vitest";
import { isRoledexError, type RoledexError } from "../../domain/errors.ts";
import { TAXONOMY_VERSION } from "../../normalize/taxonomy.ts";
import { AIJOBS_COLUMNS, readAijobsCsv, toSurveySalary } from "./aijobs.ts";

const HEADER = AIJOBS_COLUMNS.join(",");

/** A CSV row as csv-parse gives it, from a line in the survey's own shape. */
const row = (line: string) => {
  const cells = line.split(",");
  return Object.fromEntries(AIJOBS_COLUMNS.map((c, i) => [c, cells[i] ?? ""]));
};

function inputError(work: () => unknown): RoledexError {
  try {
    work();
  } catch (error) {
    if (isRoledexError(error)) return error;
    throw error;
  }
  throw new Error("expected a RoledexError");
}

describe("toSurveySalary", () => {
  it("maps a survey row with its pay in euros to every field, role and seniority from the title", () => {
    expect(toSurveySalary(row("2025,MI,FT,Prompt Engineer,65000,EUR,68421,AT,0,AT,M"))).toEqual({
      salary: {
        source: "aijobs",
        workYear: 2025,
        experienceLevel: "mid",
        employmentType: "full-time",
        jobTitle: "Prompt Engineer",
        salaryUsd: 68421,
        salary: 65000,
        salaryCurrency: "EUR",
        employeeResidence: "AT",
        companyLocation: "AT",
        remoteRatio: 0,
        companySize: "medium",
        role: "ai-engineer",
        seniority: "unspecified",
        taxonomyVersion: TAXONOMY_VERSION,
      },
      issues: [],
    });
  });

  it.each([
    ["2024,EN,PT,Data Analyst,52000,USD,52000,US,100,US,S", "entry", "part-time", "small"],
    ["2024,SE,CT,Data Engineer,150000,USD,150000,US,50,US,L", "senior", "contract", "large"],
    ["2022,EX,FL,Consultant,120000,USD,120000,PL,0,PL,S", "executive", "freelance", "small"],
  ] as const)("reads the survey's codes in %j", (line, experienceLevel, employmentType, companySize) => {
    expect(toSurveySalary(row(line)).salary).toMatchObject({ experienceLevel, employmentType, companySize });
  });

  it("keeps the survey's experience band apart from the seniority the title states", () => {
    const staff = toSurveySalary(row("2024,MI,FT,Staff Machine Learning Engineer,210000,USD,210000,US,0,US,M"));
    expect(staff.salary).toMatchObject({ role: "ml-engineer", seniority: "staff", experienceLevel: "mid" });
    const plain = toSurveySalary(row("2024,SE,FT,Machine Learning Engineer,210000,USD,210000,US,0,US,M"));
    expect(plain.salary).toMatchObject({ role: "ml-engineer", seniority: "unspecified", experienceLevel: "senior" });
  });

  it("trims fields and upper-cases codes", () => {
    const r = row(" 2024 ,se,ft, Research Scientist ,180000,usd,180000,us,0,us,l");
    expect(toSurveySalary(r).salary).toMatchObject({
      workYear: 2024,
      experienceLevel: "senior",
      jobTitle: "Research Scientist",
      salaryCurrency: "USD",
      companyLocation: "US",
      companySize: "large",
      role: "research-scientist",
    });
  });

  it("turns pay that is not a plain positive number into an issue with the raw value, not a zero", () => {
    expect(toSurveySalary(row("2024,SE,FT,Data Scientist,150000,USD,150k,US,0,US,M"))).toEqual({
      salary: null,
      issues: [
        {
          code: "survey.row_invalid",
          path: ["salary_in_usd"],
          message: "salary_in_usd is not a number",
          input: "150k",
        },
      ],
    });
    const separators = toSurveySalary({ ...row("2024,SE,FT,Data Scientist,1,USD,1,US,0,US,M"), salary: "150,000" });
    expect(separators.issues.map((i) => [i.path, i.input])).toEqual([[["salary"], "150,000"]]);
    const zero = toSurveySalary(row("2024,SE,FT,Data Scientist,0,USD,0,US,0,US,M"));
    expect(zero.issues.map((i) => i.message)).toEqual(["salary is zero", "salary_in_usd is zero"]);
  });

  it("says which fields are wrong: empty title, unknown codes, a bad year or remote ratio", () => {
    const bad = toSurveySalary(row("20x4,XX,FT,  ,100000,USD,100000,USA,150,US,XL"));
    expect(bad.salary).toBeNull();
    expect(bad.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["work_year", "work_year is not a whole number"],
      ["experience_level", "experience_level is not one of EN, MI, SE, EX"],
      ["job_title", "job_title is empty"],
      ["employee_residence", "employee_residence is not a 2-letter code"],
      ["remote_ratio", "remote_ratio is outside 0–100"],
      ["company_size", "company_size is not one of S, M, L"],
    ]);
  });

  it("never throws: a missing field or something that is not a row is an issue", () => {
    const { job_title: _title, ...noTitle } = row("2024,SE,FT,x,100000,USD,100000,US,0,US,M");
    expect(toSurveySalary(noTitle).issues).toEqual([
      { code: "survey.row_invalid", path: ["job_title"], message: "job_title is missing" },
    ]);
    for (const junk of [null, 42, "2024,SE", []]) {
      const mapped = toSurveySalary(junk);
      expect(mapped.salary).toBeNull();
      expect(mapped.issues).toHaveLength(1);
    }
  });
});

describe("readAijobsCsv", () => {
  it("reads every row, numbers the skipped ones from 1 and says why, and reads quoted titles", () => {
    const text = [
      HEADER,
      "2024,SE,FT,Machine Learning Engineer,200000,USD,200000,US,0,US,M",
      "2024,SE,FT,,200000,USD,200000,US,0,US,M",
      '2024,MI,FT,"Data Scientist, NLP",90000,GBP,113000,GB,100,GB,L',
      "2024,SE,FT,Data Scientist, NLP,90000,GBP,113000,GB,100,GB,L",
      "2023,EN,FT,Data Engineer,abc,USD,abc,US,0,US,S",
    ].join("\r\n");
    const read = readAijobsCsv(text, "s.csv");
    expect([read.read, read.salaries.length, read.skipped]).toEqual([5, 2, 3]);
    expect(read.salaries.map((s) => [s.jobTitle, s.role])).toEqual([
      ["Machine Learning Engineer", "ml-engineer"],
      ["Data Scientist, NLP", "data-scientist"],
    ]);
    expect(read.issues.map((i) => [i.code, i.path])).toEqual([
      ["survey.row_invalid", [2, "job_title"]],
      ["survey.ragged_row", [4]],
      ["survey.row_invalid", [5, "salary"]],
      ["survey.row_invalid", [5, "salary_in_usd"]],
    ]);
    expect(read.issues[1]?.message).toBe("row has 12 fields, header 11");
  });

  it("accepts the columns in any order, extra columns and a byte-order mark", () => {
    const text = `\uFEFFid,${[...AIJOBS_COLUMNS].reverse().join(",")}\n7,M,US,0,US,160000,USD,160000,AI Engineer,FT,SE,2025\n`;
    const read = readAijobsCsv(text, "r.csv");
    expect(read.issues).toEqual([]);
    expect(read.salaries[0]).toMatchObject({ workYear: 2025, jobTitle: "AI Engineer", salaryUsd: 160000 });
  });

  it("reads a header without rows as no rows", () => {
    expect(readAijobsCsv(`${HEADER}\n`, "h.csv")).toEqual({ read: 0, salaries: [], issues: [], skipped: 0 });
  });

  it("says E_INPUT for an empty file and for a CSV that is not the survey, naming the missing columns", () => {
    expect(inputError(() => readAijobsCsv("", "empty.csv")).message).toBe("empty.csv is empty");
    const other = inputError(() => readAijobsCsv("title,company,salary\nML Engineer,Acme,$200K\n", "jobs.csv"));
    expect(other.code).toBe("E_INPUT");
    expect(other.message).toBe(
      "jobs.csv is not the aijobs salary survey: no column work_year, experience_level, employment_type, job_title, salary_currency, salary_in_usd, employee_residence, remote_ratio, company_location, company_size (columns: title, company, salary)",
    );
    expect(inputError(() => readAijobsCsv(`${HEADER}\n"unclosed,quote\n`, "q.csv")).message).toMatch(
      /^q\.csv is not valid CSV: /,
    );
  });
});
