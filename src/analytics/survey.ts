/**
 * The self-reported pay of a role from a salary survey: the figure a report puts beside posted pay, under its
 * own label, so that what people say they earn is never mistaken for what employers offer.
 *
 * Pure: survey rows in, one figure out. It reads full-time answers only (part-time, contract and freelance
 * pay is not a yearly salary to compare with), and a recent window of survey years by default, because pay
 * moves and the survey's early years are small. It does not adjust for inflation or mix in postings.
 */
import type { SurveySalary } from "../domain/survey.ts";
import type { Role } from "../domain/vocab.ts";
import { medianInterval, summarize } from "./stats.ts";

export interface SurveyFigure {
  source: "aijobs";
  label: "self-reported";
  role: Role;
  /** ISO 3166-1 alpha-2 of the employers counted, or null for every country. */
  country: string | null;
  /** The work years counted (inclusive), or null when the survey has no rows at all. */
  years: [number, number] | null;
  n: number;
  /** Median yearly pay in USD; null, never 0, when no answer matches. */
  median: number | null;
  /** Distribution-free 95% interval of the median; null below the sample size that allows one. */
  ci95: { low: number; high: number } | null;
  p25: number | null;
  p75: number | null;
  /** The survey titles counted, most common first (top 5): what "this role" meant in the survey. */
  titles: { title: string; n: number }[];
}

/** How many of the most recent survey years the default window spans. */
export const DEFAULT_SURVEY_YEARS = 2;
const TOP_TITLES = 5;

/** The window of work years: from `yearFrom` (or the second most recent year present) to the latest present. */
function yearWindow(rows: readonly SurveySalary[], yearFrom: number | undefined): [number, number] | null {
  const present = [...new Set(rows.map((r) => r.workYear))].sort((a, b) => b - a);
  const latest = present[0];
  if (latest === undefined) return null;
  if (yearFrom !== undefined) return [yearFrom, Math.max(latest, yearFrom)];
  return [present[Math.min(DEFAULT_SURVEY_YEARS, present.length) - 1] as number, latest];
}

/**
 * The survey figure of one role: full-time answers whose title classifies as `role`, at employers in
 * `country` when given, over `years`. The window is taken from the years present in all of `rows`, not only
 * the role's, so that every role of one report is measured over the same years.
 */
export function surveyFigure(
  rows: readonly SurveySalary[],
  role: Role,
  options: { country?: string | null; yearFrom?: number } = {},
): SurveyFigure {
  const country = options.country ? options.country.toUpperCase() : null;
  const years = yearWindow(rows, options.yearFrom);
  const matched = rows.filter(
    (r) =>
      r.source === "aijobs" &&
      r.role === role &&
      r.employmentType === "full-time" &&
      (country === null || r.companyLocation === country) &&
      years !== null &&
      r.workYear >= years[0] &&
      r.workYear <= years[1],
  );
  const pay = matched.map((r) => r.salaryUsd).sort((a, b) => a - b);
  const { n, median, p25, p75 } = summarize(pay);
  const interval = medianInterval(pay);
  const counts = new Map<string, number>();
  for (const r of matched) counts.set(r.jobTitle, (counts.get(r.jobTitle) ?? 0) + 1);
  const titles = [...counts]
    .map(([title, count]) => ({ title, n: count }))
    .sort((a, b) => b.n - a.n || a.title.localeCompare(b.title))
    .slice(0, TOP_TITLES);
  return {
    source: "aijobs",
    label: "self-reported",
    role,
    country,
    years,
    n,
    median,
    ci95: interval ? { low: interval.low, high: interval.high } : null,
    p25,
    p75,
    titles,
  };
}
