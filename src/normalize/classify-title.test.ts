import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLES, type Role, SENIORITIES, type Seniority } from "../domain/vocab.ts";
import { type GoldTitle, goldTitleFromRecord, scoreTitles } from "../eval/titles.ts";
import { classifyTitle, foldText } from "./classify-title.ts";
import { parseCsv, parseCsvRecords } from "./csv.ts";
import { resolveRole, roleLabel, rolePlural, TAXONOMY, TAXONOMY_VERSION } from "./taxonomy.ts";

const seniority = (title: string) => classifyTitle({ title }).seniority;

describe("taxonomy data", () => {
  it("lists the roles and seniorities in exactly the order of ROLES and SENIORITIES", () => {
    expect(TAXONOMY.roles.map((r) => r.slug)).toEqual([...ROLES]);
    expect(TAXONOMY.seniorities.map((s) => s.slug)).toEqual([...SENIORITIES]);
    expect(TAXONOMY_VERSION).toBe("1");
  });

  it("gives every role a singular label and a plural for prose", () => {
    expect(roleLabel("research-engineer")).toBe("Research Engineer");
    expect(roleLabel("ml-engineer")).toBe("ML Engineer");
    expect(rolePlural("ml-engineer")).toBe("applied ML engineers");
    expect(rolePlural("data-scientist")).toBe("data scientists");
  });
});

describe("resolveRole", () => {
  it.each([
    ["Applied ML Engineer", "ml-engineer"],
    ["research engineer", "research-engineer"],
    ["ML engineers", "ml-engineer"],
    ["applied ML engineers", "ml-engineer"],
    ["ml-infra-engineer", "ml-infra-engineer"],
    ["  MLOps  ", "ml-infra-engineer"],
    ["AI Researcher", "research-scientist"],
    ["Machine-Learning Engineer", "ml-engineer"],
    ["MLE", "ml-engineer"],
    ["data analysts", "data-scientist"],
    ["Head of AI", "ml-leadership"],
    ["applied scientists", "applied-scientist"],
  ] as const)("maps %j to %s by slug, label, plural or alias, ignoring case and punctuation", (name, expected) => {
    expect(resolveRole(name)).toEqual({ role: expected });
  });

  it("offers the three nearest roles for an unknown name, best first", () => {
    const r = resolveRole("reserch enginer");
    expect(r.role).toBeNull();
    if (r.role !== null) return;
    expect(r.nearest).toHaveLength(3);
    expect(r.nearest[0]).toBe("research-engineer");
  });

  it("offers infra and ML roles for a misspelt infrastructure name", () => {
    const r = resolveRole("ml infrastucture enginer");
    expect(r.role).toBeNull();
    if (r.role === null) expect(r.nearest[0]).toBe("ml-infra-engineer");
  });

  it("still answers with three roles for an empty or absurd name", () => {
    for (const name of ["", "???", "x".repeat(10_000)]) {
      const r = resolveRole(name);
      expect(r.role).toBeNull();
      if (r.role === null) expect(r.nearest).toHaveLength(3);
    }
  });
});

type RoleCase = readonly [title: string, expected: Role, team?: string];

