import { describe, expect, it } from "vitest";
import { distinctJobs } from "../src/analytics/jobs.ts";
import { buildReport, type Report } from "../src/analytics/report.ts";
import type { Role } from "../src/domain/vocab.ts";
import { toHtml, toMarkdown } from "../src/report/document.ts";
import { reportBlocks } from "../src/report/sections.ts";
import type { StoredPosting } from "../src/store/store.ts";
import { FIXTURE_BOARDS, FIXTURE_NOW, fixturePostings } from "./support/fixtures.ts";

const ACTIVE = fixturePostings();

function report(
  roles: Role[],
  active: StoredPosting[] = ACTIVE,
  extra: Partial<Parameters<typeof buildReport>[0]> = {},
): Report {
  return buildReport({
    queries: roles.map((role) => ({ query: role, role })),
    active,
    filters: {},
    survey: [],
    boards: FIXTURE_BOARDS,
    generatedAt: FIXTURE_NOW,
    ...extra,
  });
}
const markdown = (r: Report) => toMarkdown(reportBlocks(r));

/** What no careful analyst's prose contains. */
function expectNoSeams(text: string) {
  expect(text).not.toMatch(/NaN|undefined|\$null|null%|Infinity|\[object Object\]/);
  expect(text).not.toMatch(/\b0 postings ask for|\$0K|across 0 /);
}

describe("the comparison report", () => {
  const r = report(["research-engineer", "ml-engineer"]);

  it("writes the quick answer with medians, intervals, both counts and a verdict that follows from them", () => {
    const quick = markdown(r).split("## What each role does")[0];
    expect(quick).toMatchInlineSnapshot(`
      "# Research Engineer vs ML Engineer

      *From 32 active postings, data as of 2026-01-22.*

      ## Quick answer

      - **Research engineers** (\`research-engineer\`): median base **$310K** a year (95% interval $265K–$350K) across 12 distinct jobs from 14 of 16 active postings that state pay. Middle half $265K–$350K. 2 jobs stated pay in another currency, converted to USD.
      - **Applied ML engineers** (\`ml-engineer\`): median base **$213K** a year (95% interval $180K–$270K) across 16 distinct jobs from 16 of 16 active postings that state pay. Middle half $188K–$244K. 2 jobs stated pay in another currency, converted to USD.

      Research engineers are paid more than applied ML engineers, by about $98K a year (95% interval $40K to $150K).

      *Counts give postings and distinct jobs (one employer's same title and pay posted in several places is one job); pay figures count distinct jobs, in US dollars a year.*

      "
    `);
  });

  it("writes every section from the postings", () => {
    const md = markdown(r);
    expectNoSeams(md);
    expect(md.split("\n").filter((l) => l.startsWith("## "))).toEqual([
      "## Quick answer",
      "## What each role does",
      "## Skills",
      "## Education and experience",
      "## Career paths",
      "## Compensation factors",
      "## Industries hiring",
      "## Moving between research engineers and applied ML engineers",
      "## Posted pay beside self-reported pay",
      "## Conclusion",
      "## Related reading",
      "## Provenance",
    ]);
    expect(md.split("## Skills")[1]?.split("## Education")[0]).toMatchInlineSnapshot(`
      "

      ### What research engineers' postings ask for

      | Skill | Share of 16 postings with a description |
      | --- | ---: |
      | Distributed training | 100% (16 of 16) |
      | GPUs | 100% (16 of 16) |
      | JAX | 100% (16 of 16) |
      | Large language models | 100% (16 of 16) |
      | Python | 100% (16 of 16) |
      | PyTorch | 100% (16 of 16) |

      ### What applied ML engineers' postings ask for

      | Skill | Share of 16 postings with a description |
      | --- | ---: |
      | Data pipelines | 100% (16 of 16) |
      | Kubernetes | 100% (16 of 16) |
      | Model serving / inference | 100% (16 of 16) |
      | Python | 100% (16 of 16) |
      | Apache Spark | 100% (16 of 16) |
      | SQL | 100% (16 of 16) |

      #"
    `);
  });

  it("gives mirrored results for the roles in either order", () => {
    const m = report(["ml-engineer", "research-engineer"]);
    expect(m.roles.map((x) => x.role)).toEqual(["ml-engineer", "research-engineer"]);
    expect(m.roles[0]).toEqual(r.roles[1]);
    expect(m.roles[1]).toEqual(r.roles[0]);
    const d = r.quickAnswer.difference;
    expect(m.quickAnswer.difference).toEqual({
      difference: -(d?.difference ?? 0),
      low: -(d?.high ?? 0),
      high: -(d?.low ?? 0),
      resamples: d?.resamples,
    });
    expect(m.quickAnswer.verdict).toBe(r.quickAnswer.verdict);
    // A/B-relative fields swap sides and z changes sign
    const swap = <T extends { shareA: number; shareB: number; z: number }>(xs: T[] = []) =>
      xs.map((x) => ({ ...x, shareA: x.shareB, shareB: x.shareA, z: -x.z }));
    expect(m.skills.separating).toEqual({ a: swap(r.skills.separating?.b), b: swap(r.skills.separating?.a) });
    expect(m.transitions).toEqual({ aToB: swap(r.transitions?.bToA), bToA: swap(r.transitions?.aToB) });
    expect(m.responsibilities.perRole).toEqual(
      [...r.responsibilities.perRole].reverse().map((side) => ({
        ...side,
        phrases: side.phrases.map((p) => ({
          ...p,
          shareA: p.shareB,
          shareB: p.shareA,
          countA: p.countB,
          countB: p.countA,
          z: -p.z,
        })),
      })),
    );
  });

  it("states every pay figure so it can be recomputed from the postings it lists", () => {
    const byId = new Map(ACTIVE.map((p) => [p.id, p]));
    const cells = [
      ...r.roles.map((x) => x.pay),
      ...r.compensation.perRole.flatMap((c) =>
        [...c.bySeniority, ...c.byIndustry, ...c.byLocation].flatMap((x) => (x.pay ? [x.pay] : [])),
      ),
    ];
    expect(cells.length).toBeGreaterThan(3);
    for (const pay of cells) {
      const postings = pay.evidence.postingIds.map((id) => byId.get(id) as StoredPosting);
      // a reader's own recomputation: one value per employer, title and pay; midpoint of the USD range
      const jobs = new Map<string, number>();
      for (const p of postings) {
        const key = `${p.company?.toLowerCase()}|${p.title.toLowerCase()}|${p.pay?.min}|${p.pay?.max}|${p.pay?.currency}`;
        jobs.set(key, ((p.pay?.annualMinUsd ?? 0) + (p.pay?.annualMaxUsd ?? 0)) / 2);
      }
      const values = [...jobs.values()].sort((a, b) => a - b);
      const mid = Math.floor(values.length / 2);
      const median = values.length % 2 ? values[mid] : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
      expect([pay.n, pay.median]).toEqual([values.length, median]);
    }
  });

  it("counts one employer's same title and pay in several places as one job", () => {
    const re = ACTIVE.filter((p) => p.role === "research-engineer");
    const agents = re.filter((p) => p.title === "Research Engineer, Agents" && p.company === "Beta Labs");
    expect(agents.map((p) => p.locationRaw)).toEqual(["San Francisco, CA", "Seattle, WA"]);
    expect(distinctJobs(agents)).toHaveLength(1);
    expect(r.roles[0]).toMatchObject({ activePostings: re.length, jobs: distinctJobs(re).length });
  });

  it("filters by country, seniority and company, and says so", () => {
    const gb = report(["research-engineer", "ml-engineer"], ACTIVE, { filters: { country: "GB" } });
    expect(gb.roles.map((x) => x.activePostings)).toEqual([2, 2]);
    expect(gb.provenance.filter).toBe("active postings in GB");
    const senior = report(["ml-engineer"], ACTIVE, { filters: { seniority: "senior", company: "delta pay" } });
    expect(senior.roles[0]?.evidence.postingIds).toEqual(["greenhouse:fixture:12"]);
  });
});

