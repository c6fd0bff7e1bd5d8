import type { SurveySalary } from "../domain/survey.ts";
import { INDUSTRIES, type Industry, ROLES, type Role, SENIORITIES, type Seniority } from "../domain/vocab.ts";
import { FX_TABLE_DATE, FX_TABLE_SOURCE } from "../normalize/fx.ts";
import { metroLabel } from "../normalize/location.ts";
import { NORMALIZER_VERSION } from "../normalize/posting.ts";
import { SKILLS_VERSION, skillName } from "../normalize/skills.ts";
import { roleLabel, rolePlural, seniorityLabel, TAXONOMY_VERSION } from "../normalize/taxonomy.ts";
import type { BoardStatus, StoredPosting } from "../store/store.ts";
import { type RoleFigures, roleFigures } from "./compare.ts";
import { applyFilters, dataAsOf, describeFilters, type ReportFilters } from "./filters.ts";
import { money, num, percent } from "./format.ts";
import { distinctJobs, type PayFigure, payFigure, payValues } from "./jobs.ts";
import { distinctivePhrases, type PhraseFigure } from "./responsibilities.ts";
import { logOddsWithPrior, medianDifference, quantileSorted } from "./stats.ts";
import { type SurveyFigure, surveyFigure } from "./survey.ts";

/**
 * The role report as data: every section of a comparison (two roles) or a role page (one role), each
 * figure with its sample size, its uncertainty and the postings behind it. Markdown, HTML and JSON are
 * all rendered from this one structure. Pure: postings in, report out.
 */

export const DEFAULT_MIN_N = 5;

export interface ReportInput {
  queries: readonly { query: string; role: Role }[];
  /** Every active posting (the background); filters apply inside. */
  active: readonly StoredPosting[];
  filters: ReportFilters;
  /** Cells with fewer jobs stating pay are suppressed. */
  minN?: number;
  survey: readonly SurveySalary[];
  boards: readonly BoardStatus[];
  generatedAt: string;
}

export interface RoleSummary extends RoleFigures {
  label: string;
  plural: string;
  /** Distinct jobs among the active postings (see jobs.ts). */
  jobs: number;
  postingsWithPay: number;
  /** Yearly base pay over distinct jobs, with its 95% interval. */
  pay: PayFigure;
}

export interface Difference {
  /** Median of the first role minus median of the second, in USD a year, over distinct jobs. */
  difference: number;
  low: number;
  high: number;
  resamples: number;
}

export interface Share {
  count: number;
  /** Of `of` postings. */
  of: number;
  share: number;
  postingIds: string[];
}

export interface SkillShare extends Share {
  skill: string;
  name: string;
}

export interface SkillContrast {
  skill: string;
  name: string;
  shareA: number;
  shareB: number;
  z: number;
}

export interface Cell {
  key: string;
  label: string;
  postings: number;
  jobs: number;
  /** Null when fewer than minN jobs state pay (the cell is suppressed, and says so). */
  pay: PayFigure | null;
  suppressed: boolean;
}

export interface Rung extends Cell {
  seniority: Seniority;
}

export interface RelatedRole {
  role: Role;
  label: string;
  /** Cosine similarity of the roles' skill shares (0–1). */
  similarity: number;
  /** The role this one is near to, and the page comparing them. */
  nearTo: Role;
  path: string;
}

