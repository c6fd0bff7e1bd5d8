/**
 * Pay from the ATS sources' own fields: Greenhouse `pay_input_ranges` (cents) and the
 * `content-pay-transparency` block of its `content` HTML, Lever `salaryRange`, Ashby `compensation`.
 *
 * Each mapper takes `unknown`, validates it with zod `safeParse` and never throws: a payload that is not
 * the API's shape yields `[]` and an issue, pushed into `options.issues` when the caller passes an array
 * (the connectors keep `Pay[]` as their field type). Commission and bonus components are not pay figures
 * of any PayKind (`total` is on-target earnings, which no ATS field states): they are skipped.
 */

import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import { z } from "zod";
import type { RecordIssue } from "../domain/errors.ts";
import type { Pay } from "../domain/posting.ts";
import type { PayKind, PayPeriod } from "../domain/vocab.ts";
import { isoCodeOrNull, namesPlace } from "./pay-currency.ts";
import { inferPeriod, makePay, mentionsEquity, type PayFigure, readPayFigures, statedPeriodIn } from "./pay-text.ts";

export interface PayMapperOptions {
  /** Where issues go; omitted, they are dropped (the mapper still returns what it could read). */
  issues?: RecordIssue[];
  /** The posting's location, for a `$` in a summary or a pay block (see ./pay-currency.ts). */
  location?: string | null;
}

const report = (options: PayMapperOptions, code: string, message: string, input?: unknown): void => {
  options.issues?.push(input === undefined ? { code, path: [], message } : { code, path: [], message, input });
};

const zodIssue = (options: PayMapperOptions, code: string, error: z.ZodError, input: unknown): void => {
  const first = error.issues[0];
  const where = first ? `${first.path.join(".") || "root"}: ${first.message}` : "invalid";
  options.issues?.push({
    code,
    path: first ? first.path.map((p) => (typeof p === "symbol" ? String(p) : p)) : [],
    message: where,
    input: safeJson(input),
  });
};

/** JSON of a structured input for `raw`, bounded and never throwing (cycles, BigInt). */
function safeJson(value: unknown): string {
  try {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 2_000 ? `${json.slice(0, 2_000)}…` : json;
  } catch {
    return String(value);
  }
}

const finiteOrNull = z
  .number()
  .nullish()
  .transform((v) => (v === undefined || v === null || !Number.isFinite(v) ? null : v));

// ---------------------------------------------------------------------------------------------------
// Greenhouse `pay_input_ranges`

const greenhouseRange = z
  .object({
    min_cents: finiteOrNull,
    max_cents: finiteOrNull,
    currency_type: z.string().nullish(),
    title: z.string().nullish(),
    blurb: z.string().nullish(),
  })
  .loose();
const TOTAL_RE = /\bOTE\b|on[- ]target/i;

/**
 * Greenhouse's single-job `pay_input_ranges`: amounts in cents, one range per location or zone. They state
 * no period: it is read from the range's title and blurb (`Hourly`, `Annual`), else from magnitude
 * (see `inferPeriod`); a range neither can place is skipped with an issue.
 */
export function payFromGreenhouseRanges(ranges: unknown, options: PayMapperOptions = {}): Pay[] {
  const list = z.array(z.unknown()).safeParse(ranges);
  if (!list.success) {
    zodIssue(options, "pay.bad_shape", list.error, ranges);
    return [];
  }
  const pays: Pay[] = [];
  list.data.forEach((item, index) => {
    const parsed = greenhouseRange.safeParse(item);
    if (!parsed.success) {
      zodIssue(options, "pay.bad_shape", parsed.error, item);
      return;
    }
    const r = parsed.data;
    const raw = safeJson(item);
    const min = r.min_cents === null ? null : r.min_cents / 100;
    const max = r.max_cents === null ? null : r.max_cents / 100;
    if ((min === null && max === null) || (min !== null && min <= 0) || (max !== null && max <= 0)) {
      report(options, "pay.empty", `pay range ${index} states no amount`, raw);
      return;
    }
    const currency = isoCodeOrNull(r.currency_type);
    if (currency === null && r.currency_type) report(options, "pay.bad_currency", "not an ISO currency code", raw);
    const words = `${r.title ?? ""}\n${r.blurb ?? ""}`;
    const period =
      statedPeriodIn(words) ??
      inferPeriod(
        [min, max].filter((v): v is number => v !== null),
        currency,
        false,
      );
    if (period === null) {
      report(options, "pay.period_unknown", "the range states no period and the amount cannot tell one", raw);
      return;
    }
    pays.push(
      payFromRange({
        min,
        max,
        currency,
        period,
        kind: TOTAL_RE.test(words) ? "total" : "base",
        equity: mentionsEquity(words),
        raw,
      }),
    );
  });
  return pays;
}

