/**
 * Pay figures for roledex: read from text (`parsePayText`), from the ATS sources' structured fields
 * (`payFromGreenhouseRanges`, `payFromLeverSalaryRange`, `payFromAshbyCompensation`,
 * `parseGreenhouseContentPay`), and the one base figure a posting is counted with (`pickBasePay`).
 *
 * Pure functions, no I/O. Unknown stays null: a currency, a bound or a yearly value is never assumed.
 * The rules and the decisions behind them are in ./pay-text.ts (text) and ./pay-currency.ts (`$`).
 */

import type { Pay } from "../domain/posting.ts";
import { payFromRange } from "./pay-ats.ts";

export {
  type PayMapperOptions,
  parseGreenhouseContentPay,
  payFromAshbyCompensation,
  payFromGreenhouseRanges,
  payFromLeverSalaryRange,
  payFromRange,
} from "./pay-ats.ts";
export {
  type PayTextContext,
  type PayTextResult,
  parsePayText,
} from "./pay-text.ts";

/**
 * The posting's base pay for aggregates: the employer's base figure, never equity, OTE or a third
 * party's estimate. Several base ranges (one per location or zone) give their envelope, lowest min to
 * highest max, when they share currency and period, since the posting then pays within that envelope;
 * an unknown bound on any of them (`up to $X`) leaves that side of the envelope unknown. Ranges in
 * different currencies or periods cannot be combined honestly: the first one stated is returned.
 */
export function pickBasePay(pays: readonly Pay[]): Pay | null {
  const base = pays.filter((p) => p.kind === "base");
  const first = base[0];
  if (first === undefined) return null;
  if (base.length === 1) return first;
  if (base.some((p) => p.currency !== first.currency || p.period !== first.period)) return first;
  const mins = base.map((p) => p.min);
  const maxes = base.map((p) => p.max);
  const min = mins.some((v) => v === null) ? null : Math.min(...(mins as number[]));
  const max = maxes.some((v) => v === null) ? null : Math.max(...(maxes as number[]));
  const raws = [...new Set(base.map((p) => p.raw))];
  return payFromRange({
    min,
    max,
    currency: first.currency,
    period: first.period,
    kind: "base",
    equity: base.some((p) => p.equity),
    raw: raws.join(" | "),
  });
}
export { payFromSchemaOrgSalary } from "./pay-schema-org.ts";
