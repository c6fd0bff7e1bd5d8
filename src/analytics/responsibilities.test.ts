import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../normalize/csv.ts";
import {
  broaderPhrase,
  distinctivePhrases,
  MAX_DESCRIPTION_CHARS,
  type PostingText,
  responsibilityPhrases,
  verbLemma,
} from "./responsibilities.ts";

describe("responsibilityPhrases: sections", () => {
  // Excerpts of real descriptions in ../shared/corpus/descriptions (glassdoor-ds-2020/2021, linkedin-2024-sample).
  it("reads the lines under 'Duties and Responsibilities:' and stops at 'Requirements:' and 'Minimum Qualifications:'", () => {
    const text = [
      "CyrusOne is seeking a talented Data Scientist who holds a range of data-focused skills.",
      "",
      "Duties and Responsibilities:",
      "Participate in an agile scrum cadence",
      "Develop data models and algorithms to apply to data sets",
      "Evaluate the effectiveness and accuracy of data sources and data gathering techniques",
      "Requirements:",
      "Must be legally authorized to work in the United States",
      "Develop reports in Power BI for stakeholders",
      "Minimum Qualifications:",
      "Build productive internal/external working relationships",
    ].join("\n");
    // "of" ends an object: "the effectiveness and accuracy of data sources" is "effectiveness"
    expect(responsibilityPhrases(text)).toEqual([
      "participate in scrum cadence",
      "develop data models",
      "evaluate effectiveness",
    ]);
  });

  it("reads 'What you'll do:' and stops at 'What you'll bring to the table:'", () => {
    const text = [
      "What you'll do:",
      "Extract and clean data from various sources",
      "Create effective technical documentation, charts, graphs, and analyses",
      "What you'll bring to the table:",
      "Build dashboards in Tableau",
    ].join("\n");
    expect(responsibilityPhrases(text)).toEqual(["extract data", "clean data", "create technical documentation"]);
  });

  it("opens a list at a sentence ending in 'You will:' and reads numbered items", () => {
    const text =
      "We look to enhance our enterprise applications dev team by adding someone with experience in Java. You will:\n\n" +
      "1. Develop solutions to support the initiative of moving our technology stack to the cloud\n\n" +
      "6. Develop and maintain APIs using both MuleSoft and native EBX APIs\n\nRequirements:\nJava experience required.";
    expect(responsibilityPhrases(text)).toEqual([
      "develop solutions",
      "support initiative",
      "develop apis",
      "maintain apis",
    ]);
  });

  it("splits bullets an export glued into one line ('Key Responsibilities:Fiscal Coordination:Process invoices…')", () => {
    const text =
      "Key Responsibilities:Fiscal Coordination:Process invoices, expense reports, and vendor payments accurately." +
      "Monitor accounts receivable, follow up on outstanding payments, and maintain records of transactions." +
      "Qualifications:Update QuickBooks software to track transactions.";
    expect(responsibilityPhrases(text)).toEqual([
      "process invoices",
      "monitor accounts receivable",
      "maintain records",
    ]);
  });

  it("reads 'You will …' and 'is responsible for …' sentences in prose, and nothing under 'Benefits' or an EEO statement", () => {
    const text = [
      "As a Data Engineer at Productive Edge, you will design streaming data platforms on Kafka.",
      "The Senior Data Scientist is responsible for defining, building, and improving statistical models.",
      "We are a prominent firm with over 40 years of service.",
      "Benefits",
      "Build your career with us: you will receive paid time off.",
      "EEO Statement",
      "You will be considered without regard to race.",
    ].join("\n");
    expect(responsibilityPhrases(text)).toEqual([
      "design streaming data platforms",
      "define statistical models",
      "build statistical models",
      "improve statistical models",
    ]);
  });

  it("reads verb-led bullets when a description has no header at all, but not requirement bullets", () => {
    const text = [
      "+ Produce solutions driven by exploratory data analysis from complex and high-dimensional datasets.",
      "+ Design, develop, and evaluate predictive models and advanced algorithms.",
      "+ Experience with Python and SQL",
      "+ Strong communication skills",
    ].join("\n");
    expect(responsibilityPhrases(text)).toEqual([
      "produce solutions",
      "design predictive models",
      "develop predictive models",
      "evaluate predictive models",
    ]);
  });
});

