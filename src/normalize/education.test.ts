import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Degree } from "../domain/vocab.ts";
import { parseCsvRecords } from "./csv.ts";
import {
  clauseBefore,
  MAX_DESCRIPTION_CHARS,
  parseEducation,
  readDegreeStatements,
  screenDescription,
  sectionReader,
} from "./education.ts";

const edu = (text: string) => parseEducation(text).education;
const codes = (text: string) => parseEducation(text).issues.map((i) => i.code);

describe("parseEducation: the brief's forms", () => {
  it.each([
    ["Bachelor's degree required; Master's or PhD preferred", "bachelor", "phd"],
    ["BS/MS in Computer Science or related field", "bachelor", null],
    ["PhD in Machine Learning or equivalent experience", "phd", null],
    ["MS or PhD", "master", null],
    ["Ph.D.", "phd", null],
    ["Doctorate", "phd", null],
    ["M.S.", "master", null],
    ["MSc", "master", null],
    ["B.Tech", "bachelor", null],
    ["BA in Economics", "bachelor", null],
    ["Bachelors", "bachelor", null],
    ["advanced degree", "master", null],
    ["graduate degree", "master", null],
    ["MBA", "master", null],
    ["currently pursuing a PhD", "phd", null],
    ["Nice to have: PhD", null, "phd"],
  ] as const)("reads %j as required %s, preferred %s", (text, required, preferred) => {
    expect(edu(text)).toEqual({ required, preferred });
  });
});

describe("parseEducation: the degree required", () => {
  // Real sentences from ../shared/corpus/descriptions (glassdoor-ds-2020/2021, linkedin-2024-sample).
  it.each([
    ["BS/MS in Data Science, Computer Science, Statistics, or a related field.", "bachelor"],
    ["MS or PhD in Applied Mathematics, Statistics, or another highly quantitative discipline.", "master"],
    ["Ph.D. in computational biology, chemical engineering, computer science, physical or biological sciences.", "phd"],
    ["Doctorate in scientific discipline and more than one year experience in relevant field; or", "phd"],
    ["MSc degree in rigorous quantitative science (such as mathematics, computer science, engineering)", "master"],
    ["BA/BS in Psychology, Economics, Biology, Biochemistry, or other STEM-related field.", "bachelor"],
    ["Bachelors degree in STEM (Science, Technology, Engineering or Math) or related field", "bachelor"],
    ["Must have a B.S. degree in Medical Technology, Medical Laboratory Science or a related science.", "bachelor"],
    [
      "Advanced degree in Statistics, Data Science, Computer Science, Math, Engineering, or other quantitative discipline",
      "master",
    ],
    [
      "Typically 6-10 years work experience in strategy. Advanced university degree (e.g., MBA) or demonstrable equivalent.",
      "master",
    ],
    ["Degree in a quantitative field, computer science, or an engineering discipline", "bachelor"],
    ["Masters Degree or PhD in Computer Science, Data Science or equivalent", "master"],
    [
      "At least one advanced degree (Master or PhD level) in a technical or mathematically-oriented discipline",
      "master",
    ],
    ["B.Tech in Computer Science or a related field", "bachelor"], // constructed: B.Tech does not occur in the corpus
  ] as const)("reads %j as %s required", (text, degree) => {
    expect(edu(text)).toEqual({ required: degree, preferred: null });
  });

  it("takes the lowest alternative: PhD with 0-3 years or MS with 5-7 years requires a master's", () => {
    const text =
      "Requires a PhD in Bioinformatics, Statistics, Applied Math, Computer Sciences or related field with a 0-3 years of experience; or a MS with 5-7 years of industry experience";
    expect(edu(text).required).toBe("master");
  });

  it("takes the lowest alternative over lines: BS ... OR MS ... OR PhD requires a bachelor's", () => {
    const text =
      "BS in Computer Science or related discipline with ten (10) years of experience\nOR MS in the same fields with eight (8) years of experience\nOR PhD with five (5) years of experience";
    expect(edu(text)).toEqual({ required: "bachelor", preferred: null });
  });

  it("does not lower the requirement for a degree stated together with another (`Master's ..., with a BA/BS`)", () => {
    const text =
      "Master’s Degree in Business Analytics, Data Analytics, or Data Science, with a BA/BS in Economics, Finance, Management, Marketing or Social Science";
    expect(edu(text).required).toBe("master");
  });

  it("keeps a degree required `or equivalent experience`, with a note", () => {
    const text = "Ph.D in Physics, Computational Biology or Computer Science or equivalent experience";
    expect(edu(text)).toEqual({ required: "phd", preferred: null });
    expect(codes(text)).toEqual(["education.or_equivalent"]);
    // the brief's own phrasing
    expect(edu("PhD in Machine Learning or equivalent experience").required).toBe("phd");
  });

  it("does not take `or equivalent fields` for equivalent experience", () => {
    const text = "MS or PhD in Computer Science, Electrical Engineering, Statistics, or equivalent fields.";
    expect(codes(text)).toEqual([]);
  });

  it("counts a degree being studied for (interns) as that degree, with a note", () => {
    const mba = "Candidate must be currently enrolled in an MBA program with a focus in data analytics.";
    expect(edu(mba).required).toBe("master");
    expect(codes(mba)).toEqual(["education.pursuing"]);
    expect(edu("Currently pursuing a PhD in Computer Science, Machine Learning or a related field").required).toBe(
      "phd",
    );
  });

  it("requires no degree when a high-school diploma is the minimum, with a note", () => {
    const text = "POSITION REQUIREMENTS:High school diploma or equivalent (Required)Must be a team player.";
    expect(edu(text)).toEqual({ required: null, preferred: null });
    expect(codes(text)).toEqual(["education.below_bachelor"]);
  });

  it("reads LinkedIn's run-together lines (`degreeMasters of Social Work`)", () => {
    const text =
      "Position Requirement Possibilities:A graduate level psychological counseling-related degreeMasters of Social Work (MSW/LSW)";
    expect(edu(text).required).toBe("master");
  });
});