/** Real titles (AI-lab boards and intern/new-grad listings), grouped by the rule of taxonomy.md they exercise. */
const ROLE_CASES: Record<string, readonly RoleCase[]> = {
  "typical titles map to their role": [
    ["Research Scientist, Interpretability", "research-scientist"],
    ["AI Researcher", "research-scientist"],
    ["Research Engineer, Reward Models", "research-engineer"],
    ["Applied Scientist I - Search Relevance International", "applied-scientist"],
    ["Machine Learning Scientist - Intern", "applied-scientist"],
    ["Staff Machine Learning Engineer, Agent Skills", "ml-engineer"],
    ["Junior Computer Vision Engineer", "ml-engineer"],
    ["AI Full Stack Engineer", "ai-engineer"],
    ["Prompt Engineer, Claude Code", "ai-engineer"],
    ["AI Infrastructure Engineer, Model Serving Platform", "ml-infra-engineer"],
    ["Deep Learning Compiler Intern - Summer 2025", "ml-infra-engineer"],
    ["MLOps Data Platform Intern - Automotive - 2026", "ml-infra-engineer"],
    ["Data Scientist, Capacity Operations", "data-scientist"],
    ["Analytics Engineer, GTM", "data-engineer"],
    ["Research Manager, Interpretability", "ml-leadership"],
    ["Account Executive, Public Sector (India)", "other"],
  ],
  "rule 1: Member of Technical Staff is decided by its team or subject": [
    ["Member of Technical Staff – Inference", "ml-infra-engineer"],
    ["Member of Technical Staff, Applied Research", "research-scientist"],
    ["Member of Technical Staff", "research-scientist", "Research"],
    ["Member of Technical Staff", "ml-infra-engineer", "Inference"],
    ["Member of Technical Staff – Backend", "other"],
    ["Member of Technical Staff", "other"],
  ],
  "rule 1: a generic engineering title takes its tie-break from the team": [
    ["Software Engineer, Distributed Systems", "ml-infra-engineer", "Scaling"],
    ["Software Engineer, Model Behavior", "research-engineer", "Research"],
    ["Software Engineer, Core Services", "other", "Applied AI Infrastructure"],
    ["Electrical Engineer - Systems", "other", "Scaling"],
  ],
  "rule 2: Research Engineer is research-engineer even on an applied team": [
    ["Research Engineer, AI for Education", "research-engineer"],
    ["Research Engineer, Applied AI Engineering", "research-engineer", "Applied AI Engineering"],
    ["Intern - AI/ML Compiler Research Engineer", "research-engineer"],
  ],
  "rule 3: a people manager of an ML, AI or research team is ml-leadership": [
    ["Engineering Manager, Inference Routing and Performance", "ml-leadership"],
    ["Tech Lead Manager, Machine Learning Research Scientist- LLM Evals", "ml-leadership"],
    ["Research Engineering Manager, Gemini Security & Privacy, LDN/NYC", "ml-leadership"],
    ["Head of Data Science and Machine Learning, Global Forecasting", "ml-leadership"],
    ["Director of Machine Learning, ML Datasets Engineering", "ml-leadership"],
    ["Engineering Manager - Observability", "other"],
    ["Engineering Manager, Online Data Systems", "other"],
  ],
  "rule 3: a C-level word naming a unit or a bank rank range does not make a leader": [
    ["CTO Technical Intern - Artificial Intelligence", "ai-engineer"],
    ["GSA - Global Strategic Analytics - Quantitative Strategist - IB Desk Strats - Associate / VP", "data-scientist"],
    ["VP of Engineering, Enterprise", "other"],
  ],
  "rule 4: customer-facing technical roles are other, even with AI in the title": [
    ["Solutions Architect, Applied AI (Federal Civilian)", "other"],
    ["Forward Deployed Engineer, GenAI", "other"],
    ["AI Deployment Engineer, Startups", "other"],
    ["AI Support Engineer - Singapore", "other"],
    ["Scaled AI Success Engineer", "other"],
    ["Forward Deployed AI Engineering Manager, Enterprise", "other"],
    ["Tech Customer Support Intern - SQL - Python - GenAI - ML", "other"],
  ],
  "rule 4: a data job on a customer team keeps its role": [
    ["Associate Data Scientist - Customer Support", "data-scientist"],
    ["Customer Experience Data Analyst Intern", "data-scientist"],
  ],
  "rule 5: interns get the role they would have after the internship": [
    ["Machine Learning Research Intern (Summer 2026)", "research-scientist"],
    ["ML Engineer Intern", "ml-engineer"],
    ["Machine Learning - Perception Internship/Co-op - Winter/Spring 2025", "ml-engineer"],
    ["Internship Generative AI Engineer", "ai-engineer"],
    ["Data Science Co-op - Spring 2026", "data-scientist"],
    ["Research Intern - AI Safety and Security", "research-scientist"],
    [
      "Internship: Computer Vision&Machine Learning in Medical Device Manufacturing - 6-12 months in Rotkreuz",
      "ml-engineer",
    ],
    ["Software Engineering Intern (Summer 2026)", "other"],
  ],
  "rule 6: product, design, program and policy roles about AI are other": [
    ["Senior Product Manager, Machine Learning", "other"],
    ["Technical Program Manager, Inference", "other"],
    ["Staff AI Product Designer, GeminiApp", "other"],
    ["AI Ethics and Safety Policy Researcher", "other"],
    ["Recruiter, AI/ML Research", "other"],
    ["Data Science Recruiter", "other"],
    ["Research Product Manager, Model Behaviors", "other"],
  ],
  "rule 7: a software engineer is classified by the subject the title names": [
    ["Software Engineer, Inference", "ml-infra-engineer"],
    ["Software Engineer, ML Infrastructure - Training Platform", "ml-infra-engineer"],
    ["Infrastructure Software Engineer, Enterprise GenAI", "ml-infra-engineer"],
    ["ML Software Engineer, Gemini", "ml-engineer"],
    ["Software Engineer, Personalization, Gemini App, Google DeepMind", "ml-engineer"],
    ["Software Engineer, Enterprise AI", "ai-engineer"],
    ["Software Engineer, Agent Platform", "ai-engineer"],
    ["Software Engineer, GeminiApp", "other"],
    ["Android Engineer, ChatGPT", "other"],
    ["Software Engineer, Cloud Infrastructure", "other"],
  ],
  "rule 8: a title naming both research roles is research-engineer": [
    ["Research Scientist / Research Engineer, Pre-training", "research-engineer"],
    ["Research Scientist/Engineer, Honesty", "research-engineer"],
    ["Machine Learning Research Scientist / Engineer, Reasoning", "research-engineer"],
  ],
  "rule 9: data analysts and quants are data-scientist, quant developers and traders and business analysts are other": [
    ["M&A Junior Data Analyst", "data-scientist"],
    ["HR Data Analyst, Fixed Term Contract", "data-scientist"],
    ["Quantitative Researcher Internship - 2026-27", "data-scientist"],
    ["Quantitative UX Researcher", "data-scientist"],
    ["Associate Analyst, Data Science", "data-scientist"],
    ["Junior Quant Trader - Asian Market Hours", "other"],
    ["Low Latency Quantitative Developer Intern - Pipeline Team 2025", "other"],
    ["Business Systems Analyst - GTM", "other"],
    ["Market Research Analyst", "other"],
    ["Compensation Analyst", "other"],
  ],
  "rule 10: managers of data-science, analytics or data-engineering teams are other": [
    ["Data Science Manager, Integrity", "other"],
    ["Data Engineering Manager", "other"],
    ["Director, Data Engineering Finance", "other"],
  ],
  "rule 11: a research scientist outside ML is still research-scientist": [
    ["Research Scientist Intern - Optical Design - PhD", "research-scientist"],
    ["Associate Academic Research Scientist - School of Medicine - Cardiology", "research-scientist"],
  ],
  "non-engineering jobs at AI labs are other": [
    ["Data Center Facility Operations Lead", "other"],
    ["AI Product Counsel", "other"],
    ["Communications Manager, Frontier AI Research", "other"],
    ["Security Engineer, Agent Security", "other"],
    ["Entry-Level AI Data Rater - English - United States", "other"],
    ["Senior AI Economist", "other"],
  ],
};

