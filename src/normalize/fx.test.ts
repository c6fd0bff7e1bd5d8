import { describe, expect, it } from "vitest";
import { FX_TABLE_DATE, toUsd, usdRate } from "./fx.ts";

describe("fx", () => {
  it("converts through the euro cross rate of the dated ECB table", () => {
    const gbp = usdRate("GBP");
    expect(gbp?.date).toBe(FX_TABLE_DATE);
    expect(gbp?.source).toMatch(/European Central Bank/);
    expect(gbp?.rate).toBeCloseTo(1.0411 / 0.82608, 10);
    expect(toUsd(60000, gbp)).toBe(Math.round((60000 * 1.0411) / 0.82608));
    expect(usdRate("EUR")?.rate).toBeCloseTo(1.0411, 10);
  });

  it("keeps USD as stated, with a rate of 1", () => {
    expect(usdRate("USD")).toMatchObject({ rate: 1, source: "stated in USD" });
    expect(toUsd(150000, usdRate("USD"))).toBe(150000);
  });

  it("does not convert a currency the table lacks, or an unknown figure", () => {
    expect(usdRate("XYZ")).toBeNull();
    expect(toUsd(100, null)).toBeNull();
    expect(toUsd(null, usdRate("EUR"))).toBeNull();
  });
});
