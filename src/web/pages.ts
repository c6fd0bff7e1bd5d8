import { count, day, money, num } from "../analytics/format.ts";
import { distinctJobs, type Job, type PayFigure, payFigure } from "../analytics/jobs.ts";
import { industryLabel, type Report } from "../analytics/report.ts";
import { ROLES, type Role, SENIORITIES } from "../domain/vocab.ts";
import { roleLabel, rolePlural, seniorityLabel } from "../normalize/taxonomy.ts";
import { type Block, htmlBody, htmlEscape, htmlPage, type Inline } from "../report/document.ts";
import { type Links, reportBlocks } from "../report/sections.ts";
import type { StoredPosting } from "../store/store.ts";
import {
  divergingSkillsChart,
  industriesChart,
  medianPayByRoleChart,
  payBySeniorityChart,
  payDistributionChart,
} from "./charts.ts";

/**
 * The web pages, as strings of HTML: the home page, a role page, a comparison page and the postings
 * explorer. The server and the static site render the same pages; only where links point differs.
 * Every page works without JavaScript; charts are SVG made on the server.
 */

export interface PageContext extends Links {
  home: string;
  /** The postings explorer, where there is one (the server; not the static site). */
  explorer?: (query: Record<string, string>) => string;
  /** The absolute URL of a page, for canonical links and structured data, where known. */
  canonical?: string;
  /** Extra markup for <head> (structured data). */
  head?: string;
}

export interface RoleRow {
  role: Role;
  label: string;
  plural: string;
  activePostings: number;
  jobs: number;
  pay: PayFigure;
}

/** Every role with active postings, most postings first: the home page's table and the site's index. Pure. */
export function roleIndex(active: readonly StoredPosting[]): RoleRow[] {
  return ROLES.flatMap((role) => {
    const ps = active.filter((p) => p.role === role);
    if (ps.length === 0) return [];
    const jobs = distinctJobs(ps);
    return [
      {
        role,
        label: roleLabel(role),
        plural: rolePlural(role),
        activePostings: ps.length,
        jobs: jobs.length,
        pay: payFigure(jobs, `active postings, role ${role}`),
      },
    ];
  }).sort((a, b) => b.activePostings - a.activePostings || a.role.localeCompare(b.role));
}

function nav(ctx: PageContext): string {
  const items = [`<a href="${htmlEscape(ctx.home)}">roledex</a>`];
  if (ctx.explorer) items.push(`<a href="${htmlEscape(ctx.explorer({}))}">Postings</a>`);
  return `<nav class="site">${items.join("")}</nav>\n`;
}

function page(ctx: PageContext, title: string, description: string, body: string): string {
  return htmlPage({
    title,
    description,
    body,
    nav: nav(ctx),
    ...(ctx.canonical ? { canonical: ctx.canonical } : {}),
    ...(ctx.head ? { head: ctx.head } : {}),
  });
}

const payText = (p: PayFigure) =>
  p.median === null
    ? "no pay stated"
    : `${money(p.median)} (n = ${num(p.n)}${p.ci95 ? `, 95% interval ${money(p.ci95.low)}–${money(p.ci95.high)}` : ""})`;

export function homePage(
  rows: readonly RoleRow[],
  meta: { dataAsOf: string | null; active: number },
  ctx: PageContext,
): string {
  const blocks: Block[] = [
    { h: 1, text: "AI and ML roles: pay and postings" },
    {
      p: [
        `${count(meta.active, "active posting")} from employers' public job boards, data as of ${day(meta.dataAsOf)}. Pay is the median yearly base of distinct jobs that state it, in US dollars, with its sample size and 95% interval.`,
      ],
    },
  ];
  const chart = medianPayByRoleChart(
    rows.map((r) => ({
      label: r.label,
      median: r.pay.median,
      low: r.pay.ci95?.low ?? null,
      high: r.pay.ci95?.high ?? null,
      n: r.pay.n,
    })),
  );
  if (chart) blocks.push({ trusted: chart });
  if (rows.length === 0) {
    blocks.push({
      p: ["There are no active postings yet: run ", { code: "roledex crawl --preset ai-labs" }, " first."],
    });
  } else {
    blocks.push({
      table: {
        head: ["Role", "Active postings", "Distinct jobs", "Median base pay"],
        align: ["left", "right", "right", "left"],
        rows: rows.map((r) => [
          [{ link: r.label, href: ctx.role(r.role) }],
          [num(r.activePostings)],
          [num(r.jobs)],
          [payText(r.pay)],
        ]),
      },
    });
    const pairs = comparable(rows);
    if (pairs.length) {
      blocks.push({ h: 2, text: "Comparisons" });
      blocks.push({
        ul: pairs.map(([a, b]) => [{ link: `${roleLabel(a)} vs ${roleLabel(b)}`, href: ctx.compare(a, b) }]),
      });
    }
  }
  return page(
    ctx,
    "AI and ML roles: pay and postings",
    "Median pay and active postings of AI and ML roles, from public job boards.",
    htmlBody(blocks),
  );
}