// ---------------------------------------------------------------------------------------------------
// Lever `salaryRange`

/** Lever's `salaryRange.interval` values; `one-time` is not a pay rate and has no PayPeriod. */
export const LEVER_INTERVALS: Readonly<Record<string, PayPeriod | null>> = {
  "per-year-salary": "year",
  "per-month-salary": "month",
  "per-week-salary": "week",
  "per-day-wage": "day",
  "per-hour-wage": "hour",
  "one-time": null,
};

const leverRange = z
  .object({
    currency: z.string().nullish(),
    interval: z.string().nullish(),
    min: finiteOrNull,
    max: finiteOrNull,
  })
  .loose();

/** Lever's `salaryRange` `{currency, interval, min, max}`. */
export function payFromLeverSalaryRange(range: unknown, options: PayMapperOptions = {}): Pay[] {
  const parsed = leverRange.safeParse(range);
  if (!parsed.success) {
    zodIssue(options, "pay.bad_shape", parsed.error, range);
    return [];
  }
  const r = parsed.data;
  const raw = safeJson(range);
  if (r.min === null && r.max === null) {
    report(options, "pay.empty", "salaryRange states no amount", raw);
    return [];
  }
  const interval = r.interval ?? "";
  const period = LEVER_INTERVALS[interval];
  if (period === undefined || period === null) {
    report(options, "pay.unsupported_interval", `Lever interval ${JSON.stringify(interval)} has no PayPeriod`, raw);
    return [];
  }
  const currency = isoCodeOrNull(r.currency);
  if (currency === null && r.currency) report(options, "pay.bad_currency", "not an ISO currency code", raw);
  return [payFromRange({ min: r.min, max: r.max, currency, period, raw })];
}

// ---------------------------------------------------------------------------------------------------
// Ashby `compensation`

/** Ashby intervals (`1 YEAR`, `1 HOUR`, `2 WEEK`...); `NONE` is what equity components carry. */
export const ASHBY_INTERVALS: Readonly<Record<string, PayPeriod | null>> = {
  "1 HOUR": "hour",
  "1 DAY": "day",
  "1 WEEK": "week",
  "2 WEEK": "biweek",
  "1 MONTH": "month",
  "1 YEAR": "year",
  NONE: null,
};

const ashbyComponent = z
  .object({
    compensationType: z.string(),
    interval: z.string().nullish(),
    currencyCode: z.string().nullish(),
    minValue: finiteOrNull,
    maxValue: finiteOrNull,
    summary: z.string().nullish(),
  })
  .loose();
type AshbyComponent = z.infer<typeof ashbyComponent>;

const ashbyCompensation = z
  .object({
    compensationTierSummary: z.string().nullish(),
    scrapeableCompensationSalarySummary: z.string().nullish(),
    compensationTiers: z
      .array(
        z
          .object({
            title: z.string().nullish(),
            tierSummary: z.string().nullish(),
            components: z.array(ashbyComponent).nullish(),
          })
          .loose(),
      )
      .nullish(),
    summaryComponents: z.array(ashbyComponent).nullish(),
  })
  .loose();

