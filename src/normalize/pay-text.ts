/**
 * Pay figures read from text: a pay field (`$260K – $385K • Offers Equity`, `$50/hr`,
 * `$63K-$112K (Glassdoor est.)`) or the prose of a description (`The annual base salary range for this
 * position is from $150,000 to $190,000.`). It does not fetch, store or pick a posting's figure
 * (`pickBasePay` in ./pay.ts does), and it reads no HTML (./pay-ats.ts does).
 *
 * How it reads: one linear scan finds money tokens (a number with its currency symbol or ISO code,
 * `K`/`M` multiplier, `%`, `+`); tokens joined by a dash, `to` or `between ... and` become ranges; then
 * the few words around each figure decide its period, its kind and whether it is pay at all (bonuses,
 * perks, revenue, funding and benefit caps are not). Nothing here reads more than a bounded window
 * around one figure, so a text costs one linear scan; longer than MAX_PAY_TEXT_CHARS it is refused.
 *
 * Decisions (checked against ../../../shared/corpus/gold/salary-dev.csv and the corpus around it):
 * - Currency: see ./pay-currency.ts. No symbol and no code: null, never assumed.
 * - Is it pay? In a pay field (100 characters or fewer) every money figure is. In prose a figure needs a
 *   stated period or a pay word in its clause (`Salary Range:`, `Compensation`, `earn`), and is refused
 *   when the nearest telling word says otherwise (`Sign-On Bonus`, `revenue`, `Reimbursement`,
 *   `60% of salary up to`), or when its yearly value is beyond 5M or, with a stated period other than
 *   hourly, below 2,500 in a major currency (a `$200/month` perk). A number with no currency and no
 *   multiplier needs a pay word right before it (`Compensation: 165,000-185,000`).
 * - Period: the one the text states (after the figure: `/hr`, `per year`, `a month`, `annually`; or an
 *   adjective of a pay word before it: `Hourly Rate: $25`, `Annual salary $81,000`; a bare `per week`
 *   before a figure is ignored, it is usually about hours); else `context.defaultPeriod` (a source's
 *   convention: Ashby's summary prints `per hour`/`per month` and nothing for yearly pay, and the gold set
 *   labels its `$69.72 • Offers Equity` yearly); else inferred from magnitude only where unambiguous:
 *   a `K`/`M` figure of 1,000 or more is yearly; in USD, CAD, AUD, NZD, SGD, GBP, EUR, CHF (or with no
 *   currency) 20,000 or more is yearly and under 200 is hourly (the gold set's `Pay rate: $25 - $27` is
 *   hourly); other currencies have a yearly threshold only (YEARLY_FROM). Anything else
 *   (`Salary of $4,200`) is dropped with a `pay.period_unknown` issue rather than guessed.
 * - Kind: `estimate` when a third party says so (`(Glassdoor est.)`); `(Employer est.)` and
 *   `Employer Provided Salary` are the employer's own figure, so `base`, as the gold set labels them.
 *   `total` for OTE / on-target earnings. `equity` for a range followed by `Equity` or labelled equity,
 *   and for percentages labelled equity (min/max then are percent of the company, currency null).
 *   An equity figure rarely states a period (a grant vests over years): its period is then a placeholder
 *   `year` and its annualMin/annualMax are null, never a made-up yearly value.
 * - `up to $X`: min null, max X (the gold set labels one such row min = max; the brief's rule wins).
 *   `from $X`, `starting at $X`, `$X+`: min X, max null. `less than`/`over $X` is a comparison, not pay.
 * - `equity` on every figure: the text says equity is offered (`Offers Equity`, `+ equity`, `RSUs`),
 *   not `internal equity`, `private equity` or `Diversity, Equity & Inclusion`.
 * - A figure stated twice (`$56.41 per hour ... Pay Rate: $56.41/hr`) is returned once.
 */

import type { RecordIssue } from "../domain/errors.ts";
import type { Pay } from "../domain/posting.ts";
import { ANNUALISE, type PayKind, type PayPeriod } from "../domain/vocab.ts";
import { toUsd, usdRate } from "./fx.ts";
import {
  DOLLAR_PREFIXES,
  dollarCurrency,
  ISO_CODES,
  kronaCurrency,
  namesPesoCountry,
  UNAMBIGUOUS_SYMBOLS,
  yenCurrency,
} from "./pay-currency.ts";
import {
  NOT_EQUITY_AFTER,
  NOT_EQUITY_BEFORE,
  NOT_PAY_WORDS,
  PERIOD_AFTER_ADJECTIVES,
  PERIOD_NOUNS,
  PERIOD_UNITS,
  PERK_WORDS,
  PHRASE_FIRST_WORDS,
  PHRASES,
  periodOfAdjective,
  WORD_CATEGORIES,
  type Word,
  type WordCategory,
  wordsIn,
} from "./pay-words.ts";

export interface PayTextContext {
  /** The posting's location, read only to tell which currency `$`, `¥` or `kr` stands for. */
  location?: string | null;
  /**
   * The period a source implies when its text states none. Ashby's summary line prints `per hour` and
   * `per month` and nothing for a yearly salary, so its mapper passes `year`. Not for free text.
   */
  defaultPeriod?: PayPeriod;
}

export interface PayTextResult {
  pays: Pay[];
  issues: RecordIssue[];
}

/** Longest text we read (a long description is ~30 KB); longer input is refused, never allowed to stall a batch. */
export const MAX_PAY_TEXT_CHARS = 200_000;
/** Most money tokens we read in one text; a real description has a few dozen. */
export const MAX_PAY_TOKENS = 5_000;
/** A text this short is a pay field, where every figure is pay; longer text is prose and needs a pay word. */
const PAY_FIELD_CHARS = 100;
/** Yearly amounts above this in a major currency are not one person's pay (revenue, funding, valuations). */
const MAX_YEARLY_PAY = 5_000_000;
/** A stated monthly, weekly or yearly amount below this a year in a major currency is a perk or a fee. */
const MIN_YEARLY_PAY = 2_500;
/** Currencies in which pay is counted in tens of thousands a year, where magnitude can tell the period. */
const MAGNITUDE_CURRENCIES: ReadonlySet<string> = new Set(["USD", "CAD", "AUD", "NZD", "SGD", "GBP", "EUR", "CHF"]);
/**
 * From how much a figure in other currencies is a yearly amount: above what a month's pay reaches in
 * all but rare cases there (a month in Tokyo pays ¥200k-¥1.5M, a year ¥4M-¥20M). No hourly rule for these.
 */