/** Pairs of roles (not `other`) that both have at least `minN` active postings, in canonical order. */
export function comparable(rows: readonly RoleRow[], minN = 5): [Role, Role][] {
  const roles = rows
    .filter((r) => r.role !== "other" && r.activePostings >= minN)
    .map((r) => r.role)
    .sort();
  return roles.flatMap((a, i) => roles.slice(i + 1).map((b) => [a, b] as [Role, Role]));
}

/** The pay values of each role's distinct jobs behind its report figure, for the distribution chart. */
function jobValues(report: Report, active: readonly StoredPosting[]): { label: string; values: number[] }[] {
  const byId = new Map(active.map((p) => [p.id, p]));
  return report.roles.map((r) => {
    const jobs: Job[] = distinctJobs(r.pay.evidence.postingIds.flatMap((id) => byId.get(id) ?? []));
    return { label: r.label, values: jobs.flatMap((j) => (j.pay === null ? [] : [j.pay])) };
  });
}

/** The report's blocks with its charts set after the sections they illustrate. */
function withCharts(report: Report, active: readonly StoredPosting[], blocks: Block[]): Block[] {
  const charts = new Map<string, string | null>();
  charts.set("quick-answer", payDistributionChart(jobValues(report, active)));
  charts.set(
    "compensation-factors",
    payBySeniorityChart(
      report.compensation.perRole.map((c) => ({
        label: roleLabel(c.role),
        rungs: c.bySeniority.map((r) => ({
          seniority: r.seniority === "unspecified" ? "Not stated" : seniorityLabel(r.seniority),
          median: r.pay?.median ?? null,
          low: r.pay?.ci95?.low ?? null,
          high: r.pay?.ci95?.high ?? null,
          n: r.pay?.n ?? 0,
        })),
      })),
    ),
  );
  const [a, b] = report.roles;
  const sep = report.skills.separating;
  if (sep && a) {
    charts.set(
      "skills",
      divergingSkillsChart(
        { label: a.label, skills: sep.a.map((t) => ({ name: t.name, share: t.shareA, other: t.shareB })) },
        {
          label: b?.label ?? "All other postings",
          skills: sep.b.map((t) => ({ name: t.name, share: t.shareB, other: t.shareA })),
        },
      ),
    );
  }
  charts.set(
    "industries-hiring",
    industriesChart(
      report.industries.perRole.map((s) => ({
        label: roleLabel(s.role),
        industries: s.byIndustry
          .slice(0, 8)
          .map((x) => ({ label: industryLabel(x.industry), share: x.share, count: x.count })),
      })),
    ),
  );
  const out: Block[] = [];
  let pending: string | null = null;
  for (const block of blocks) {
    // a section's chart goes right before the next section begins
    if ("h" in block && block.h === 2 && pending) {
      out.push({ trusted: pending });
      pending = null;
    }
    out.push(block);
    if ("h" in block && block.id && charts.get(block.id)) pending = charts.get(block.id) ?? null;
  }
  return out;
}

/** Under a report's title: each role's own page (on a comparison) and its postings (where there is an explorer). */
function roleLinks(report: Report, ctx: PageContext): Block | null {
  const runs: Inline[] = [];
  for (const r of report.roles) {
    const links: Inline[] = [];
    if (report.kind === "comparison") links.push({ link: `the ${r.label} page`, href: ctx.role(r.role) });
    if (ctx.explorer) links.push({ link: `${r.plural}' postings`, href: ctx.explorer({ role: r.role }) });
    if (links.length === 0) continue;
    if (runs.length) runs.push(" · ");
    links.forEach((l, i) => {
      runs.push(...(i ? [", ", l] : [l]));
    });
  }
  return runs.length ? { p: ["See ", ...runs, "."] } : null;
}

