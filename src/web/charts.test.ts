import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  cleanLabel,
  divergingSkillsChart,
  escapeXml,
  industriesChart,
  medianPayByRoleChart,
  payBySeniorityChart,
  payDistributionChart,
  type SkillSide,
} from "./charts.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** Deterministic pay values around a median: a fixed pseudo-random walk, no Math.random. */
function payValues(center: number, n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647;
    return Math.round(center * (0.7 + 0.6 * (s / 2147483647)));
  });
}

const decodeXml = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'" })[n] ?? "")
    .replace(/&amp;/g, "&");

interface Parsed {
  tag: string;
  title: string | null;
  ariaLabel: string;
  elements: number;
  /** How many elements match a selector, e.g. the rules of the interval mark: `g[aria-label="rule"] line`. */
  count: (selector: string) => number;
  /** Every attribute name in the document. */
  attributes: string[];
}

/** Parses the SVG as XML, as a standalone .svg file would be, and checks what linkedom's lenient parser lets by. */
function parseSvg(svg: string): Parsed {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  // Well-formedness checks the parser does not make: every & starts an entity, no < inside an attribute value.
  expect(svg).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
  for (const tag of svg.match(/<[^>]*>/g) ?? []) expect(tag.slice(1)).not.toContain("<");
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  return {
    tag: root.tagName.toLowerCase(),
    title: root.querySelector("title")?.textContent ?? null,
    // From the raw attribute: linkedom's getAttribute re-escapes < > & in values it parsed.
    ariaLabel: decodeXml(/^<svg [^>]*aria-label="([^"]*)"/.exec(svg)?.[1] ?? ""),
    // Every `<name` in the text is an element the parser found: nothing in a label turned into markup.
    elements: root.querySelectorAll("*").length + 1,
    count: (selector) => root.querySelectorAll(selector).length,
    attributes: [root, ...root.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.name)),
  };
}

function expectValidChart(svg: string | null): Parsed & { svg: string } {
  expect(svg).not.toBeNull();
  const text = svg as string;
  const parsed = parseSvg(text);
  expect(parsed.tag).toBe("svg");
  expect(parsed.title?.length).toBeGreaterThan(10);
  expect(parsed.ariaLabel?.length).toBeGreaterThan(20);
  expect(parsed.elements).toBe((text.match(/<[a-zA-Z]/g) ?? []).length);
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(text).toContain('role="img"');
  expect(text).toContain("system-ui");
  expect(Number(/ width="(\d+)"/.exec(text)?.[1])).toBeLessThanOrEqual(832); // 52rem
  expectSafe(text, parsed.attributes);
  return { ...parsed, svg: text };
}

/**
 * No script, no event handler, no link, no external resource, no id that a second chart could collide with.
 * Checked on the markup with attribute values blanked (a label may say "onerror" as text, escaped) and on
 * the attribute names the parser found.
 */
