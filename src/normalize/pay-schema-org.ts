import { z } from "zod";
import type { RecordIssue } from "../domain/errors.ts";
import type { Pay } from "../domain/posting.ts";
import type { PayPeriod } from "../domain/vocab.ts";
import { payFromRange } from "./pay-ats.ts";

/** schema.org's unitText values (and the lower-case forms seen in the wild) → our periods. */
const UNIT: Record<string, PayPeriod> = { HOUR: "hour", DAY: "day", WEEK: "week", MONTH: "month", YEAR: "year" };

const num = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*$/)
    .transform(Number),
]);
const quantitative = z.object({
  value: num.nullish(),
  minValue: num.nullish(),
  maxValue: num.nullish(),
  unitText: z.string().nullish(),
});
const monetaryAmount = z.object({
  currency: z.string().nullish(),
  value: z.union([num, quantitative]).nullish(),
  minValue: num.nullish(),
  maxValue: num.nullish(),
  unitText: z.string().nullish(),
});

/**
 * A schema.org JobPosting's `baseSalary` (a MonetaryAmount whose value is a number or a QuantitativeValue
 * with minValue/maxValue/unitText) as Pay. A missing unit is a missing period: the figure is dropped with
 * an issue rather than taken as yearly.
 */
export function payFromSchemaOrgSalary(baseSalary: unknown, issues: RecordIssue[] = []): Pay[] {
  const parsed = monetaryAmount.safeParse(baseSalary);
  if (!parsed.success) {
    issues.push({
      code: "pay.bad_shape",
      path: ["baseSalary"],
      message: "baseSalary is not a schema.org MonetaryAmount",
    });
    return [];
  }
  const amount = parsed.data;
  const value = typeof amount.value === "number" ? { value: amount.value } : (amount.value ?? {});
  const q = value as z.infer<typeof quantitative>;
  const min = q.minValue ?? amount.minValue ?? q.value ?? null;
  const max = q.maxValue ?? amount.maxValue ?? q.value ?? null;
  const unit = (q.unitText ?? amount.unitText ?? "").trim().toUpperCase();
  const period = UNIT[unit];
  if (min === null && max === null) return [];
  if (!period) {
    issues.push({
      code: "pay.period_unknown",
      path: ["baseSalary", "unitText"],
      message: `no period in unitText "${unit}"`,
    });
    return [];
  }
  const currency = amount.currency?.trim().toUpperCase();
  return [
    payFromRange({
      min,
      max,
      currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
      period,
      raw: JSON.stringify(baseSalary),
    }),
  ];
}
