import { capitalize, count, day, money, num, percent } from "../analytics/format.ts";
import type { PayFigure } from "../analytics/jobs.ts";
import {
  type Cell,
  comparisonPath,
  industryLabel,
  type Report,
  type RoleSummary,
  rolePath,
  type Share,
} from "../analytics/report.ts";
import type { Role } from "../domain/vocab.ts";
import { roleLabel, rolePlural, seniorityLabel } from "../normalize/taxonomy.ts";
import type { Block, Inline } from "./document.ts";

/** The report's sections as document blocks, in the order a reader wants them. Pure. */

const cap = capitalize;
const plural = (role: Role) => rolePlural(role);
const roleName = (r: Report, role: Role) => r.roles.find((x) => x.role === role)?.plural ?? plural(role);
/** "research engineers' postings" */
const postingsOf = (r: Report, role: Role) => `${roleName(r, role)}' postings`;
/** Seniority as a reader reads it: a title with no level word is "not stated", never "mid". */
const activeOf = (r: Report, role: Role) => r.roles.find((x) => x.role === role)?.activePostings ?? 0;
const rungLabel = (c: { key: string; label: string }) => (c.key === "unspecified" ? "Not stated" : c.label);

function interval(p: PayFigure): string {
  return p.ci95 ? `95% interval ${money(p.ci95.low)}–${money(p.ci95.high)}` : "too few jobs for a 95% interval";
}

function payInline(p: PayFigure | null, suppressedNote = "suppressed"): Inline[] {
  if (p === null) return [suppressedNote];
  if (p.median === null) return ["no pay stated"];
  return [{ strong: money(p.median) }, ` (${interval(p)}; n = ${num(p.n)})`];
}

function quickAnswer(r: Report): Block[] {
  const lines: Inline[][] = r.roles.map((s: RoleSummary) => {
    const who: Inline[] = [{ strong: cap(s.plural) }, " (", { code: s.role }, "): "];
    if (s.activePostings === 0) return [...who, "no active postings."];
    const postings = `${count(s.activePostings, "active posting")} (${count(s.jobs, "distinct job")})`;
    if (s.pay.n === 0 || s.pay.median === null) {
      return [...who, `${postings}, none of which states base pay.`];
    }
    const spread =
      s.pay.n >= 4 && s.pay.p25 !== null && s.pay.p75 !== null
        ? ` Middle half ${money(s.pay.p25)}–${money(s.pay.p75)}.`
        : "";
    return [
      ...who,
      "median base ",
      { strong: money(s.pay.median) },
      ` a year (${interval(s.pay)}) across ${count(s.pay.n, "distinct job")} from `,
      {
        evidence: s.pay.evidence,
        text: `${s.postingsWithPay} of ${count(s.activePostings, "active posting")} that ${s.postingsWithPay === 1 ? "states" : "state"} pay`,
      },
      `.${spread}${s.pay.converted ? ` ${count(s.pay.converted, "job")} stated pay in another currency, converted to USD.` : ""}`,
    ];
  });
  const blocks: Block[] = [{ h: 2, text: "Quick answer", id: "quick-answer" }, { ul: lines }];
  if (r.quickAnswer.verdict) blocks.push({ p: [r.quickAnswer.verdict] });
  blocks.push({
    p: [
      {
        em: "Counts give postings and distinct jobs (one employer's same title and pay posted in several places is one job); pay figures count distinct jobs, in US dollars a year.",
      },
    ],
  });
  return blocks;
}