function expectSafe(svg: string, attributes: readonly string[]): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<(?:image|foreignObject|a|use|iframe)[\s>/]/i);
  const markup = (svg.match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""')).join("");
  expect(markup).not.toMatch(/\son[a-z]*\s*=/i);
  expect(markup).not.toMatch(/href|\sid=|\ssrc=/i);
  expect(svg.replace(' xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/url\(|@import|https?:|data:/i);
  expect(attributes.filter((a) => /^on|href|^id$|^src$/i.test(a))).toEqual([]);
  expect(attributes.length).toBeGreaterThan(10);
}

/** The hostile label never appears as markup; only its escaped text does, and it reads back unchanged. */
function expectEscaped(svg: string | null): void {
  const text = expectValidChart(svg).svg;
  expect(text).not.toContain("<img");
  expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(doc.documentElement.querySelector("img")).toBeNull();
  expect(parseSvg(text).ariaLabel).toContain(HOSTILE);
}

const PAY = [
  { label: "Research scientists", values: payValues(220_000, 140, 7) },
  { label: "Applied ML engineers", values: payValues(190_000, 300, 11) },
];

const RUNGS = [
  {
    label: "Research scientists",
    rungs: [
      { seniority: "senior", median: 240_000, low: 220_000, high: 260_000, n: 40 },
      { seniority: "entry", median: 160_000, low: 150_000, high: 175_000, n: 12 },
      { seniority: "staff", median: 300_000, low: null, high: null, n: 5 },
      { seniority: "intern", median: null, low: null, high: null, n: 2 },
    ],
  },
  {
    label: "Applied ML engineers",
    rungs: [
      { seniority: "mid", median: 180_000, low: 170_000, high: 195_000, n: 60 },
      { seniority: "Senior", median: 215_000, low: 205_000, high: 230_000, n: 90 },
    ],
  },
];

const SKILLS_A: SkillSide = {
  label: "Research scientists",
  skills: [
    { name: "PyTorch", share: 0.62, other: 0.41 },
    { name: "Publications", share: 0.48, other: 0.08 },
  ],
};
const SKILLS_B: SkillSide = {
  label: "Applied ML engineers",
  skills: [
    { name: "Kubernetes", share: 0.37, other: 0.09 },
    { name: "AWS", share: 0.33, other: 0.12 },
  ],
};

const INDUSTRIES = [
  {
    label: "Research scientists",
    industries: [
      { label: "AI labs", share: 0.41, count: 55 },
      { label: "Big tech", share: 0.22, count: 30 },
      { label: "Pharma & biotech", share: 0.12, count: 16 },
    ],
  },
  {
    label: "Applied ML engineers",
    industries: [
      { label: "Big tech", share: 0.3, count: 90 },
      { label: "Finance", share: 0.18, count: 54 },
    ],
  },
];

const HOME = [
  { label: "Research Scientist", median: 220_000, low: 210_000, high: 232_000, n: 137 },
  { label: "ML Engineer", median: 198_000, low: 190_000, high: 205_000, n: 412 },
  { label: "ML Leadership", median: null, low: null, high: null, n: 2 },
  { label: "Data Scientist", median: 165_000, low: null, high: null, n: 4 },
];

describe("payDistributionChart", () => {
  it("draws a dot per job in a row per role, with each median marked and labelled", () => {
    const chart = expectValidChart(
      payDistributionChart([...PAY, { label: "Data engineers", values: [150_000, 160_000] }]),
    );
    expect(chart.count('g[aria-label="dot"] circle')).toBe(140 + 300 + 2);
    expect(chart.svg).toContain("Research scientists");
    expect(chart.svg).toContain("140 jobs");
    expect(chart.svg).toContain("$200K"); // an x tick
    // Two medians: the role with 2 jobs gets its dots and no median.
    expect(chart.svg.match(/>median \$\d+K</g)).toHaveLength(2);
    expect(chart.count('g[aria-label="tick"] line')).toBe(2);
    expect(chart.title).toBe("Yearly base pay of each distinct job, by role");
    expect(chart.ariaLabel).toMatchInlineSnapshot(
      `"Dot plot of yearly base pay in US dollars, one dot per distinct job: Research scientists, 140 jobs, median $222K, from $154K to $285K; Applied ML engineers, 300 jobs, median $191K, from $133K to $247K; and Data engineers, 2 jobs, too few for a median."`,
    );
  });

  it("labels a median the way the report writes money ($220K)", () => {
    const chart = expectValidChart(
      payDistributionChart([{ label: "Research scientists", values: [200_000, 220_000, 260_000] }]),
    );
    expect(chart.svg).toContain("median $220K");
  });

  it("returns null when no role has 3 jobs with pay, and ignores values that are not pay", () => {
    expect(payDistributionChart([])).toBeNull();
    expect(
      payDistributionChart([
        { label: "A", values: [100_000, 120_000] },
        { label: "B", values: [] },
      ]),
    ).toBeNull();
    expect(
      payDistributionChart([{ label: "A", values: [Number.NaN, 0, -5, 120_000, Number.POSITIVE_INFINITY] }]),
    ).toBeNull();
  });

  it("leaves out a role that states no pay and says so", () => {
    const chart = expectValidChart(
      payDistributionChart([PAY[0] as (typeof PAY)[number], { label: "Data engineers", values: [] }]),
    );
    expect(chart.svg).not.toContain("Data engineers");
    expect(chart.ariaLabel).toContain("1 role states no pay and is left out.");
  });

  it("escapes a hostile role label", () => {
    expectEscaped(payDistributionChart([{ label: HOSTILE, values: [1, 2, 3].map((x) => x * 100_000) }]));
  });

  it("renders the same input to the same string", () => {
    const first = payDistributionChart(PAY);
    medianPayByRoleChart(HOME); // another chart in between: no shared counter leaks into the output
    expect(payDistributionChart(PAY)).toBe(first);
  });
});

describe("payBySeniorityChart", () => {
  it("draws each rung's median and interval per role, in ladder order, leaving out suppressed rungs", () => {
    const chart = expectValidChart(payBySeniorityChart(RUNGS));
    const at = (s: string) => chart.svg.indexOf(s);
    expect(at(">Entry level<")).toBeGreaterThan(0);
    expect(at(">Entry level<")).toBeLessThan(at(">Mid level<"));
    expect(at(">Mid level<")).toBeLessThan(at(">Senior<"));
    expect(at(">Senior<")).toBeLessThan(at(">Staff<"));
    expect(chart.svg).not.toContain("Intern"); // median null: suppressed
    expect(chart.svg).toContain("$240K · n = 40");
    expect(chart.svg).toContain("$300K · n = 5");
    // Slug "senior" and label "Senior" are the same rung: one tick label.
    expect(chart.svg.match(/>Senior</g)).toHaveLength(1);
    // A rule per interval (staff has none), a dot per median, a legend swatch per role.
    expect(chart.count('g[aria-label="rule"] line')).toBe(4);
    expect(chart.count('g[aria-label="dot"] circle')).toBe(5);
    expect(chart.svg).toContain('fill="#3b82f6"');
    expect(chart.svg).toContain('fill="#d9730d"');
    expect(chart.ariaLabel).toMatchInlineSnapshot(
      `"Median yearly base pay in US dollars by seniority, with 95% intervals, rungs from junior to senior: Research scientists: Entry level $160K ($150K to $175K, 12 jobs), Senior $240K ($220K to $260K, 40 jobs), Staff $300K (5 jobs); and Applied ML engineers: Mid level $180K ($170K to $195K, 60 jobs), Senior $215K ($205K to $230K, 90 jobs)."`,
    );
  });

  it("returns null when every rung is suppressed", () => {
    expect(payBySeniorityChart([])).toBeNull();
    expect(
      payBySeniorityChart([
        { label: "A", rungs: [{ seniority: "senior", median: null, low: null, high: null, n: 3 }] },
      ]),
    ).toBeNull();
  });

  it("escapes hostile role and rung names", () => {
    const svg = payBySeniorityChart([
      { label: HOSTILE, rungs: [{ seniority: HOSTILE, median: 200_000, low: 190_000, high: 210_000, n: 30 }] },
      { label: "B", rungs: [{ seniority: "senior", median: 210_000, low: null, high: null, n: 4 }] },
    ]);
    expectEscaped(svg);
    // The unknown rung goes after the known ones.
    const ticks = /aria-label="y-axis tick label">(.*?)<\/g>/.exec(svg ?? "")?.[1] ?? "";
    expect(ticks.indexOf(">Senior<")).toBeGreaterThan(0);
    expect(ticks.indexOf(">Senior<")).toBeLessThan(ticks.indexOf(">&lt;img"));
  });

  it("renders the same input to the same string", () => {
    expect(payBySeniorityChart(RUNGS)).toBe(payBySeniorityChart(RUNGS));
  });
});

describe("divergingSkillsChart", () => {
  it("draws role A's skills to the right and role B's to the left, each labelled with its share", () => {
    const chart = expectValidChart(divergingSkillsChart(SKILLS_A, SKILLS_B));
    for (const s of ["PyTorch", "Publications", "Kubernetes", "AWS", "62%", "48%", "37%", "33%"]) {
      expect(chart.svg).toContain(`>${s}<`);
    }
    expect(chart.svg).toContain("Research scientists →");
    expect(chart.svg).toContain("← Applied ML engineers");
    expect(chart.count('g[aria-label="bar"] rect')).toBe(4);
    expect(chart.count('g[aria-label="tick"] line')).toBe(4);
    expect(chart.title).toBe("Skills that separate Research scientists from Applied ML engineers");
    expect(chart.ariaLabel).toMatchInlineSnapshot(
      `"Diverging bar chart of the share of postings asking for each skill. Leaning to Research scientists: PyTorch 62% (against 41%), Publications 48% (against 8%). Leaning to Applied ML engineers: Kubernetes 37% (against 9%), AWS 33% (against 12%)."`,
    );
  });

  it("puts role A's bars right of zero and role B's left of it", () => {
    const svg = divergingSkillsChart(SKILLS_A, SKILLS_B) as string;
    const bars = [...svg.matchAll(/<rect [^>]*\bx="([\d.]+)"[^>]*>/g)].map((m) => Number(m[1]));
    const widths = [...svg.matchAll(/<rect [^>]*\bwidth="([\d.]+)"[^>]*>/g)].map((m) => Number(m[1]));
    const [a1, a2, b1, b2] = bars;
    // A's bars start at the zero line; B's end there.
    expect(a1).toBe(a2);
    expect((b1 as number) + (widths[2] as number)).toBeCloseTo(a1 as number, 0);
    expect((b2 as number) + (widths[3] as number)).toBeCloseTo(a1 as number, 0);
  });

  it("draws one side alone, and returns null when both are empty", () => {
    expectValidChart(divergingSkillsChart(SKILLS_A, { label: "All postings", skills: [] }));
    expect(divergingSkillsChart({ label: "A", skills: [] }, { label: "B", skills: [] })).toBeNull();
  });

  it("escapes hostile role labels and skill names", () => {
    expectEscaped(
      divergingSkillsChart(
        { label: HOSTILE, skills: [{ name: HOSTILE, share: 0.4, other: 0.1 }] },
        { label: `${HOSTILE}"'&`, skills: [] },
      ),
    );
  });

  it("renders the same input to the same string", () => {
    expect(divergingSkillsChart(SKILLS_A, SKILLS_B)).toBe(divergingSkillsChart(SKILLS_A, SKILLS_B));
  });
});

describe("industriesChart", () => {
  it("draws a bar per role for each industry in either role's top 8, largest first", () => {
    const chart = expectValidChart(industriesChart(INDUSTRIES));
    const at = (s: string) => chart.svg.indexOf(`>${s}<`);
    // Summed share: Big tech 52%, AI labs 41%, Finance 18%, Pharma 12%.
    expect(at("Big tech")).toBeLessThan(at("AI labs"));
    expect(at("AI labs")).toBeLessThan(at("Finance"));
    expect(at("Finance")).toBeLessThan(at("Pharma &amp; biotech"));
    for (const s of ["41%", "22%", "12%", "30%", "18%"]) expect(chart.svg).toContain(`>${s}<`);
    expect(chart.count('g[aria-label="bar"] rect')).toBe(5);
    expect(chart.count("g[aria-hidden] > rect")).toBe(2); // legend swatches
    expect(chart.svg).toContain("<title>Research scientists: 41% (55 postings)</title>");
    expect(chart.ariaLabel).toMatchInlineSnapshot(
      `"Horizontal bars of the share of each role's postings by industry: Research scientists: AI labs 41% (55), Big tech 22% (30), Pharma & biotech 12% (16); and Applied ML engineers: Big tech 30% (90), Finance 18% (54)."`,
    );
  });

  it("keeps each role's top 8 only", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      label: `Industry ${i + 1}`,
      share: (12 - i) / 100,
      count: 12 - i,
    }));
    const chart = expectValidChart(industriesChart([{ label: "Research scientists", industries: many }]));
    expect(chart.svg).toContain(">Industry 8<");
    expect(chart.svg).not.toContain(">Industry 9<");
    expect(chart.count("g[aria-hidden] > rect")).toBe(0); // one role: no legend
  });

  it("returns null when no role has an industry", () => {
    expect(industriesChart([])).toBeNull();
    expect(industriesChart([{ label: "A", industries: [{ label: "AI labs", share: 0, count: 0 }] }])).toBeNull();
  });

  it("escapes hostile role and industry labels", () => {
    expectEscaped(
      industriesChart([
        { label: HOSTILE, industries: [{ label: HOSTILE, share: 0.5, count: 3 }] },
        { label: "B", industries: [{ label: "AI labs", share: 0.5, count: 3 }] },
      ]),
    );
  });

  it("renders the same input to the same string", () => {
    expect(industriesChart(INDUSTRIES)).toBe(industriesChart(INDUSTRIES));
  });
});

