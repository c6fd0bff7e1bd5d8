import type { RecordIssue } from "../../domain/errors.ts";
import type { Pay, SourcePosting } from "../../domain/posting.ts";
import type { PayPeriod } from "../../domain/vocab.ts";
import { htmlToText } from "../../normalize/html-text.ts";
import { payFromRange } from "../../normalize/pay.ts";
import { postingId, trimOrNull } from "../connector.ts";
import { isJobPosting, jobPostingFields } from "./json-ld.ts";
import type { ImportRecord } from "./records.ts";

/** The fields an imported record can fill. */
export const IMPORT_FIELDS = [
  "id",
  "title",
  "company",
  "location",
  "team",
  "department",
  "description",
  "url",
  "publishedAt",
  "payText",
  "payMin",
  "payMax",
  "payCurrency",
  "payPeriod",
  "employmentType",
  "remote",
  "industry",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** Column names each field is looked for under, compared without case, spaces or punctuation. */
const SYNONYMS: Record<ImportField, string[]> = {
  id: ["id", "jobid", "postingid", "index", ""],
  title: ["title", "jobtitle", "position", "positiontitle", "role"],
  company: ["company", "companyname", "employer", "hiringorganization", "organization"],
  location: ["location", "joblocation", "locations", "city"],
  team: ["team"],
  department: ["department", "dept"],
  description: ["description", "jobdescription", "descriptiontext", "descriptionhtml", "descriptionplain", "content"],
  url: ["url", "joburl", "jobpostingurl", "postingurl", "link", "hostedurl", "absoluteurl"],
  publishedAt: ["publishedat", "dateposted", "posted", "postedat", "listedtime", "createdat", "firstpublished"],
  payText: ["paytext", "salary", "salaryestimate", "pay", "compensation", "salaryrange", "payrange"],
  payMin: ["paymin", "minsalary", "salarymin", "minpay"],
  payMax: ["paymax", "maxsalary", "salarymax", "maxpay"],
  payCurrency: ["paycurrency", "currency", "salarycurrency"],
  payPeriod: ["payperiod", "salaryperiod", "interval", "payinterval", "unittext"],
  employmentType: ["employmenttype", "formattedworktype", "worktype", "commitment", "jobtype"],
  remote: ["remote", "remoteallowed", "isremote"],
  industry: ["sector", "industry"],
};

const fold = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Which column fills each field: the user's --map first, else the first column whose name is a synonym. */
export function resolveMapping(columns: readonly string[], overrides: ColumnMapping = {}): ColumnMapping {
  const byFolded = new Map<string, string>();
  for (const c of columns) if (!byFolded.has(fold(c))) byFolded.set(fold(c), c);
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = overrides[field] ?? SYNONYMS[field].map((s) => byFolded.get(s)).find((c) => c !== undefined);
    if (column !== undefined) mapping[field] = column;
  }
  return mapping;
}

const PERIODS: Record<string, PayPeriod> = {
  hour: "hour",
  hourly: "hour",
  perhour: "hour",
  perhourwage: "hour",
  day: "day",
  daily: "day",
  perdaywage: "day",
  week: "week",
  weekly: "week",
  perweeksalary: "week",
  biweek: "biweek",
  biweekly: "biweek",
  month: "month",
  monthly: "month",
  permonthsalary: "month",
  year: "year",
  yearly: "year",
  annual: "year",
  annually: "year",
  peryearsalary: "year",
};

function cell(record: ImportRecord, column: string | undefined): string | null {
  if (column === undefined) return null;
  const v = record[column];
  if (v === null || v === undefined) return null;
  return trimOrNull(
    typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v),
  );
}

const looksLikeHtml = (s: string) => /<\/?(p|div|br|li|ul|strong|b|span|h\d)\b/i.test(s);

function dateOf(value: string | null): string | null {
  if (value === null) return null;
  if (/^\d{12,14}(\.0+)?$/.test(value)) return new Date(Number(value)).toISOString(); // epoch milliseconds
  return value;
}

function structuredPay(record: ImportRecord, m: ColumnMapping, raw: string, issues: RecordIssue[]): Pay[] {
  const min = Number.parseFloat(cell(record, m.payMin) ?? "");
  const max = Number.parseFloat(cell(record, m.payMax) ?? "");
  if (Number.isNaN(min) && Number.isNaN(max)) return [];
  const periodText = cell(record, m.payPeriod);
  const period = periodText ? PERIODS[fold(periodText)] : undefined;
  if (!period) {
    // Without a period a number is not pay we can state (a "56" might be thousands a year): say so, keep the row.
    issues.push({
      code: "pay.period_unknown",
      path: ["payPeriod"],
      message: `no pay period for ${min}–${max}`,
      input: periodText,
    });
    return [];
  }
  const currency = cell(record, m.payCurrency)?.toUpperCase() ?? null;
  return [
    payFromRange({
      min: Number.isNaN(min) ? null : min,
      max: Number.isNaN(max) ? null : max,
      currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
      period,
      raw,
    }),
  ];
}

/**
 * One imported record as a SourcePosting. Pure. A record without a title is not a posting: it yields null
 * and an issue. Schema.org JobPostings are read by their own fields.
 */
export function importToPosting(
  input: ImportRecord,
  mapping: ColumnMapping,
  context: { source: string; row: number },
): { posting: SourcePosting | null; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const jsonLd = isJobPosting(input);
  const record = jsonLd ? jobPostingFields(input) : input;
  const m = jsonLd ? resolveMapping(Object.keys(record)) : mapping;
  const title = cell(record, m.title)?.split("\n")[0]?.trim();
  if (!title) {
    issues.push({ code: "import.no_title", path: ["title"], message: "record has no title" });
    return { posting: null, issues };
  }
  const sourceId = cell(record, m.id) ?? String(context.row);
  const description = cell(record, m.description);
  const location = cell(record, m.location);
  const remote = cell(record, m.remote);
  const payColumns = [m.payMin, m.payMax, m.payCurrency, m.payPeriod].map((c) => cell(record, c));
  const pays = jsonLd
    ? ((record.payStructured as Pay[] | undefined) ?? [])
    : structuredPay(record, m, JSON.stringify(payColumns), issues);
  return {
    posting: {
      id: postingId("import", context.source, sourceId),
      ats: "import",
      board: context.source,
      sourceId,
      // Glassdoor exports append the rating to the name after a line break.
      company: cell(record, m.company)?.split("\n")[0]?.trim() || null,
      title,
      team: cell(record, m.team),
      department: cell(record, m.department),
      locationRaw: location,
      locations: location ? [location] : [],
      workplace: remote && /^(1(\.0+)?|true|yes)$/i.test(remote) ? "remote" : null,
      employmentType: cell(record, m.employmentType),
      url: cell(record, m.url),
      publishedAt: dateOf(cell(record, m.publishedAt)),
      sourceUpdatedAt: null,
      descriptionText: description && looksLikeHtml(description) ? htmlToText(description) : description,
      payText: cell(record, m.payText),
      payStructured: pays,
      raw: input,
    },
    issues,
  };
}