function responsibilities(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "What each role does", id: "what-each-role-does" }];
  for (const side of r.responsibilities.perRole) {
    const name = roleName(r, side.role);
    blocks.push({ h: 3, text: cap(name) });
    if (side.postings === 0) {
      blocks.push({ p: [`There are no active postings for ${name} to read.`] });
    } else if (side.withText === 0) {
      blocks.push({
        p: [
          `None of the ${count(side.postings, "active posting")} carries a description, so the postings cannot say what the job involves.`,
        ],
      });
    } else if (side.phrases.length === 0) {
      blocks.push({
        p: [
          `The ${count(side.withText, "description")} read do not share a responsibility often enough to single one out (a phrase needs at least three postings).`,
        ],
      });
    } else {
      const against = r.responsibilities.against === "each other" ? "the other role's postings" : "all active postings";
      blocks.push({
        p: [
          `The responsibilities most distinctive of ${name} against ${against}, as shares of the ${count(side.withText, "posting")} with a description:`,
        ],
      });
      blocks.push({
        ul: side.phrases.map((ph) => {
          const own = r.responsibilities.perRole[0]?.role === side.role ? ph.shareA : ph.shareB;
          return [
            { strong: ph.phrase },
            " — ",
            {
              evidence: {
                filter: `${r.provenance.filter}, role ${side.role}, phrase "${ph.phrase}"`,
                postingIds: ph.postingIds,
              },
              text: percent(own),
            },
          ];
        }),
      });
    }
  }
  return blocks;
}

function shareText(s: Share): string {
  return `${percent(s.share)} (${num(s.count)} of ${num(s.of)})`;
}

function skills(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Skills", id: "skills" }];
  for (const side of r.skills.perRole) {
    blocks.push({ h: 3, text: `What ${postingsOf(r, side.role)} ask for` });
    if (activeOf(r, side.role) === 0) {
      blocks.push({ p: [`There are no active postings for ${roleName(r, side.role)}.`] });
      continue;
    }
    if (side.withText === 0) {
      blocks.push({
        p: [`None of the ${postingsOf(r, side.role)} carries a description, so there are no skills to count.`],
      });
      continue;
    }
    if (side.top.length === 0) {
      blocks.push({ p: [`The ${count(side.withText, "description")} name no skill of the taxonomy.`] });
      continue;
    }
    blocks.push({
      table: {
        head: ["Skill", `Share of ${num(side.withText)} postings with a description`],
        align: ["left", "right"],
        rows: side.top.map((t) => [
          [t.name],
          [
            {
              evidence: {
                filter: `${r.provenance.filter}, role ${side.role}, skill ${t.skill}`,
                postingIds: t.postingIds,
              },
              text: shareText(t),
            },
          ],
        ]),
      },
    });
  }
  const sep = r.skills.separating;
  const [a, b] = r.skills.perRole;
  if (a) {
    const other = r.kind === "comparison" && b ? roleName(r, b.role) : "all other postings";
    blocks.push({
      h: 3,
      text: r.kind === "comparison" ? "Skills that separate the two roles" : "Skills that set the role apart",
    });
    if (!sep) {
      blocks.push({ p: ["Without descriptions on both sides, no skill can be said to set them apart."] });
    } else if (sep.a.length === 0 && sep.b.length === 0) {
      blocks.push({
        p: [
          "No skill separates them clearly: none leans to one side with a z-score of 1.96 or more while at least 10% of that side asks for it.",
        ],
      });
    } else {
      const rows = [
        ...sep.a.map(
          (t) =>
            [[t.name], [roleName(r, a.role)], [percent(t.shareA)], [percent(t.shareB)], [t.z.toFixed(1)]] as Inline[][],
        ),
        ...sep.b.map(
          (t) =>
            [
              [t.name],
              [b ? roleName(r, b.role) : other],
              [percent(t.shareA)],
              [percent(t.shareB)],
              [t.z.toFixed(1)],
            ] as Inline[][],
        ),
      ];
      blocks.push({
        table: {
          head: ["Skill", "Leans to", `Share, ${roleName(r, a.role)}`, `Share, ${other}`, "z"],
          align: ["left", "left", "right", "right", "right"],
          rows,
        },
      });
      blocks.push({
        p: [
          {
            em: "Ranked by the log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008); |z| ≥ 1.96 is a clear lean.",
          },
        ],
      });
    }
  }
  return blocks;
}

