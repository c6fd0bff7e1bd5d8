import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "./csv.ts";
import { MAX_DESCRIPTION_CHARS } from "./education.ts";
import { parseExperienceYears, readExperienceStatements } from "./experience.ts";

const years = (text: string) => parseExperienceYears(text).years;

describe("parseExperienceYears: the brief's forms", () => {
  it.each([
    ["5+ years of experience", 5, null],
    ["3-5 years of experience", 3, 5],
    ["3 to 5 years of experience", 3, 5],
    ["at least 2 years of experience", 2, null],
    ["minimum of 7 years of experience", 7, null],
    ["two years of experience", 2, null],
    ["5+ yrs of experience", 5, null],
    ["10 years of industry experience", 10, null],
  ] as const)("reads %j as {%s, %s}", (text, min, max) => {
    expect(years(text)).toEqual({ min, max });
  });
});

describe("parseExperienceYears: every unit word the fast scan must reach", () => {
  it.each([
    ["5+ YEARS of experience", 5, null],
    ["3 Yrs. of experience", 3, null],
    ["6 Months experience", 0.5, null],
    ["2 YR of experience", 2, null],
    ["Minimum 5 yearsExperience in Python required", 5, null], // a glued word split by the screen
  ] as const)("reads %j as {%s, %s}", (text, min, max) => {
    expect(years(text)).toEqual({ min, max });
  });

  it("reads a figure under a preferred header as preferred", () => {
    const text = "2 years of experience\nPreferred Qualifications\n5+ years of experience";
    expect(readExperienceStatements(text).statements.map((s) => s.kind)).toEqual(["required", "preferred"]);
    expect(years(text)).toEqual({ min: 2, max: null });
  });
});

// Hand-checked: real sentences from ../shared/corpus/descriptions, each with the range read by hand.
const HAND_CHECKED: [string, number | null, number | null][] = [
  ["3+ years of professional experience in Data Science or Applied Machine Learning required", 3, null],
  [
    "Must have: MS in Applied Math, Statistics or Quantitative Finance, plus at least 3 years of experience as a Data Scientist",
    3,
    null,
  ],
  ["10+ years’ experience in data programing languages such as java or python", 10, null],
  [
    "Ideal applicant must have a minimum of 5 years of experience and should be proficient in the use of Power BI",
    5,
    null,
  ],
  ["Experience with Python (2+ years).", 2, null],
  ["Background in STEM with 2+ year experience as a data scientist with specialization in machine learning", 2, null],
  ["Doctorate in scientific discipline and more than one year experience in relevant field; or", 1, null],
  ["Minimum 2 years of industry-based experience, post Ph.D., in the development of immunoassays", 2, null],
  ["Requires a BS degree in Computer Science, Computer Engineering with 0-5 years of experience.", 0, 5],
  ["3-5 years of relevant experience in applying quantitative methods in investing", 3, 5],
  [
    "2 years professional experience as software development engineer, data scientist, or machine learning engineer",
    2,
    null,
  ],
  ["Have worked in a data science role for 2+ years professionally or academically", 2, null],
  ["ASRC Federal ExaTech is currently seeking:+ Ten (10) years of experience as a Data Scientist", 10, null],
  [
    "Typically requires a minimum of 5 years of related experience with a Bachelor's degree; or 3 years and a Master's degree; or a PhD without experience",
    3,
    null,
  ],
  ["Bachelor’ s degree & 2 years of directly related experience", 2, null],
  ["Two years' work experience in data mining, statistical analysis, or numeric analysis.", 2, null],
  ["You have 1-2 years of industry data science experience", 1, 2],
  ["6 or more years of experience working in data or backend engineering", 6, null],
  ["+ BS/BA with 5 years of experience, MS/MA with 3 years of experience, or PhD with 1 year of experience", 1, null],
  [
    "BS in Computer Science or related discipline with ten (10) years of experience\nOR MS in the same fields with eight (8) years of experience\nOR PhD with five (5) years of experience",
    5,
    null,
  ],
  ["5+ years of experience in Data Science.\n2+ years of programming experience in Java/Scala and/or Python", 5, null],
  ["Minimum of 5 years of relevant work-related experience, 10+ years preferred", 5, null],
  ["Requirements:0 - 3 + years of full stack software development experience", 0, 3],
  ["Minimum 5 yrs. on the job with mechanical license.", 5, null],
  ["At least 2 yrs. experience in a Supply Chain role", 2, null],
  ["EXP: 10+ Years", 10, null],
  ["Three (or more) years of experience working as a data engineer, ETL developer and/or data warehouse DBA.", 3, null],
  ["You have up to 10 years of experience working in a data-driven role.", 0, 10],
  ["Minimum of two (2) or more years of experience in Data Science", 2, null],
  ["Requires 4-8 years of relevant experience\nMay substitute a Masters degree for two years experience", 4, 8],
  ["5+ years combined experience, with 2+ years in any particular language", 5, null],
  ["7-10 Years of experience applying advanced analytics and data mining methods", 7, 10],
  // Not experience.
  ["For more than 40 years, Genentech has been at the forefront of the biotechnology industry", null, null],
  ["Over the past 3 years, the growth of the business is by more than 300%.", null, null],
  ["Named a Glassdoor Best Place to Work two years in a row.", null, null],
  ["An annual 401(k) contribution, beginning after 1 year of service, of 10% of pay", null, null],
  [
    "Candidates must have lived in the United States for at least three out of the past five years prior to your application date.",
    null,
    null,
  ],
  ["Our local, family-owned company offers a stable work environment with 75 years in business.", null, null],
  [
    "Minimum age requirement: incoming 9th grader or at least 14 years old, with parental/guardian consent.",
    null,
    null,
  ],
  ["4-year degree or equivalent in data-science related field.", null, null],
  [
    "Health Alliance Solutions is a minority-owned company with over 30 years of experience in the healthcare industry.",
    null,
    null,
  ],
  ["With over 75 years of experience, we specialize in selling, installing, and repairing HVAC", null, null],
  ["Pay: $140,000.00 - $185,000.00 per year", null, null],
  ["Bachelor's degree or eight or more years of work experience.", null, null],
];

