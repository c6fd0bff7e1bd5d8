/**
 * The aijobs.net salary survey (CC0; foorilla/ai-jobs-net-salaries): a zod schema of one CSV row and a pure
 * mapper to SurveySalary, with the taxonomy role and seniority of the respondent's title.
 *
 * Pure: text or rows in, values out; reading the file and writing the store are the CLI's. A row that cannot
 * be read (pay that is not a number, an empty title, a code outside the survey's vocabulary, a row with too
 * many or too few fields) becomes issues and is skipped, never thrown and never dropped silently. It does not
 * convert currencies: `salary_in_usd` is the survey's own conversion and is taken as published.
 */
import { z } from "zod";
import { type RecordIssue, RoledexError } from "../../domain/errors.ts";
import type { Classification } from "../../domain/posting.ts";
import type { CompanySize, ExperienceLevel, SurveyEmploymentType, SurveySalary } from "../../domain/survey.ts";
import { classifyTitle } from "../../normalize/classify-title.ts";
import { parseCsv } from "../../normalize/csv.ts";

/** The survey's header, in its published order. */
export const AIJOBS_COLUMNS = [
  "work_year",
  "experience_level",
  "employment_type",
  "job_title",
  "salary",
  "salary_currency",
  "salary_in_usd",
  "employee_residence",
  "remote_ratio",
  "company_location",
  "company_size",
] as const;

const EXPERIENCE: Readonly<Record<string, ExperienceLevel>> = { EN: "entry", MI: "mid", SE: "senior", EX: "executive" };
const EMPLOYMENT: Readonly<Record<string, SurveyEmploymentType>> = {
  FT: "full-time",
  PT: "part-time",
  CT: "contract",
  FL: "freelance",
};
const SIZE: Readonly<Record<string, CompanySize>> = { S: "small", M: "medium", L: "large" };

const field = (name: string) => z.string({ error: `${name} is missing` }).trim();

const code = <T extends string>(name: string, map: Readonly<Record<string, T>>) =>
  field(name)
    .toUpperCase()
    .refine((v) => Object.hasOwn(map, v), `${name} is not one of ${Object.keys(map).join(", ")}`)
    .transform((v) => map[v] as T);

const wholeNumber = (name: string, min: number, max: number) =>
  field(name)
    .regex(/^\d+$/, `${name} is not a whole number`)
    .transform(Number)
    .refine((v) => v >= min && v <= max, `${name} is outside ${min}–${max}`);

/** Pay as the survey writes it: digits, maybe a decimal part; no separators, no symbols, never zero. */
const pay = (name: string) =>
  field(name)
    .regex(/^\d+(?:\.\d+)?$/, `${name} is not a number`)
    .transform(Number)
    .refine((v) => v > 0, `${name} is zero`);

const isoCode = (name: string, length: 2 | 3) =>
  field(name)
    .toUpperCase()
    .regex(length === 2 ? /^[A-Z]{2}$/ : /^[A-Z]{3}$/, `${name} is not a ${length}-letter code`);

/** One row of the survey CSV, as csv-parse gives it (every field a string), validated and typed. */
export const aijobsRow = z.object({
  work_year: wholeNumber("work_year", 2000, 2100),
  experience_level: code("experience_level", EXPERIENCE),
  employment_type: code("employment_type", EMPLOYMENT),
  job_title: field("job_title").min(1, "job_title is empty"),
  salary: pay("salary"),
  salary_currency: isoCode("salary_currency", 3),
  salary_in_usd: pay("salary_in_usd"),
  employee_residence: isoCode("employee_residence", 2),
  remote_ratio: wholeNumber("remote_ratio", 0, 100),
  company_location: isoCode("company_location", 2),
  company_size: code("company_size", SIZE),
});
export type AijobsRow = z.infer<typeof aijobsRow>;