export function reportPage(report: Report, active: readonly StoredPosting[], ctx: PageContext): string {
  const sections = reportBlocks(report, ctx);
  const links = roleLinks(report, ctx);
  if (links) sections.splice(2, 0, links);
  const blocks = withCharts(report, active, sections);
  const [first] = report.roles;
  const description =
    report.kind === "comparison"
      ? `${report.title}: median pay, skills, careers and industries, from ${report.roles.map((r) => `${num(r.activePostings)} ${r.plural}`).join(" and ")} active postings.`
      : `${report.title}: median pay, skills, careers and industries, from ${num(first?.activePostings ?? 0)} active postings.`;
  const title =
    report.kind === "comparison"
      ? `${report.title}: pay, skills and postings`
      : `${report.title}: pay, skills and postings`;
  return page(ctx, title, description, htmlBody(blocks));
}

export interface ExplorerQuery {
  role?: Role;
  seniority?: string;
  country?: string;
  company?: string;
  industry?: string;
  q?: string;
  page: number;
  pageSize: number;
}

function location(p: StoredPosting): string {
  if (p.places.length === 0) return p.locationRaw ?? "";
  return p.places
    .map((pl) =>
      pl.remote
        ? `Remote${pl.country ? ` (${pl.country})` : ""}`
        : [pl.city, pl.region, pl.country].filter(Boolean).join(", "),
    )
    .join("; ");
}

export function explorerPage(
  result: { total: number; items: readonly StoredPosting[] },
  query: ExplorerQuery,
  ctx: PageContext,
): string {
  const explorer = ctx.explorer ?? (() => "");
  const field = (name: string, label: string, value: string | undefined, options?: readonly string[]) =>
    options
      ? `<label>${htmlEscape(label)}<select name="${name}"><option value="">any</option>${options
          .map((o) => `<option value="${htmlEscape(o)}"${o === value ? " selected" : ""}>${htmlEscape(o)}</option>`)
          .join("")}</select></label>`
      : `<label>${htmlEscape(label)}<input name="${name}" value="${htmlEscape(value ?? "")}"></label>`;
  const form = `<form class="filters" method="get" action="${htmlEscape(explorer({}))}">${[
    field("q", "Words", query.q),
    field("role", "Role", query.role, ROLES),
    field("seniority", "Seniority", query.seniority, SENIORITIES),
    field("country", "Country (ISO)", query.country),
    field("company", "Employer", query.company),
    field("industry", "Industry", query.industry),
  ].join("")}<button type="submit">Filter</button></form>`;
  const first = result.total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const last = Math.min(result.total, query.page * query.pageSize);
  const blocks: Block[] = [
    { h: 1, text: "Postings" },
    { trusted: form },
    {
      p: [
        result.total === 0
          ? "No posting matches these filters."
          : `Postings ${num(first)}–${num(last)} of ${num(result.total)}, newest first.`,
      ],
    },
  ];
  if (result.items.length) {
    blocks.push({
      table: {
        head: ["Title", "Employer", "Location", "Role", "Seniority", "Pay (base, USD a year)"],
        align: ["left", "left", "left", "left", "left", "left"],
        rows: result.items.map((p) => {
          const title: Inline = p.url ? { link: p.title, href: p.url } : p.title;
          const pay =
            p.pay && p.pay.kind === "base" && (p.pay.annualMinUsd !== null || p.pay.annualMaxUsd !== null)
              ? [p.pay.annualMinUsd, p.pay.annualMaxUsd]
                  .filter((v): v is number => v !== null)
                  .map((v) => money(v))
                  .join("–")
              : p.pay
                ? `${p.pay.raw} (${p.pay.kind})`
                : "";
          return [
            [title],
            [p.company ?? ""],
            [location(p)],
            [{ link: roleLabel(p.role), href: ctx.role(p.role) }],
            [p.seniority === "unspecified" ? "not stated" : p.seniority],
            [pay],
          ];
        }),
      },
    });
  }
  const params = (page: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && v !== "" && k !== "page" && k !== "pageSize") out[k] = String(v);
    out.page = String(page);
    return out;
  };
  const pager: Inline[] = [];
  if (query.page > 1) pager.push({ link: "← Newer", href: explorer(params(query.page - 1)) });
  if (last < result.total)
    pager.push(pager.length ? " · " : "", { link: "Older →", href: explorer(params(query.page + 1)) });
  if (pager.length) blocks.push({ p: pager });
  return page(
    ctx,
    "Postings",
    "Search the active AI and ML postings by role, seniority, country, employer and industry.",
    htmlBody(blocks),
  );
}
