import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";

/**
 * Currency conversion to US dollars through a dated table of reference rates shipped in data/fx/ (the
 * newest file wins). Every converted figure keeps the rate, its date and its source. A currency the table
 * does not hold is not converted: its USD value is null, never a guess.
 */

const FX_DIR = new URL("../../data/fx/", import.meta.url);

const fxFile = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string().min(1),
  base: z.string().length(3),
  unitsPerBase: z.record(z.string().length(3), z.number().positive()),
});

export interface FxRate {
  /** US dollars per one unit of the currency. */
  rate: number;
  date: string;
  source: string;
}

function loadNewest(): z.infer<typeof fxFile> {
  const newest = readdirSync(FX_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`no FX table in ${FX_DIR.pathname}`);
  const table = fxFile.parse(JSON.parse(readFileSync(new URL(newest, FX_DIR), "utf8")));
  if (!table.unitsPerBase.USD) throw new Error(`${newest} has no USD rate`);
  return table;
}

const TABLE = loadNewest();
const USD_PER_BASE = TABLE.unitsPerBase.USD as number;

export const FX_TABLE_DATE = TABLE.date;
export const FX_TABLE_SOURCE = TABLE.source;

/** USD per unit of `currency` from the table; null for a currency it does not hold. USD itself is 1. */
export function usdRate(currency: string): FxRate | null {
  if (currency === "USD") return { rate: 1, date: TABLE.date, source: "stated in USD" };
  const units = TABLE.unitsPerBase[currency];
  if (units === undefined) return null;
  return { rate: USD_PER_BASE / units, date: TABLE.date, source: TABLE.source };
}

/** A yearly figure in USD, rounded to the dollar; null when the figure or the rate is unknown. */
export function toUsd(value: number | null, fx: FxRate | null): number | null {
  return value === null || fx === null ? null : Math.round(value * fx.rate);
}