function education(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Education and experience", id: "education-and-experience" }];
  const rows: Inline[][][] = [];
  const notes: Inline[][] = [];
  for (const e of r.education.perRole) {
    const name = roleName(r, e.role);
    if (activeOf(r, e.role) === 0) {
      notes.push([`There are no active postings for ${name}, so education and experience cannot be read.`]);
      continue;
    }
    if (e.withText === 0) {
      notes.push([
        `None of the ${postingsOf(r, e.role)} carries a description, so education and experience cannot be read.`,
      ]);
      continue;
    }
    const years =
      e.experience.median === null
        ? "not stated"
        : `${e.experience.median} years (middle half ${e.experience.p25}–${e.experience.p75}; ${num(e.experience.n)} stating)`;
    rows.push([
      [cap(name)],
      [num(e.withText)],
      [
        {
          evidence: {
            filter: `${r.provenance.filter}, role ${e.role}, requires a master's or PhD`,
            postingIds: e.requireMasterOrPhd.postingIds,
          },
          text: percent(e.requireMasterOrPhd.share),
        },
      ],
      [
        {
          evidence: {
            filter: `${r.provenance.filter}, role ${e.role}, prefers a master's or PhD`,
            postingIds: e.preferMasterOrPhd.postingIds,
          },
          text: percent(e.preferMasterOrPhd.share),
        },
      ],
      [
        {
          evidence: {
            filter: `${r.provenance.filter}, role ${e.role}, requires a PhD`,
            postingIds: e.requirePhd.postingIds,
          },
          text: percent(e.requirePhd.share),
        },
      ],
      [years],
    ]);
  }
  if (rows.length) {
    blocks.push({
      table: {
        head: [
          "Role",
          "Postings with a description",
          "Require a master's or PhD",
          "Prefer one (not required)",
          "Require a PhD",
          "Minimum years of experience (median)",
        ],
        align: ["left", "right", "right", "right", "right", "left"],
        rows,
      },
    });
  }
  for (const n of notes) blocks.push({ p: n });
  return blocks;
}

function payCellRows(cells: readonly Cell[], minN: number): Inline[][][] {
  return cells.map((c) => [
    [rungLabel(c)],
    [num(c.postings)],
    [num(c.jobs)],
    c.suppressed ? [`fewer than ${minN} jobs state pay`] : payInline(c.pay),
    c.pay?.evidence ? [{ evidence: c.pay.evidence, text: "postings" }] : [""],
  ]);
}

const PAY_HEAD = ["", "Postings", "Distinct jobs", "Median base (USD a year)", "Evidence"];
const PAY_ALIGN: ("left" | "right")[] = ["left", "right", "right", "left", "left"];

function careers(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Career paths", id: "career-paths" }];
  for (const c of r.careers.perRole) {
    const name = roleName(r, c.role);
    blocks.push({ h: 3, text: `The ${roleLabel(c.role)} ladder` });
    if (c.rungs.length === 0) {
      blocks.push({ p: [`There are no active postings for ${name} to build a ladder from.`] });
      continue;
    }
    blocks.push({
      p: [
        `Postings by the seniority their titles state; a title with no level word counts as "not stated", never as mid-level.`,
      ],
    });
    blocks.push({
      table: { head: ["Seniority", ...PAY_HEAD.slice(1)], align: PAY_ALIGN, rows: payCellRows(c.rungs, r.minN) },
    });
    if (c.topTitles.length) {
      blocks.push({
        p: [
          `At the top rungs (principal, manager, director, executive) the postings are titled: `,
          ...c.topTitles.flatMap((t, i) => [
            i ? "; " : "",
            { em: t.title },
            ` (${seniorityLabel(t.seniority).toLowerCase()}, ${t.postings})`,
          ]),
          ".",
        ],
      });
    } else {
      blocks.push({
        p: [`None of the ${postingsOf(r, c.role)} is at a principal, manager, director or executive level.`],
      });
    }
  }
  return blocks;
}

