import { describe, expect, it } from "vitest";
import type { SurveySalary } from "../domain/survey.ts";
import { surveyFigure } from "./survey.ts";

/** A full-time US ML engineer's answer for 2024 unless told otherwise. */
const answer = (salaryUsd: number, overrides: Partial<SurveySalary> = {}): SurveySalary => ({
  source: "aijobs",
  workYear: 2024,
  experienceLevel: "senior",
  employmentType: "full-time",
  jobTitle: "Machine Learning Engineer",
  salaryUsd,
  salary: salaryUsd,
  salaryCurrency: "USD",
  employeeResidence: "US",
  companyLocation: "US",
  remoteRatio: 0,
  companySize: "medium",
  role: "ml-engineer",
  seniority: "unspecified",
  taxonomyVersion: "1",
  ...overrides,
});

/** Ten US ML engineers in 2024 at 100K..190K, and others that must not count. */
const ROWS: SurveySalary[] = [
  ...Array.from({ length: 10 }, (_, i) => answer(100_000 + i * 10_000, { workYear: 2024 })),
  answer(500_000, { workYear: 2025, jobTitle: "Staff Machine Learning Engineer", seniority: "staff" }),
  answer(90_000, {
    workYear: 2025,
    companyLocation: "GB",
    employeeResidence: "GB",
    jobTitle: "Computer Vision Engineer",
  }),
  answer(40_000, { workYear: 2024, employmentType: "part-time" }),
  answer(60_000, { workYear: 2024, employmentType: "contract" }),
  answer(300_000, { workYear: 2024, role: "research-scientist", jobTitle: "Research Scientist" }),
  answer(70_000, { workYear: 2023 }),
  answer(20_000, { workYear: 2021, companyLocation: "IN", employeeResidence: "IN" }),
];

describe("surveyFigure", () => {
  it("takes full-time answers of the role over the two most recent survey years, and says which", () => {
    const figure = surveyFigure(ROWS, "ml-engineer", {});
    expect(figure).toEqual({
      source: "aijobs",
      label: "self-reported",
      role: "ml-engineer",
      country: null,
      years: [2024, 2025],
      n: 12,
      median: 145_000, // of 90K, 100K..190K, 500K
      ci95: { low: 110_000, high: 180_000 }, // x(3) and x(10) of 12 cover 96.1%
      p25: 117_500,
      p75: 172_500,
      titles: [
        { title: "Machine Learning Engineer", n: 10 },
        { title: "Computer Vision Engineer", n: 1 },
        { title: "Staff Machine Learning Engineer", n: 1 },
      ],
    });
  });

  it("counts only employers in the country asked for, in any case", () => {
    const us = surveyFigure(ROWS, "ml-engineer", { country: "us" });
    expect([us.country, us.n, us.median]).toEqual(["US", 11, 150_000]);
    const gb = surveyFigure(ROWS, "ml-engineer", { country: "GB" });
    expect([gb.n, gb.median, gb.ci95, gb.titles]).toEqual([
      1,
      90_000,
      null,
      [{ title: "Computer Vision Engineer", n: 1 }],
    ]);
    expect(surveyFigure(ROWS, "ml-engineer", { country: null }).n).toBe(12);
  });

  it("opens the window at yearFrom and closes it at the latest survey year", () => {
    const since2023 = surveyFigure(ROWS, "ml-engineer", { yearFrom: 2023 });
    expect([since2023.years, since2023.n]).toEqual([[2023, 2025], 13]);
    const since2020 = surveyFigure(ROWS, "ml-engineer", { yearFrom: 2020, country: "IN" });
    expect([since2020.years, since2020.n, since2020.median]).toEqual([[2020, 2025], 1, 20_000]);
    const only2025 = surveyFigure(ROWS, "ml-engineer", { yearFrom: 2025 });
    expect([only2025.years, only2025.n, only2025.median]).toEqual([[2025, 2025], 2, 295_000]);
  });

  it("measures every role over the survey's recent years, not over each role's own latest ones", () => {
    // research-scientist has answers in 2024 only; the window is still the survey's 2024–2025
    const rs = surveyFigure(ROWS, "research-scientist", {});
    expect([rs.years, rs.n, rs.median]).toEqual([[2024, 2025], 1, 300_000]);
    const old = surveyFigure(
      [answer(80_000, { workYear: 2021 }), answer(90_000, { workYear: 2024, role: "data-scientist" })],
      "ml-engineer",
      {},
    );
    expect([old.years, old.n, old.median]).toEqual([[2021, 2024], 1, 80_000]);
  });

  it("gives a null median, no interval and no titles when nothing matches, never a zero", () => {
    const none = surveyFigure(ROWS, "data-engineer", { country: "US" });
    expect(none).toMatchObject({ n: 0, median: null, p25: null, p75: null, ci95: null, titles: [] });
    expect(none.years).toEqual([2024, 2025]);
    const empty = surveyFigure([], "ml-engineer", { country: "US" });
    expect(empty).toMatchObject({ n: 0, median: null, years: null, country: "US" });
  });

  it("lists the five most common survey titles, ties by name", () => {
    const titles = ["F", "E", "E", "D", "C", "C", "B", "A", "A", "A"].map((t) => answer(100_000, { jobTitle: t }));
    expect(surveyFigure(titles, "ml-engineer", {}).titles).toEqual([
      { title: "A", n: 3 },
      { title: "C", n: 2 },
      { title: "E", n: 2 },
      { title: "B", n: 1 },
      { title: "D", n: 1 },
    ]);
  });
});