const YEARLY_FROM: Readonly<Record<string, number>> = {
  JPY: 2_000_000,
  KRW: 30_000_000,
  CNY: 100_000,
  INR: 600_000,
  BRL: 300_000,
  MXN: 500_000,
  HKD: 300_000,
  TWD: 600_000,
  ILS: 200_000,
  SEK: 200_000,
  NOK: 200_000,
  DKK: 200_000,
  PLN: 100_000,
  ZAR: 300_000,
};

/** One money-looking token: a number with what is written on either side of it. */
interface Token {
  /** First character, currency prefix included. */
  start: number;
  /** After the last character read: multiplier, suffix code, `%`, `+`. */
  end: number;
  num: number;
  mult: number;
  hasMult: boolean;
  /** Billions and more: never one person's pay. */
  huge: boolean;
  /** The multiplier says per annum (`LPA`). */
  perAnnum: boolean;
  /** ISO code written next to the figure (`USD 120,000`, `$200,000 USD`): beats any symbol. */
  iso: string | null;
  /** Currency of an unambiguous symbol (`£`, `€`, `US$`, `CA$`, `R$`). */
  sym: string | null;
  /** A symbol shared by several currencies, resolved with the location. */
  shared: "$" | "¥" | "kr" | null;
  percent: boolean;
  plus: boolean;
}

type Category = WordCategory;

/** A figure before it becomes a Pay, with how its period was found (the Greenhouse reader needs it). */
export interface PayFigure {
  pay: Pay;
  start: number;
  end: number;
  periodSource: "stated" | "default" | "inferred" | "placeholder";
}

export interface PayFigures {
  figures: PayFigure[];
  issues: RecordIssue[];
  equity: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Character classes

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLetter = (c: number): boolean => isLower(c) || isUpper(c) || (c >= 0xc0 && c <= 0x24f);

/**
 * Same-length cleanup, so every index still points into the caller's text and `raw` is an exact
 * substring: control characters, zero-width characters and BOMs become spaces, as do no-break spaces.
 */
// Each of these is one UTF-16 unit, so replacing it with a space keeps every index in place.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CLEAN_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd\u00a0\u202f\u2009\u200b\u200c\ufeff]/g;

/** The characters counted as binary (control characters, the replacement character). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point.
const CONTROL_CHARS_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;
/**
 * CLEAN_RE's characters but the no-break space (`includes` finds it faster), grouped as the regular expression
 * engine finds them fastest: a pass over the text much cheaper than a loop over its characters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CLEAN_TEST_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ufffd\u202f\u2009\u200b\u200c\ufeff]/;

function clean(text: string): { text: string; controlChars: number } {
  // Most texts hold none of them: then there is nothing to count or replace.
  if (!CLEAN_TEST_RE.test(text) && !text.includes("\u00a0")) {
    return { text, controlChars: 0 };
  }
  const controlChars = text.length - text.replace(CONTROL_CHARS_RE, "").length;
  return { text: text.replace(CLEAN_RE, " "), controlChars };
}

// ---------------------------------------------------------------------------------------------------
// Tokens

const MULT_RE =
  /(?: ?(million|mil|mn|thousand|billion|bn|trillion|lakhs?|lacs?|crores?|LPA)|(MM|mm|Cr|[kKmMbBL]))(?![a-z])/y;
const MULTIPLIERS: Readonly<Record<string, number>> = {
  million: 1e6,
  mil: 1e6,
  mn: 1e6,
  MM: 1e6,
  mm: 1e6,
  m: 1e6,
  M: 1e6,
  thousand: 1e3,
  k: 1e3,
  K: 1e3,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  B: 1e9,
  trillion: 1e12,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  L: 1e5,
  LPA: 1e5,
  crore: 1e7,
  crores: 1e7,
  Cr: 1e7,
};
const SUFFIX_RE = / ?(?:([A-Z]{3})(?![a-z])|(€|£|zł|\$(?! ?\d))|(kr\.?|CHF|Fr\.)(?![a-z])|(dollars?|euros?)(?![a-z]))/y;

/**
 * The characters MULT_RE and SUFFIX_RE can start with, right at the number (`at`) or after their optional space
 * (`afterSpace`): most numbers are followed by neither, and a look at a character is cheaper than a match.
 */
const charCodes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const MULT_FIRST = { at: charCodes("mtblcLMCkKB"), afterSpace: charCodes("mtblcL") };
const SUFFIX_STARTS = charCodes("ABCDEFGHIJKLMNOPQRSTUVWXYZ€£z$kde");
const SUFFIX_FIRST = { at: SUFFIX_STARTS, afterSpace: SUFFIX_STARTS };
function mayStart(first: { at: ReadonlySet<number>; afterSpace: ReadonlySet<number> }, s: string, j: number): boolean {
  if (j + 1 >= s.length) return true; // at the end, let the expression decide
  const c = s.charCodeAt(j);
  return c === 32 ? first.afterSpace.has(s.charCodeAt(j + 1)) : first.at.has(c);
}

function readNumber(s: string, i: number, allowSpaceGroups: boolean): { end: number; raw: string } | null {
  let j = i;
  const n = s.length;
  while (j < n && isDigit(s.charCodeAt(j))) j++;
  const firstGroup = j - i;
  for (;;) {
    const c = s.charCodeAt(j);
    if ((c === 44 || c === 46) && isDigit(s.charCodeAt(j + 1))) {
      j++;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
    } else if (
      // Swiss thousands: `CHF 120'000`.
      (c === 39 || c === 0x2019) &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3)) &&
      !isDigit(s.charCodeAt(j + 4))
    ) {
      j += 4;
    } else if (
      c === 32 &&
      allowSpaceGroups &&
      firstGroup <= 3 &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3)) &&
      !isDigit(s.charCodeAt(j + 4)) &&
      s.charCodeAt(j + 4) !== 44 &&
      s.charCodeAt(j + 4) !== 46
    ) {
      j += 4;
    } else break;
    if (j - i > 30) return null;
  }
  if (j - i > 30) return null;
  return { end: j, raw: s.slice(i, j) };
}

/**
 * The value of a written number. `,` and `.` are thousands separators when repeated or when exactly three
 * digits follow the only one (`150,000`, `€80.000`, `12,00,000`), decimal marks otherwise (`$91.36`,
 * `$18.3K`); with both, the last one is the decimal mark (`€80.000,00`). Before a multiplier a single
 * `.` is always decimal (`$1.980M`).
 */