function compensation(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Compensation factors", id: "compensation-factors" }];
  blocks.push({
    p: [
      `Median base pay by seniority, industry and location. Cells where fewer than ${r.minN} distinct jobs state pay are suppressed.`,
    ],
  });
  for (const c of r.compensation.perRole) {
    const name = roleName(r, c.role);
    const total = c.bySeniority.reduce((n, x) => n + x.postings, 0);
    if (total === 0) {
      blocks.push({ h: 3, text: cap(name) }, { p: [`There are no active postings for ${name}.`] });
      continue;
    }
    for (const [label, cells] of [
      ["by seniority", c.bySeniority],
      ["by industry", c.byIndustry],
      ["by location", c.byLocation],
    ] as const) {
      blocks.push({ h: 3, text: `${cap(name)} ${label}` });
      if (cells.length === 0) blocks.push({ p: ["No posting states a place that can be grouped."] });
      else if (cells.every((x) => x.suppressed))
        blocks.push({ p: [`No group has ${r.minN} or more jobs stating pay.`] });
      else blocks.push({ table: { head: PAY_HEAD, align: PAY_ALIGN, rows: payCellRows(cells, r.minN) } });
    }
  }
  return blocks;
}

function industries(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Industries hiring", id: "industries-hiring" }];
  for (const s of r.industries.perRole) {
    const name = roleName(r, s.role);
    blocks.push({ h: 3, text: cap(name) });
    if (s.postings === 0) {
      blocks.push({ p: [`There are no active postings for ${name}.`] });
      continue;
    }
    if (s.byIndustry.length) {
      blocks.push({
        table: {
          head: ["Industry", "Postings", `Share of ${num(s.postings)}`],
          align: ["left", "right", "right"],
          rows: s.byIndustry.map((x) => [
            [industryLabel(x.industry)],
            [num(x.count)],
            [
              {
                evidence: {
                  filter: `${r.provenance.filter}, role ${s.role}, industry ${x.industry}`,
                  postingIds: x.postingIds,
                },
                text: percent(x.share),
              },
            ],
          ]),
        },
      });
    }
    if (s.unknown) blocks.push({ p: [`The employer's industry is not known for ${count(s.unknown, "posting")}.`] });
    blocks.push({
      table: {
        head: ["Top employers", "Postings", "Distinct jobs"],
        align: ["left", "right", "right"],
        rows: s.topEmployers.map((e) => [[e.company], [num(e.postings)], [num(e.jobs)]]),
      },
    });
  }
  return blocks;
}

function transitions(r: Report): Block[] {
  const t = r.transitions;
  const [a, b] = r.roles;
  if (r.kind !== "comparison" || !a || !b) return [];
  const blocks: Block[] = [{ h: 2, text: `Moving between ${a.plural} and ${b.plural}`, id: "transitions" }];
  if (!t) {
    blocks.push({ p: ["Without descriptions on both sides there is no skill gap to measure."] });
    return blocks;
  }
  for (const [from, to, list, toShare, fromShare] of [
    [a, b, t.aToB, "shareB", "shareA"],
    [b, a, t.bToA, "shareA", "shareB"],
  ] as const) {
    blocks.push({ h: 3, text: `From ${from.label} to ${to.label}` });
    if (list.length === 0) {
      blocks.push({
        p: [
          `No skill is asked for by at least 15% of ${to.plural}' postings and at most half as often by ${from.plural}' postings.`,
        ],
      });
    } else {
      blocks.push({
        p: [`Skills ${to.plural}' postings ask for that ${from.plural}' postings rarely do:`],
      });
      blocks.push({
        ul: list.map((x) => [
          { strong: x.name },
          ` — ${percent(x[toShare])} of ${to.plural}' postings, ${percent(x[fromShare])} of ${from.plural}'`,
        ]),
      });
    }
  }
  return blocks;
}

