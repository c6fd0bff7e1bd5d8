/**
 * Charts for the web pages and the static site, rendered on the server as SVG strings with Observable Plot
 * and a linkedom document, so a page shows them without any client JavaScript.
 *
 * Each function takes plain figures (already computed by analytics/) and returns one self-contained SVG: a
 * `<title>`, an `aria-label` that states the figures in words, system fonts, colours that read on light and
 * dark backgrounds (text and axes are `currentColor`), no script, no link, no external resource. It returns
 * `null` when there is too little to draw honestly, so the page says so in words instead.
 *
 * It deliberately computes no statistic of its own (medians and intervals come from analytics/) and adds no
 * interactivity. Labels may come from hostile postings: every text goes in as a text node or through
 * `escapeXml`, never as markup. Same input, same bytes: no random ids, no clip paths (Plot numbers those
 * with a process-wide counter), a fixed class name.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { money, num, percent } from "../analytics/format.ts";
import { quantileSorted } from "../analytics/stats.ts";
import { SENIORITIES, type Seniority } from "../domain/vocab.ts";
import { seniorityLabel } from "../normalize/taxonomy.ts";

/** Fits a 52rem (832px) column with room to spare; the SVG scales down below that (max-width: 100%). */
export const CHART_WIDTH = 760;
const FONT_SIZE = 12;
const CLASS_NAME = "roledex-chart";
const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * One colour per role, in the order given. Each has at least 3:1 contrast against white and against
 * #121212, the WCAG minimum for graphics, so bars read in light and dark mode alike; blue and orange come
 * first because the two stay apart for the common colour-vision deficiencies.
 */
export const ROLE_COLORS = ["#3b82f6", "#d9730d", "#0f9d8a", "#8b5cf6", "#d6406b", "#7a8593"] as const;
const color = (i: number) => ROLE_COLORS[i % ROLE_COLORS.length] as string;

// --- The part of the DOM this module touches (tsconfig has no DOM lib; linkedom provides these at run time).

interface SvgElement {
  setAttribute(name: string, value: string): void;
  appendChild(child: SvgElement): SvgElement;
  insertBefore(child: SvgElement, before: SvgElement | null): SvgElement;
  readonly firstChild: SvgElement | null;
  textContent: string | null;
  readonly outerHTML: string;
}
interface SvgDocument {
  createElementNS(ns: string, name: string): SvgElement;
}

let sharedDocument: SvgDocument | undefined;
/** One detached document for every chart: Plot only creates elements in it, never attaches them. */
function svgDocument(): SvgDocument {
  sharedDocument ??= parseHTML("<html><body></body></html>").document as unknown as SvgDocument;
  return sharedDocument;
}

// --- Text.

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for an XML attribute or text node (the same escapes are safe in HTML). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * A label fit to draw: characters XML forbids (controls, lone surrogates, U+FFFE/F) dropped, line breaks and
 * runs of space folded to one space (a newline would become a second line), and cut to `max` characters.
 */
export function cleanLabel(text: string, max = 40): string {
  const folded = text
    .replace(/[\p{Cc}\u2028\u2029]/gu, " ")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...folded];
  return chars.length <= max
    ? folded
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** A generous estimate of a label's width in pixels (system-ui averages about 0.55em a character). */
const textWidth = (text: string, size = FONT_SIZE) => Math.ceil([...text].length * size * 0.62);