describe("parseExperienceYears on hand-checked corpus sentences", () => {
  it("has at least 40 hand-checked sentences", () => {
    expect(HAND_CHECKED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HAND_CHECKED)("reads %j as {%s, %s}", (text, min, max) => {
    expect(years(text)).toEqual(min === null && max === null ? null : { min, max });
  });
});

describe("parseExperienceYears: the brief's negatives", () => {
  it.each([
    "The company was founded 20 years ago.",
    "Matching 401k plan.",
    "We cover 2 years of tuition.",
    "Applicants must be at least 18 years of age.",
    "Kids 5 years old and up are welcome.",
    "Over the past 5 years we have grown to 500 people.",
    "This is a 2-year contract.",
    "10 paid days off per year.",
  ])("finds no experience in %j", (text) => {
    expect(parseExperienceYears(text)).toEqual({ years: null, issues: [] });
  });
});

describe("parseExperienceYears: several statements", () => {
  it("takes the lowest of alternatives: 3+ years with a BS or 1+ year with a PhD is min 1", () => {
    expect(years("3+ years of experience with a BS or 1+ year with a PhD")).toEqual({ min: 1, max: null });
  });

  it("takes the largest of separate requirements: the overall figure binds, not a skill's", () => {
    expect(years("5+ years of experience in data science\n2+ years of experience with Spark")).toEqual({
      min: 5,
      max: null,
    });
  });

  it("keeps the largest stated max only when it is not below min", () => {
    expect(years("3-5 years of experience in analytics\n2-4 years of experience with SQL")).toEqual({ min: 3, max: 5 });
    expect(years("5+ years of experience in data science\n2-3 years of experience with Spark")).toEqual({
      min: 5,
      max: null,
    });
  });

  it("ignores preferred years when required ones exist, and uses them with a note when alone", () => {
    expect(years("3+ years of experience required; 7+ years of experience preferred")).toEqual({ min: 3, max: null });
    const alone = parseExperienceYears("Preferred Qualifications:\n5+ years of experience building ML systems");
    expect(alone.years).toEqual({ min: 5, max: null });
    expect(alone.issues.map((i) => i.code)).toEqual(["experience.preferred_only"]);
  });

  it("reads months as a fraction of a year", () => {
    expect(years("6+ months of experience with Python")).toEqual({ min: 0.5, max: null });
  });

  it("lists the statements for audit", () => {
    const { statements } = readExperienceStatements("BS with 2+ years, or MS with 0-3 years of experience");
    expect(statements.map((s) => [s.min, s.max, s.orPrevious])).toEqual([
      [2, null, false],
      [0, 3, true],
    ]);
  });
});

describe("parseExperienceYears: hostile input", () => {
  it.each([
    ["", "experience.empty"],
    ["x".repeat(MAX_DESCRIPTION_CHARS + 1), "experience.too_long"],
    ["5+ years of experience. ".repeat(45_000), "experience.too_long"], // about 1 MB
    [String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), "experience.binary"],
    ["[{(".repeat(30_000), "experience.not_prose"],
  ])("yields null with an issue for %#", (text, code) => {
    const { years: y, issues } = parseExperienceYears(text);
    expect(y).toBeNull();
    expect(issues.map((i) => i.code)).toEqual([code]);
  });

  it("says `not_text` instead of throwing when handed something that is not a string", () => {
    for (const value of [null, undefined, 7, ["5 years"]]) {
      const { years: y, issues } = parseExperienceYears(value as unknown as string);
      expect(y).toBeNull();
      expect(issues.map((i) => i.code)).toEqual(["experience.not_text"]);
    }
  });

  it("reads a pathological text just under the limit in bounded time (no catastrophic backtracking)", () => {
    const n = MAX_DESCRIPTION_CHARS - 100;
    const texts = [
      "5-5-5-5-".repeat(n / 8),
      `${"1 ".repeat(n / 2 - 10)}years`,
      "years ".repeat(n / 6),
      `${"at least ".repeat(n / 9 - 10)}5 years`,
      `${" ".repeat(n - 20)}5 years experience`,
      "(((5))) years ".repeat(n / 14),
      // prose-like, so that they pass the screen and exercise the scan
      "at least five (5) or more years of experience ".repeat(n / 47),
      "experience: 3-5 years (Required) ".repeat(n / 33),
      "5 years or 5 years or ".repeat(n / 22),
    ];
    for (const text of texts) {
      const started = performance.now();
      const { issues } = parseExperienceYears(text);
      expect(performance.now() - started, text.slice(0, 30)).toBeLessThan(2_000);
      expect(issues.every((i) => i.code.startsWith("experience."))).toBe(true);
    }
  });

  it("stops after MAX_UNITS year figures, with an issue", () => {
    const { issues } = parseExperienceYears("2 years. ".repeat(3_000));
    expect(issues.map((i) => i.code)).toContain("experience.too_many_figures");
  });
});

// ---------------------------------------------------------------------------------------------------
// The real corpus (../shared/corpus, never copied into the repository): absent in a user's fresh clone.

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
const HAS_CORPUS = existsSync(`${CORPUS}descriptions/linkedin-2024-sample.csv`);
if (!HAS_CORPUS)
  console.warn(`experience corpus evaluation skipped: ${CORPUS} not found (the shared corpus is not checked out)`);
const records = (path: string) => parseCsvRecords(readFileSync(`${CORPUS}${path}`, "utf8"));

describe.skipIf(!HAS_CORPUS)("parseExperienceYears against seniority labels (shared/corpus/descriptions)", () => {
  it("agrees loosely with LinkedIn's experience level: entry mostly min ≤ 2, mid-senior mostly min ≥ 3", () => {
    const mins: Record<string, number[]> = {};
    for (const r of records("descriptions/linkedin-2024-sample.csv")) {
      const level = r.formatted_experience_level ?? "";
      const min = parseExperienceYears(r.description ?? "").years?.min;
      if (level !== "" && min !== undefined && min !== null) mins[level] = [...(mins[level] ?? []), min];
    }
    const entry = mins["Entry level"] ?? [];
    const senior = mins["Mid-Senior level"] ?? [];
    console.info("experience min by LinkedIn level:", mins);
    expect(entry.length).toBeGreaterThanOrEqual(3);
    expect(senior.length).toBeGreaterThanOrEqual(10);
    expect(entry.filter((m) => m <= 2).length / entry.length).toBeGreaterThanOrEqual(0.75);
    expect(senior.filter((m) => m >= 3).length / senior.length).toBeGreaterThanOrEqual(0.75);
  });

  it("gives Glassdoor's senior titles higher minimums than the rest", () => {
    const seen = new Set<string>();
    const mins: Record<string, number[]> = {};
    // The other ways to combine several figures, for the comparison in the docs.
    const rules: Record<string, Record<string, number[]>> = { smallest: {}, first: {}, largest: {} };
    for (const r of records("descriptions/glassdoor-ds-2020-parsed.csv")) {
      const text = r["Job Description"] ?? "";
      if (seen.has(text)) continue;
      seen.add(text);
      const min = parseExperienceYears(text).years?.min;
      const key = r.seniority ?? "";
      if (min !== undefined && min !== null) mins[key] = [...(mins[key] ?? []), min];
      const all = readExperienceStatements(text).statements;
      const required = all.filter((st) => st.kind === "required");
      const used = (required.length > 0 ? required : all).flatMap((st) => (st.min === null ? [] : [st.min]));
      if (used.length === 0) continue;
      const pick = { smallest: Math.min(...used), first: used[0] as number, largest: Math.max(...used) };
      for (const [rule, value] of Object.entries(pick)) {
        const byLevel = rules[rule] as Record<string, number[]>;
        byLevel[key] = [...(byLevel[key] ?? []), value];
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    const atLeast3 = (xs: number[]) => xs.filter((m) => m >= 3).length / xs.length;
    const senior = mins.senior ?? [];
    const other = mins.na ?? [];
    const summary = (byLevel: Record<string, number[]>) => ({
      senior: {
        n: byLevel.senior?.length,
        median: median(byLevel.senior ?? []),
        atLeast3: atLeast3(byLevel.senior ?? []),
      },
      other: { n: byLevel.na?.length, median: median(byLevel.na ?? []), atLeast3: atLeast3(byLevel.na ?? []) },
    });
    console.info("experience min, glassdoor-ds-2020-parsed (title seniority):", {
      binding: summary(mins),
      smallest: summary(rules.smallest ?? {}),
      first: summary(rules.first ?? {}),
      largest: summary(rules.largest ?? {}),
    });
    expect(median(senior)).toBeGreaterThanOrEqual(5);
    expect(median(other)).toBeLessThan(median(senior));
    expect(atLeast3(senior)).toBeGreaterThan(atLeast3(other) + 0.1);
  });
});