function payFromAshbyComponent(c: AshbyComponent, equity: boolean, options: PayMapperOptions): Pay | null {
  const type = c.compensationType;
  const isEquity = type === "EquityCashValue" || type === "EquityPercentage";
  if (type !== "Salary" && !isEquity) return null;
  if (c.minValue === null && c.maxValue === null) return null;
  const raw = safeJson(c);
  const interval = (c.interval ?? "NONE").toUpperCase();
  const period = ASHBY_INTERVALS[interval];
  if (period === undefined || (period === null && !isEquity)) {
    report(options, "pay.unsupported_interval", `Ashby interval ${JSON.stringify(c.interval)} has no PayPeriod`, raw);
    return null;
  }
  // Equity percentages are percent of the company, not money: no currency.
  const currency = type === "EquityPercentage" ? null : isoCodeOrNull(c.currencyCode);
  return payFromRange({
    min: c.minValue,
    max: c.maxValue,
    currency,
    period: period ?? "year",
    periodStated: period !== null,
    kind: isEquity ? "equity" : "base",
    equity: equity || isEquity,
    raw,
  });
}

/**
 * The `compensation` object of Ashby's job-board API (`?includeCompensation=true`). Structured components
 * win: every tier's components (one range per location or level), else `summaryComponents`; only when
 * neither gives a figure is the summary line parsed, with Ashby's convention that a line stating no period
 * is yearly (it prints `per hour`, `per month` for other intervals).
 */
export function payFromAshbyCompensation(comp: unknown, options: PayMapperOptions = {}): Pay[] {
  const parsed = ashbyCompensation.safeParse(comp);
  if (!parsed.success) {
    zodIssue(options, "pay.bad_shape", parsed.error, comp);
    return [];
  }
  const c = parsed.data;
  const summary = c.compensationTierSummary ?? c.scrapeableCompensationSalarySummary ?? null;
  const tierComponents = (c.compensationTiers ?? []).flatMap((t) => t.components ?? []);
  const allComponents = [...tierComponents, ...(c.summaryComponents ?? [])];
  const equity =
    allComponents.some((x) => x.compensationType.startsWith("Equity")) || (summary !== null && mentionsEquity(summary));
  for (const components of [tierComponents, c.summaryComponents ?? []]) {
    const pays = components.map((x) => payFromAshbyComponent(x, equity, options)).filter((p): p is Pay => p !== null);
    if (pays.length > 0) return dedupe(pays);
  }
  if (summary === null || summary.trim() === "") return [];
  const read = readPayFigures(summary, { location: options.location ?? null, defaultPeriod: "year" });
  options.issues?.push(...read.issues);
  return read.figures.map((f) => f.pay);
}

