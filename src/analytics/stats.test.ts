import { describe, expect, it } from "vitest";
import { logOddsWithPrior, medianDifference, medianInterval, quantileSorted, summarize } from "./stats.ts";

describe("quantiles", () => {
  it("interpolate between order statistics (type 7) and are null on an empty sample", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(summarize([])).toEqual({ n: 0, median: null, p25: null, p75: null });
  });
});

describe("medianInterval", () => {
  it("picks the order statistics of the binomial 95% interval", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    // n = 20: P(6 ≤ B ≤ 14) = 0.9586 ≥ 0.95, P(7 ≤ B ≤ 13) = 0.8847 < 0.95 → [x(6), x(15)]
    const ci = medianInterval(sorted);
    expect([ci?.low, ci?.high]).toEqual([6, 15]);
    expect(ci?.coverage).toBeCloseTo(0.9586, 4);
  });

  it("has no 95% interval below six values", () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toBeNull();
    expect(medianInterval([1, 2, 3, 4, 5, 6])).toMatchObject({ low: 1, high: 6 });
  });
});

describe("medianDifference", () => {
  it("mirrors exactly when the samples swap places", () => {
    const a = { values: [200, 210, 250, 300, 320, 330], seed: "research-engineer" };
    const b = { values: [150, 180, 190, 200, 240], seed: "ml-engineer" };
    const ab = medianDifference(a, b);
    const ba = medianDifference(b, a);
    expect(ab?.difference).toBe(85); // medians 275 and 190
    expect([ba?.difference, ba?.low, ba?.high]).toEqual([-(ab?.difference ?? 0), -(ab?.high ?? 0), -(ab?.low ?? 0)]);
    expect(ab?.low).toBeLessThan(85);
    expect(ab?.high).toBeGreaterThan(85);
  });

  it("gives the same interval on every run", () => {
    const a = { values: [1, 5, 9, 13, 40], seed: "a" };
    const b = { values: [2, 3, 4], seed: "b" };
    expect(medianDifference(a, b)).toEqual(medianDifference(a, b));
  });
});

describe("logOddsWithPrior", () => {
  const map = (o: Record<string, number>) => new Map(Object.entries(o));
  it("ranks the terms that separate the groups at the ends, and shrinks rare terms", () => {
    const a = { docs: 100, counts: map({ pytorch: 80, sql: 10, rare: 2, python: 90 }) };
    const b = { docs: 100, counts: map({ pytorch: 10, sql: 70, python: 88 }) };
    const background = { docs: 1000, counts: map({ pytorch: 300, sql: 300, python: 800, rare: 2 }) };
    const terms = logOddsWithPrior(a, b, background);
    expect(terms[0]?.term).toBe("pytorch");
    expect(terms.at(-1)?.term).toBe("sql");
    const python = terms.find((t) => t.term === "python");
    expect(Math.abs(python?.z ?? 99)).toBeLessThan(1);
    expect(terms.find((t) => t.term === "pytorch")).toMatchObject({ countA: 80, countB: 10, shareA: 0.8, shareB: 0.1 });
    // mirrored groups give mirrored scores
    const swapped = logOddsWithPrior(b, a, background);
    expect(swapped.find((t) => t.term === "pytorch")?.z).toBeCloseTo(-(terms[0]?.z ?? 0), 10);
  });
});