export interface Report {
  kind: "comparison" | "role";
  title: string;
  filters: ReportFilters;
  minN: number;
  /** Per role, in the order asked: counts, pay and the issue-2 fields (activePostings, baseSalary, evidence). */
  roles: RoleSummary[];
  quickAnswer: { difference: Difference | null; verdict: string };
  responsibilities: {
    against: "each other" | "all postings";
    perRole: { role: Role; postings: number; withText: number; phrases: PhraseFigure[] }[];
  };
  skills: {
    perRole: { role: Role; withText: number; top: SkillShare[] }[];
    against: "each other" | "all postings";
    separating: { a: SkillContrast[]; b: SkillContrast[] } | null;
  };
  education: {
    perRole: {
      role: Role;
      withText: number;
      requireMasterOrPhd: Share;
      preferMasterOrPhd: Share;
      requirePhd: Share;
      experience: { n: number; median: number | null; p25: number | null; p75: number | null; postingIds: string[] };
    }[];
  };
  careers: {
    perRole: { role: Role; rungs: Rung[]; topTitles: { title: string; postings: number; seniority: Seniority }[] }[];
  };
  compensation: { perRole: { role: Role; bySeniority: Rung[]; byIndustry: Cell[]; byLocation: Cell[] }[] };
  industries: {
    perRole: {
      role: Role;
      postings: number;
      byIndustry: (Share & { industry: Industry })[];
      unknown: number;
      topEmployers: { company: string; postings: number; jobs: number }[];
    }[];
  };
  transitions: { aToB: SkillContrast[]; bToA: SkillContrast[] } | null;
  survey: { imported: boolean; perRole: { role: Role; posted: PayFigure; survey: SurveyFigure | null }[] };
  conclusion: string[];
  related: RelatedRole[];
  provenance: {
    generatedAt: string;
    dataAsOf: string | null;
    firstSeen: string | null;
    boards: { ats: string; board: string; company: string | null; lastSuccessAt: string | null; postings: number }[];
    versions: { normalizer: string; taxonomy: string; skills: string; fx: string };
    filter: string;
    method: string[];
  };
}

export const METHOD = [
  "Active postings are those listed by the latest successful crawl of their board (or the latest import of their file).",
  "A distinct job is one employer's same title with the same pay, however many locations it is posted for; pay figures count jobs, counts give both.",
  "A job's pay is the midpoint of its yearly base range (hour ×2080, day ×260, week ×52, fortnight ×26, month ×12) in US dollars; pay in another currency is converted at the dated ECB reference rate it carries; pay with no stated currency, estimates, on-target earnings and equity are left out.",
  "Medians carry a distribution-free 95% interval (order statistics of the binomial); none exists below 6 jobs. The difference of two medians carries a 95% percentile-bootstrap interval (2,000 resamples, seeded by role, so it reruns to the same digits).",
  "Skills, responsibilities, education and experience are read from descriptions; shares are of the postings that have one.",
  "Skills that separate two groups are ranked by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).",
];

const TOP_RUNGS: readonly Seniority[] = ["principal", "manager", "director", "executive"];
const HUBS_SHOWN = 6;

const ids = (postings: readonly StoredPosting[]) => postings.map((p) => p.id);
const share = (of: readonly StoredPosting[], pick: (p: StoredPosting) => boolean): Share => {
  const hit = of.filter(pick);
  return { count: hit.length, of: of.length, share: of.length ? hit.length / of.length : 0, postingIds: ids(hit) };
};
const hasText = (p: StoredPosting) => (p.descriptionText ?? "").trim().length > 0;

function cell(key: string, label: string, postings: readonly StoredPosting[], minN: number, filter: string): Cell {
  const jobs = distinctJobs(postings);
  const pay = payFigure(jobs, filter);
  const suppressed = pay.n < minN;
  return { key, label, postings: postings.length, jobs: jobs.length, pay: suppressed ? null : pay, suppressed };
}

function skillCounts(postings: readonly StoredPosting[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of postings) for (const s of p.skills) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

function topSkills(postings: readonly StoredPosting[], n = 12): SkillShare[] {
  const withText = postings.filter(hasText);
  const counts = skillCounts(withText);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([skill]) => ({
      skill,
      name: skillName(skill) ?? skill,
      ...share(withText, (p) => p.skills.includes(skill)),
    }));
}

function contrast(a: readonly StoredPosting[], b: readonly StoredPosting[], background: readonly StoredPosting[]) {
  const ta = a.filter(hasText);
  const tb = b.filter(hasText);
  const bg = background.filter(hasText);
  if (ta.length === 0 || tb.length === 0) return null;
  return logOddsWithPrior(
    { docs: ta.length, counts: skillCounts(ta) },
    { docs: tb.length, counts: skillCounts(tb) },
    { docs: bg.length, counts: skillCounts(bg) },
  ).map((t) => ({ skill: t.term, name: skillName(t.term) ?? t.term, shareA: t.shareA, shareB: t.shareB, z: t.z }));
}

/** Skills that lean clearly to one side (|z| ≥ 1.96) and that side asks for in at least 10% of postings. */
function separating(terms: SkillContrast[] | null, n = 8) {
  if (!terms) return null;
  return {
    a: terms.filter((t) => t.z >= 1.96 && t.shareA >= 0.1).slice(0, n),
    b: terms
      .filter((t) => t.z <= -1.96 && t.shareB >= 0.1)
      .sort((x, y) => x.z - y.z || x.skill.localeCompare(y.skill))
      .slice(0, n),
  };
}