function survey(r: Report): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Posted pay beside self-reported pay", id: "posted-and-self-reported-pay" }];
  if (!r.survey.imported) {
    blocks.push({
      p: [
        "No salary survey is imported (",
        { code: "roledex import-survey aijobs FILE" },
        " loads the aijobs.net survey), so there is nothing self-reported to set beside posted pay.",
      ],
    });
    return blocks;
  }
  const rows: Inline[][][] = r.survey.perRole.map((s) => {
    const sv = s.survey;
    const surveyCell: Inline[] =
      sv && sv.median !== null
        ? [
            { strong: money(sv.median) },
            ` (${sv.ci95 ? `95% interval ${money(sv.ci95.low)}–${money(sv.ci95.high)}; ` : ""}n = ${num(sv.n)}${sv.country ? `, ${sv.country}` : ""}${sv.years ? `, ${sv.years[0]}–${sv.years[1]}` : ""})`,
          ]
        : ["no matching survey answers"];
    return [[cap(roleName(r, s.role))], payInline(s.posted.n ? s.posted : null, "no pay stated"), surveyCell];
  });
  blocks.push({
    table: {
      head: ["Role", "Posted: median base (jobs)", "Self-reported: median salary (aijobs.net survey)"],
      align: ["left", "left", "left"],
      rows,
    },
  });
  blocks.push({
    p: [
      {
        em: "Self-reported figures are what survey respondents say they earn (total salary, any seniority, the survey's job titles mapped to these roles); posted figures are the base ranges employers publish. They measure different things and are shown side by side, not merged.",
      },
    ],
  });
  return blocks;
}

function conclusion(r: Report): Block[] {
  return [{ h: 2, text: "Conclusion", id: "conclusion" }, { p: [r.conclusion.join(" ")] }];
}

/** Where a page's links point: the static site's relative files, or the server's routes. */
export interface Links {
  role(role: Role): string;
  compare(a: Role, b: Role): string;
}

export const SITE_LINKS: Links = { role: rolePath, compare: comparisonPath };

function related(r: Report, links: Links): Block[] {
  const blocks: Block[] = [{ h: 2, text: "Related reading", id: "related-reading" }];
  if (r.related.length === 0) {
    blocks.push({ p: ["There are not enough descriptions to tell which other roles ask for similar skills."] });
    return blocks;
  }
  blocks.push({
    ul: r.related.map((x) => [
      { link: `${roleLabel(x.nearTo)} vs ${x.label}`, href: links.compare(x.nearTo, x.role) },
      ` — skill overlap ${Math.round(x.similarity * 100)}%; the `,
      { link: `${x.label} page`, href: links.role(x.role) },
    ]),
  });
  return blocks;
}

function provenance(r: Report): Block[] {
  const p = r.provenance;
  const blocks: Block[] = [{ h: 2, text: "Provenance", id: "provenance" }];
  blocks.push({
    ul: [
      [`Postings: ${p.filter}; data as of ${day(p.dataAsOf)} (first seen from ${day(p.firstSeen)}).`],
      [
        `Sources: ${p.boards.length ? p.boards.map((b) => `${b.ats}:${b.board} (${count(b.postings, "posting")}, ${b.ats === "import" ? "imported" : "crawled"} ${day(b.lastSuccessAt)})`).join(", ") : "none"}.`,
      ],
      [
        `Versions: normalizer ${p.versions.normalizer}, taxonomy ${p.versions.taxonomy}, skills ${p.versions.skills}, exchange rates ${p.versions.fx}.`,
      ],
      [
        `Generated ${day(p.generatedAt)}. Every figure's filter and posting ids are in the JSON form of this report (--format json).`,
      ],
    ],
  });
  blocks.push({ h: 3, text: "Method" }, { ul: p.method.map((m) => [m]) });
  return blocks;
}

/** All sections of a comparison or role page. */
export function reportBlocks(r: Report, links: Links = SITE_LINKS): Block[] {
  const filters = r.provenance.filter === "active postings" ? "" : ` (${r.provenance.filter})`;
  return [
    { h: 1, text: r.title },
    {
      p: [
        {
          em: `From ${count(
            r.roles.reduce((n, x) => n + x.activePostings, 0),
            "active posting",
          )}${filters}, ${r.provenance.dataAsOf ? `data as of ${day(r.provenance.dataAsOf)}` : "before any successful crawl"}.`,
        },
      ],
    },
    ...quickAnswer(r),
    ...responsibilities(r),
    ...skills(r),
    ...education(r),
    ...careers(r),
    ...compensation(r),
    ...industries(r),
    ...transitions(r),
    ...survey(r),
    ...conclusion(r),
    ...related(r, links),
    ...provenance(r),
  ];
}