describe("parseEducation: required versus preferred", () => {
  it.each([
    [
      "Qualifications· Bachelor of Science required; Master’s or PhD in a relevant discipline preferred· A minimum of 15 years",
      "bachelor",
      "phd",
    ],
    ["STEM Bachelor's required, graduate degree is a big plus", "bachelor", "master"],
    ["Masters in economics, statistics, or related field required, PhD preferred.", "master", "phd"],
    [
      "BS in a quantitative field such as math, physics, economics, or computer science (MS preferred)",
      "bachelor",
      "master",
    ],
    [
      "Bachelor’s degree in statistics, mathematics, computer science or a related discipline is required. Advanced degree is a plus",
      "bachelor",
      "master",
    ],
    [
      "Bachelor’s degree in a relevant field (engineering, life sciences, informatics, etc.), master’s degree preferred",
      "bachelor",
      "master",
    ],
    [
      "Ph.D. (preferred) or Masters in a relevant scientific discipline, with 6+ years of full-time, hands-on NGS experience",
      "master",
      "phd",
    ],
    [
      "Strong academic credentials with a M.S. in statistics, mathematics or a related field with a preference for a PhD",
      "master",
      "phd",
    ],
    [
      "PhD preferred (minimum BS plus 4 years' experience), in applied mathematics, physics, engineering, statistics",
      "bachelor",
      "phd",
    ],
    ["Graduate degree (MS, PhD, etc.) in a similar field will be highly valued but is not required", null, "phd"],
    ["Nice to have: PhD", null, "phd"], // the brief's phrasing
  ] as const)("reads %j as required %s, preferred %s", (text, required, preferred) => {
    expect(edu(text)).toEqual({ required, preferred });
  });

  it("makes degrees under a Bonus / Preferred header preferred", () => {
    const text =
      "Qualifications\nGood understanding of Python or R\nBonus Points\nPast experience in adtech\nPhD or MS in computer science, machine learning, or statistics";
    expect(edu(text)).toEqual({ required: null, preferred: "phd" });
    const mitre =
      "Required Qualifications:\nBS in Computer Science, Mathematics, or a similar field with at least five years of experience\nPreferred Qualifications:\nAdvanced degree in Computer Science, Mathematics, or related field";
    expect(edu(mitre)).toEqual({ required: "bachelor", preferred: "master" });
  });

  it("reads `preferably in <field>` as a preference about the field, not the degree", () => {
    const text =
      "Education Required: Bachelor’s degree required, preferably in math, engineering, business, or the sciences.";
    expect(edu(text)).toEqual({ required: "bachelor", preferred: null });
    expect(edu("Bachelor’s degree (Mathematics, Computer Science, or related field preferred)").required).toBe(
      "bachelor",
    );
  });
});