function numberValue(raw: string, hasMult: boolean): number {
  let lastDot = -1;
  let lastComma = -1;
  let dots = 0;
  let commas = 0;
  let len = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) continue;
    if (c === 46) {
      lastDot = len;
      dots++;
    } else if (c === 44) {
      lastComma = len;
      commas++;
    }
    len++;
  }
  let decimal = 0;
  if (dots > 0 && commas > 0) decimal = lastDot > lastComma ? 46 : 44;
  else if (dots + commas === 1) {
    const after = len - 1 - Math.max(lastDot, lastComma);
    if (after !== 3 || (hasMult && dots === 1)) decimal = dots === 1 ? 46 : 44;
  }
  // Digits as one integer, then one division: the same double as Number("91.36").
  let digits = 0;
  let fraction = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits = digits * 10 + (c - 48);
      if (fraction >= 0) fraction++;
    } else if (c === decimal) fraction = 0;
  }
  return fraction > 0 ? digits / 10 ** fraction : digits;
}

const RUPEE_BEFORE_RE = /(?:^|[^A-Za-z])Rs\.?$/;
const KRONA_BEFORE_RE = /(?:^|[^A-Za-z])kr\.?$/;

/** UNAMBIGUOUS_SYMBOLS by character code (a lookup by code is cheaper than by a one-character string). */
const SYMBOL_CURRENCIES: ReadonlyMap<number, string> = new Map(
  Object.entries(UNAMBIGUOUS_SYMBOLS).flatMap(([symbol, code]) =>
    symbol.length === 1 ? [[symbol.charCodeAt(0), code] as const] : [],
  ),
);

/** Currency written before a number that starts at `i` (at most one space between). */
function readPrefix(s: string, i: number): Pick<Token, "iso" | "sym" | "shared"> & { start: number } {
  const none = { iso: null, sym: null, shared: null, start: i };
  let k = i - 1;
  if (s.charCodeAt(k) === 32) k--;
  if (k < 0) return none;
  const ch = s.charAt(k);
  if (ch === "$") {
    // Letters glued before `$`: `US$`, `CA$`, `R$`; a code and a space before it: `USD $120,000`.
    let l = k;
    while (l > 0 && l > k - 3 && isUpper(s.charCodeAt(l - 1))) l--;
    const letters = s.slice(l, k);
    if (letters && !isLetter(s.charCodeAt(l - 1))) {
      const code = DOLLAR_PREFIXES[letters];
      if (code) return { iso: null, sym: code, shared: null, start: l };
    }
    const iso = s.slice(k - 4, k - 1);
    if (s.charCodeAt(k - 1) === 32 && ISO_CODES.has(iso) && !isLetter(s.charCodeAt(k - 5))) {
      return { iso, sym: null, shared: null, start: k - 4 };
    }
    return { iso: null, sym: null, shared: "$", start: k };
  }
  const symbol = SYMBOL_CURRENCIES.get(s.charCodeAt(k));
  if (symbol) return { iso: null, sym: symbol, shared: null, start: k };
  if (ch === "¥" || ch === "￥") return { iso: null, sym: null, shared: "¥", start: k };
  if (isUpper(s.charCodeAt(k))) {
    const iso = s.slice(k - 2, k + 1);
    if (ISO_CODES.has(iso) && !isLetter(s.charCodeAt(k - 3))) return { iso, sym: null, shared: null, start: k - 2 };
    if (iso === "RMB" && !isLetter(s.charCodeAt(k - 3))) return { iso: "CNY", sym: null, shared: null, start: k - 2 };
  }
  // `Rs`, `Rs.`, `kr`, `kr.` end in one of these: most numbers have none before them.
  const last = s.charCodeAt(k);
  if (last !== 115 && last !== 114 && last !== 46) return none;
  const word = s.slice(Math.max(0, k - 2), k + 1);
  if (RUPEE_BEFORE_RE.test(word)) {
    return { iso: null, sym: "INR", shared: null, start: s.lastIndexOf("Rs", k) };
  }
  if (KRONA_BEFORE_RE.test(word)) {
    return { iso: null, sym: null, shared: "kr", start: s.lastIndexOf("kr", k) };
  }
  return none;
}

/** Everything up to the next digit (faster than searching for the digit). */
const NOT_DIGITS_RE = /[^0-9]*/y;