describe("classifyTitle roles", () => {
  for (const [rule, cases] of Object.entries(ROLE_CASES)) {
    describe(rule, () => {
      const rows = cases.map(([title, expected, team]) => ({ title, expected, team: team ?? null }));
      it.each(rows)("$title -> $expected", ({ title, expected, team }) => {
        expect(classifyTitle({ title, team }).role).toBe(expected);
      });
    });
  }

  it("breaks a tie for a bare title from specific phrases in the description", () => {
    const c = classifyTitle({
      title: "Member of Technical Staff",
      description: "You will optimise our inference stack and write GPU kernels for model serving.",
    });
    expect(c.role).toBe("ml-infra-engineer");
    expect(c.evidence).toContain('description:"inference stack"');
  });

  it("never lets the description override what the title decides", () => {
    const c = classifyTitle({
      title: "Senior Product Manager, Growth",
      description: "Work with the inference stack and training infrastructure teams.",
    });
    expect(c.role).toBe("other");
  });

  it("applies caller-supplied aliases before the taxonomy's rules", () => {
    const options = { extraAliases: { "ml-infra-engineer": ["Sonar Platform"] } } as const;
    expect(classifyTitle({ title: "Software Engineer, Sonar Platform" }, options).role).toBe("ml-infra-engineer");
    expect(classifyTitle({ title: "Software Engineer, Sonar Platform" }).role).toBe("other");
  });

  it("records what decided and the taxonomy version", () => {
    const c = classifyTitle({ title: "Senior Research Engineer, Pre-training" });
    expect(c).toEqual({
      role: "research-engineer",
      roleConfidence: 0.95,
      seniority: "senior",
      evidence: ["rule:research-engineer-title", 'title:"research engineer"', 'seniority:"senior"'],
      taxonomyVersion: "1",
    });
  });
});

