import { describe, expect, it } from "vitest";
import { contextForGold, type GoldPay, goldPayFromRecord, primaryPay, scorePay } from "./pay.ts";

const row = (over: Partial<GoldPay>): GoldPay => ({
  id: "r",
  source: "listing",
  text: "$50/hr",
  location: null,
  min: 50,
  max: 50,
  currency: "USD",
  period: "hour",
  kind: "base",
  equity: false,
  ...over,
});

describe("goldPayFromRecord", () => {
  it("reads a gold CSV record, empty currency as null", () => {
    expect(
      goldPayFromRecord({
        id: "x1",
        source: "ashby-summary",
        text: "142K – 180K • Offers Equity",
        location: "Dublin, Ireland",
        min: "142000.0",
        max: "180000.0",
        currency: "",
        period: "year",
        kind: "base",
        equity: "True",
      }),
    ).toEqual({
      id: "x1",
      source: "ashby-summary",
      text: "142K – 180K • Offers Equity",
      location: "Dublin, Ireland",
      min: 142000,
      max: 180000,
      currency: null,
      period: "year",
      kind: "base",
      equity: true,
    });
    expect(goldPayFromRecord({ id: "x2", text: "-1", kind: "none", min: "", max: "", period: "" })).toMatchObject({
      kind: "none",
      min: null,
      period: null,
    });
    expect(goldPayFromRecord({ id: "x3", text: "?", kind: "bonus" })).toBeNull();
  });

  it("reads Ashby summaries with Ashby's yearly default and other sources without one", () => {
    expect(contextForGold({ source: "ashby-summary", location: "Seattle" })).toEqual({
      location: "Seattle",
      defaultPeriod: "year",
    });
    expect(contextForGold({ source: "glassdoor", location: null })).toEqual({ location: null });
  });
});

describe("scorePay", () => {
  it("counts exact rows, kinds, `none` rows and currencies the text does not support", () => {
    const rows = [
      row({ id: "ok" }),
      row({ id: "none", text: "-1", kind: "none", min: null, max: null, currency: null, period: null }),
      row({
        id: "estimate",
        text: "$63K-$112K (Glassdoor est.)",
        min: 63000,
        max: 112000,
        period: "year",
        kind: "estimate",
      }),
      row({ id: "wrong-kind", text: "$63K-$112K (Glassdoor est.)", min: 63000, max: 112000, period: "year" }),
      row({ id: "no-currency", text: "142K – 180K", min: 142000, max: 180000, currency: null, period: "year" }),
      row({ id: "claims-usd", text: "$142K – $180K", min: 142000, max: 180000, currency: null, period: "year" }),
    ];
    const score = scorePay(rows);
    expect(score).toMatchObject({ n: 6, exact: 5, kindRight: 5, wrongCurrency: 1, equityRight: 6 });
    expect(score.exactRate).toBeCloseTo(5 / 6);
    expect(score.errors.map((e) => [e.id, e.problems])).toEqual([
      ["wrong-kind", ["kind"]],
      ["claims-usd", ["values", "currency"]],
    ]);
  });

  it("compares a row on its first figure that is not equity, and keeps at most maxErrors errors", () => {
    expect(primaryPay([])).toBeNull();
    const rows = Array.from({ length: 5 }, (_, i) => row({ id: `r${i}`, min: 1 }));
    expect(scorePay(rows, { maxErrors: 2 }).errors).toHaveLength(2);
    expect(scorePay([])).toMatchObject({ n: 0, exact: 0 });
    expect(Number.isNaN(scorePay([]).exactRate)).toBe(true);
  });
});