function scanTokens(s: string): { tokens: Token[]; truncated: boolean } {
  const tokens: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    // Jump to the next digit natively: a description is mostly letters.
    NOT_DIGITS_RE.lastIndex = i;
    NOT_DIGITS_RE.test(s);
    i = NOT_DIGITS_RE.lastIndex;
    if (i >= n) break;
    const prevCode = s.charCodeAt(i - 1);
    // A number glued to letters is a model name, a date code, a ticket (`H100`, `Q4`, `FY2024`),
    // unless the letters are an ISO code (`USD120,000`).
    const gluedCode =
      isLetter(prevCode) && ISO_CODES.has(s.slice(i - 3, i)) && !isLetter(s.charCodeAt(i - 4))
        ? s.slice(i - 3, i)
        : null;
    if ((isLetter(prevCode) && gluedCode === null) || prevCode === 46 || prevCode === 44) {
      while (i < n && (isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 44 || s.charCodeAt(i) === 46)) i++;
      continue;
    }
    const prefix = gluedCode ? { iso: gluedCode, sym: null, shared: null, start: i - 3 } : readPrefix(s, i);
    const number = readNumber(s, i, prefix.shared !== "$");
    if (number === null) {
      while (i < n && (isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 44 || s.charCodeAt(i) === 46)) i++;
      continue;
    }
    let j = number.end;
    let mult = 1;
    let hasMult = false;
    let perAnnum = false;
    MULT_RE.lastIndex = j;
    const m = mayStart(MULT_FIRST, s, j) ? MULT_RE.exec(s) : null;
    if (m) {
      const word = (m[1] ?? m[2] ?? "").trim();
      const value = MULTIPLIERS[word] ?? MULTIPLIERS[word.toLowerCase()];
      // `401k`, `403b`: retirement plans, not money.
      const retirement = /^(?:401|403|457)$/.test(number.raw) && /^[kKbB]$/.test(word);
      if (value !== undefined && !retirement) {
        mult = value;
        hasMult = true;
        perAnnum = word === "LPA";
        j = MULT_RE.lastIndex;
      } else if (retirement) {
        i = MULT_RE.lastIndex;
        continue;
      }
    }
    let percent = false;
    if (s.charCodeAt(j) === 37) {
      percent = true;
      j++;
    } else if (s.charCodeAt(j) === 32 && s.charCodeAt(j + 1) === 37) {
      percent = true;
      j += 2;
    }
    let plus = false;
    if (s.charCodeAt(j) === 43) {
      plus = true;
      j++;
    }
    let { iso, sym, shared } = prefix;
    if (!percent) {
      SUFFIX_RE.lastIndex = j;
      const suf = mayStart(SUFFIX_FIRST, s, j) ? SUFFIX_RE.exec(s) : null;
      if (suf) {
        const code = suf[1];
        if (code !== undefined) {
          // An upper-case word glued after the code (`USDBenefits`) still ends it; `USDA` does not.
          const next = s.charCodeAt(SUFFIX_RE.lastIndex);
          const glued = isUpper(next) && !isLower(s.charCodeAt(SUFFIX_RE.lastIndex + 1));
          if ((ISO_CODES.has(code) || code === "RMB") && !glued) {
            iso = code === "RMB" ? "CNY" : code;
            j = SUFFIX_RE.lastIndex;
          }
        } else if (suf[2] !== undefined) {
          if (suf[2] === "$") shared ??= "$";
          else sym ??= suf[2] === "€" ? "EUR" : suf[2] === "£" ? "GBP" : "PLN";
          j = SUFFIX_RE.lastIndex;
        } else if (suf[3] !== undefined) {
          if (suf[3].startsWith("kr")) shared ??= "kr";
          else iso ??= "CHF";
          j = SUFFIX_RE.lastIndex;
        } else if (suf[4] !== undefined) {
          if (suf[4].startsWith("euro")) sym ??= "EUR";
          else shared ??= "$";
          j = SUFFIX_RE.lastIndex;
        }
      }
      if (!plus && s.charCodeAt(j) === 43) {
        plus = true;
        j++;
      }
    }
    tokens.push({
      start: prefix.start,
      end: j,
      num: numberValue(number.raw, hasMult),
      mult,
      hasMult,
      huge: mult >= 1e9,
      perAnnum,
      iso,
      sym,
      shared,
      percent,
      plus,
    });
    if (tokens.length >= MAX_PAY_TOKENS) return { tokens, truncated: true };
    i = Math.max(j, number.end);
  }
  return { tokens, truncated: false };
}

// ---------------------------------------------------------------------------------------------------
// Words around a figure

const UNIT_ALTERNATION = Object.keys(PERIOD_UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/ /g, "\\s+"))
  .join("|");
/** Between two range ends: a dash, `to`, `and` (after `between`), maybe a unit after the first end (`$31/hr - $44/hr`). */
const CONNECTOR_RE = new RegExp(
  `^\\s*(?:\\/\\s*(${UNIT_ALTERNATION})\\.?)?\\s*(?:[-\\u2010-\\u2015\\u2212~]+|to|TO|To|and|through|thru)\\s*$`,
);
const ADJ_AFTER_RE = new RegExp(
  `(${Object.keys(PERIOD_AFTER_ADJECTIVES)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\./g, "\\."))
    .join("|")})`,
  "iy",
);
const UNIT_AFTER_RE = new RegExp(`(\\/|per|an?|every|each)\\s*(?:one\\s+)?(${UNIT_ALTERNATION})\\.?`, "iy");
const OPEN_AFTER_RE = /\s*(?:or (?:more|higher|above)|and (?:up|above))/iy;
const CODE_AFTER_RE = /\(?\s*([A-Z]{3})\s*\)?/y;
const ESTIMATE_AFTER_RE = /\(?\s*(glassdoor|indeed|employer|company)\s+est(?:\.|imated?)?\s*\)?/iy;
const EQUITY_AFTER_RE = /(?:in\s+)?(equity|rsus?)(?![a-z])/iy;
const TOTAL_AFTER_RE = /\(?(OTE|on[- ]target(?: earnings)?)\)?(?![a-z])/iy;
const FILLER_AFTER_RE = /(base|gross|salary|range|pay|rate|total|compensation|cash|wage|doe|for)(?![a-z])\s*/iy;
const SKIP_AFTER_RE = /[\s()[\]*]*/y;

const MODIFIER_RE =
  /(?<![A-Za-z])(up\s*-?\s*to|upto|max(?:imum)?(?:\s+of)?|not\s+to\s+exceed|no\s+more\s+than|from|starting(?:\s+(?:at|from))?|starts?\s+at|beginning\s+at|at\s+least|min(?:imum)?(?:\s+of)?|less\s+than|more\s+than|over|under|in\s+excess\s+of|exceeding|above|below|between)\s*[:-]?\s*(?:of\s*)?$/i;
const SHARE_OF_PAY_RE =
  /\d\s?%\s+of\s+(?:(?:your|their|base|annual|the)\s+)*(?:salary|pay|earnings|wages?)\b[^$\d]{0,30}$/i;