describe("parseEducation: not a degree", () => {
  it.each([
    "Proficiency with MS Word, Excel, Outlook and SAP.",
    "Support and validate teammate adherence to master data policies.",
    "Experience in Enterprise reference and master data management strategies",
    "Location: Boston, MA OR San Francisco, CA OR Portland, OR- United States",
    "We currently have a position in Vicksburg, MS for a Computational Scientist.",
    "Scientist, Quantitative Translational Sciences in Cambridge, MA with the following requirements:",
    "Demonstrated expertise with GC/MS, LC/MS, HPLC and modern Data Acquisition Systems required",
    "The Project Manager / Scrum Master is the foundational component of the enterprise scrum team",
    "Employees & spouses- undergraduate/graduate degrees Dependents (under age 26)- undergraduate degree Covers tuition only",
    "Additional experience will be considered in lieu of an advanced degree",
    // constructed from the brief: these do not occur in the corpus
    "Partner with the BA team on requirements.",
    "You will work on PhD-level problems in optimization.",
    "Our team of PhDs publishes at NeurIPS.",
  ])("finds no degree in %j", (text) => {
    expect(edu(text)).toEqual({ required: null, preferred: null });
  });

  it("does read a PhD-level scientist as a PhD", () => {
    expect(edu("PhD level scientist with strong immunology and oncology, or related fields, experience").required).toBe(
      "phd",
    );
  });

  it("counts an MBA as a master's degree", () => {
    const text = "Skills Required:Bachelor’s degree in communications, marketing, or a related field; MBA preferred.";
    expect(edu(text)).toEqual({ required: "bachelor", preferred: "master" });
  });

  it("returns nulls and no issue for a description that states no degree", () => {
    expect(parseEducation("5+ years of experience with Python and SQL.")).toEqual({
      education: { required: null, preferred: null },
      issues: [],
    });
  });
});

describe("parseEducation: hostile input", () => {
  it.each([
    ["", "education.empty"],
    ["   \n\t  ", "education.empty"],
    ["x".repeat(MAX_DESCRIPTION_CHARS + 1), "education.too_long"],
    ["Bachelor's ".repeat(100_000), "education.too_long"], // about 1 MB
    [String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), "education.binary"],
    ["{[(".repeat(20_000) + ")]}".repeat(20_000), "education.not_prose"],
  ])("yields nulls with an issue for %#", (text, code) => {
    const { education, issues } = parseEducation(text);
    expect(education).toEqual({ required: null, preferred: null });
    expect(issues.map((i) => i.code)).toEqual([code]);
  });

  it("says `not_text` instead of throwing when handed something that is not a string", () => {
    for (const value of [null, undefined, 42, { text: "BS" }]) {
      const { education, issues } = parseEducation(value as unknown as string);
      expect(education).toEqual({ required: null, preferred: null });
      expect(issues.map((i) => i.code)).toEqual(["education.not_text"]);
    }
  });

  it("reads a pathological text just under the limit in bounded time (no catastrophic backtracking)", () => {
    const n = MAX_DESCRIPTION_CHARS - 100;
    const texts = [
      "BS/MS/PhD/".repeat(n / 10),
      "Master's degree preferred or ".repeat(n / 29),
      `${"a".repeat(n - 20)} Bachelor's degree`,
      `${"(".repeat(n / 2)}MS${")".repeat(n / 2 - 10)}`,
      "Preferred:\n".repeat(n / 11),
      "degree in degree in ".repeat(n / 20),
      `Ph${".".repeat(n - 10)}D`,
      // prose-like, so that they pass the screen and exercise the scan
      "(MS (MS (MS ".repeat(n / 12),
      "BS or MS or PhD or ".repeat(n / 19),
      "Ph. D Ph. D ".repeat(n / 12),
      "required preferred a plus ".repeat(n / 26),
    ];
    for (const text of texts) {
      const started = performance.now();
      const { issues } = parseEducation(text);
      expect(performance.now() - started, text.slice(0, 30)).toBeLessThan(1_000);
      expect(issues.every((i) => i.code.startsWith("education."))).toBe(true);
    }
  });

  it("refuses a 1 MB adversarial text with an issue", () => {
    const { issues } = parseEducation("MS or PhD ".repeat(100_000));
    expect(issues.map((i) => i.code)).toEqual(["education.too_long"]);
  });

  it("stops reading after MAX_MENTIONS degree mentions, with an issue", () => {
    const { education, issues } = parseEducation("BS in CS. ".repeat(2_000));
    expect(education.required).toBe("bachelor");
    expect(issues.map((i) => i.code)).toEqual(["education.too_many_mentions"]);
  });
});

