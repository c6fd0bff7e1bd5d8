import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { dataAsOf } from "../analytics/filters.ts";
import { money } from "../analytics/format.ts";
import { buildReport, DEFAULT_MIN_N, type Report } from "../analytics/report.ts";
import { RoledexError } from "../domain/errors.ts";
import type { Role } from "../domain/vocab.ts";
import { toExportRow } from "../export/columns.ts";
import { toCsv } from "../export/export.ts";
import type { Store, StoredPosting } from "../store/store.ts";
import { comparable, homePage, type PageContext, reportPage, roleIndex } from "../web/pages.ts";

/**
 * `roledex site build`: a static site a recruiting firm could publish. Every role page, every comparison
 * of two roles that both have enough postings, the home page, the data as CSV, a sitemap and robots.txt;
 * canonical URLs and schema.org JSON-LD (Dataset for the data, FAQPage for each quick answer). Built in a
 * temporary folder and moved into place at the end, so a failure leaves the previous site as it was.
 */

export interface SiteSummary {
  out: string;
  pages: string[];
  roles: number;
  comparisons: number;
  postings: number;
}

/** JSON for a <script type="application/ld+json"> block: no "</script>" or "<!--" can close it early. */
function jsonLd(value: unknown): string {
  const text = JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `<script type="application/ld+json">${text}</script>\n`;
}

const depthLinks = (up: string, base: string, path: string): PageContext => ({
  home: `${up}index.html`,
  role: (r) => `${up}roles/${r}.html`,
  compare: (a, b) => `${up}compare/${[a, b].sort().join("-vs-")}.html`,
  canonical: new URL(path, base).href,
});

function faq(report: Report): unknown {
  const questions = report.roles.flatMap((r) =>
    r.pay.median === null
      ? []
      : [
          {
            "@type": "Question",
            name: `What is the median base salary of ${r.plural}?`,
            acceptedAnswer: {
              "@type": "Answer",
              text: `${money(r.pay.median)} a year${r.pay.ci95 ? ` (95% interval ${money(r.pay.ci95.low)}–${money(r.pay.ci95.high)})` : ""}, across ${r.pay.n} distinct jobs from ${r.postingsWithPay} of ${r.activePostings} active postings that state pay.`,
            },
          },
        ],
  );
  if (report.kind === "comparison" && report.quickAnswer.verdict) {
    const [a, b] = report.roles;
    questions.push({
      "@type": "Question",
      name: `Are ${a?.plural} or ${b?.plural} paid more?`,
      acceptedAnswer: { "@type": "Answer", text: report.quickAnswer.verdict },
    });
  }
  return questions.length ? { "@context": "https://schema.org", "@type": "FAQPage", mainEntity: questions } : null;
}

/** The site's public address as a folder URL; an E_USAGE error when it is not an absolute http(s) address. */
export function siteBase(url: string): URL {
  try {
    const base = new URL(url.endsWith("/") ? url : `${url}/`);
    if (!/^https?:$/.test(base.protocol)) throw new Error("not http(s)");
    return base;
  } catch {
    throw new RoledexError("E_USAGE", `--base-url takes the site's absolute http(s) address, got "${url}"`);
  }
}

export async function buildSite(options: {
  store: Store;
  out: string;
  baseUrl: string;
  minN?: number;
  now?: () => Date;
}): Promise<SiteSummary> {
  const base = siteBase(options.baseUrl);
  const minN = options.minN ?? DEFAULT_MIN_N;
  const now = (options.now ?? (() => new Date()))().toISOString();
  const active: StoredPosting[] = await options.store.postings({ activeOnly: true });
  const boards = await options.store.boards();
  const survey = await options.store.surveySalaries({});
  const rows = roleIndex(active);
  const asOf = dataAsOf(boards);

  const out = resolve(options.out);
  const temp = `${out}.building-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  const pages: string[] = [];
  const write = (path: string, text: string) => {
    const file = join(temp, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (path.endsWith(".html")) pages.push(path);
  };
  const report = (roles: Role[]) =>
    buildReport({
      queries: roles.map((role) => ({ query: role, role })),
      active,
      filters: {},
      minN,
      survey,
      boards,
      generatedAt: now,
    });

  try {
    const dataset = {
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: "Active AI and ML job postings",
      description: `${active.length} active postings from employers' public job boards (Greenhouse, Ashby, Lever), normalized into roles, seniorities, pay, places and skills.`,
      url: base.href,
      dateModified: asOf ?? now,
      creator: { "@type": "Organization", name: "roledex" },
      isAccessibleForFree: true,
      variableMeasured: ["role", "seniority", "base pay (USD a year)", "location", "skills", "industry"],
      distribution: [
        { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: new URL("data/postings.csv", base).href },
      ],
    };
    write(
      "index.html",
      homePage(
        rows,
        { dataAsOf: asOf, active: active.length },
        { ...depthLinks("", base.href, ""), head: jsonLd(dataset) },
      ),
    );
    for (const row of rows) {
      const r = report([row.role]);
      const data = faq(r);
      const path = `roles/${row.role}.html`;
      write(
        path,
        reportPage(r, active, { ...depthLinks("../", base.href, path), ...(data ? { head: jsonLd(data) } : {}) }),
      );
    }
    const pairs = comparable(rows, minN);
    for (const [a, b] of pairs) {
      const r = report([a, b]);
      const data = faq(r);
      const path = `compare/${a}-vs-${b}.html`;
      write(
        path,
        reportPage(r, active, { ...depthLinks("../", base.href, path), ...(data ? { head: jsonLd(data) } : {}) }),
      );
    }
    write("data/postings.csv", toCsv(active.map(toExportRow)));
    const urls = pages.map((p) => new URL(p === "index.html" ? "" : p, base).href);
    write(
      "sitemap.xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
        .map(
          (u) => `  <url><loc>${u.replace(/&/g, "&amp;")}</loc><lastmod>${(asOf ?? now).slice(0, 10)}</lastmod></url>`,
        )
        .join("\n")}\n</urlset>\n`,
    );
    write("robots.txt", `User-agent: *\nAllow: /\nSitemap: ${new URL("sitemap.xml", base).href}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof RoledexError) throw error;
    throw new RoledexError(
      "E_INPUT",
      `cannot write the site to ${out}: ${(error as NodeJS.ErrnoException).code ?? error}`,
      { cause: error },
    );
  }
  return { out, pages, roles: rows.length, comparisons: comparable(rows, minN).length, postings: active.length };
}