const NEXT_WORDS_RE = /[\s:,()"'*]*([A-Za-z][A-Za-z-]*|\+)/y;
const ADDITION_WORDS = new Set(["plus", "with", "and", "along", "including", "excluding", "+", "or"]);

interface After {
  end: number;
  period: PayPeriod | null | undefined;
  category: Category | null;
  iso: string | null;
  openMax: boolean;
  notPay: boolean;
}

/** What follows a figure: `or more`, an ISO code, a period, `(Glassdoor est.)`, `Equity`, `OTE`. */
function readAfter(s: string, from: number): After {
  const out: After = { end: from, period: undefined, category: null, iso: null, openMax: false, notPay: false };
  let p = from;
  OPEN_AFTER_RE.lastIndex = p;
  if (OPEN_AFTER_RE.test(s)) {
    out.openMax = true;
    p = OPEN_AFTER_RE.lastIndex;
    out.end = p;
  }
  let fillers = 0;
  for (let round = 0; round < 6; round++) {
    SKIP_AFTER_RE.lastIndex = p;
    SKIP_AFTER_RE.test(s);
    const q = SKIP_AFTER_RE.lastIndex;
    if (q >= s.length) break;
    let m: RegExpExecArray | null;
    if (out.period === undefined) {
      ADJ_AFTER_RE.lastIndex = q;
      m = ADJ_AFTER_RE.exec(s);
      if (m && !isLower(s.charCodeAt(ADJ_AFTER_RE.lastIndex))) {
        out.period = PERIOD_AFTER_ADJECTIVES[(m[1] ?? "").toLowerCase()] ?? null;
        p = out.end = ADJ_AFTER_RE.lastIndex;
        continue;
      }
      UNIT_AFTER_RE.lastIndex = q;
      m = UNIT_AFTER_RE.exec(s);
      if (m && !isLower(s.charCodeAt(UNIT_AFTER_RE.lastIndex)) && !isDigit(s.charCodeAt(UNIT_AFTER_RE.lastIndex))) {
        const lead = (m[1] ?? "").toLowerCase();
        const unit = (m[2] ?? "").toLowerCase().replace(/\s+/g, " ");
        // Single letters (`/h`, `/d`) only after a slash: `a d...` is not a period.
        if (unit.length > 1 || lead === "/") {
          const period = PERIOD_UNITS[unit];
          if (period) {
            out.period = period;
            p = out.end = UNIT_AFTER_RE.lastIndex;
            continue;
          }
        }
      }
    }
    if (out.iso === null) {
      CODE_AFTER_RE.lastIndex = q;
      m = CODE_AFTER_RE.exec(s);
      if (m && ISO_CODES.has(m[1] ?? "") && !isLetter(s.charCodeAt(CODE_AFTER_RE.lastIndex))) {
        out.iso = m[1] ?? null;
        p = out.end = CODE_AFTER_RE.lastIndex;
        continue;
      }
    }
    if (out.category === null) {
      ESTIMATE_AFTER_RE.lastIndex = q;
      m = ESTIMATE_AFTER_RE.exec(s);
      if (m) {
        const who = (m[1] ?? "").toLowerCase();
        out.category = who === "employer" || who === "company" ? "employer" : "estimate";
        p = out.end = ESTIMATE_AFTER_RE.lastIndex;
        continue;
      }
      EQUITY_AFTER_RE.lastIndex = q;
      if (EQUITY_AFTER_RE.test(s)) {
        out.category = "equity";
        p = out.end = EQUITY_AFTER_RE.lastIndex;
        continue;
      }
      TOTAL_AFTER_RE.lastIndex = q;
      if (TOTAL_AFTER_RE.test(s)) {
        out.category = "total";
        p = out.end = TOTAL_AFTER_RE.lastIndex;
        continue;
      }
    }
    FILLER_AFTER_RE.lastIndex = q;
    if (fillers < 2 && FILLER_AFTER_RE.test(s)) {
      fillers++;
      p = FILLER_AFTER_RE.lastIndex;
      continue;
    }
    break;
  }
  // The next two words: `$5,000 signing bonus`, `$100M+ in sales`, `$500 a month in tips`.
  let w = out.end;
  for (let k = 0; k < 2; k++) {
    NEXT_WORDS_RE.lastIndex = w;
    const m = NEXT_WORDS_RE.exec(s);
    if (!m) break;
    const word = (m[1] ?? "").toLowerCase();
    if (ADDITION_WORDS.has(word)) break;
    // `$90k-115k Commission: $90k-115k`: a word before a colon labels the next figure, not this one.
    if (/^\s*:/.test(s.slice(NEXT_WORDS_RE.lastIndex, NEXT_WORDS_RE.lastIndex + 3))) break;
    if (NOT_PAY_WORDS.has(word)) {
      out.notPay = true;
      break;
    }
    w = NEXT_WORDS_RE.lastIndex;
  }
  return out;
}

interface Before {
  category: Category | null;
  /** The last label ends within a few characters of the figure (`Salary: 120,000`). */
  labelNear: boolean;
  period: PayPeriod | null | undefined;
  modifier: "openMin" | "openMax" | "comparison" | "between" | null;
}

/**
 * Start of the clause a figure at `start` sits in: after a line break, a bullet or a sentence end. A
 * boundary with no word after it (`Compensation & Benefits· $80,000`) is a heading's: the clause goes on.
 */
function clauseStart(s: string, from: number, start: number): number {
  let words = false;
  for (let k = start - 1; k >= from; k--) {
    const c = s.charCodeAt(k);
    let boundary = c === 0x2022 || c === 0xb7;
    // A line break ends a clause, unless the line before is a heading (`Referral Bonus:` then the figure).
    if (c === 10 || c === 13) {
      let h = k - 1;
      while (h >= from && (s.charCodeAt(h) === 32 || s.charCodeAt(h) === 13 || s.charCodeAt(h) === 9)) h--;
      boundary = s.charCodeAt(h) !== 58;
    }
    // `full timeWeekly supervision`: recorders dropped line breaks, leaving a lower-upper seam.
    if (isLower(c) && isUpper(s.charCodeAt(k + 1)) && isLower(s.charCodeAt(k + 2))) boundary = true;
    // `. ` or `! ` or `? ` followed by a capital: a sentence end (`approx. $50` stays one clause).
    if ((c === 46 || c === 33 || c === 63) && s.charCodeAt(k + 1) === 32 && isUpper(s.charCodeAt(k + 2))) {
      boundary = c !== 46 || !isDigit(s.charCodeAt(k - 1));
    }
    if (boundary && words) return k + 1;
    if (isLetter(c)) words = true;
  }
  return from;
}

/** `equity` at `words[i]` is not a grant (`internal equity`, `Diversity, Equity & Inclusion`, `equity research`). */
function notEquityAt(words: readonly Word[], i: number): boolean {
  const before = words[i - 1]?.text;
  const after = words[i + 1]?.text;
  const after2 = words[i + 2]?.text;
  if (before !== undefined && NOT_EQUITY_BEFORE.has(before)) return true;
  if (after !== undefined && NOT_EQUITY_AFTER.has(after)) return true;
  return after === "and" && after2 === "inclusion";
}

/**
 * Letters that any word labelling a figure with one of `categories` contains (see labelOf): its word, the second
 * word of its phrase, `equity` and `stipend` (whose category depends on their neighbours). Text without them has
 * no such label, and its words need not be read.
 */
function labelHint(categories: readonly WordCategory[]): RegExp {
  const words = [
    ...[...WORD_CATEGORIES].filter(([, category]) => categories.includes(category)).map(([word]) => word),
    ...[...PHRASES].filter(([, category]) => categories.includes(category)).map(([phrase]) => phrase.split(" ")[1]),
    ...(categories.includes("equity") ? ["equity"] : []),
    ...(categories.includes("pay") || categories.includes("notpay") ? ["stipend"] : []),
  ];
  return new RegExp(words.join("|"), "i");
}
/** Labels that make a bare number money (all but `notpay`). */
const PAY_LABEL_HINT_RE = labelHint(["pay", "total", "equity", "estimate", "employer"]);
/** Labels that make a percentage an equity share. */
const EQUITY_LABEL_HINT_RE = labelHint(["equity"]);

/** What the words of a clause say about the figure after them: the last telling word wins. */
function labelOf(words: readonly Word[]): { category: Category | null; end: number } {
  let category: Category | null = null;
  let end = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const prev = words[i - 1];
    let found: Category | undefined;
    if (prev !== undefined && PHRASE_FIRST_WORDS.has(prev.text)) found = PHRASES.get(`${prev.text} ${w.text}`);
    if (found !== undefined) {
      // a phrase: `on-target earnings`, `stock options`, `sign-on`
    } else if (w.text === "equity") found = notEquityAt(words, i) ? undefined : "equity";
    else if (w.text === "stipend") found = prev && PERK_WORDS.has(prev.text) ? "notpay" : "pay";
    else found = WORD_CATEGORIES.get(w.text);
    if (found !== undefined) {
      category = found;
      end = w.end;
    }
  }
  return { category, end };
}

