import type { Role } from "../domain/vocab.ts";
import type { StoredPosting } from "../store/store.ts";
import { type Summary, summarize } from "./stats.ts";

/**
 * What a posting contributes to a base-salary figure: the midpoint of its annualised base range in US
 * dollars (converted at the dated rate its pay carries). Null when it states no base pay, or its currency
 * is unknown.
 */
export function usdAnnualBase(p: Pick<StoredPosting, "pay">): number | null {
  const pay = p.pay;
  if (pay?.kind !== "base") return null;
  const { annualMinUsd: lo, annualMaxUsd: hi } = pay;
  if (lo === null && hi === null) return null;
  if (lo === null || hi === null) return lo ?? hi;
  return (lo + hi) / 2;
}

export interface RoleFigures {
  query: string;
  role: Role;
  activePostings: number;
  baseSalary: Summary & {
    currency: "USD";
    period: "year";
    /** How many of the n were stated in another currency and converted at a dated reference rate. */
    converted: number;
  };
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
    return value === null ? [] : [{ id: p.id, value, converted: p.pay?.currency !== "USD" }];
  });
  return {
    query,
    role,
    activePostings: postings.length,
    baseSalary: {
      ...summarize(paid.map((p) => p.value)),
      currency: "USD",
      period: "year",
      converted: paid.filter((p) => p.converted).length,
    },
    evidence: { postingIds: postings.map((p) => p.id), salaryPostingIds: paid.map((p) => p.id) },
  };
}