describe("responsibilityPhrases: phrases", () => {
  it("lemmatizes the leading verb: gerunds, third person, doubled consonants, British spellings", () => {
    expect(verbLemma("building")).toBe("build");
    expect(verbLemma("builds")).toBe("build");
    expect(verbLemma("creating")).toBe("create");
    expect(verbLemma("running")).toBe("run");
    expect(verbLemma("applies")).toBe("apply");
    expect(verbLemma("modelling")).toBe("model");
    expect(verbLemma("optimising")).toBe("optimize");
    expect(verbLemma("analyses")).toBe("analyze");
    expect(verbLemma("experienced")).toBeNull();
    expect(verbLemma("data")).toBeNull();
    expect(
      responsibilityPhrases("Responsibilities\nBuilding data pipelines\nBuilds dashboards\nTrains large models"),
    ).toEqual(["build data pipelines", "build dashboards", "train large models"]);
  });

  it("keeps the thing worked on: determiners and puffery dropped, a verb's preposition kept, a long object's head kept", () => {
    expect(responsibilityPhrases("Design, build and maintain scalable, robust data pipelines using Spark.")).toEqual([
      "design data pipelines",
      "build data pipelines",
      "maintain data pipelines",
    ]);
    expect(responsibilityPhrases("Partner closely with product teams to design experiments.")).toEqual([
      "partner with product teams",
      "design experiments",
    ]);
    expect(responsibilityPhrases("You will deploy models to production and write production code.")).toEqual([
      "deploy models to production",
      "write production code",
    ]);
    expect(responsibilityPhrases("Develop real-time customer lifetime value models for marketing.")).toEqual([
      "develop lifetime value models",
    ]);
    expect(responsibilityPhrases("Build a suite of tools for analysts.")).toEqual(["build tools"]);
  });

  it("drops boilerplate and vague phrases: work with, be responsible, help us, other duties", () => {
    const text = [
      "Responsibilities",
      "Work with stakeholders across the business",
      "Be responsible for the team",
      "Help us grow",
      "You will be part of a great team",
      "Perform other duties as assigned",
      "Stay current with industry trends",
      "Help us build data pipelines",
    ].join("\n");
    expect(responsibilityPhrases(text)).toEqual(["build data pipelines"]);
  });

  it("gives each phrase once per description, in order of first mention", () => {
    const text =
      "Responsibilities\nBuild data pipelines.\nDesign experiments.\nBuilding data pipelines in Airflow.\nBuilds data pipelines.";
    expect(responsibilityPhrases(text)).toEqual(["build data pipelines", "design experiments"]);
  });

  it("returns [] on hostile input without throwing, and reads only the first 30,000 characters", () => {
    const hostile: unknown[] = [
      "",
      null,
      undefined,
      42,
      "\u0000\u0001\u0002binary\u0003\u0004".repeat(5_000),
      Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 0x10000)).join(""),
      "a".repeat(1_000_000),
      "and, and / or & ".repeat(60_000),
      "(".repeat(100_000),
      "Responsibilities:\n".repeat(50_000),
    ];
    for (const input of hostile) expect(responsibilityPhrases(input as string)).toEqual([]);
    const late = `${"We are a company. ".repeat(MAX_DESCRIPTION_CHARS / 18 + 1)}\nBuild data pipelines.`;
    expect(responsibilityPhrases(late)).toEqual([]);
    const started = performance.now();
    expect(
      responsibilityPhrases(`Build data pipelines.\n${"Design experiments and train models. ".repeat(30_000)}`),
    ).toEqual(["build data pipelines", "design experiments", "train models"]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("distinctivePhrases", () => {
  const post = (id: string, text: string | null): PostingText => ({ id, text });
  const research = [
    post("r1", "Responsibilities:\n- Train large models on GPU clusters\n- Write papers"),
    post("r2", "You will train large models and publish research."),
    post("r3", "What you'll do\nTraining large models for language understanding."),
    post("r4", "In this role, you will train large models and evaluate them."),
    post("r5", null),
    post("r6", "   "),
  ];
  const analysts = [
    post("a1", "Responsibilities:\n- Build dashboards for product teams"),
    post("a2", "You will build dashboards in Tableau."),
    post("a3", "Builds dashboards and reports weekly."),
    post("a4", "Write SQL queries. Build dashboards."),
    post("a5", "Maintain reports for finance."),
  ];
  const background = [...research, ...analysts];

  it("puts each group's own phrase on top, with shares over the postings that have a description, and all their ids", () => {
    const result = distinctivePhrases(research, analysts, background);
    expect(result.withText).toEqual({ a: 4, b: 5 });
    expect(result.a[0]).toMatchObject({
      phrase: "train large models",
      countA: 4,
      countB: 0,
      shareA: 1,
      shareB: 0,
      postingIds: ["r1", "r2", "r3", "r4"],
    });
    expect(result.a[0]?.z).toBeGreaterThan(0);
    expect(result.b[0]).toMatchObject({
      phrase: "build dashboards",
      countA: 0,
      countB: 4,
      shareA: 0,
      shareB: 0.8,
      postingIds: ["a1", "a2", "a3", "a4"],
    });
    expect(result.b[0]?.z).toBeLessThan(0);
    // "train models", the broader form every one of them states too, shares the line of "train large models"
    expect(result.a.map((f) => f.phrase)).toEqual(["train large models"]);
  });

  it("lists a phrase only when at least minDocs postings of its side state it, and at most top phrases", () => {
    expect(distinctivePhrases(research, analysts, background).b.map((f) => f.phrase)).not.toContain("maintain reports");
    const loose = distinctivePhrases(research, analysts, background, { minDocs: 1 });
    expect(loose.b.map((f) => f.phrase)).toContain("maintain reports");
    expect(distinctivePhrases(research, analysts, background, { minDocs: 1, top: 1 }).b).toHaveLength(1);
  });

  it("gives empty lists and withText 0 when a side has no descriptions: there is nothing to compare", () => {
    const none = [post("n1", null), post("n2", "")];
    expect(distinctivePhrases(none, analysts, background)).toEqual({ a: [], b: [], withText: { a: 0, b: 5 } });
    expect(distinctivePhrases(research, [], background)).toEqual({ a: [], b: [], withText: { a: 4, b: 0 } });
  });

  it("compares one role against the whole background when b is the background", () => {
    const result = distinctivePhrases(research, background, background);
    expect(result.withText).toEqual({ a: 4, b: 9 });
    expect(result.a[0]).toMatchObject({ phrase: "train large models", countA: 4, countB: 4, shareB: 4 / 9 });
  });

  it("counts a specific phrase toward its broader form", () => {
    expect(broaderPhrase("build etl pipelines")).toBe("build pipelines");
    expect(broaderPhrase("partner with product teams")).toBe("partner with teams");
    expect(broaderPhrase("deploy models to production")).toBe("deploy models");
    expect(broaderPhrase("analyze large data sets")).toBe("analyze data sets");
    expect(broaderPhrase("build pipelines")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------
// The real corpus (../shared/corpus, never copied into the repository): absent in a user's fresh clone.

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/descriptions/", import.meta.url));
const HAS_CORPUS = existsSync(`${CORPUS}glassdoor-ds-2020.csv`);
if (!HAS_CORPUS) {
  console.warn(`responsibilities corpus test skipped: ${CORPUS} not found (the shared corpus is not checked out)`);
}

describe.skipIf(!HAS_CORPUS)("responsibility phrases of the real corpus (shared/corpus/descriptions)", () => {
  const glassdoor = (): (PostingText & { title: string })[] => {
    // The 2020 and 2021 exports repeat many postings word for word: each description counts once.
    const seen = new Set<string>();
    const out: (PostingText & { title: string })[] = [];
    for (const file of ["glassdoor-ds-2020.csv", "glassdoor-ds-2021.csv"]) {
      parseCsvRecords(readFileSync(`${CORPUS}${file}`, "utf8")).forEach((r, i) => {
        const text = r["Job Description"] ?? "";
        if (seen.has(text)) return;
        seen.add(text);
        out.push({ id: `${file}#${i}`, title: r["Job Title"] ?? "", text });
      });
    }
    return out;
  };

  it("sets Data Engineers' pipelines apart from Data Scientists' models and analyses", () => {
    const all = glassdoor();
    const engineers = all.filter((p) => p.title.includes("Data Engineer"));
    const scientists = all.filter((p) => p.title.includes("Data Scientist"));
    const result = distinctivePhrases(engineers, scientists, all);
    const show = (side: "a" | "b") =>
      result[side].map(
        (f) =>
          `${f.phrase}: ${f.countA} DE (${(100 * f.shareA).toFixed(0)}%) / ${f.countB} DS (${(100 * f.shareB).toFixed(0)}%), z ${f.z.toFixed(2)}`,
      );
    console.info(
      `distinctive responsibilities, ${result.withText.a} Data Engineer vs ${result.withText.b} Data Scientist postings:`,
      { dataEngineer: show("a"), dataScientist: show("b") },
    );
    expect(result.a).toHaveLength(8);
    expect(result.b).toHaveLength(8);
    expect(result.a.some((f) => f.phrase.includes("pipeline"))).toBe(true);
    expect(result.b.some((f) => /\b(?:models?|analy[sz]\w*|algorithms?|insights)\b/.test(f.phrase))).toBe(true);
    for (const f of [...result.a, ...result.b]) expect(f.postingIds.length).toBe(f.z > 0 ? f.countA : f.countB);
  });

  it("finds at least one phrase in at least 60% of the descriptions of each export", () => {
    const files = [
      ["glassdoor-ds-2020.csv", "Job Description"],
      ["glassdoor-ds-2021.csv", "Job Description"],
      ["linkedin-2024-sample.csv", "description"],
    ] as const;
    const shares: Record<string, string> = {};
    for (const [file, column] of files) {
      const texts = parseCsvRecords(readFileSync(`${CORPUS}${file}`, "utf8")).map((r) => r[column] ?? "");
      const share = texts.filter((t) => responsibilityPhrases(t).length > 0).length / texts.length;
      shares[file] = `${(100 * share).toFixed(1)}% of ${texts.length}`;
      expect(share).toBeGreaterThanOrEqual(0.6);
    }
    console.info("descriptions with at least one responsibility phrase:", shares);
  });
});