describe("medianPayByRoleChart", () => {
  it("draws a bar per role with pay, its interval and n beside it, leaving out roles without pay", () => {
    const chart = expectValidChart(medianPayByRoleChart(HOME));
    expect(chart.svg).toContain("$220K · n = 137");
    expect(chart.svg).toContain("$165K · n = 4");
    expect(chart.svg).not.toContain("ML Leadership");
    expect(chart.count('g[aria-label="bar"] rect')).toBe(3);
    expect(chart.count('g[aria-label="rule"] line')).toBe(2); // Data Scientist has no interval
    expect(chart.ariaLabel).toMatchInlineSnapshot(
      `"Bar chart of median yearly base pay in US dollars by role, with 95% intervals: Research Scientist $220K ($210K to $232K) over 137 jobs; ML Engineer $198K ($190K to $205K) over 412 jobs; and Data Scientist $165K over 4 jobs. 1 role has too few jobs stating pay and is left out."`,
    );
  });

  it("returns null when no role has a median", () => {
    expect(medianPayByRoleChart([])).toBeNull();
    expect(medianPayByRoleChart([{ label: "A", median: null, low: null, high: null, n: 0 }])).toBeNull();
  });

  it("escapes a hostile role label", () => {
    expectEscaped(medianPayByRoleChart([{ label: HOSTILE, median: 200_000, low: 190_000, high: 210_000, n: 20 }]));
  });

  it("renders the same input to the same string", () => {
    expect(medianPayByRoleChart(HOME)).toBe(medianPayByRoleChart(HOME));
  });
});

describe("text", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });

  it("drops characters XML forbids, folds line breaks and cuts long labels", () => {
    expect(cleanLabel("Data\u0000 sci\nentists\u0007\uFFFE\uD800")).toBe("Data sci entists");
    expect(cleanLabel("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
    expect(cleanLabel("👩‍🔬".repeat(3), 40)).toBe("👩‍🔬".repeat(3));
  });

  it("keeps a chart with control characters in a label well-formed", () => {
    expectValidChart(
      medianPayByRoleChart([{ label: "A\u0000\u001b[31mB", median: 100_000, low: null, high: null, n: 6 }]),
    );
  });
});
