import type { Pay } from "../domain/posting.ts";
import type { Role } from "../domain/vocab.ts";
import type { StoredPosting } from "../store/store.ts";
import { type Summary, summarize } from "./stats.ts";

/** What a posting contributes to a base-salary figure: the midpoint of its annualised range. */
export function annualBaseMidpoint(pay: Pay | null): number | null {
  if (pay?.kind !== "base") return null;
  const { annualMin: lo, annualMax: hi } = pay;
  if (lo === null && hi === null) return null;
  if (lo === null || hi === null) return lo ?? hi;
  return (lo + hi) / 2;
}

/** A posting's annual base midpoint in USD, or null when it states no base pay or not in USD (no conversion yet). */
export const usdAnnualBase = (p: Pick<StoredPosting, "pay">): number | null =>
  p.pay?.currency === "USD" ? annualBaseMidpoint(p.pay) : null;

export interface RoleFigures {
  query: string;
  role: Role;
  activePostings: number;
  baseSalary: Summary & { currency: "USD"; period: "year" };
  evidence: {
    /** Every active posting counted in activePostings. */
    postingIds: string[];
    /** The subset whose USD base pay makes up baseSalary. */
    salaryPostingIds: string[];
  };
}

/** Per role: its active postings and the median of their annual USD base midpoints. Pure. */
export function roleFigures(query: string, role: Role, active: readonly StoredPosting[]): RoleFigures {
  const postings = active.filter((p) => p.role === role);
  const paid = postings.flatMap((p) => {
    const value = usdAnnualBase(p);
    return value === null ? [] : [{ id: p.id, value }];
  });
  return {
    query,
    role,
    activePostings: postings.length,
    baseSalary: { ...summarize(paid.map((p) => p.value)), currency: "USD", period: "year" },
    evidence: { postingIds: postings.map((p) => p.id), salaryPostingIds: paid.map((p) => p.id) },
  };
}

export interface Comparison {
  roles: RoleFigures[];
  /** When the data was last refreshed: the latest successful crawl among the boards behind it. */
  dataAsOf: string | null;
  method: string;
}

export const METHOD =
  "Active postings are those listed by the latest successful crawl of their board. A posting's pay is the midpoint of its annualised base range (hour ×2080, day ×260, week ×52, month ×12); only postings stating base pay in USD count. Quantiles interpolate linearly between order statistics (type 7).";

export function compareRoles(
  queries: readonly { query: string; role: Role }[],
  active: readonly StoredPosting[],
  dataAsOf: string | null,
): Comparison {
  return { roles: queries.map((q) => roleFigures(q.query, q.role, active)), dataAsOf, method: METHOD };
}
