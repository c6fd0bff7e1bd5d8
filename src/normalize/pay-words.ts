/**
 * The words the pay parser reads around a figure, as data, and the one word splitter that reads them.
 *
 * Recorded job texts often lost the spaces between blocks (`per weekHourly Rate: $25`,
 * `Development OfficerSalary Range:`), so the splitter also cuts at a lower-to-upper case seam. Words are
 * looked up in sets (no regular expression per word list), which keeps the cost per figure small and
 * linear in the few words around it.
 */

import type { PayPeriod } from "../domain/vocab.ts";

/** What a word before a figure says about it. `employer` marks the employer's own figure on Glassdoor. */
export type WordCategory = "pay" | "total" | "equity" | "estimate" | "employer" | "notpay";

export interface Word {
  /** Lower case. */
  text: string;
  start: number;
  end: number;
}

// `RSUs`, `OTE`, `USD` | `Salary`, `salary` | a lone capital. `OfficerSalary` gives `Officer`, `Salary`.
const WORD_RE = /[A-Z]{2,}s?(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g;

/** The words of `s` between `from` and `to`, in order. */
export function wordsIn(s: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = s.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m !== null; m = WORD_RE.exec(slice)) {
    out.push({ text: m[0].toLowerCase(), start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words);

/** Words that say a figure is pay. */
export const PAY_WORDS = set([
  "salary",
  "salaries",
  "pay",
  "paying",
  "pays",
  "payment",
  "compensation",
  "comp",
  "wage",
  "wages",
  "rate",
  "rates",
  "earn",
  "earns",
  "earning",
  "earnings",
  "income",
  "remuneration",
  "base",
  "range",
  "ranges",
  "banding",
  "doe",
  "stipend",
]);

/** Words that say a money figure is something other than pay (a perk, a bonus, revenue, funding...). */
export const NOT_PAY_WORDS = set([
  "bonus",
  "bonuses",
  "signing",
  "commission",
  "commissions",
  "referral",
  "allowance",
  "reimbursement",
  "reimbursed",
  "insurance",
  "discount",
  "discounts",
  "tuition",
  "revenue",
  "revenues",
  "sales",
  "funding",
  "funded",
  "raised",
  "valuation",
  "assets",
  "aum",
  "budget",
  "budgets",
  "deal",
  "deals",
  "arr",
  "mrr",
  "gifts",
  "fundraising",
  "premium",
  "premiums",
  "deductible",
  "purchases",
  "tips",
  "gratuity",
  "loan",
  "loans",
  "fee",
  "fees",
  "price",
  "prices",
  "spend",
  "investment",
  "investments",
  "portfolio",
  "profit",
  "profits",
  "savings",
  "donation",
  "donations",
  "perk",
  "perks",
  "credit",
  "credits",
  "match",
  "contribution",
  "contributions",
  "fund",
  "coverage",
  "relocation",
  "healthcare",
  "wellness",
  "technology",
  "phone",
  "internet",
  "gym",
  "fitness",
  "commuter",
  "meal",
  "meals",
  "mile",
  "miles",
  "worth",
  "disability",
  "training",
  "education",
  "learning",
  "benefit",
  "medical",
  "dental",
  "vision",
]);

/** Perk words that make the `stipend` after them a perk: `technology stipend`, `wellness stipend`. */
export const PERK_WORDS = set([
  "technology",
  "tech",
  "wellness",
  "healthcare",
  "health",
  "phone",
  "internet",
  "home",
  "office",
  "learning",
  "education",
  "gym",
  "fitness",
  "commuter",
  "meal",
  "equipment",
  "remote",
  "relocation",
]);

/** Single words for kinds: `OTE`, `Equity`, `RSUs`, `Glassdoor`. */
export const KIND_WORDS: ReadonlyMap<string, WordCategory> = new Map([
  ["ote", "total"],
  ["equity", "equity"],
  ["rsu", "equity"],
  ["rsus", "equity"],
  ["glassdoor", "estimate"],
]);

/** Two-word phrases, read before their single words: `on-target earnings`, `stock options`, `sign-on`. */
export const PHRASES: ReadonlyMap<string, WordCategory> = new Map([
  ["on target", "total"],
  ["target earnings", "total"],
  ["target compensation", "total"],
  ["stock options", "equity"],
  ["stock grant", "equity"],
  ["employer provided", "employer"],
  ["employer est", "employer"],
  ["sign on", "notpay"],
]);

/** `equity` after these words is not a grant: pay equity, private equity, DEI. */
export const NOT_EQUITY_BEFORE = set([
  "internal",
  "pay",
  "private",
  "public",
  "diversity",
  "racial",
  "health",
  "social",
  "gender",
  "home",
  "brand",
  "shareholders",
  "shareholder",
]);
/** `equity` before these words is not a grant: equity research, equity markets, equity and inclusion. */
export const NOT_EQUITY_AFTER = set([
  "research",
  "markets",
  "market",
  "capital",
  "fund",
  "funds",
  "firm",
  "investors",
  "inclusion",
  "analyst",
]);

/** Period adjectives; `semimonthly` (24 pays a year) has no PayPeriod: read, then refused. */
export const PERIOD_ADJECTIVES: ReadonlyMap<string, PayPeriod | null> = new Map([
  ["hourly", "hour"],
  ["annual", "year"],
  ["annually", "year"],
  ["annualized", "year"],
  ["yearly", "year"],
  ["monthly", "month"],
  ["weekly", "week"],
  ["biweekly", "biweek"],
  ["fortnightly", "biweek"],
  ["daily", "day"],
  ["semimonthly", null],
]);

/** A period adjective before a figure counts only as the adjective of one of these (`Hourly Rate`). */
export const PERIOD_NOUNS = set([
  "salary",
  "pay",
  "rate",
  "wage",
  "compensation",
  "stipend",
  "base",
  "earnings",
  "income",
  "range",
  "equivalent",
]);

/** Units a figure may be followed by, after `/`, `per`, `a`/`an`, `every`, `each`. */
export const PERIOD_UNITS: Readonly<Record<string, PayPeriod>> = {
  hour: "hour",
  hours: "hour",
  hr: "hour",
  hrs: "hour",
  h: "hour",
  year: "year",
  years: "year",
  yr: "year",
  yrs: "year",
  y: "year",
  annum: "year",
  month: "month",
  months: "month",
  mo: "month",
  mos: "month",
  mth: "month",
  week: "week",
  weeks: "week",
  wk: "week",
  wks: "week",
  w: "week",
  day: "day",
  days: "day",
  d: "day",
  fortnight: "biweek",
  "two weeks": "biweek",
  "2 weeks": "biweek",
};

/** Adjectives a figure may be followed by without `per`: `$205,398 - $274,206 Annual`, `$7,000-9,000 monthly`. */
export const PERIOD_AFTER_ADJECTIVES: Readonly<Record<string, PayPeriod | null>> = {
  hourly: "hour",
  annually: "year",
  annualized: "year",
  annual: "year",
  yearly: "year",
  "p.a.": "year",
  monthly: "month",
  weekly: "week",
  biweekly: "biweek",
  "bi-weekly": "biweek",
  fortnightly: "biweek",
  daily: "day",
  "semi-monthly": null,
  semimonthly: null,
};

/** The period an adjective names, reading a split `bi-weekly` / `semi-monthly` from the word before it. */
export function periodOfAdjective(word: string, previous: string | undefined): PayPeriod | null | undefined {
  if (word === "weekly" && previous === "bi") return "biweek";
  if (word === "monthly" && previous === "semi") return null;
  return PERIOD_ADJECTIVES.get(word);
}

/** Every single telling word and what it says (`equity` and `stipend` also depend on their neighbours). */
export const WORD_CATEGORIES: ReadonlyMap<string, WordCategory> = new Map<string, WordCategory>([
  ...[...PAY_WORDS].map((w): [string, WordCategory] => [w, "pay"]),
  ...[...NOT_PAY_WORDS].map((w): [string, WordCategory] => [w, "notpay"]),
  ...KIND_WORDS,
]);

/** First words of PHRASES, so a phrase key is built only when it can match. */
export const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set([...PHRASES.keys()].map((k) => k.split(" ")[0] ?? ""));