describe("screenDescription", () => {
  it("maps each character outside Latin-1 to one Latin-1 character, so offsets do not move", () => {
    const text = "Bachelor\u2019s degree \u2022 3\u20135 years\u2026 \ud83d\ude00ok";
    const screened = screenDescription(text, "x").text;
    expect(screened).toBe("Bachelor's degree \u00b7 3-5 years.   ok");
    expect(screened?.length).toBe(text.length);
  });

  it("splits words glued by a lost line break and leaves PhD alone", () => {
    expect(screenDescription("QualificationsBachelor's degreeMasters preferred, PhD", "x").text).toBe(
      "Qualifications Bachelor's degree Masters preferred, PhD",
    );
  });
});

describe("parseEducation: every form the fast scan must reach", () => {
  // Degree words are looked for only where a literal scan of the lower-case text finds `degree`, `master`,
  // `doctor`, `associate`, `bac`, `grad`, `high` or `ph`, or up to three words before a `degree`.
  it.each([
    ["bAcHeLoR's degree in CS", "bachelor", null],
    ["FOUR-YEAR COLLEGE DEGREE required", "bachelor", null],
    ["four year university degree", "bachelor", null],
    ["4 year degree", "bachelor", null],
    ["Post-graduate degree preferred", null, "master"],
    ["Advanced Academic Degree", "master", null],
    ["graduate studies in economics", "master", null],
    ["Undergraduate degree in math", "bachelor", null],
    ["Baccalaureate in nursing", "bachelor", null],
    ["D. Phil in Physics", "phd", null],
    ["DPhil or PhD", "phd", null],
    ["Ph. D in Statistics", "phd", null],
    ["Associate's degree required", null, null],
    ["associate of arts", null, null],
  ] as const)("reads %j as required %s, preferred %s", (text, required, preferred) => {
    expect(edu(text)).toEqual({ required, preferred });
  });

  it("reads a high-school diploma in capitals as below a bachelor's", () => {
    const { statements } = readDegreeStatements("High-School Diploma or GED is required");
    expect(statements.map((s) => s.degrees)).toEqual([["below-bachelor", "below-bachelor"]]);
  });
});

describe("sectionReader", () => {
  const text =
    "About us\nWe build things.\nRequirements:\nBS in CS\n\nPreferred Qualifications\nMS in CS\nPython is a plus\nBenefits:\nDental";
  const everyOffset = Array.from({ length: text.length }, (_, i) => i);
  // Preferred from the "Preferred Qualifications" header up to the next header, "Benefits:".
  const from = text.indexOf("Preferred Qualifications");
  const to = text.indexOf("Benefits:");
  const expected = everyOffset.map((at) => at >= from && at < to);

  it("says which offsets lie in a preferred section, questions in order", () => {
    const inPreferred = sectionReader(text);
    expect(everyOffset.map((at) => inPreferred(at))).toEqual(expected);
    expect(expected).toContain(true);
  });

  it("gives the same answers to questions in any order", () => {
    const inPreferred = sectionReader(text);
    const shuffled = everyOffset.map((at) => (at * 37) % text.length);
    expect(shuffled.map((at) => inPreferred(at))).toEqual(shuffled.map((at) => expected[at]));
  });
});