/** The period of the last `<adjective> [word] [word] <pay noun>` in the words (`Hourly Pay Rate`). */
function periodBefore(words: readonly Word[]): PayPeriod | null | undefined {
  let period: PayPeriod | null | undefined;
  for (let i = 0; i < words.length; i++) {
    const adjective = periodOfAdjective((words[i] as Word).text, words[i - 1]?.text);
    if (adjective === undefined) continue;
    for (let k = i + 1; k <= i + 3 && k < words.length; k++) {
      if (PERIOD_NOUNS.has((words[k] as Word).text)) {
        period = adjective;
        break;
      }
    }
  }
  return period;
}

/**
 * What the clause before a figure says: its last telling word, a period adjective of a pay word, and a
 * modifier right before it (`up to`, `from`, `between`, `over`). `near` reads only the last 40
 * characters (enough for a bare number, which needs its label right before it).
 */
function readBefore(s: string, from: number, start: number, near = false): Before {
  const out: Before = { category: null, labelNear: false, period: undefined, modifier: null };
  const windowStart = clauseStart(s, Math.max(from, start - (near ? 40 : 120)), start);
  if (windowStart >= start) return out;
  const words = wordsIn(s, windowStart, start);
  const label = labelOf(words);
  out.category = label.category;
  out.labelNear = label.end >= 0 && start - label.end <= 30;
  out.period = periodBefore(words);
  // `60% of salary up to $2,000/week`: a cap on a benefit paid as a share of pay, not pay.
  if (SHARE_OF_PAY_RE.test(s.slice(Math.max(0, start - 60), start))) out.category = "notpay";
  const tail = s.slice(Math.max(windowStart, start - 40), start);
  const mod = MODIFIER_RE.exec(tail);
  if (mod) {
    const word = (mod[1] ?? "").toLowerCase().replace(/\s+/g, " ");
    if (word === "between") out.modifier = "between";
    else if (/^(?:up|max|not|no )/.test(word)) out.modifier = "openMin";
    else if (/^(?:less|more|over|under|in excess|exceeding|above|below)/.test(word)) out.modifier = "comparison";
    else out.modifier = "openMax";
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Figures

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

function resolveCurrency(
  iso: string | null,
  sym: string | null,
  shared: Token["shared"],
  location: string | null | undefined,
): string | null {
  if (iso) return iso;
  if (sym) return sym;
  if (shared === "$") return dollarCurrency(location);
  if (shared === "¥") return yenCurrency(location);
  if (shared === "kr") return kronaCurrency(location);
  return null;
}

/** Period from magnitude, only where unambiguous (see the module header); null when it cannot tell. */
export function inferPeriod(
  values: readonly number[],
  currency: string | null,
  hasMultiplier: boolean,
): PayPeriod | null {
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (hasMultiplier && min >= 1_000) return "year";
  if (currency !== null && !MAGNITUDE_CURRENCIES.has(currency)) {
    const yearlyFrom = YEARLY_FROM[currency];
    return yearlyFrom !== undefined && min >= yearlyFrom ? "year" : null;
  }
  if (min >= 20_000) return "year";
  if (max < 200) return "hour";
  return null;
}

/** Build a Pay from figures already read (shared with the structured mappers). */
export function makePay(input: {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: PayPeriod;
  kind: PayKind;
  equity: boolean;
  raw: string;
  periodStated: boolean;
}): Pay {
  let { min, max } = input;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const factor = ANNUALISE[input.period];
  const annualMin = input.periodStated && min !== null ? round(min * factor) : null;
  const annualMax = input.periodStated && max !== null ? round(max * factor) : null;
  const fx = input.currency ? usdRate(input.currency) : null;
  return {
    min,
    max,
    currency: input.currency,
    period: input.period,
    annualMin,
    annualMax,
    annualMinUsd: toUsd(annualMin, fx),
    annualMaxUsd: toUsd(annualMax, fx),
    fx,
    kind: input.kind,
    equity: input.equity,
    raw: input.raw,
  };
}

const EQUITY_RE = /equity|stock options|\brsus?\b|restricted stock/gi;

/** The text says equity is offered: `Offers Equity`, `+ equity`, an equity range; not `internal equity`. */
export function mentionsEquity(s: string): boolean {
  EQUITY_RE.lastIndex = 0;
  for (let m = EQUITY_RE.exec(s); m !== null; m = EQUITY_RE.exec(s)) {
    if (m[0].toLowerCase() !== "equity") return true;
    // The words around this one: is it `pay equity`, `private equity`, `equity and inclusion`?
    const words = wordsIn(s, Math.max(0, m.index - 24), Math.min(s.length, m.index + 30));
    const i = words.findIndex((w) => w.start === m.index);
    if (i < 0 || !notEquityAt(words, i)) return true;
  }
  return false;
}

/** The one period a text names (`Hourly`, `Annual Salary`, `monthly`); undefined when none or several. */
export function statedPeriodIn(text: string): PayPeriod | undefined {
  const words = wordsIn(text, 0, Math.min(text.length, 4_000));
  let found: PayPeriod | undefined;
  for (let i = 0; i < words.length; i++) {
    const period = periodOfAdjective((words[i] as Word).text, words[i - 1]?.text);
    if (period === undefined) continue;
    if (period === null || (found !== undefined && found !== period)) return undefined;
    found = period;
  }
  return found;
}

const issue = (code: string, message: string, input?: unknown): RecordIssue =>
  input === undefined ? { code, path: [], message } : { code, path: [], message, input };

const excerpt = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * Every pay figure stated in `text`, with where it sits and how its period was found. The public
 * `parsePayText` returns only the Pay values; the Greenhouse reader uses the rest.
 */
export function readPayFigures(text: unknown, context: PayTextContext = {}): PayFigures {
  return readFigures(text, context, true);
}

/** readPayFigures; `equity` is read only when there are figures to mark, unless `alwaysEquity`. */
function readFigures(text: unknown, context: PayTextContext, alwaysEquity: boolean): PayFigures {
  const result: PayFigures = { figures: [], issues: [], equity: false };
  if (typeof text !== "string") {
    result.issues.push(issue("pay.unparsable", "pay text is not a string", typeof text));
    return result;
  }
  if (text.trim() === "") {
    result.issues.push(issue("pay.empty", "pay text is empty"));
    return result;
  }
  if (text.length > MAX_PAY_TEXT_CHARS) {
    result.issues.push(
      issue("pay.too_long", `pay text has ${text.length} characters, more than ${MAX_PAY_TEXT_CHARS}`, excerpt(text)),
    );
    return result;
  }
  const { text: s, controlChars } = clean(text);
  if (controlChars > 3 && controlChars * 10 > s.length) {
    result.issues.push(issue("pay.binary", "pay text holds binary bytes", excerpt(s)));
    return result;
  }
  const { tokens, truncated } = scanTokens(s);
  if (truncated) {
    result.issues.push(issue("pay.too_many_figures", `read only the first ${MAX_PAY_TOKENS} figures`, excerpt(s)));
  }
  const payField =
    s.length <= PAY_FIELD_CHARS || (s.length <= 4 * PAY_FIELD_CHARS && s.trim().length <= PAY_FIELD_CHARS);

  // Join tokens into ranges; a chain of four (`$347,000 – $405,000 – $1,980,000 – $2,420,000 Equity`,
  // as the AI-lab recorder left Ashby's salary-then-equity line) is read pairwise.
  const groups: { tokens: Token[]; unit: string | null }[] = [];
  let chain: Token[] = [];
  let chainUnits: (string | null)[] = [];
  const flush = () => {
    for (let k = 0; k < chain.length; k += 2) {
      const pair = chain.slice(k, k + 2);
      groups.push({ tokens: pair, unit: chainUnits[k] ?? null });
    }
    chain = [];
    chainUnits = [];
  };
  for (const token of tokens) {
    const prev = chain[chain.length - 1];
    if (prev !== undefined && token.start - prev.end <= 16) {
      const gap = s.slice(prev.end, token.start);
      const m = CONNECTOR_RE.exec(gap);
      const isAnd = m !== null && /and$/i.test(gap.trim());
      const first = chain[0]?.start ?? 0;
      if (m && (!isAnd || /between\s*$/i.test(s.slice(Math.max(0, first - 12), first)))) {
        chainUnits[chain.length - 1] = m[1] ?? null;
        chain.push(token);
        continue;
      }
    }
    flush();
    chain.push(token);
  }
  flush();

  const seen = new Set<string>();
  let prevEnd = 0;
  for (const group of groups) {
    const [lo, hi] = group.tokens as [Token, Token | undefined];
    const last = hi ?? lo;
    const from = prevEnd;
    // Cheap refusals first: most numbers in a description are not money and need no window read.
    const bare = isBare(lo) && (hi === undefined || isBare(hi));
    if (bare) {
      // A bare number is money only right after a pay word (`Salary: 120,000`): check that first, cheaply.
      const labelFrom = Math.max(from, lo.start - 32);
      const label = PAY_LABEL_HINT_RE.test(s.slice(labelFrom, lo.start))
        ? labelOf(wordsIn(s, labelFrom, lo.start)).category
        : null;
      if (label === null || label === "notpay") {
        prevEnd = last.end;
        continue;
      }
    }
    const after = readAfter(s, last.end);
    prevEnd = Math.max(after.end, last.end);
    if (lo.huge || hi?.huge || after.notPay) continue;
    // A percentage is pay only as an equity share (see decide): most cannot be one, and then the clause before
    // them need not be read.
    if ((lo.percent || hi?.percent) && !mayBeEquityShare(s, from, lo, hi, after)) continue;
    const before = readBefore(s, from, lo.start, bare);
    const figure = decide(s, lo, hi, group.unit, after, before, context, payField, result.issues);
    if (figure === null) continue;
    const key = `${figure.pay.kind}|${figure.pay.min}|${figure.pay.max}|${figure.pay.currency}|${figure.pay.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.figures.push(figure);
  }
  // A whole-text read: most descriptions state no figure, and then whether they offer equity does not matter.
  if (alwaysEquity || result.figures.length > 0) result.equity = mentionsEquity(s);
  for (const f of result.figures) f.pay.equity = result.equity || f.pay.kind === "equity";
  return result;
}

/** A number with no currency, no multiplier and no `%`: money only right after a pay word. */
const isBare = (t: Token): boolean => !t.iso && !t.sym && !t.shared && !t.hasMult && !t.percent;

/** Whether a percentage can be an equity share: under 50%, labelled equity after it or, by its words, before. */
function mayBeEquityShare(s: string, from: number, lo: Token, hi: Token | undefined, after: After): boolean {
  if (Math.max(lo.num, hi?.num ?? 0) >= 50) return false;
  if (after.category !== null) return after.category === "equity";
  // readBefore reads at most the 120 characters before a number that is not bare.
  return EQUITY_LABEL_HINT_RE.test(s.slice(Math.max(from, lo.start - 120), lo.start));
}

function decide(
  s: string,
  lo: Token,
  hi: Token | undefined,
  unit: string | null,
  after: After,
  before: Before,
  context: PayTextContext,
  payField: boolean,
  issues: RecordIssue[],
): PayFigure | null {
  if (lo.huge || hi?.huge) return null;
  const category: Category | null = after.category ?? before.category;
  if (after.notPay) return null;
  if (category === "notpay") return null;
  const percent = lo.percent || (hi?.percent ?? false);
  // An equity share is a few percent at most; `Equity included 100% medical` is not one.
  if (percent && (category !== "equity" || Math.max(lo.num, hi?.num ?? 0) >= 50)) return null;
  const iso = after.iso ?? lo.iso ?? hi?.iso ?? null;
  const sym = lo.sym ?? hi?.sym ?? null;
  const shared = lo.shared ?? hi?.shared ?? null;
  const hasCurrency = iso !== null || sym !== null || shared !== null;
  const hasMult = lo.hasMult || (hi?.hasMult ?? false);
  const unitPeriod = unit ? PERIOD_UNITS[unit.toLowerCase().replace(/\s+/g, " ")] : undefined;
  // null: a period was stated that no PayPeriod expresses (semi-monthly); undefined: none stated.
  const statedPeriod =
    after.period !== undefined ? after.period : unitPeriod !== undefined ? unitPeriod : before.period;
  const labelled = category !== null;
  // Is it money? A currency, a multiplier or a percentage; a bare number (`Salary: 120,000 - 150,000`)
  // needs a pay word right before it and a stated period or a pay-sized value.
  const bare = !hasCurrency && !hasMult && !percent;
  if (bare && !(labelled && before.labelNear && (statedPeriod !== undefined || lo.num >= 1_000))) return null;
  // Is it pay? A pay field, a stated period, or a word that says so; `less than $50,000` is a comparison.
  if (!payField && statedPeriod === undefined && !labelled) return null;
  if (!hi && before.modifier === "comparison") return null;

  // Values: a multiplier on one end carries to a smaller bare end (`$40 - $45K`, `$180-230k`).
  let loValue = lo.num * lo.mult;
  let hiValue = hi ? hi.num * hi.mult : null;
  if (hi?.hasMult && !lo.hasMult && lo.num < 1000 && lo.num <= hi.num) loValue = lo.num * hi.mult;
  if (hi && lo.hasMult && !hi.hasMult && hi.num < 1000 && hi.num >= lo.num) hiValue = hi.num * lo.mult;
  if (!Number.isFinite(loValue) || loValue <= 0 || (hiValue !== null && (!Number.isFinite(hiValue) || hiValue <= 0))) {
    return null;
  }

  let kind: PayKind;
  if (category === "estimate") kind = "estimate";
  else if (category === "total") kind = "total";
  else if (category === "equity") kind = "equity";
  else kind = "base";

  const currency = percent ? null : resolveCurrency(iso, sym, shared, context.location);
  // The currency whose magnitudes apply: `¥` or `kr` with no place to tell it, or a `$` that may be
  // pesos, say nothing about size ("XXX"); a `$` between US and Canadian dollars still does.
  const unknownSize = (shared === "$" && namesPesoCountry(context.location)) || shared === "¥" || shared === "kr";
  const magnitudeCurrency = currency ?? (unknownSize ? "XXX" : null);
  const end = Math.max(after.end, (hi ?? lo).end);
  const raw = s.slice(lo.start, end).trim();

  let period: PayPeriod;
  let periodSource: PayFigure["periodSource"];
  if (statedPeriod === null) {
    issues.push(issue("pay.period_unsupported", "the figure's period has no PayPeriod (e.g. semi-monthly)", raw));
    return null;
  }
  if (statedPeriod !== undefined) {
    period = statedPeriod;
    periodSource = "stated";
  } else if (lo.perAnnum || hi?.perAnnum) {
    period = "year";
    periodSource = "stated";
  } else if (kind === "equity") {
    period = "year";
    periodSource = "placeholder";
  } else if (context.defaultPeriod !== undefined) {
    period = context.defaultPeriod;
    periodSource = "default";
  } else {
    const inferred = inferPeriod(hiValue === null ? [loValue] : [loValue, hiValue], magnitudeCurrency, hasMult);
    if (inferred === null) {
      issues.push(issue("pay.period_unknown", "the text states no period and the amount cannot tell one", raw));
      return null;
    }
    period = inferred;
    periodSource = "inferred";
  }

  let min: number | null = round(loValue);
  let max: number | null = hiValue === null ? round(loValue) : round(hiValue);
  if (hiValue === null) {
    if (before.modifier === "openMin") min = null;
    else if (before.modifier === "openMax" || lo.plus || after.openMax) max = null;
  }
  if (min !== null && max !== null && min > max) {
    issues.push(issue("pay.min_gt_max", "range written high to low; read as low to high", raw));
  }
  if (kind !== "equity" && (magnitudeCurrency === null || MAGNITUDE_CURRENCIES.has(magnitudeCurrency))) {
    const top = Math.max(min ?? 0, max ?? 0) * ANNUALISE[period];
    if (top > MAX_YEARLY_PAY) return null;
    // `$200/month Quality of Life perk`, `$2,000 per year` for a referral: too little to be anyone's pay.
    if (periodSource === "stated" && period !== "hour" && top < MIN_YEARLY_PAY) return null;
  }
  const pay = makePay({
    min,
    max,
    currency,
    period,
    kind,
    equity: false,
    raw,
    periodStated: periodSource !== "placeholder",
  });
  return { pay, start: lo.start, end, periodSource };
}

/**
 * Every pay figure stated in `text` (see the module header for the rules). Never throws: hostile
 * input yields no pays and an issue (`pay.empty`, `pay.too_long`, `pay.binary`, `pay.unparsable`).
 */
/**
 * Ashby's compensation summary is recognisable by its bullets (`• Offers Equity`, `• Multiple Ranges`,
 * `• Offers Commission`): where the caller did not say the source, such a line is read with Ashby's
 * convention that a summary stating no period is yearly, as its mapper reads it.
 */
const ASHBY_SUMMARY = /•\s*(?:Offers (?:Equity|Commission|Bonus)|Multiple Ranges)/;
function withSourceConvention(text: string, context: PayTextContext): PayTextContext {
  if (
    context.defaultPeriod !== undefined ||
    typeof text !== "string" ||
    text.length > 200 ||
    !ASHBY_SUMMARY.test(text)
  ) {
    return context;
  }
  return { ...context, defaultPeriod: "year" };
}

export function parsePayText(text: string, context: PayTextContext = {}): PayTextResult {
  const { figures, issues } = readFigures(text, withSourceConvention(text, context), false);
  if (figures.length === 0 && issues.length === 0) {
    issues.push(issue("pay.unparsable", "no pay figure found in the text", excerpt(text)));
  }
  return { pays: figures.map((f) => f.pay), issues };
}