type SeniorityCase = readonly [title: string, expected: Seniority];

const SENIORITY_CASES: Record<string, readonly SeniorityCase[]> = {
  "level words map to their level": [
    ["Junior AI/ML engineer", "entry"],
    ["Senior Research Scientist, Reward Models", "senior"],
    ["Sr. Counsel, AI Policy / Regulation", "senior"],
    ["Staff Research Engineer, Discovery Team", "staff"],
    ["Principal Software Engineer, B2B Engineering", "principal"],
    ["Distinguished Engineer", "principal"],
    ["Engineering Manager, ML Platform", "manager"],
    ["Director, Physical AI", "director"],
    ["Head of EMEA Sales Development", "director"],
    ["VP of Engineering, Enterprise", "executive"],
    ["Research Scientist, Interpretability", "unspecified"],
  ],
  "a title with no level word is unspecified, never mid": [
    ["Machine Learning Engineer", "unspecified"],
    ["Member of Technical Staff, Inference", "unspecified"],
    ["Research Scientist, PhD", "unspecified"],
  ],
  "two signals take the higher one on its track": [
    ["Senior Staff Software Engineer, Gemini App", "staff"],
    ["Senior Manager, Business Data & Analytics", "manager"],
    ["Senior / Staff Engineer, Inference", "staff"],
    ["Junior/Mid AI Video Artist - Full Remote - Italy", "mid"],
    ["Tech Lead Manager, Model Quality - Claude Code", "manager"],
    ["Staff Data Scientist I - Risco de Crédito", "staff"],
  ],
  "intern and new-grad signals win": [
    ["Deep Learning Performance Architect - New College Grad 2026", "entry"],
    ["Research Scientist Graduate - TikTok Recommendation-Large Recommender Models - 2026 Start - PhD", "entry"],
    ["Early Careers Computer Vision Intern", "intern"],
    ["Data Science and Analytics Graduate - Intern", "intern"],
    ["ML Research Engineer Intern/Graduate - NZ", "entry"],
    ["HPE Labs - AI/ML Engineer III Graduate", "entry"],
  ],
  "internship words in several languages are intern": [
    ["Stage - Automne 2026 - Science des données / Internship - Fall 2026 - Data Science", "intern"],
    ["ALT 2026_Apprenti- e Aero Data Analyst - H/F", "intern"],
    ["Data analyst apprentice", "intern"],
    ["R&D Innovation Research Scientist Industrial Placement 2026 - UK", "intern"],
    ["Master Level Student Researcher, France", "intern"],
    ["Duales Studium Data Science und Künstliche Intelligenz - m/w/d Start 01.10.2026", "intern"],
    ["Commercial Technology & Innovation Office - AI Data Science Associate - Summer/Fall 2026", "intern"],
  ],
  "job names are not levels": [
    ["Product Manager, API Model Behavior", "unspecified"],
    ["Technical Program Manager, Research", "unspecified"],
    ["AI Deployment Manager - US Remote", "unspecified"],
    ["Partner Manager DACH/CEE (AI Boutiques)", "unspecified"],
    ["Solutions Architect, Public Sector", "unspecified"],
    ["GTM Architect", "unspecified"],
    ["Associate General Counsel - Product - Privacy and AI", "unspecified"],
    ["Anthropic AI Safety Fellow", "unspecified"],
    ["Lead to Opportunity, Data Systems Engineer", "unspecified"],
    ["Solutions Engineer, Mid-Market/Enterprise", "unspecified"],
    ["Communications Manager, Research", "manager"],
  ],
  "Associate is entry in engineering and science titles": [
    ["Associate Solutions Architect, Claude Code", "entry"],
    ["Postdoc Research Associate - AI", "entry"],
    ["AI/ML Engineer - Associate", "entry"],
  ],
  "Lead is staff unless it manages people; Architect is principal": [
    ["Lead Product Manager, Research", "staff"],
    ["Technical Lead, Safety Research", "staff"],
    ["Team Lead, GTM Systems Engineering", "manager"],
    ["Applied Data Science & Machine Learning Leader - Global Forecasting", "manager"],
    ["Web Fullstack Architect", "principal"],
  ],
  "numbered levels map to the ladder": [
    ["Research Scientist I - Onsite", "entry"],
    ["2026 Fulltime - Algorithm Systems Engineer II - Osnite", "mid"],
    ["Platform Engineer - AI - Levels I - II - III", "senior"],
    ["Low power design engieer/micro-architect L5", "senior"],
    ["Administrative Business Partner - Mountain View, US - L4", "mid"],
    ["Nuclear Engineer (2 year Fixed Term Contract)", "unspecified"],
    ["Major & Strategic Account Executive - Enterprise I Libra- Legal AI Assistant - m/f/d", "unspecified"],
  ],
  "a C-level acronym beside an individual job is not executive": [
    ["Applied AI & Analytics Associate - Office of the CEO", "entry"],
    ["Intern - AI/ML - COO-GET-ENG", "intern"],
  ],
};