/** Location groups: each metro hub a posting names, "elsewhere" for places in no hub, and remote. */
function byLocation(postings: readonly StoredPosting[], minN: number, filter: string): Cell[] {
  const groups = new Map<string, StoredPosting[]>();
  const add = (key: string, p: StoredPosting) => groups.set(key, [...(groups.get(key) ?? []), p]);
  for (const p of postings) {
    if (p.workplace === "remote" || (p.places.length > 0 && p.places.every((pl) => pl.remote))) {
      add("remote", p);
      continue;
    }
    const metros = new Set(p.metros);
    for (const m of metros) add(`metro:${m}`, p);
    if (p.places.some((pl) => !pl.remote) && metros.size === 0) add("elsewhere", p);
  }
  const hubs = [...groups.entries()]
    .filter(([k]) => k.startsWith("metro:"))
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, HUBS_SHOWN);
  const cells = hubs.map(([k, ps]) =>
    cell(k, metroName(k.slice("metro:".length)), ps, minN, `${filter}, in metro ${k.slice(6)}`),
  );
  const elsewhere = groups.get("elsewhere");
  if (elsewhere)
    cells.push(
      cell("elsewhere", "Elsewhere (outside the metro hubs)", elsewhere, minN, `${filter}, outside metro hubs`),
    );
  const remote = groups.get("remote");
  if (remote) cells.push(cell("remote", "Remote", remote, minN, `${filter}, remote`));
  return cells;
}

const metroName = (id: string) => metroLabel(id) ?? id;

function byIndustry(postings: readonly StoredPosting[], minN: number, filter: string): Cell[] {
  const cells: Cell[] = [];
  for (const industry of INDUSTRIES) {
    const ps = postings.filter((p) => p.industry === industry);
    if (ps.length > 0) cells.push(cell(industry, industryLabel(industry), ps, minN, `${filter}, industry ${industry}`));
  }
  const unknown = postings.filter((p) => p.industry === null);
  if (unknown.length) cells.push(cell("unknown", "Industry not known", unknown, minN, `${filter}, industry unknown`));
  return cells.sort((a, b) => b.postings - a.postings || a.key.localeCompare(b.key));
}

export function industryLabel(industry: Industry): string {
  const special: Partial<Record<Industry, string>> = {
    "ai-lab": "AI labs",
    "big-tech": "Big tech",
    "pharma-biotech": "Pharma & biotech",
    "government-defense": "Government & defense",
    "consulting-services": "Consulting & services",
    "retail-consumer": "Retail & consumer",
    "media-entertainment": "Media & entertainment",
    "energy-utilities": "Energy & utilities",
    "autonomy-robotics": "Autonomy & robotics",
    "hardware-semiconductors": "Hardware & semiconductors",
    "transportation-logistics": "Transportation & logistics",
  };
  return special[industry] ?? industry.charAt(0).toUpperCase() + industry.slice(1).replace(/-/g, " ");
}