describe("clauseBefore", () => {
  it.each([
    ["Requirements: BS in CS; MS ", " MS "],
    ["Intro. Then BS ", " Then BS "],
    ["done.Next BS ", "Next BS "],
    ["line\nBreak BS ", "Break BS "],
    ["not\nbroken BS ", "not\nbroken BS "],
    ["ends with a dot.", "ends with a dot."],
    ["no clause start here", "no clause start here"],
    ["", ""],
  ])("reads %j back to %j", (text, clause) => {
    expect(clauseBefore(text, 0, text.length)).toBe(clause);
  });
});

describe("readDegreeStatements", () => {
  it("lists each degree statement with its kind and clause, for audit", () => {
    const { statements } = readDegreeStatements("BS required, MS preferred in related disciplines");
    expect(statements.map((s) => [s.degrees, s.kind])).toEqual([
      [["bachelor"], "required"],
      [["master"], "preferred"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The real corpus (../shared/corpus, never copied into the repository): absent in a user's fresh clone.

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
const HAS_CORPUS = existsSync(`${CORPUS}descriptions/glassdoor-ds-2020.csv`);
if (!HAS_CORPUS)
  console.warn(`education corpus evaluation skipped: ${CORPUS} not found (the shared corpus is not checked out)`);

interface Label {
  file: string;
  row: number;
  required: Degree | null;
  preferred: Degree | null;
}
const LABELS: Label[] = JSON.parse(
  readFileSync(new URL("../../data/eval/education-sample-v1.json", import.meta.url), "utf8"),
) as Label[];

describe.skipIf(!HAS_CORPUS)(
  "parseEducation on hand-labelled descriptions (data/eval/education-sample-v1.json)",
  () => {
    const records = new Map<string, Record<string, string>[]>();
    const rows = (file: string) => {
      let r = records.get(file);
      if (r === undefined) {
        r = parseCsvRecords(readFileSync(`${CORPUS}${file}`, "utf8"));
        records.set(file, r);
      }
      return r;
    };
    const score = (file: string) => {
      const labels = LABELS.filter((l) => l.file === file);
      let required = 0;
      let preferred = 0;
      const misses: string[] = [];
      for (const l of labels) {
        const text = rows(file)[l.row]?.["Job Description"] ?? "";
        const { education } = parseEducation(text);
        if (education.required === l.required) required++;
        if (education.preferred === l.preferred) preferred++;
        if (education.required !== l.required || education.preferred !== l.preferred) {
          misses.push(`row ${l.row}: ${JSON.stringify(education)} vs ${JSON.stringify(l)}`);
        }
      }
      return { n: labels.length, required: required / labels.length, preferred: preferred / labels.length, misses };
    };

    it("gets the required and the preferred degree right on at least 85% of 40 glassdoor-ds-2020 rows (every 24th)", () => {
      const s = score("descriptions/glassdoor-ds-2020.csv");
      console.info("education, glassdoor-ds-2020 every 24th row:", s);
      expect(s.n).toBe(40);
      expect(LABELS.filter((l) => l.file.endsWith("2020.csv")).map((l) => l.row)).toEqual(
        Array.from({ length: 40 }, (_, i) => i * 24),
      );
      expect(s.required, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
      expect(s.preferred, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    });

    it("holds on 20 held-out glassdoor-ds-2021 rows labelled after the parser was written", () => {
      const s = score("descriptions/glassdoor-ds-2021.csv");
      console.info("education, glassdoor-ds-2021 held out:", s);
      expect(s.n).toBe(20);
      expect(s.required, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
      expect(s.preferred, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    });
  },
);