/** Room on the left for the longest of some axis labels (each line of a multi-line label counted apart). */
const leftMargin = (labels: readonly string[], min = 40, max = 280) =>
  Math.min(max, Math.max(min, ...labels.flatMap((l) => l.split("\n")).map((l) => textWidth(l) + 14)));

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}`;

const isNum = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

// --- Rendering.

interface Meta {
  /** The chart's `<title>`: what it shows, in a few words. */
  title: string;
  /** Its `aria-label`: what it shows and its figures, in sentences. */
  description: string;
  /** Colour key drawn in the top margin (omitted for a single role). */
  legend?: readonly string[];
  /** A line of explanation drawn in the bottom margin. */
  note?: string;
}

const TITLE_SLOT = "roledex-chart-title-slot";
const LABEL_SLOT = "roledex-chart-label-slot";

/**
 * Renders Plot options to an SVG string with its title, label, legend and note. The title and the label are
 * spliced in as escaped text after serialization: linkedom writes `<`, `>` and `&` raw inside attribute
 * values, which is neither well-formed XML nor what a hostile label deserves. The slots sit in the opening
 * tag and the first child, before any data text, so the first occurrence of each is always ours.
 */
function render(options: Plot.PlotOptions, meta: Meta): string {
  const document = svgDocument();
  const svg = Plot.plot({
    ...options,
    document: document as unknown as NonNullable<Plot.PlotOptions["document"]>,
    className: CLASS_NAME,
    width: CHART_WIDTH,
  }) as unknown as SvgElement;
  svg.setAttribute("font-size", String(FONT_SIZE));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", LABEL_SLOT);
  svg.setAttribute("xmlns", SVG_NS);
  const title = document.createElementNS(SVG_NS, "title");
  title.textContent = TITLE_SLOT;
  svg.insertBefore(title, svg.firstChild);

  if (meta.legend && meta.legend.length > 1) {
    const g = document.createElementNS(SVG_NS, "g");
    g.setAttribute("aria-hidden", "true");
    let x = typeof options.marginLeft === "number" ? options.marginLeft : 40;
    meta.legend.forEach((label, i) => {
      const swatch = document.createElementNS(SVG_NS, "rect");
      for (const [k, v] of Object.entries({ x, y: 8, width: 12, height: 12, rx: 2, fill: color(i) })) {
        swatch.setAttribute(k, String(v));
      }
      const text = document.createElementNS(SVG_NS, "text");
      for (const [k, v] of Object.entries({ x: x + 17, y: 18, "text-anchor": "start" }))
        text.setAttribute(k, String(v));
      text.textContent = label;
      g.appendChild(swatch);
      g.appendChild(text);
      x += 17 + textWidth(label) + 20;
    });
    svg.appendChild(g);
  }
  if (meta.note !== undefined) {
    const text = document.createElementNS(SVG_NS, "text");
    const height = typeof options.height === "number" ? options.height : 0;
    for (const [k, v] of Object.entries({ x: 8, y: height - 8, "text-anchor": "start", "fill-opacity": 0.75 })) {
      text.setAttribute(k, String(v));
    }
    text.textContent = meta.note;
    svg.appendChild(text);
  }

  return compact(svg.outerHTML)
    .replace(LABEL_SLOT, () => escapeXml(cleanLabel(meta.description, 2000)))
    .replace(TITLE_SLOT, () => escapeXml(cleanLabel(meta.title, 300)));
}

/**
 * Rounds the coordinates Plot writes (cx="247.8248363636364") to a tenth of a pixel, which no screen shows,
 * roughly halving a dot plot's bytes. Only inside tags: text nodes cannot hold `<`, so labels are untouched.
 */
const compact = (svg: string) =>
  svg.replace(/<[^>]+>/g, (tag) => tag.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10)));

const moneyAxis = { tickFormat: (d: number) => money(d), label: null, grid: true, nice: true } as const;

// --- Pay distribution.

export interface PayGroup {
  label: string;
  /** Yearly USD pay of each distinct job. */
  values: number[];
}

/** A vertical offset in [-0.5, 0.5) from an integer hash of the rank (no Math.random: output must not vary). */
function jitter(rank: number): number {
  let h = Math.imul(rank + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca77);
  h ^= h >>> 13;
  return (h >>> 0) / 2 ** 32 - 0.5;
}

/** Below this many jobs a group gets its dots but no median mark. */
const MIN_FOR_MEDIAN = 3;

/** The report's own median (analytics/stats.ts), so the chart prints the number the text does. */
const median = (sorted: readonly number[]) => quantileSorted(sorted, 0.5) as number;

/**
 * Yearly pay of each role's distinct jobs: a row per role, a dot per job, the median marked and labelled.
 * Dots are spread vertically by a hash of their rank: it looks random, and is the same on every run.
 * Roles without pay are left out; roles with fewer than 3 jobs show their dots without a median.
 * Null when no role has 3 jobs with pay.
 */
export function payDistributionChart(groups: readonly PayGroup[]): string | null {
  const rows = groups
    .map((g) => ({
      label: cleanLabel(g.label),
      values: g.values.filter((v) => isNum(v) && v > 0).sort((a, b) => a - b),
    }))
    .filter((g) => g.values.length > 0);
  if (!rows.some((g) => g.values.length >= MIN_FOR_MEDIAN)) return null;

  const dots = rows.flatMap((g, row) => g.values.map((pay, rank) => ({ row, pay, y: jitter(rank) })));
  const medians = rows.flatMap((g, row) => (g.values.length >= MIN_FOR_MEDIAN ? [{ row, pay: median(g.values) }] : []));
  const rowLabel = (row: number) => {
    const g = rows[row];
    return g ? `${g.label}\n${g.values.length === 1 ? "1 job" : `${num(g.values.length)} jobs`}` : "";
  };
  const marginTop = 8;
  const marginBottom = 44;
  const height = marginTop + marginBottom + rows.length * 72;
  const leftOut = groups.length - rows.length;

  return render(
    {
      height,
      marginTop,
      marginBottom,
      marginLeft: leftMargin(rows.map((_, i) => rowLabel(i))),
      marginRight: 24,
      x: moneyAxis,
      y: { domain: [-0.5, 0.5], axis: null, insetTop: 18, insetBottom: 4 },
      fy: { domain: rows.map((_, i) => i), tickFormat: rowLabel, label: null, padding: 0.12 },
      marks: [
        // A mark per role, so its colour is written once on the group rather than on every dot.
        ...rows.map((_, row) =>
          Plot.dot(
            dots.filter((d) => d.row === row),
            { x: "pay", y: "y", fy: "row", r: 2.6, fill: color(row), fillOpacity: 0.75 },
          ),
        ),
        Plot.tickX(medians, { x: "pay", fy: "row", stroke: "currentColor", strokeWidth: 2 }),
        Plot.text(medians, {
          x: "pay",
          fy: "row",
          text: (d: { pay: number }) => `median ${money(d.pay)}`,
          frameAnchor: "top",
          lineAnchor: "top",
          textAnchor: "start",
          dx: 5,
          dy: 2,
          fontWeight: 600,
        }),
      ],
    },
    {
      title: "Yearly base pay of each distinct job, by role",
      description: `Dot plot of yearly base pay in US dollars, one dot per distinct job: ${list(
        rows.map(
          (g) =>
            `${g.label}, ${g.values.length} ${g.values.length === 1 ? "job" : "jobs"}${
              g.values.length >= MIN_FOR_MEDIAN
                ? `, median ${money(median(g.values))}, from ${money(g.values[0] as number)} to ${money(g.values.at(-1) as number)}`
                : ", too few for a median"
            }`,
        ),
      )}.${leftOut ? ` ${leftOut} ${leftOut === 1 ? "role states" : "roles state"} no pay and ${leftOut === 1 ? "is" : "are"} left out.` : ""}`,
      note: "One dot per distinct job; the line marks the median.",
    },
  );
}

// --- Pay by seniority.

export interface SeniorityRung {
  /** A seniority slug ("senior") or label ("Senior"); slugs and labels are put in ladder order. */
  seniority: string;
  /** Null when the rung is suppressed (too few jobs state pay): it is left out. */
  median: number | null;
  low: number | null;
  high: number | null;
  n: number;
}
export interface SenioritySeries {
  label: string;
  rungs: SeniorityRung[];
}

const SLUG_BY_NAME = new Map<string, Seniority>(
  SENIORITIES.flatMap((s) => [
    [s, s],
    [seniorityLabel(s).toLowerCase(), s],
  ]),
);

/**
 * Median yearly pay per seniority rung with its 95% interval as a rule, one colour per role, rungs in
 * ladder order (unknown rung names after, in the order met). Null when no rung has a median.
 */
export function payBySeniorityChart(series: readonly SenioritySeries[]): string | null {
  const points = series.flatMap((s, si) =>
    s.rungs.flatMap((r) => {
      if (!isNum(r.median)) return [];
      const slug = SLUG_BY_NAME.get(r.seniority.trim().toLowerCase());
      const rung = slug ? seniorityLabel(slug) : cleanLabel(r.seniority, 28);
      const interval =
        isNum(r.low) && isNum(r.high) ? ([Math.min(r.low, r.high), Math.max(r.low, r.high)] as const) : null;
      return [
        { si, rung, order: slug ? SENIORITIES.indexOf(slug) : SENIORITIES.length, median: r.median, n: r.n, interval },
      ];
    }),
  );
  if (points.length === 0) return null;

  const rungs: { rung: string; order: number }[] = [];
  for (const p of points) if (!rungs.some((r) => r.rung === p.rung)) rungs.push({ rung: p.rung, order: p.order });
  const ladder = rungs.sort((a, b) => a.order - b.order).map((r) => r.rung); // stable: unknowns keep their order
  const labels = series.map((s) => cleanLabel(s.label));
  const k = series.length;
  const step = 14;
  const rowHeight = Math.max(28, k * step + 14);
  const marginTop = k > 1 ? 34 : 12;
  const marginBottom = 48;
  const height = marginTop + marginBottom + ladder.length * rowHeight;
  const valueLabel = (p: (typeof points)[number]) => `${money(p.median)} · n = ${num(p.n)}`;

  const marks = series.flatMap((_, si) => {
    const mine = points.filter((p) => p.si === si);
    const dy = (si - (k - 1) / 2) * step;
    const withInterval = mine.filter((p) => p.interval !== null);
    return [
      Plot.ruleY(withInterval, {
        y: "rung",
        x1: (p: (typeof points)[number]) => p.interval?.[0],
        x2: (p: (typeof points)[number]) => p.interval?.[1],
        stroke: color(si),
        strokeWidth: 2,
        dy,
      }),
      Plot.dot(mine, { y: "rung", x: "median", fill: color(si), r: 4, dy }),
      Plot.text(mine, {
        y: "rung",
        x: (p: (typeof points)[number]) => p.interval?.[1] ?? p.median,
        text: valueLabel,
        textAnchor: "start",
        dx: 8,
        dy,
        fontSize: 11,
      }),
    ];
  });

  return render(
    {
      height,
      marginTop,
      marginBottom,
      marginLeft: leftMargin(ladder),
      marginRight: 118,
      x: moneyAxis,
      y: { domain: ladder, label: null, padding: 0.5 },
      marks,
    },
    {
      title: "Median yearly base pay by seniority",
      description: `Median yearly base pay in US dollars by seniority, with 95% intervals, rungs from junior to senior: ${list(
        labels.map((label, si) => {
          const mine = points
            .filter((p) => p.si === si)
            .sort((x, y) => ladder.indexOf(x.rung) - ladder.indexOf(y.rung));
          return `${label}: ${
            mine.length
              ? mine
                  .map(
                    (p) =>
                      `${p.rung} ${money(p.median)} (${p.interval ? `${money(p.interval[0])} to ${money(p.interval[1])}, ` : ""}${p.n} jobs)`,
                  )
                  .join(", ")
              : "no rung with enough jobs stating pay"
          }`;
        }),
      )}.`,
      legend: labels,
      note: "Dot: median; line: its 95% interval (none below 6 jobs); n: jobs stating pay.",
    },
  );
}

// --- Skills that separate two roles.

export interface SkillSide {
  label: string;
  /** The skills that lean to this role, in the order to draw them: its share and the other role's. */
  skills: { name: string; share: number; other: number }[];
}

/**
 * A diverging bar chart: role B's skills to the left, role A's to the right, bar length the share of that
 * role's postings asking for the skill, a thin tick at the other role's share. Rows keep the order given
 * (the report ranks them by how strongly they separate). Null when both sides are empty.
 */
export function divergingSkillsChart(a: SkillSide, b: SkillSide): string | null {
  const side = (s: SkillSide, sign: 1 | -1) =>
    s.skills
      .filter((x) => isNum(x.share) && isNum(x.other))
      .map((x) => ({ name: cleanLabel(x.name, 32), share: x.share, other: x.other, sign }));
  const rows = [...side(a, 1), ...side(b, -1)].map((r, i) => ({ ...r, i }));
  if (rows.length === 0) return null;

  const labelA = cleanLabel(a.label, 36);
  const labelB = cleanLabel(b.label, 36);
  const reach = Math.max(0.05, ...rows.flatMap((r) => [r.share, r.other]));
  const rowHeight = 24;
  const marginTop = 30;
  const marginBottom = 56;
  const height = marginTop + marginBottom + rows.length * rowHeight;

  return render(
    {
      height,
      marginTop,
      marginBottom,
      marginLeft: leftMargin(rows.map((r) => r.name)),
      marginRight: 16,
      x: {
        domain: [-reach, reach],
        tickFormat: (d: number) => percent(Math.abs(d)),
        label: null,
        insetLeft: 40,
        insetRight: 40,
      },
      y: { domain: rows.map((r) => r.i), tickFormat: (i: number) => rows[i]?.name ?? "", label: null, padding: 0.25 },
      marks: [
        Plot.gridX({ strokeOpacity: 0.1 }),
        Plot.barX(rows, {
          x1: 0,
          x2: (r: (typeof rows)[number]) => r.sign * r.share,
          y: "i",
          fill: (r: (typeof rows)[number]) => color(r.sign === 1 ? 0 : 1),
        }),
        Plot.tickX(rows, {
          x: (r: (typeof rows)[number]) => r.sign * r.other,
          y: "i",
          stroke: "currentColor",
          strokeWidth: 1.5,
        }),
        ...([1, -1] as const).map((sign) =>
          Plot.text(
            rows.filter((r) => r.sign === sign),
            {
              x: (r: (typeof rows)[number]) => sign * Math.max(r.share, r.other),
              y: "i",
              text: (r: (typeof rows)[number]) => percent(r.share),
              textAnchor: sign === 1 ? "start" : "end",
              dx: sign * 5,
              fontSize: 11,
            },
          ),
        ),
        Plot.ruleX([0], { strokeOpacity: 0.6 }),
        Plot.text([`← ${labelB}`], {
          x: 0,
          frameAnchor: "top",
          textAnchor: "end",
          lineAnchor: "bottom",
          dx: -8,
          dy: -10,
          fontWeight: 600,
        }),
        Plot.text([`${labelA} →`], {
          x: 0,
          frameAnchor: "top",
          textAnchor: "start",
          lineAnchor: "bottom",
          dx: 8,
          dy: -10,
          fontWeight: 600,
        }),
      ],
    },
    {
      title: `Skills that separate ${labelA} from ${labelB}`,
      description: `Diverging bar chart of the share of postings asking for each skill. ${[
        [labelA, rows.filter((r) => r.sign === 1)] as const,
        [labelB, rows.filter((r) => r.sign === -1)] as const,
      ]
        .map(([label, mine]) =>
          mine.length
            ? `Leaning to ${label}: ${mine.map((r) => `${r.name} ${percent(r.share)} (against ${percent(r.other)})`).join(", ")}.`
            : `No skill leans clearly to ${label}.`,
        )
        .join(" ")}`,
      note: "Bar: share of that role's postings asking for the skill; tick: the other side's share.",
    },
  );
}

// --- Industries.

export interface IndustryGroup {
  label: string;
  industries: { label: string; share: number; count: number }[];
}

const TOP_INDUSTRIES = 8;

/**
 * The share of each role's postings by industry, as grouped horizontal bars: a row per industry (the union of
 * each role's top 8, largest first), a bar per role. An industry missing from a role's list is drawn as no
 * bar. Null when no role has an industry with a share.
 */
export function industriesChart(groups: readonly IndustryGroup[]): string | null {
  const clean = groups.map((g) => ({
    label: cleanLabel(g.label),
    industries: g.industries
      .filter((x) => isNum(x.share) && x.share > 0)
      .map((x) => ({ label: cleanLabel(x.label, 32), share: x.share, count: x.count }))
      .sort((x, y) => y.share - x.share || x.label.localeCompare(y.label)),
  }));
  const shown = new Map<string, number>();
  for (const g of clean) {
    for (const x of g.industries.slice(0, TOP_INDUSTRIES)) shown.set(x.label, 0);
  }
  if (shown.size === 0) return null;
  for (const g of clean)
    for (const x of g.industries) if (shown.has(x.label)) shown.set(x.label, (shown.get(x.label) ?? 0) + x.share);
  const order = [...shown.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([l]) => l);
  const bars = clean.flatMap((g, gi) =>
    g.industries
      .filter((x) => shown.has(x.label))
      .map((x) => ({ gi, industry: x.label, share: x.share, count: x.count })),
  );

  const k = clean.length;
  const bar = 14;
  const rowHeight = k * bar + 12;
  const marginTop = k > 1 ? 34 : 10;
  const marginBottom = 32;
  const height = marginTop + marginBottom + order.length * rowHeight;
  const reach = Math.max(...bars.map((x) => x.share));

  return render(
    {
      height,
      marginTop,
      marginBottom,
      marginLeft: leftMargin(order),
      marginRight: 24,
      x: { domain: [0, reach], tickFormat: (d: number) => percent(d), label: null, grid: true, insetRight: 44 },
      y: { domain: clean.map((_, i) => i), axis: null, padding: 0.1 },
      fy: { domain: order, label: null, padding: 0.1 },
      marks: [
        Plot.barX(bars, {
          x1: 0,
          x2: "share",
          y: "gi",
          fy: "industry",
          fill: (d: { gi: number }) => color(d.gi),
          title: (d: (typeof bars)[number]) => `${clean[d.gi]?.label}: ${percent(d.share)} (${num(d.count)} postings)`,
        }),
        Plot.text(bars, {
          x: "share",
          y: "gi",
          fy: "industry",
          text: (d: (typeof bars)[number]) => percent(d.share),
          textAnchor: "start",
          dx: 4,
          fontSize: 11,
        }),
      ],
    },
    {
      title: "Share of postings by industry",
      description: `Horizontal bars of the share of each role's postings by industry: ${list(
        clean.map((g) => {
          const top = g.industries.slice(0, TOP_INDUSTRIES);
          return `${g.label}: ${top.length ? top.map((x) => `${x.label} ${percent(x.share)} (${num(x.count)})`).join(", ") : "no known industry"}`;
        }),
      )}.`,
      legend: clean.map((g) => g.label),
    },
  );
}

// --- Median pay by role (home page).

export interface RolePayRow {
  label: string;
  median: number | null;
  low: number | null;
  high: number | null;
  /** Distinct jobs stating pay. */
  n: number;
}

/**
 * One bar per role at its median yearly pay, the 95% interval as a rule, the number of jobs beside it.
 * Roles without a median are left out (and counted in the label); rows keep the order given.
 * Null when no role has a median.
 */
export function medianPayByRoleChart(rows: readonly RolePayRow[]): string | null {
  const shown = rows
    .filter((r) => isNum(r.median))
    .map((r, i) => ({
      i,
      label: cleanLabel(r.label),
      median: r.median as number,
      interval: isNum(r.low) && isNum(r.high) ? ([Math.min(r.low, r.high), Math.max(r.low, r.high)] as const) : null,
      n: r.n,
    }));
  if (shown.length === 0) return null;
  type Row = (typeof shown)[number];

  const rowHeight = 28;
  const marginTop = 10;
  const marginBottom = 48;
  const height = marginTop + marginBottom + shown.length * rowHeight;
  const leftOut = rows.length - shown.length;

  return render(
    {
      height,
      marginTop,
      marginBottom,
      marginLeft: leftMargin(shown.map((r) => r.label)),
      marginRight: 120,
      x: { ...moneyAxis, domain: [0, Math.max(...shown.map((r) => r.interval?.[1] ?? r.median))] },
      y: { domain: shown.map((r) => r.i), tickFormat: (i: number) => shown[i]?.label ?? "", label: null, padding: 0.3 },
      marks: [
        Plot.barX(shown, { x1: 0, x2: "median", y: "i", fill: color(0) }),
        Plot.ruleY(
          shown.filter((r) => r.interval),
          {
            y: "i",
            x1: (r: Row) => r.interval?.[0],
            x2: (r: Row) => r.interval?.[1],
            stroke: "currentColor",
            strokeWidth: 1.5,
          },
        ),
        Plot.text(shown, {
          x: (r: Row) => r.interval?.[1] ?? r.median,
          y: "i",
          text: (r: Row) => `${money(r.median)} · n = ${num(r.n)}`,
          textAnchor: "start",
          dx: 6,
          fontSize: 11,
        }),
      ],
    },
    {
      title: "Median yearly base pay by role",
      description: `Bar chart of median yearly base pay in US dollars by role, with 95% intervals: ${list(
        shown.map(
          (r) =>
            `${r.label} ${money(r.median)}${r.interval ? ` (${money(r.interval[0])} to ${money(r.interval[1])})` : ""} over ${r.n} ${r.n === 1 ? "job" : "jobs"}`,
        ),
      )}.${leftOut ? ` ${leftOut} ${leftOut === 1 ? "role has" : "roles have"} too few jobs stating pay and ${leftOut === 1 ? "is" : "are"} left out.` : ""}`,
      note: "Bar: median of distinct jobs; line: its 95% interval (none below 6 jobs); n: jobs stating pay.",
    },
  );
}