describe("classifyTitle seniority", () => {
  for (const [rule, cases] of Object.entries(SENIORITY_CASES)) {
    describe(rule, () => {
      it.each(cases)("%s -> %s", (title, expected) => {
        expect(seniority(title)).toBe(expected);
      });
    });
  }
});

describe("classifyTitle on hostile input", () => {
  const unknown = { role: "other", seniority: "unspecified" } as const;

  it("returns other/unspecified with near-zero confidence for an empty or blank title", () => {
    for (const title of ["", "   ", "\n\t", "—/—"]) {
      const c = classifyTitle({ title });
      expect(c).toMatchObject(unknown);
      expect(c.roleConfidence).toBeLessThan(0.1);
    }
  });

  it("reads only the first few hundred characters of a megabyte title, quickly", () => {
    const huge = `Senior Research Engineer ${"x".repeat(1_000_000)}`;
    const t0 = performance.now();
    const c = classifyTitle({ title: huge, team: huge, description: huge });
    expect(performance.now() - t0).toBeLessThan(2_000); // a guard against runaway backtracking, not a speed target
    expect(c.role).toBe("research-engineer");
    expect(c.seniority).toBe("senior");
  });

  it("ignores a role word that appears only past the window it reads", () => {
    const c = classifyTitle({ title: `${"filler ".repeat(100)} Research Scientist` });
    expect(c).toMatchObject(unknown);
  });

  it("treats binary garbage as no title", () => {
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65_536));
    const c = classifyTitle({ title: binary, team: binary, description: binary });
    expect(SENIORITIES).toContain(c.seniority);
    expect(ROLES).toContain(c.role);
    expect(classifyTitle({ title: "\u0000\u0001\uFFFD\uD800" })).toMatchObject(unknown);
  });

  it("strips markup and entities before reading the title", () => {
    const c = classifyTitle({ title: "<div><b>Senior</b> Machine&nbsp;Learning <i>Engineer</i></div>" });
    expect(c).toMatchObject({ role: "ml-engineer", seniority: "senior" });
    expect(classifyTitle({ title: "<script>alert('Research Scientist')</script>" }).role).not.toBe("ml-leadership");
    expect(classifyTitle({ title: "<".repeat(50_000) })).toMatchObject(unknown);
  });

  it("accepts values a JavaScript caller may pass despite the types", () => {
    const bad = [null, undefined, 42, {}, { title: null }, { title: 42 }, { title: ["Research Scientist"] }];
    for (const input of bad) {
      expect(classifyTitle(input as never)).toMatchObject(unknown);
    }
    expect(classifyTitle({ title: "ML Engineer" }, { extraAliases: null as never }).role).toBe("ml-engineer");
  });

  it("folds accents, case and punctuation the same way for every field", () => {
    expect(foldText("Analyste de Données – Stage/Été", 300)).toBe("analyste de donnees stage / ete");
    expect(foldText("a".repeat(1000), 300)).toHaveLength(300);
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'a,b,c\r\n"Research Engineer, Pre-training","say ""hi""","line1\nline2"\n1,,3\n\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["Research Engineer, Pre-training", 'say "hi"', "line1\nline2"],
      ["1", "", "3"],
    ]);
  });

  it("keys records by the header, drops a byte-order mark and fills short rows with empty strings", () => {
    expect(parseCsvRecords("\uFEFFtitle,team\nData Scientist\n")).toEqual([{ title: "Data Scientist", team: "" }]);
    expect(parseCsvRecords("")).toEqual([]);
  });
});

