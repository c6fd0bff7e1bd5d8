import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SiteSummary } from "../src/site/build.ts";
import type { DuckDBStore } from "../src/store/duckdb/duckdb-store.ts";
import { runCli } from "./support/cli.ts";
import { fixtureStore, hostilePostings } from "./support/store.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-site-"));
const out = join(dir, "site");
let store: DuckDBStore;
let summary: SiteSummary;

beforeAll(async () => {
  store = await fixtureStore(join(dir, "site.duckdb"), hostilePostings());
  summary = await buildSite({ store, out, baseUrl: "https://jobs.example.com/ai" });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function files(root: string): string[] {
  return readdirSync(root).flatMap((f) => {
    const path = join(root, f);
    return statSync(path).isDirectory() ? files(path) : [relative(out, path)];
  });
}

describe("roledex site build", () => {
  it("writes every role page, every comparison with enough data, the data, a sitemap and robots.txt", () => {
    expect(files(out).sort()).toEqual([
      "compare/ml-engineer-vs-research-engineer.html",
      "data/postings.csv",
      "index.html",
      "robots.txt",
      "roles/data-engineer.html",
      "roles/ml-engineer.html",
      "roles/other.html",
      "roles/research-engineer.html",
      "sitemap.xml",
    ]);
    expect(summary).toMatchObject({ roles: 4, comparisons: 1, postings: 36 });
    expect(readFileSync(join(out, "data/postings.csv"), "utf8").trim().split("\n")).toHaveLength(37);
  });

  it("has no broken internal link", () => {
    const broken: string[] = [];
    for (const page of files(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(out, page), "utf8");
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
        if (!href || /^https?:/.test(href)) continue;
        const [path, anchor] = href.split("#");
        const target = path ? resolve(dirname(join(out, page)), path) : join(out, page);
        if (!existsSync(target)) broken.push(`${page} → ${href}`);
        else if (anchor && !readFileSync(target, "utf8").includes(`id="${anchor}"`))
          broken.push(`${page} → #${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("every page is valid HTML", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    for (const page of files(out).filter((f) => f.endsWith(".html"))) {
      const report = await validator.validateString(readFileSync(join(out, page), "utf8"));
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${page}:${m.line} ${m.ruleId} ${m.message}`),
      );
      expect(messages).toEqual([]);
    }
  });

  it("gives canonical URLs, a sitemap of every page, and schema.org Dataset and FAQPage data", () => {
    const compare = readFileSync(join(out, "compare/ml-engineer-vs-research-engineer.html"), "utf8");
    expect(compare).toContain(
      '<link rel="canonical" href="https://jobs.example.com/ai/compare/ml-engineer-vs-research-engineer.html">',
    );
    const ld = (html: string) =>
      [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ""));
    const [faq] = ld(compare);
    expect(faq).toMatchObject({ "@type": "FAQPage" });
    expect(faq.mainEntity.map((q: { name: string }) => q.name)).toEqual([
      "What is the median base salary of applied ML engineers?",
      "What is the median base salary of research engineers?",
      "Are applied ML engineers or research engineers paid more?",
    ]);
    const [dataset] = ld(readFileSync(join(out, "index.html"), "utf8"));
    expect(dataset).toMatchObject({
      "@type": "Dataset",
      distribution: [{ "@type": "DataDownload", contentUrl: "https://jobs.example.com/ai/data/postings.csv" }],
    });
    const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://jobs.example.com/ai/",
      "https://jobs.example.com/ai/roles/ml-engineer.html",
      "https://jobs.example.com/ai/roles/research-engineer.html",
      "https://jobs.example.com/ai/roles/data-engineer.html",
      "https://jobs.example.com/ai/roles/other.html",
      "https://jobs.example.com/ai/compare/ml-engineer-vs-research-engineer.html",
    ]);
  });

  it("shows hostile posting text as text on every page", () => {
    for (const page of files(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(out, page), "utf8").replace(
        /<script type="application\/ld\+json">.*?<\/script>/g,
        "",
      );
      expect(html, page).not.toMatch(/<script|<img|javascript:/i);
    }
  });

  it("refuses a base URL that is not http(s), and keeps the previous site when a build fails", async () => {
    writeFileSync(join(out, "marker.txt"), "previous site");
    const result = await runCli([
      "site",
      "build",
      "--out",
      out,
      "--base-url",
      "ftp://x",
      "--db",
      join(dir, "none.duckdb"),
    ]);
    expect([result.code, result.stderr.trim()]).toEqual([
      2,
      'roledex: E_USAGE --base-url takes the site\'s absolute http(s) address, got "ftp://x"',
    ]);
    await expect(buildSite({ store, out, baseUrl: "ftp://x" })).rejects.toMatchObject({ code: "E_USAGE" });
    expect(readFileSync(join(out, "marker.txt"), "utf8")).toBe("previous site");
  });
});
