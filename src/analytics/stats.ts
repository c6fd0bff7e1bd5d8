/**
 * Quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of R and NumPy), so anyone can recompute it. Null for an empty sample, never 0.
 */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export interface Summary {
  n: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantileSorted(sorted, 0.5),
    p25: quantileSorted(sorted, 0.25),
    p75: quantileSorted(sorted, 0.75),
  };
}

/**
 * A distribution-free 95% confidence interval for the median: the order statistics x(r) and x(n−r+1)
 * with the largest r whose binomial coverage P(r ≤ B(n, ½) ≤ n−r) is still ≥ 95%. Exact for any
 * continuous distribution; no interval exists below n = 6 (even [min, max] covers less than 95%).
 */
export function medianInterval(
  sorted: readonly number[],
  level = 0.95,
): { low: number; high: number; coverage: number } | null {
  const n = sorted.length;
  if (n < 2) return null;
  // P(B = i) for i = 0..n, in log space to stay exact for large n.
  const logHalfPowN = n * Math.log(0.5);
  let logChoose = 0; // log C(n, 0)
  const pmf: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    pmf.push(Math.exp(logChoose + logHalfPowN));
  }
  // coverage of [x(r), x(n−r+1)] is P(r ≤ B ≤ n−r) = 1 − 2·P(B ≤ r−1)
  let best: { r: number; coverage: number } | null = null;
  let tail = 0; // P(B ≤ r−1)
  for (let r = 1; r <= Math.floor(n / 2); r++) {
    tail += pmf[r - 1] as number;
    const coverage = 1 - 2 * tail;
    if (coverage >= level) best = { r, coverage };
    else break;
  }
  if (best === null) return null;
  return { low: sorted[best.r - 1] as number, high: sorted[n - best.r] as number, coverage: best.coverage };
}

/** A small, fast, seedable generator (mulberry32), so every bootstrap can be rerun to the same digits. */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (FNV-1a), so a sample's resampling depends only on its own name. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Medians of `resamples` bootstrap resamples of a sample, drawn with the generator seeded by `seed`. */
export function bootstrapMedians(values: readonly number[], seed: number, resamples = 2000): number[] {
  const random = seededRandom(seed);
  const n = values.length;
  const out: number[] = [];
  const draw = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) draw[i] = values[Math.floor(random() * n)] as number;
    draw.sort((x, y) => x - y);
    out.push(quantileSorted(draw, 0.5) as number);
  }
  return out;
}

/**
 * The difference of two medians (a − b) with a 95% percentile-bootstrap interval. Each sample is
 * resampled by its own seed (its name), so swapping a and b mirrors the result exactly.
 */
export function medianDifference(
  a: { values: readonly number[]; seed: string },
  b: { values: readonly number[]; seed: string },
  resamples = 2000,
): { difference: number; low: number; high: number; resamples: number } | null {
  if (a.values.length === 0 || b.values.length === 0) return null;
  const sortedA = [...a.values].sort((x, y) => x - y);
  const sortedB = [...b.values].sort((x, y) => x - y);
  const medA = bootstrapMedians(sortedA, seedOf(a.seed), resamples);
  const medB = bootstrapMedians(sortedB, seedOf(b.seed), resamples);
  const diffs = medA.map((m, i) => m - (medB[i] as number)).sort((x, y) => x - y);
  return {
    difference: (quantileSorted(sortedA, 0.5) as number) - (quantileSorted(sortedB, 0.5) as number),
    low: quantileSorted(diffs, 0.025) as number,
    high: quantileSorted(diffs, 0.975) as number,
    resamples,
  };
}

export interface LogOddsTerm {
  term: string;
  /** Documents (postings) of each group that contain the term. */
  countA: number;
  countB: number;
  /** Those counts as shares of each group's documents. */
  shareA: number;
  shareB: number;
  /** The log-odds ratio with the prior, and its z-score: positive leans to A, negative to B. */
  delta: number;
  z: number;
}

/**
 * Which terms separate two groups of documents: the log-odds ratio with an informative Dirichlet prior,
 * as in Monroe, Colaresi & Quinn (2008), "Fightin' Words". Counts are documents containing a term (a
 * posting that names PyTorch ten times counts once). The prior is the background frequency of each term
 * (`background`, e.g. all postings) scaled to `priorSize` pseudo-counts (default: as many as the two groups'
 * own term counts, at most 1,000), which shrinks rare terms toward
 * zero instead of letting a term seen twice top the list. Terms are returned by z-score, A-leaning first.
 */
export function logOddsWithPrior(
  a: { docs: number; counts: ReadonlyMap<string, number> },
  b: { docs: number; counts: ReadonlyMap<string, number> },
  background: { docs: number; counts: ReadonlyMap<string, number> },
  priorSize?: number,
): LogOddsTerm[] {
  const terms = new Set([...a.counts.keys(), ...b.counts.keys()]);
  let backgroundTotal = 0;
  for (const t of terms) backgroundTotal += background.counts.get(t) ?? 0;
  const totalA = [...terms].reduce((s, t) => s + (a.counts.get(t) ?? 0), 0);
  const totalB = [...terms].reduce((s, t) => s + (b.counts.get(t) ?? 0), 0);
  // By default the prior weighs as much as the two groups' own counts (capped), so it shrinks rare terms
  // without drowning a small sample.
  const alpha0 = priorSize ?? Math.min(1000, Math.max(10, totalA + totalB));
  const out: LogOddsTerm[] = [];
  for (const term of terms) {
    const ya = a.counts.get(term) ?? 0;
    const yb = b.counts.get(term) ?? 0;
    // a term the background lacks still gets a small prior, so the log stays finite
    const alpha = Math.max(((background.counts.get(term) ?? 0) / Math.max(1, backgroundTotal)) * alpha0, 0.01);
    const la = Math.log((ya + alpha) / (totalA + alpha0 - ya - alpha));
    const lb = Math.log((yb + alpha) / (totalB + alpha0 - yb - alpha));
    const delta = la - lb;
    const variance = 1 / (ya + alpha) + 1 / (yb + alpha);
    out.push({
      term,
      countA: ya,
      countB: yb,
      shareA: a.docs ? ya / a.docs : 0,
      shareB: b.docs ? yb / b.docs : 0,
      delta,
      z: delta / Math.sqrt(variance),
    });
  }
  return out.sort((x, y) => y.z - x.z || x.term.localeCompare(y.term));
}