describe("scoreTitles", () => {
  it("scores high and medium rows, reports low rows apart and lists the misclassified", () => {
    const rows: GoldTitle[] = [
      {
        title: "Research Engineer",
        team: null,
        role: "research-engineer",
        seniority: "unspecified",
        confidence: "high",
      },
      { title: "Senior Data Scientist", team: null, role: "data-scientist", seniority: "senior", confidence: "medium" },
      { title: "Account Executive", team: null, role: "ml-engineer", seniority: "unspecified", confidence: "high" },
      { title: "AI Researcher", team: null, role: "other", seniority: "unspecified", confidence: "low" },
    ];
    const s = scoreTitles(rows);
    expect(s.n).toBe(3);
    expect(s.roleAccuracy).toBeCloseTo(2 / 3);
    expect(s.seniorityAccuracy).toBe(1);
    expect(s.lowConfidence).toEqual({ n: 1, roleAccuracy: 0, seniorityAccuracy: 1 });
    expect(s.confusion["ml-engineer"].other).toBe(1);
    expect(s.confusion["research-engineer"]["research-engineer"]).toBe(1);
    expect(s.errors.map((e) => e.title)).toEqual(["Account Executive"]);
  });
});

const GOLD_URL = new URL("../../../shared/corpus/gold/titles-dev.csv", import.meta.url);
const GOLD_PRESENT = existsSync(GOLD_URL);
if (!GOLD_PRESENT) {
  console.warn(`gold set not found at ${GOLD_URL.pathname}: the gold-set accuracy test is skipped`);
}

function readGold(): GoldTitle[] {
  return parseCsvRecords(readFileSync(GOLD_URL, "utf8")).map((r, i) => goldTitleFromRecord(r, i + 2));
}

describe.skipIf(!GOLD_PRESENT)("gold set (shared/corpus/gold/titles-dev.csv)", () => {
  it("classifies roles at least 95% and seniorities at least 97% right on high and medium rows", () => {
    const score = scoreTitles(readGold(), { maxErrors: 20 });
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const confused = ROLES.flatMap((expected) =>
      ROLES.filter((got) => got !== expected && score.confusion[expected][got] > 0).map(
        (got) => `${expected} -> ${got}: ${score.confusion[expected][got]}`,
      ),
    );
    console.info(
      [
        `gold titles: n=${score.n} role=${pct(score.roleAccuracy)} seniority=${pct(score.seniorityAccuracy)}`,
        `low-confidence rows: n=${score.lowConfidence.n} role=${pct(score.lowConfidence.roleAccuracy)} seniority=${pct(score.lowConfidence.seniorityAccuracy)}`,
        `confusions: ${confused.join("; ") || "none"}`,
        ...score.errors.map(
          (e) => `  ${e.title} | want ${e.expected.role}/${e.expected.seniority} got ${e.got.role}/${e.got.seniority}`,
        ),
      ].join("\n"),
    );
    expect(score.n).toBeGreaterThan(500);
    expect(score.roleAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score.seniorityAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});
