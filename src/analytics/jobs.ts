import type { StoredPosting } from "../store/store.ts";
import { usdAnnualBase } from "./compare.ts";
import { medianInterval, quantileSorted } from "./stats.ts";

/**
 * Distinct jobs: one employer's same title with the same pay, posted for several locations, is one job.
 * Pay figures count jobs, so an employer that lists one opening in ten cities does not weigh ten times.
 */
export interface Job {
  key: string;
  postingIds: string[];
  /** The job's yearly base pay midpoint in USD, or null when it states none (or in an unknown currency). */
  pay: number | null;
  /** Its pay was stated in another currency and converted. */
  converted: boolean;
}

const fold = (s: string | null) => (s ?? "").toLowerCase().replace(/\s+/g, " ").trim();

export function jobKey(p: StoredPosting): string {
  const pay = p.pay ? [p.pay.kind, p.pay.min, p.pay.max, p.pay.currency, p.pay.period].join("/") : "no pay";
  return `${fold(p.company)}|${fold(p.title)}|${pay}`;
}

/** Group postings into distinct jobs, in the order their first posting appears. */
export function distinctJobs(postings: readonly StoredPosting[]): Job[] {
  const jobs = new Map<string, Job>();
  for (const p of postings) {
    const key = jobKey(p);
    const job = jobs.get(key);
    if (job) job.postingIds.push(p.id);
    else
      jobs.set(key, {
        key,
        postingIds: [p.id],
        pay: usdAnnualBase(p),
        converted: p.pay !== null && p.pay.currency !== "USD",
      });
  }
  return [...jobs.values()];
}

export interface Evidence {
  /** In words, which postings the figure is computed over. */
  filter: string;
  postingIds: string[];
}

/** A pay figure over distinct jobs: yearly base pay in USD, midpoint of each job's range. */
export interface PayFigure {
  unit: "jobs";
  /** Jobs that state base pay (the sample). */
  n: number;
  /** Postings behind those jobs. */
  postings: number;
  median: number | null;
  /** Distribution-free 95% interval of the median; null below 6 jobs. */
  ci95: { low: number; high: number } | null;
  p25: number | null;
  p75: number | null;
  /** Of the n, how many were stated in another currency and converted at a dated reference rate. */
  converted: number;
  currency: "USD";
  period: "year";
  evidence: Evidence;
}

export function payFigure(jobs: readonly Job[], filter: string): PayFigure {
  const paid = jobs.filter((j) => j.pay !== null);
  const sorted = paid.map((j) => j.pay as number).sort((a, b) => a - b);
  const ci = medianInterval(sorted);
  return {
    unit: "jobs",
    n: paid.length,
    postings: paid.reduce((n, j) => n + j.postingIds.length, 0),
    median: quantileSorted(sorted, 0.5),
    ci95: ci ? { low: ci.low, high: ci.high } : null,
    p25: quantileSorted(sorted, 0.25),
    p75: quantileSorted(sorted, 0.75),
    converted: paid.filter((j) => j.converted).length,
    currency: "USD",
    period: "year",
    evidence: { filter: `${filter}, stating base pay`, postingIds: paid.flatMap((j) => j.postingIds) },
  };
}

/** The pay values of jobs, for a bootstrap. */
export const payValues = (jobs: readonly Job[]) => jobs.flatMap((j) => (j.pay === null ? [] : [j.pay]));