const fieldOf = (row: unknown, key: PropertyKey | undefined): unknown =>
  typeof row === "object" && row !== null && key !== undefined ? (row as Record<PropertyKey, unknown>)[key] : undefined;

/**
 * One survey row to a SurveySalary, or null with the reasons. `classify` defaults to classifyTitle; a batch
 * passes a memoized one (the survey repeats ~300 titles over 74k rows).
 */
export function toSurveySalary(
  row: unknown,
  classify: (title: string) => Classification = (title) => classifyTitle({ title }),
): { salary: SurveySalary | null; issues: RecordIssue[] } {
  const parsed = aijobsRow.safeParse(row);
  if (!parsed.success) {
    return {
      salary: null,
      issues: parsed.error.issues.map((issue) => {
        const key = issue.path[0];
        const input = fieldOf(row, key);
        return {
          code: "survey.row_invalid",
          path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
          message: issue.message,
          ...(input === undefined ? {} : { input: typeof input === "string" ? input.slice(0, 80) : input }),
        };
      }),
    };
  }
  const r = parsed.data;
  const { role, seniority, taxonomyVersion } = classify(r.job_title);
  return {
    salary: {
      source: "aijobs",
      workYear: r.work_year,
      experienceLevel: r.experience_level,
      employmentType: r.employment_type,
      jobTitle: r.job_title,
      salaryUsd: r.salary_in_usd,
      salary: r.salary,
      salaryCurrency: r.salary_currency,
      employeeResidence: r.employee_residence,
      companyLocation: r.company_location,
      remoteRatio: r.remote_ratio,
      companySize: r.company_size,
      role,
      seniority,
      taxonomyVersion,
    },
    issues: [],
  };
}

export interface SurveyRead {
  /** Data rows in the file. */
  read: number;
  salaries: SurveySalary[];
  /** Issues of the skipped rows; `path[0]` is the 1-based data row. */
  issues: RecordIssue[];
  /** Rows skipped: `read - salaries.length`. */
  skipped: number;
}

/**
 * The survey's CSV text to SurveySalary values. A file that is not CSV, is empty, or lacks one of the
 * survey's columns is an E_INPUT error (it is not this survey); single bad rows are issues.
 */
export function readAijobsCsv(text: string, name: string): SurveyRead {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (cause) {
    throw new RoledexError("E_INPUT", `${name} is not valid CSV: ${(cause as Error).message}`, { cause });
  }
  const [header, ...body] = rows;
  if (header === undefined) throw new RoledexError("E_INPUT", `${name} is empty`);
  const names = header.map((h) => h.trim());
  const missing = AIJOBS_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new RoledexError(
      "E_INPUT",
      `${name} is not the aijobs salary survey: no column ${missing.join(", ")} (columns: ${names.slice(0, 12).join(", ")})`,
    );
  }
  const cache = new Map<string, Classification>();
  const classify = (title: string): Classification => {
    let c = cache.get(title);
    if (c === undefined) {
      c = classifyTitle({ title });
      cache.set(title, c);
    }
    return c;
  };
  const salaries: SurveySalary[] = [];
  const issues: RecordIssue[] = [];
  body.forEach((cells, i) => {
    const row = i + 1;
    // A row with more or fewer fields than the header has its values under the wrong names (an unquoted
    // comma in a title shifts every field after it), so none of it can be trusted.
    if (cells.length !== names.length) {
      issues.push({
        code: "survey.ragged_row",
        path: [row],
        message: `row has ${cells.length} fields, header ${names.length}`,
        input: cells.join(",").slice(0, 80),
      });
      return;
    }
    const record = Object.fromEntries(names.map((n, c) => [n, cells[c]]));
    const mapped = toSurveySalary(record, classify);
    if (mapped.salary) salaries.push(mapped.salary);
    else issues.push(...mapped.issues.map((issue) => ({ ...issue, path: [row, ...issue.path] })));
  });
  return { read: body.length, salaries, issues, skipped: body.length - salaries.length };
}