describe("roles with little or no data", () => {
  it("says a role has no postings, in plain sentences", () => {
    const md = markdown(report(["ai-engineer", "ml-engineer"]));
    expectNoSeams(md);
    expect(md).toContain("- **AI engineers** (`ai-engineer`): no active postings.");
    expect(md).toContain(
      "Too few jobs state pay to compare the two roles' pay: 0 for AI engineers and 16 for applied ML engineers (at least 5 each are needed).",
    );
    expect(md).toContain("There are no active postings for AI engineers to read.");
    expect(md).toContain("There are no active postings for AI engineers to build a ladder from.");
  });

  it("reports a single posting without inventing a distribution", () => {
    const one = ACTIVE.filter((p) => p.role !== "data-engineer" || p.id === "greenhouse:fixture:21");
    const r = report(["data-engineer"], one);
    const md = markdown(r);
    expectNoSeams(md);
    expect(r.roles[0]?.pay).toMatchObject({ n: 1, median: 165000, ci95: null });
    expect(md).toContain(
      "- **Data engineers** (`data-engineer`): median base **$165K** a year (too few jobs for a 95% interval) across 1 distinct job from 1 of 1 active posting that states pay.",
    );
    expect(md).toContain("Too few data engineers jobs state pay (1) to put a figure on their pay.");
  });
});

describe("the HTML report", () => {
  const hostile = fixturePostings().map((p) =>
    p.id === "greenhouse:fixture:13"
      ? { ...p, title: "<img src=x onerror=alert(1)>", company: '"><script>alert(2)</script>' }
      : p,
  );
  const html = toHtml(reportBlocks(report(["research-engineer", "ml-engineer"], hostile)), {
    title: "Research Engineer vs ML Engineer",
    description: "x",
  });

  it("is one self-contained page: no script, no external resource, a CSP that forbids both", () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src=|<link rel="stylesheet"|@import|url\(/i);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'"`,
    );
  });

  it("shows hostile posting text as text", () => {
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&#34;&#62;&#60;script&#62;alert(2)&#60;/script&#62;");
  });

  it("puts every figure's postings behind a link to an evidence list that needs no JavaScript", () => {
    const links = [...html.matchAll(/href="#(evidence-\d+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    for (const id of new Set(links)) expect(html).toContain(`<details id="${id}">`);
    expect(html).toContain("greenhouse:fixture:1 ");
  });
});
