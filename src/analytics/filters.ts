import type { Industry, Seniority } from "../domain/vocab.ts";
import type { StoredPosting } from "../store/store.ts";

/** The filters every report and export takes. Country is ISO 3166-1 alpha-2; since is a date (YYYY-MM-DD). */
export interface ReportFilters {
  country?: string;
  since?: string;
  company?: string;
  industry?: Industry;
  seniority?: Seniority;
}

/** Pure: the postings that pass every filter given. A posting is in a country when any of its places is. */
export function applyFilters(postings: readonly StoredPosting[], f: ReportFilters): StoredPosting[] {
  const company = f.company?.trim().toLowerCase();
  const country = f.country?.trim().toUpperCase();
  return postings.filter(
    (p) =>
      (!country || p.places.some((place) => place.country === country)) &&
      (!f.since || (p.publishedAt ?? p.firstSeen).slice(0, 10) >= f.since) &&
      (!company || (p.company ?? "").trim().toLowerCase() === company) &&
      (!f.industry || p.industry === f.industry) &&
      (!f.seniority || p.seniority === f.seniority),
  );
}

/** The filters in words, for every figure's evidence. */
export function describeFilters(f: ReportFilters): string {
  const parts = [
    f.country && `in ${f.country.toUpperCase()}`,
    f.since && `published (where not stated, first seen) since ${f.since}`,
    f.company && `at ${f.company}`,
    f.industry && `in industry ${f.industry}`,
    f.seniority && `at seniority ${f.seniority}`,
  ].filter(Boolean);
  return parts.length ? `active postings ${parts.join(", ")}` : "active postings";
}

/** When the data was last refreshed: the latest successful crawl (or import) among the boards; null before any. */
export function dataAsOf(boards: readonly { lastSuccessAt: string | null }[]): string | null {
  return (
    boards
      .map((b) => b.lastSuccessAt)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null
  );
}
