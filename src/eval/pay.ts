/**
 * Scores the pay parser against labelled pay strings (shared/corpus/gold/salary-*.csv). Pure: rows in,
 * numbers out; reading the file and printing are the caller's business (the gold test, `npm run eval`).
 *
 * A row is exact when the figure the parser puts first (its first non-equity figure; a gold row states
 * one) has the gold min, max, period and currency; a `none` row is exact when no such figure is found.
 * A currency is wrong when any figure read from the row carries a currency other than the gold one
 * (the gold currency is empty when the text states none: then any currency is one the text does not support).
 */
import type { Pay } from "../domain/posting.ts";
import { isOneOf, PAY_KINDS, PAY_PERIODS, type PayKind, type PayPeriod } from "../domain/vocab.ts";
import { type PayTextContext, parsePayText } from "../normalize/pay.ts";

export interface GoldPay {
  id: string;
  source: string;
  text: string;
  location: string | null;
  min: number | null;
  max: number | null;
  currency: string | null;
  period: PayPeriod | null;
  kind: PayKind | "none";
  equity: boolean;
}

export interface PayError {
  id: string;
  source: string;
  text: string;
  expected: Pick<GoldPay, "min" | "max" | "currency" | "period" | "kind" | "equity">;
  got: Pick<Pay, "min" | "max" | "currency" | "period" | "kind" | "equity"> | null;
  problems: ("values" | "kind" | "currency" | "equity")[];
}

export interface PayScore {
  n: number;
  /** Rows whose first figure has the gold min, max, period and currency (or none found for `none`). */
  exact: number;
  exactRate: number;
  kindRight: number;
  /** Rows where some figure carries a currency the gold row does not state. */
  wrongCurrency: number;
  equityRight: number;
  /** The first wrong rows, in input order. */
  errors: PayError[];
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === "") return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
};

/** A gold row from a CSV record (`id,source,text,location,min,max,currency,period,kind,equity`); null when malformed. */
export function goldPayFromRecord(r: Record<string, string>): GoldPay | null {
  const kind = r.kind === "none" ? "none" : isOneOf(PAY_KINDS, r.kind) ? r.kind : null;
  if (kind === null || r.text === undefined) return null;
  const period = isOneOf(PAY_PERIODS, r.period) ? r.period : null;
  return {
    id: r.id ?? "",
    source: r.source ?? "",
    text: r.text,
    location: r.location?.trim() ? r.location : null,
    min: num(r.min),
    max: num(r.max),
    currency: r.currency?.trim() ? r.currency.trim() : null,
    period,
    kind,
    equity: /^(?:true|1|yes)$/i.test(r.equity ?? ""),
  };
}

/**
 * How a gold row's text is read: with its location, and with Ashby's convention that a summary line
 * stating no period is yearly (the mapper `payFromAshbyCompensation` passes the same).
 */
export function contextForGold(row: Pick<GoldPay, "source" | "location">): PayTextContext {
  return row.source === "ashby-summary"
    ? { location: row.location, defaultPeriod: "year" }
    : { location: row.location };
}

/** The figure a row is compared on: the first one that is not an equity range. */
export const primaryPay = (pays: readonly Pay[]): Pay | null => pays.find((p) => p.kind !== "equity") ?? null;

const same = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

export function scorePay(
  rows: readonly GoldPay[],
  options: { maxErrors?: number; parse?: (row: GoldPay) => Pay[] } = {},
): PayScore {
  const maxErrors = options.maxErrors ?? 50;
  const parse = options.parse ?? ((row: GoldPay) => parsePayText(row.text, contextForGold(row)).pays);
  const score: PayScore = {
    n: 0,
    exact: 0,
    exactRate: Number.NaN,
    kindRight: 0,
    wrongCurrency: 0,
    equityRight: 0,
    errors: [],
  };
  for (const row of rows) {
    const pays = parse(row);
    const got = primaryPay(pays);
    score.n++;
    const problems: PayError["problems"] = [];
    const valuesOk =
      row.kind === "none"
        ? got === null
        : got !== null &&
          same(got.min, row.min) &&
          same(got.max, row.max) &&
          got.period === row.period &&
          got.currency === row.currency;
    const kindOk = row.kind === "none" ? got === null : got?.kind === row.kind;
    const currencyOk = pays.every((p) => p.currency === null || p.currency === row.currency);
    const equityOk = row.kind === "none" || (got?.equity ?? false) === row.equity;
    if (valuesOk) score.exact++;
    else problems.push("values");
    if (kindOk) score.kindRight++;
    else problems.push("kind");
    if (!currencyOk) {
      score.wrongCurrency++;
      problems.push("currency");
    }
    if (equityOk) score.equityRight++;
    else problems.push("equity");
    if (problems.length > 0 && score.errors.length < maxErrors) {
      score.errors.push({
        id: row.id,
        source: row.source,
        text: row.text,
        expected: {
          min: row.min,
          max: row.max,
          currency: row.currency,
          period: row.period,
          kind: row.kind,
          equity: row.equity,
        },
        got: got && {
          min: got.min,
          max: got.max,
          currency: got.currency,
          period: got.period,
          kind: got.kind,
          equity: got.equity,
        },
        problems,
      });
    }
  }
  score.exactRate = score.n === 0 ? Number.NaN : score.exact / score.n;
  return score;
}
