// Fixed vocabularies as data: `as const` arrays with their derived union types.

export const ATS_KINDS = ["greenhouse", "ashby", "lever"] as const;
export type Ats = (typeof ATS_KINDS)[number];

/** Where a posting came from: a crawled ATS, or a file brought in with `roledex import`. */
export const SOURCE_KINDS = [...ATS_KINDS, "import"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Role slugs of the taxonomy (../shared/spec/taxonomy.md, kept as data in data/taxonomy/). */
export const ROLES = [
  "research-scientist",
  "research-engineer",
  "applied-scientist",
  "ml-engineer",
  "ai-engineer",
  "ml-infra-engineer",
  "data-scientist",
  "data-engineer",
  "ml-leadership",
  "other",
] as const;
export type Role = (typeof ROLES)[number];

export const SENIORITIES = [
  "intern",
  "entry",
  "mid",
  "senior",
  "staff",
  "principal",
  "manager",
  "director",
  "executive",
  "unspecified",
] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Periods a pay figure can be stated over. */
export const PAY_PERIODS = ["hour", "day", "week", "biweek", "month", "year"] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

/**
 * Multipliers that turn a figure stated per period into a yearly one: a full-time year of
 * 2080 hours (40 h x 52 weeks), 260 working days, 52 weeks, 26 fortnights, 12 months.
 */
export const ANNUALISE: Readonly<Record<PayPeriod, number>> = {
  hour: 2080,
  day: 260,
  week: 52,
  biweek: 26,
  month: 12,
  year: 1,
};

/** base: employer-posted base pay; total: on-target earnings (base + commission); estimate: a third party's estimate; equity: an equity range. */
export const PAY_KINDS = ["base", "total", "estimate", "equity"] as const;
export type PayKind = (typeof PAY_KINDS)[number];

export const WORKPLACES = ["remote", "hybrid", "onsite"] as const;
export type Workplace = (typeof WORKPLACES)[number];

export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (values as readonly string[]).includes(value);

/** Employer industries. Presets, the company table and description cues all map into these. */
export const INDUSTRIES = [
  "ai-lab",
  "big-tech",
  "software",
  "finance",
  "insurance",
  "healthcare",
  "pharma-biotech",
  "government-defense",
  "research-institute",
  "education",
  "consulting-services",
  "retail-consumer",
  "media-entertainment",
  "telecom",
  "energy-utilities",
  "manufacturing",
  "autonomy-robotics",
  "hardware-semiconductors",
  "transportation-logistics",
  "real-estate",
  "nonprofit",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Degrees in ascending order, so "at least a master's" compares. */
export const DEGREES = ["bachelor", "master", "phd"] as const;
export type Degree = (typeof DEGREES)[number];

export const SKILL_CATEGORIES = [
  "language",
  "framework",
  "ml-method",
  "research-area",
  "infrastructure-cloud",
  "data-tool",
  "math-statistics",
  "practice",
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];