const dedupe = (pays: Pay[]): Pay[] => {
  const seen = new Set<string>();
  return pays.filter((p) => {
    const key = `${p.kind}|${p.min}|${p.max}|${p.currency}|${p.period}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

// ---------------------------------------------------------------------------------------------------
// Structured figures

/**
 * A Pay from figures a structured source states. `periodStated: false` marks `period` as a placeholder
 * (an equity grant with no interval): annualMin/annualMax are then null. A range written high to low
 * is read low to high.
 */
export function payFromRange(input: {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: PayPeriod;
  kind?: PayKind;
  equity?: boolean;
  raw: string;
  periodStated?: boolean;
}): Pay {
  const clean = (v: number | null): number | null => (v !== null && Number.isFinite(v) && v > 0 ? v : null);
  return makePay({
    min: clean(input.min),
    max: clean(input.max),
    currency: input.currency,
    period: input.period,
    kind: input.kind ?? "base",
    equity: input.equity ?? input.kind === "equity",
    raw: input.raw,
    periodStated: input.periodStated ?? true,
  });
}

// ---------------------------------------------------------------------------------------------------
// Greenhouse `content`

/** Longest `content` we read; Greenhouse descriptions are tens of KB. */
export const MAX_CONTENT_CHARS = 2_000_000;
/**
 * Deepest element nesting we follow. Real descriptions nest a few dozen levels; htmlparser2's cost grows
 * faster than linearly with depth (100,000 nested `<div>` take seconds), so deeper input is refused.
 */
export const MAX_HTML_DEPTH = 256;

class TooDeep extends Error {
  override readonly name = "TooDeep";
}

interface PayBlock {
  title: string;
  description: string;
  spans: string[];
}

const BLOCK_TAGS = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"]);
const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object"]);

type Role = "pay" | "input" | "title" | "description" | "range" | "span" | "divider" | "skip" | null;

function roleOf(name: string, className: string | undefined): Role {
  if (SKIP_TAGS.has(name)) return "skip";
  const classes = className ? className.split(/\s+/) : [];
  if (classes.includes("content-pay-transparency")) return "pay";
  if (classes.includes("pay-input")) return "input";
  if (classes.includes("pay-range")) return "range";
  if (classes.includes("divider")) return "divider";
  if (classes.includes("title")) return "title";
  if (classes.includes("description")) return "description";
  if (name === "span") return "span";
  return null;
}

/** Where each text node goes: counts of open elements by role (no recursion, any nesting depth). */
function readContent(html: string): { blocks: PayBlock[]; prose: string } {
  const blocks: PayBlock[] = [];
  const prose: string[] = [];
  const stack: Role[] = [];
  const open: Record<Exclude<Role, null>, number> = {
    pay: 0,
    input: 0,
    title: 0,
    description: 0,
    range: 0,
    span: 0,
    divider: 0,
    skip: 0,
  };
  let block: PayBlock | null = null;
  let span: string | null = null;
  const currentBlock = (): PayBlock => {
    if (block === null) {
      block = { title: "", description: "", spans: [] };
      blocks.push(block);
    }
    return block;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (stack.length >= MAX_HTML_DEPTH) throw new TooDeep();
        const role = roleOf(name, attributes.class);
        stack.push(role);
        if (role !== null) open[role]++;
        if (open.pay > 0) {
          // A new pay-input, or a second title/range after a full one, starts a new block.
          if (role === "input") block = null;
          if (role === "title" && block !== null && (block as PayBlock).spans.length > 0) block = null;
          if (role === "range" && block !== null && (block as PayBlock).spans.length > 0) block = null;
          if (role === "range") currentBlock();
          if (role === "span" && open.range > 0 && open.divider === 0) span = "";
        } else if (BLOCK_TAGS.has(name)) prose.push("\n");
      },
      onclosetag(name) {
        const role = stack.pop() ?? null;
        if (role !== null) open[role] = Math.max(0, open[role] - 1);
        if (role === "span" && span !== null) {
          if (span.trim()) currentBlock().spans.push(span.trim());
          span = null;
        }
        if (role === "pay") block = null;
        if (open.pay === 0 && BLOCK_TAGS.has(name)) prose.push("\n");
      },
      ontext(text) {
        if (open.skip > 0) return;
        if (open.pay === 0) {
          prose.push(text);
          return;
        }
        if (open.divider > 0) return;
        if (span !== null) span += text;
        else if (open.range > 0) {
          if (text.trim()) currentBlock().spans.push(text.trim());
        } else if (open.title > 0) currentBlock().title += text;
        else if (open.description > 0 || open.input > 0) currentBlock().description += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const fold = (t: string) => t.replace(/[ \t\f\v\u00a0]+/g, " ").trim();
  for (const b of blocks) {
    b.title = fold(b.title);
    b.description = fold(b.description);
  }
  return {
    blocks: blocks.filter((b) => b.spans.length > 0),
    prose: prose
      .join("")
      .replace(/[ \t\f\v\u00a0]+/g, " ")
      .replace(/ *\n\s*/g, "\n")
      .trim(),
  };
}

/** The line of `text` around a figure, for `text` in the result (bounded both ways). */
function lineAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 300);
  const nl = text.indexOf("\n", end);
  const to = Math.min(nl < 0 ? text.length : nl, end + 300);
  return text.slice(from, to).trim();
}

/**
 * Pay in a Greenhouse `content`: the `content-pay-transparency` block (one `pay-input` per location or
 * zone: a title such as `San Francisco Salary Range` and a `pay-range` of spans, the last one ending with
 * an ISO code), else pay stated as prose in the description. Accepts the entity-escaped `content` as the
 * list endpoint sends it, or HTML already unescaped. Returns the figures and the text they were read from
 * (the block's lines, or the description's lines that state pay), null when none.
 */
export function parseGreenhouseContentPay(
  contentHtml: string,
  options: PayMapperOptions & {
    /**
     * The description's text, when the caller has it already (the connector does): then only the
     * pay-transparency block's HTML is parsed, and this text stands for the prose around it.
     */
    prose?: string;
  } = {},
): { pays: Pay[]; text: string | null; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const out = { pays: [] as Pay[], text: null as string | null, issues };
  if (typeof contentHtml !== "string" || contentHtml.trim() === "") return out;
  if (contentHtml.length > MAX_CONTENT_CHARS) {
    issues.push({
      code: "pay.too_long",
      path: [],
      message: `content has ${contentHtml.length} characters, more than ${MAX_CONTENT_CHARS}`,
    });
    options.issues?.push(...issues);
    return out;
  }
  // Greenhouse escapes the HTML once more than HTML needs (`&lt;div class=&quot;...`).
  const html = !contentHtml.includes("<") && contentHtml.includes("&lt;") ? decodeHTML(contentHtml) : contentHtml;
  let content: { blocks: PayBlock[]; prose: string };
  const block = options.prose === undefined ? -1 : html.lastIndexOf("<", html.indexOf("content-pay-transparency"));
  try {
    content = block >= 0 ? { ...readContent(html.slice(block)), prose: options.prose ?? "" } : readContent(html);
  } catch (error) {
    // htmlparser2 does not throw on malformed HTML: only our depth guard (or a bug) lands here.
    issues.push(
      error instanceof TooDeep
        ? { code: "pay.too_deep", path: [], message: `content nests elements deeper than ${MAX_HTML_DEPTH}` }
        : { code: "pay.unparsable", path: [], message: `content could not be read: ${String(error)}` },
    );
    options.issues?.push(...issues);
    return out;
  }
  const equity = mentionsEquity(content.prose) || content.blocks.some((b) => mentionsEquity(b.description));
  const lines: string[] = [];
  for (const b of content.blocks) {
    const range = b.spans.length >= 2 ? `${b.spans[0]} – ${b.spans[b.spans.length - 1]}` : (b.spans[0] ?? "");
    const line = b.title ? `${b.title.replace(/:\s*$/, "")}: ${range}` : range;
    const location = namesPlace(b.title) ? b.title : (options.location ?? null);
    let read = readPayFigures(line, { location });
    // A range whose size cannot tell its period (`$400 — $500`) takes the one its description names.
    const described = statedPeriodIn(b.description);
    if (described !== undefined && read.issues.some((i) => i.code === "pay.period_unknown")) {
      read = readPayFigures(line, { location, defaultPeriod: described });
    }
    issues.push(...read.issues.filter((i) => i.code !== "pay.unparsable"));
    for (const figure of read.figures) {
      out.pays.push(fromBlock(figure, b, equity));
    }
    if (read.figures.length > 0) lines.push(line);
  }
  if (out.pays.length === 0 && content.prose) {
    const read = readPayFigures(content.prose, { location: options.location ?? null });
    issues.push(...read.issues.filter((i) => i.code === "pay.too_long" || i.code === "pay.too_many_figures"));
    for (const figure of read.figures) {
      out.pays.push(figure.pay);
      const line = lineAround(content.prose, figure.start, figure.end);
      if (!lines.includes(line)) lines.push(line);
    }
  }
  out.text = lines.length > 0 ? lines.join("\n") : null;
  options.issues?.push(...issues);
  return out;
}

/** A block figure, with the kind and equity its title and description state (`OTE`, `equity`). */
function fromBlock(figure: PayFigure, block: PayBlock, equity: boolean): Pay {
  const p = figure.pay;
  const kind: PayKind = p.kind === "base" && TOTAL_RE.test(`${block.title}\n${block.description}`) ? "total" : p.kind;
  return { ...p, kind, equity: equity || p.equity };
}