function ladder(postings: readonly StoredPosting[], minN: number, filter: string): Rung[] {
  return SENIORITIES.flatMap((seniority) => {
    const ps = postings.filter((p) => p.seniority === seniority);
    if (ps.length === 0) return [];
    return [
      { seniority, ...cell(seniority, seniorityLabel(seniority), ps, minN, `${filter}, seniority ${seniority}`) },
    ];
  });
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export const comparisonPath = (a: Role, b: Role) => {
  const [x, y] = [a, b].sort();
  return `compare/${x}-vs-${y}.html`;
};
export const rolePath = (r: Role) => `roles/${r}.html`;

function related(scope: readonly StoredPosting[], roles: readonly Role[], minN: number): RelatedRole[] {
  const vectors = new Map<Role, Map<string, number>>();
  for (const r of ROLES) {
    if (r === "other") continue;
    const ps = scope.filter((p) => p.role === r && hasText(p));
    if (ps.length < minN) continue;
    const counts = skillCounts(ps);
    vectors.set(r, new Map([...counts].map(([k, v]) => [k, v / ps.length])));
  }
  const out: RelatedRole[] = [];
  for (const near of roles) {
    const own = vectors.get(near);
    if (!own) continue;
    const ranked = [...vectors.entries()]
      .filter(([r]) => !roles.includes(r))
      .map(([r, v]) => ({ role: r, similarity: cosine(own, v) }))
      .sort((a, b) => b.similarity - a.similarity || a.role.localeCompare(b.role))
      .slice(0, 3);
    for (const { role, similarity } of ranked) {
      out.push({ role, label: roleLabel(role), similarity, nearTo: near, path: comparisonPath(near, role) });
    }
  }
  return out;
}

function verdict(a: RoleSummary, b: RoleSummary, d: Difference | null, minN: number): string {
  if (a.pay.n < minN || b.pay.n < minN || d === null) {
    return `Too few jobs state pay to compare the two roles' pay: ${a.pay.n} for ${a.plural} and ${b.pay.n} for ${b.plural} (at least ${minN} each are needed).`;
  }
  if (d.low <= 0 && d.high >= 0) {
    // The interval includes no difference: "similar" only when it is also narrow (within 10% of pay).
    const scale = Math.max(a.pay.median ?? 0, b.pay.median ?? 0);
    if (Math.max(-d.low, d.high) <= 0.1 * scale) {
      return `Pay is similar: the medians differ by ${money(Math.abs(d.difference))}, and the 95% interval of the difference runs from ${money(d.low)} to ${money(d.high)}.`;
    }
    return `The postings cannot tell the two roles' pay apart: the medians differ by ${money(Math.abs(d.difference))}, but the 95% interval of the difference runs from ${money(d.low)} to ${money(d.high)}.`;
  }
  const [more, less] = d.difference > 0 ? [a, b] : [b, a];
  const [lo, hi] = d.difference > 0 ? [d.low, d.high] : [-d.high, -d.low];
  return `${capital(more.plural)} are paid more than ${less.plural}, by about ${money(Math.abs(d.difference))} a year (95% interval ${money(lo)} to ${money(hi)}).`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function conclusion(r: Omit<Report, "conclusion">): string[] {
  const out: string[] = [];
  const [a, b] = r.roles;
  if (!a) return out;
  if (b) {
    out.push(r.quickAnswer.verdict);
    const [big, small] = a.activePostings >= b.activePostings ? [a, b] : [b, a];
    if (small.activePostings > 0 && big.activePostings >= 1.5 * small.activePostings) {
      out.push(
        `Employers post more for ${big.plural} (${big.activePostings} active postings) than for ${small.plural} (${small.activePostings}).`,
      );
    } else if (small.activePostings > 0) {
      out.push(
        `Both roles have a similar number of active postings (${num(a.activePostings)} and ${num(b.activePostings)}).`,
      );
    }
    const sep = r.skills.separating;
    if (sep && (sep.a.length || sep.b.length)) {
      const list = (xs: SkillContrast[]) =>
        xs
          .slice(0, 3)
          .map((x) => x.name)
          .join(", ");
      if (sep.a.length && sep.b.length) {
        out.push(`In their descriptions, ${a.plural} lean on ${list(sep.a)}; ${b.plural} on ${list(sep.b)}.`);
      } else {
        const [side, role] = sep.a.length ? [sep.a, a] : [sep.b, b];
        out.push(`In their descriptions, ${role.plural} stand apart by ${list(side)}.`);
      }
    }
    const [ea, eb] = r.education.perRole;
    if (ea && eb && ea.withText >= 10 && eb.withText >= 10) {
      const gap = ea.requirePhd.share - eb.requirePhd.share;
      if (Math.abs(gap) >= 0.15) {
        const [more, less] = gap > 0 ? [ea, eb] : [eb, ea];
        out.push(
          `A PhD is required more often for ${rolePlural(more.role)} (${percent(more.requirePhd.share)} of postings with a description) than for ${rolePlural(less.role)} (${percent(less.requirePhd.share)}).`,
        );
      }
    }
  } else {
    const s = a.pay;
    if (s.n >= r.minN && s.median !== null) {
      out.push(
        `The median base pay of ${a.plural} is ${money(s.median)} a year across ${s.n} distinct jobs that state pay.`,
      );
    } else {
      out.push(`Too few ${a.plural} jobs state pay (${s.n}) to put a figure on their pay.`);
    }
    const top = r.skills.perRole[0]?.top.slice(0, 3).map((t) => t.name);
    if (top?.length) out.push(`Their postings most often ask for ${top.join(", ")}.`);
  }
  const thin = r.roles.filter((x) => x.activePostings < r.minN);
  if (thin.length) {
    out.push(
      `With fewer than ${r.minN} active postings for ${thin.map((x) => x.plural).join(" and ")}, these figures describe the postings seen, not the market.`,
    );
  }
  return out;
}

/** Build the report. Pure and deterministic: the same postings give the same report, to the digit. */
export function buildReport(input: ReportInput): Report {
  const minN = input.minN ?? DEFAULT_MIN_N;
  const scope = applyFilters(input.active, input.filters);
  const base = describeFilters(input.filters);
  const roleSet = input.queries.map((q) => q.role);
  const of = (role: Role) => scope.filter((p) => p.role === role);
  const filterOf = (role: Role) => `${base}, role ${role}`;

  const roles: RoleSummary[] = input.queries.map(({ query, role }) => {
    const ps = of(role);
    const jobs = distinctJobs(ps);
    return {
      ...roleFigures(query, role, ps),
      label: roleLabel(role),
      plural: rolePlural(role),
      jobs: jobs.length,
      postingsWithPay: ps.filter((p) => p.pay?.kind === "base").length,
      pay: payFigure(jobs, filterOf(role)),
    };
  });

  const pair = roles.length === 2;
  const [ra, rb] = input.queries;
  const difference =
    pair && ra && rb
      ? medianDifference(
          { values: payValues(distinctJobs(of(ra.role))), seed: ra.role },
          { values: payValues(distinctJobs(of(rb.role))), seed: rb.role },
        )
      : null;
  const [sa, sb] = roles;
  const quickAnswer = {
    difference,
    verdict: pair && sa && sb ? verdict(sa, sb, difference, minN) : "",
  };

  // What each role does, and the skills that separate: against each other, or a single role against all postings.
  const sideA = ra ? of(ra.role) : [];
  const sideB = pair && rb ? of(rb.role) : scope.filter((p) => !roleSet.includes(p.role));
  const asText = (ps: readonly StoredPosting[]) => ps.map((p) => ({ id: p.id, text: p.descriptionText }));
  const phrases = distinctivePhrases(asText(sideA), asText(sideB), asText(scope));
  const responsibilities = {
    against: pair ? ("each other" as const) : ("all postings" as const),
    perRole: [
      ...(ra ? [{ role: ra.role, postings: sideA.length, withText: phrases.withText.a, phrases: phrases.a }] : []),
      ...(pair && rb
        ? [{ role: rb.role, postings: sideB.length, withText: phrases.withText.b, phrases: phrases.b }]
        : []),
    ],
  };
  const contrastTerms = contrast(sideA, sideB, scope);
  const skills = {
    perRole: roleSet.map((role) => ({ role, withText: of(role).filter(hasText).length, top: topSkills(of(role)) })),
    against: responsibilities.against,
    separating: separating(contrastTerms),
  };

  const education = {
    perRole: roleSet.map((role) => {
      const withText = of(role).filter(hasText);
      const years = withText.filter((p) => p.experienceYears?.min != null);
      const sorted = years.map((p) => p.experienceYears?.min as number).sort((x, y) => x - y);
      const advanced = (d: string | null) => d === "master" || d === "phd";
      return {
        role,
        withText: withText.length,
        requireMasterOrPhd: share(withText, (p) => advanced(p.education.required)),
        preferMasterOrPhd: share(withText, (p) => advanced(p.education.preferred) && !advanced(p.education.required)),
        requirePhd: share(withText, (p) => p.education.required === "phd"),
        experience: {
          n: sorted.length,
          median: quantileSorted(sorted, 0.5),
          p25: quantileSorted(sorted, 0.25),
          p75: quantileSorted(sorted, 0.75),
          postingIds: ids(years),
        },
      };
    }),
  };

  const careers = {
    perRole: roleSet.map((role) => {
      const ps = of(role);
      const titles = new Map<string, { postings: number; seniority: Seniority }>();
      for (const p of ps.filter((x) => TOP_RUNGS.includes(x.seniority))) {
        const t = titles.get(p.title) ?? { postings: 0, seniority: p.seniority };
        t.postings++;
        titles.set(p.title, t);
      }
      return {
        role,
        rungs: ladder(ps, minN, filterOf(role)),
        topTitles: [...titles.entries()]
          .map(([title, t]) => ({ title, ...t }))
          .sort((x, y) => y.postings - x.postings || x.title.localeCompare(y.title))
          .slice(0, 6),
      };
    }),
  };

  const compensation = {
    perRole: roleSet.map((role, i) => ({
      role,
      bySeniority: careers.perRole[i]?.rungs ?? [],
      byIndustry: byIndustry(of(role), minN, filterOf(role)),
      byLocation: byLocation(of(role), minN, filterOf(role)),
    })),
  };

  const industries = {
    perRole: roleSet.map((role) => {
      const ps = of(role);
      const known = INDUSTRIES.flatMap((industry) => {
        const s = share(ps, (p) => p.industry === industry);
        return s.count ? [{ industry, ...s }] : [];
      }).sort((x, y) => y.count - x.count || x.industry.localeCompare(y.industry));
      const employers = new Map<string, StoredPosting[]>();
      for (const p of ps) {
        const name = p.company ?? "Employer not stated";
        employers.set(name, [...(employers.get(name) ?? []), p]);
      }
      return {
        role,
        postings: ps.length,
        byIndustry: known,
        unknown: ps.filter((p) => p.industry === null).length,
        topEmployers: [...employers.entries()]
          .map(([company, list]) => ({ company, postings: list.length, jobs: distinctJobs(list).length }))
          .sort((x, y) => y.postings - x.postings || x.company.localeCompare(y.company))
          .slice(0, 8),
      };
    }),
  };

  const transitions =
    pair && contrastTerms
      ? {
          // From A to B: what B's postings ask for that A's rarely do; and the reverse.
          aToB: contrastTerms
            .filter((t) => t.z <= -1.96 && t.shareB >= 0.15 && t.shareA <= t.shareB / 2)
            .sort((x, y) => x.z - y.z || x.skill.localeCompare(y.skill))
            .slice(0, 6),
          bToA: contrastTerms.filter((t) => t.z >= 1.96 && t.shareA >= 0.15 && t.shareB <= t.shareA / 2).slice(0, 6),
        }
      : null;

  const survey = {
    imported: input.survey.length > 0,
    perRole: roleSet.map((role, i) => {
      const ps = of(role);
      const country = input.filters.country?.toUpperCase() ?? dominantCountry(ps);
      const posted = (roles[i] as RoleSummary).pay;
      return {
        role,
        posted,
        survey: input.survey.length ? surveyFigure(input.survey, role, { country }) : null,
      };
    }),
  };

  const used = new Set(scope.filter((p) => roleSet.includes(p.role)).map((p) => `${p.ats}:${p.board}`));
  const boards = input.boards
    .filter((b) => used.has(`${b.ats}:${b.board}`))
    .map((b) => ({
      ats: b.ats,
      board: b.board,
      company: b.company,
      lastSuccessAt: b.lastSuccessAt,
      postings: scope.filter((p) => p.ats === b.ats && p.board === b.board && roleSet.includes(p.role)).length,
    }));
  const firstSeen = scope.map((p) => p.firstSeen).sort()[0] ?? null;
  const asOf = dataAsOf(boards);

  const partial: Omit<Report, "conclusion"> = {
    kind: pair ? "comparison" : "role",
    title: roles.map((r) => r.label).join(" vs "),
    filters: input.filters,
    minN,
    roles,
    quickAnswer,
    responsibilities,
    skills,
    education,
    careers,
    compensation,
    industries,
    transitions,
    survey,
    related: related(scope, roleSet, minN),
    provenance: {
      generatedAt: input.generatedAt,
      dataAsOf: asOf,
      firstSeen,
      boards,
      versions: {
        normalizer: NORMALIZER_VERSION,
        taxonomy: TAXONOMY_VERSION,
        skills: SKILLS_VERSION,
        fx: `${FX_TABLE_DATE} (${FX_TABLE_SOURCE})`,
      },
      filter: base,
      method: METHOD,
    },
  };
  return { ...partial, conclusion: conclusion(partial) };
}

/** The country most of a role's pay-stating postings are in: where a survey comparison is fairest. */
function dominantCountry(postings: readonly StoredPosting[]): string | null {
  const counts = new Map<string, number>();
  for (const p of postings) {
    if (p.pay?.kind !== "base") continue;
    for (const c of new Set(p.places.map((pl) => pl.country).filter((x): x is string => x !== null))) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
