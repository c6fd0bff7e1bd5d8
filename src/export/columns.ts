import type { StoredPosting } from "../store/store.ts";

/**
 * The columns of `roledex export`, as data: each column's name, its type in a typed format (Parquet), what
 * it means and how it is read from a stored posting. Pure: no I/O, so the CLI, the API and tests share it.
 * It does not serialise (export.ts does) and adds nothing the store does not hold: unknown is null, never
 * 0 and never a default, and the raw pay text sits beside the parsed figures so each can be checked.
 */

/** `timestamp` columns are ISO 8601 instants in UTC; Parquet stores them as TIMESTAMP WITH TIME ZONE. */
export type ExportKind = "varchar" | "double" | "boolean" | "timestamp";
export type ExportValue = string | number | boolean | null;

export interface ExportColumn {
  readonly name: string;
  readonly kind: ExportKind;
  readonly description: string;
  readonly get: (p: StoredPosting) => ExportValue;
}

/** A stated string, or null when the source left it empty: an empty cell never pretends to be a value. */
const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === "" ? null : value;

/**
 * Lists are joined with ";" (ISO codes, slugs and skill ids never contain one), in first-seen order without
 * repeats; an empty list is unknown, so null rather than "".
 */
const joined = (values: readonly (string | null)[]): string | null => {
  const unique = [...new Set(values.filter((v): v is string => text(v) !== null))];
  return unique.length > 0 ? unique.join(";") : null;
};

export const EXPORT_COLUMNS = [
  { name: "id", kind: "varchar", description: "stable id: ats:board:source id", get: (p) => p.id },
  {
    name: "ats",
    kind: "varchar",
    description: "where it was read: greenhouse, ashby, lever or import",
    get: (p) => p.ats,
  },
  { name: "board", kind: "varchar", description: "the job board (or import source)", get: (p) => p.board },
  { name: "company", kind: "varchar", description: "employer as stated", get: (p) => text(p.company) },
  { name: "title", kind: "varchar", description: "job title as stated", get: (p) => p.title },
  { name: "team", kind: "varchar", description: "team as stated", get: (p) => text(p.team) },
  { name: "department", kind: "varchar", description: "department as stated", get: (p) => text(p.department) },
  { name: "url", kind: "varchar", description: "the posting's page", get: (p) => text(p.url) },
  { name: "location_raw", kind: "varchar", description: "primary location as stated", get: (p) => text(p.locationRaw) },
  {
    name: "countries",
    kind: "varchar",
    description: "ISO 3166-1 alpha-2 codes of its places, ';'-joined",
    get: (p) => joined(p.places.map((place) => place.country)),
  },
  {
    name: "cities",
    kind: "varchar",
    description: "cities of its places, ';'-joined",
    get: (p) => joined(p.places.map((place) => place.city)),
  },
  { name: "metros", kind: "varchar", description: "metro tags, ';'-joined", get: (p) => joined(p.metros) },
  { name: "workplace", kind: "varchar", description: "remote, hybrid or onsite", get: (p) => p.workplace },
  {
    name: "employment_type",
    kind: "varchar",
    description: "as the source states it",
    get: (p) => text(p.employmentType),
  },
  {
    name: "published_at",
    kind: "varchar",
    description: "publication date or time as the source states it",
    get: (p) => text(p.publishedAt),
  },
  { name: "first_seen", kind: "timestamp", description: "first crawl that listed it", get: (p) => p.firstSeen },
  { name: "last_seen", kind: "timestamp", description: "latest crawl that listed it", get: (p) => p.lastSeen },
  {
    name: "closed_at",
    kind: "timestamp",
    description: "first crawl that no longer listed it; empty while open",
    get: (p) => p.closedAt,
  },
  { name: "role", kind: "varchar", description: "role slug of the taxonomy", get: (p) => p.role },
  { name: "role_confidence", kind: "double", description: "0 to 1", get: (p) => p.roleConfidence },
  { name: "seniority", kind: "varchar", description: "seniority slug", get: (p) => p.seniority },
  {
    name: "taxonomy_version",
    kind: "varchar",
    description: "taxonomy the role was read with",
    get: (p) => p.taxonomyVersion,
  },
  { name: "industry", kind: "varchar", description: "industry slug", get: (p) => p.industry },
  {
    name: "industry_source",
    kind: "varchar",
    description: "preset, company or description",
    get: (p) => p.industrySource,
  },
  {
    name: "pay_text",
    kind: "varchar",
    description: "the pay text as the posting states it",
    get: (p) => text(p.payText),
  },
  {
    name: "pay_raw",
    kind: "varchar",
    description: "the text or structured field the pay figures were read from",
    get: (p) => text(p.pay?.raw),
  },
  {
    name: "pay_kind",
    kind: "varchar",
    description: "base, total, estimate or equity",
    get: (p) => p.pay?.kind ?? null,
  },
  { name: "pay_min", kind: "double", description: "in pay_currency per pay_period", get: (p) => p.pay?.min ?? null },
  { name: "pay_max", kind: "double", description: "in pay_currency per pay_period", get: (p) => p.pay?.max ?? null },
  {
    name: "pay_currency",
    kind: "varchar",
    description: "ISO 4217; empty when not stated",
    get: (p) => p.pay?.currency ?? null,
  },
  {
    name: "pay_period",
    kind: "varchar",
    description: "hour, day, week, biweek, month or year",
    get: (p) => p.pay?.period ?? null,
  },
  {
    name: "pay_annual_min_usd",
    kind: "double",
    description: "pay_min a year in US dollars",
    get: (p) => p.pay?.annualMinUsd ?? null,
  },
  {
    name: "pay_annual_max_usd",
    kind: "double",
    description: "pay_max a year in US dollars",
    get: (p) => p.pay?.annualMaxUsd ?? null,
  },
  {
    name: "pay_fx_rate",
    kind: "double",
    description: "US dollars per unit of pay_currency used",
    get: (p) => p.pay?.fx?.rate ?? null,
  },
  { name: "pay_fx_date", kind: "varchar", description: "date of that rate", get: (p) => p.pay?.fx?.date ?? null },
  {
    name: "equity",
    kind: "boolean",
    description: "true when its pay says equity is offered, false when it does not say; empty without pay",
    get: (p) => p.pay?.equity ?? null,
  },
  { name: "skills", kind: "varchar", description: "skill ids, ';'-joined", get: (p) => joined(p.skills) },
  {
    name: "education_required",
    kind: "varchar",
    description: "lowest degree required",
    get: (p) => p.education.required,
  },
  {
    name: "education_preferred",
    kind: "varchar",
    description: "highest degree preferred",
    get: (p) => p.education.preferred,
  },
  {
    name: "experience_min",
    kind: "double",
    description: "years of experience asked, lower bound",
    get: (p) => p.experienceYears?.min ?? null,
  },
  {
    name: "experience_max",
    kind: "double",
    description: "years of experience asked, upper bound",
    get: (p) => p.experienceYears?.max ?? null,
  },
] as const satisfies readonly ExportColumn[];

export type ExportColumnName = (typeof EXPORT_COLUMNS)[number]["name"];
export type ExportRow = Record<ExportColumnName, ExportValue>;

export const EXPORT_COLUMN_NAMES: readonly ExportColumnName[] = EXPORT_COLUMNS.map((c) => c.name);

/** One posting as one export row, keyed by column name in column order. */
export function toExportRow(p: StoredPosting): ExportRow {
  const row: Partial<ExportRow> = {};
  for (const column of EXPORT_COLUMNS) row[column.name] = column.get(p);
  return row as ExportRow;
}
