import { describe, expect, it } from "vitest";
import type { RecordIssue } from "../domain/errors.ts";
import { payFromSchemaOrgSalary } from "./pay-schema-org.ts";

describe("payFromSchemaOrgSalary", () => {
  it("reads a MonetaryAmount with a QuantitativeValue range", () => {
    const baseSalary = {
      "@type": "MonetaryAmount",
      currency: "USD",
      value: { "@type": "QuantitativeValue", minValue: 150000, maxValue: 200000, unitText: "YEAR" },
    };
    expect(payFromSchemaOrgSalary(baseSalary)[0]).toMatchObject({
      min: 150000,
      max: 200000,
      currency: "USD",
      period: "year",
      annualMinUsd: 150000,
      kind: "base",
    });
  });

  it("reads a single hourly value given as a string, in euros", () => {
    const [pay] = payFromSchemaOrgSalary({ currency: "eur", value: { value: "45", unitText: "HOUR" } });
    expect(pay).toMatchObject({ min: 45, max: 45, currency: "EUR", period: "hour", annualMin: 93600 });
  });

  it("drops a figure with no unit rather than taking it as yearly, and says why", () => {
    const issues: RecordIssue[] = [];
    expect(payFromSchemaOrgSalary({ currency: "USD", value: 120000 }, issues)).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["pay.period_unknown"]);
  });

  it("keeps the currency unknown when none is stated", () => {
    expect(payFromSchemaOrgSalary({ value: { minValue: 1, maxValue: 2, unitText: "MONTH" } })[0]?.currency).toBeNull();
  });

  it("reports a shape that is not a MonetaryAmount", () => {
    const issues: RecordIssue[] = [];
    expect(payFromSchemaOrgSalary("lots", issues)).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["pay.bad_shape"]);
  });
});
