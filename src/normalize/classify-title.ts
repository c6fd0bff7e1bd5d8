/**
 * Classifies a posting's title into the taxonomy's role and seniority (shared/spec/taxonomy.md).
 *
 * Mechanism only: every word list, pattern and precedence lives in data/taxonomy/v1.json and is compiled once,
 * here, at module load. The title decides; team, department and description are read only when no title rule
 * fires (rule 1 of the taxonomy). Pure and total: any input, however hostile, returns a Classification, and at
 * most the first few hundred characters of each field are looked at. It does not read descriptions for roles
 * beyond a bare generic title, and never guesses a seniority that the title does not state.
 */
import type { Classification } from "../domain/posting.ts";
import { type Role, SENIORITIES, type Seniority } from "../domain/vocab.ts";
import { compilePattern, TAXONOMY, TAXONOMY_VERSION } from "./taxonomy.ts";

export interface TitleInput {
  title: string;
  team?: string | null;
  department?: string | null;
  description?: string | null;
}

export interface ClassifyOptions {
  /**
   * Extra title phrases per role, tried before the taxonomy's rules (e.g. a board's own name for a team:
   * `{ "ml-infra-engineer": ["Sonar Platform"] }`). Matched as whole words after folding.
   */
  extraAliases?: Readonly<Partial<Record<Role, readonly string[]>>>;
}

const { matching, lexicon, fallback } = TAXONOMY;

interface CompiledRoleRule {
  id: string;
  role: Role;
  confidence: number;
  any: RegExp | null;
  all: RegExp[];
  none: RegExp | null;
}

interface CompiledContextRule {
  id: string;
  role: Role;
  confidence: number;
  inTeam: boolean;
  inDescription: boolean;
  title: RegExp;
  titleNone: RegExp | null;
  context: RegExp;
}

interface CompiledLevel {
  level: Seniority;
  re: RegExp;
  none: RegExp | null;
}

const maybe = (list: readonly string[] | undefined): RegExp | null =>
  list === undefined ? null : compilePattern(list, lexicon);

const ROLE_RULES: readonly CompiledRoleRule[] = TAXONOMY.roleRules.map((r) => ({
  id: r.id,
  role: r.role,
  confidence: r.confidence,
  any: maybe(r.any),
  all: (r.all ?? []).map((p) => compilePattern([p], lexicon)),
  none: maybe(r.none),
}));

const CONTEXT_RULES: readonly CompiledContextRule[] = TAXONOMY.contextRules.map((r) => ({
  id: r.id,
  role: r.role,
  confidence: r.confidence,
  inTeam: r.in.includes("team") || r.in.includes("department"),
  inDescription: r.in.includes("description"),
  title: compilePattern(r.title, lexicon),
  titleNone: maybe(r.titleNone),
  context: compilePattern(r.context, lexicon),
}));

const NEUTRAL = TAXONOMY.seniority.neutral.length > 0 ? compilePattern(TAXONOMY.seniority.neutral, lexicon, "g") : null;
const compileLevel = (l: { level: Seniority; any: string[]; none?: string[] | undefined }): CompiledLevel => ({
  level: l.level,
  re: compilePattern(l.any, lexicon),
  none: maybe(l.none),
});
const DECISIVE: readonly CompiledLevel[] = TAXONOMY.seniority.decisive.map(compileLevel);
const GRADED: readonly CompiledLevel[] = TAXONOMY.seniority.graded.map(compileLevel);
const RANK: ReadonlyMap<Seniority, number> = new Map(SENIORITIES.map((s, i) => [s, i]));

/** Characters of raw input read before cleaning: enough for a long title wrapped in markup, never a megabyte. */
const RAW_WINDOW = 4;

/**
 * Folds text for matching: markup and entities dropped, accents removed, lower case, every character other
 * than a-z 0-9 + # & / turned into a space, "/" spaced so that "Engineer/Scientist" reads as two words.
 */
export function foldText(raw: unknown, maxChars: number): string {
  if (typeof raw !== "string" || raw.length === 0) return "";
  let s = raw.length > maxChars * RAW_WINDOW ? raw.slice(0, maxChars * RAW_WINDOW) : raw;
  s = s
    .replace(/<[^<>]{0,300}>/g, " ")
    .replace(/&(?:amp|#0*38|#x0*26);/gi, "&")
    .replace(/&(?:[a-z]{2,8}|#[0-9]{1,6}|#x[0-9a-f]{1,6});/gi, " ")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9+#&/]+/g, " ")
    .replace(/\//g, " / ")
    .replace(/ {2,}/g, " ")
    .trim();
  return s.length > maxChars ? s.slice(0, maxChars).trimEnd() : s;
}

interface RoleDecision {
  role: Role;
  confidence: number;
  evidence: string[];
}

function quote(m: RegExpExecArray | null): string {
  return m === null ? "" : `"${m[0]}"`;
}

function matchRule(rule: CompiledRoleRule, title: string): RoleDecision | null {
  let hit: RegExpExecArray | null = null;
  if (rule.any !== null) {
    hit = rule.any.exec(title);
    if (hit === null) return null;
  }
  for (const re of rule.all) {
    const m = re.exec(title);
    if (m === null) return null;
    hit ??= m;
  }
  if (rule.none?.test(title)) return null;
  return { role: rule.role, confidence: rule.confidence, evidence: [`rule:${rule.id}`, `title:${quote(hit)}`] };
}

/** Per options object, the folded extra aliases (folded once, then reused for every title). */
const aliasCache = new WeakMap<object, ReadonlyArray<{ role: Role; phrase: string }>>();

function extraAliases(options: ClassifyOptions | undefined): ReadonlyArray<{ role: Role; phrase: string }> {
  const extra = options?.extraAliases;
  if (extra === undefined || extra === null || typeof extra !== "object") return [];
  let folded = aliasCache.get(extra);
  if (folded === undefined) {
    folded = Object.entries(extra).flatMap(([role, phrases]) =>
      (Array.isArray(phrases) ? phrases : [])
        .map((p) => ({ role: role as Role, phrase: ` ${foldText(p, matching.maxTitleChars)} ` }))
        .filter((a) => a.phrase.trim().length > 0 && TAXONOMY.roles.some((r) => r.slug === a.role)),
    );
    aliasCache.set(extra, folded);
  }
  return folded;
}

function decideRole(title: string, input: TitleInput, options: ClassifyOptions | undefined): RoleDecision {
  const padded = ` ${title} `;
  for (const a of extraAliases(options)) {
    if (padded.includes(a.phrase)) {
      return { role: a.role, confidence: 0.9, evidence: ["rule:extra-alias", `title:"${a.phrase.trim()}"`] };
    }
  }
  for (const rule of ROLE_RULES) {
    const d = matchRule(rule, title);
    if (d !== null) return d;
  }
  // No title rule fired: the title is generic, so the team, department or description may break the tie.
  const team = foldText(input.team, matching.maxContextChars);
  const department = foldText(input.department, matching.maxContextChars);
  let description: string | null = null;
  for (const rule of CONTEXT_RULES) {
    if (!rule.title.test(title) || rule.titleNone?.test(title)) continue;
    if (rule.inTeam) {
      for (const [field, text] of [
        ["team", team],
        ["department", department],
      ] as const) {
        const m = text === "" ? null : rule.context.exec(text);
        if (m !== null)
          return {
            role: rule.role,
            confidence: rule.confidence,
            evidence: [`rule:${rule.id}`, `${field}:${quote(m)}`],
          };
      }
    }
    if (rule.inDescription) {
      description ??= foldText(input.description, matching.maxDescriptionChars);
      const m = description === "" ? null : rule.context.exec(description);
      if (m !== null)
        return {
          role: rule.role,
          confidence: rule.confidence,
          evidence: [`rule:${rule.id}`, `description:${quote(m)}`],
        };
    }
  }
  return {
    role: fallback.role,
    confidence: title === "" ? fallback.emptyConfidence : fallback.confidence,
    evidence: [title === "" ? "title:empty" : "rule:fallback"],
  };
}

function decideSeniority(title: string): { seniority: Seniority; evidence: string } {
  if (title === "") return { seniority: "unspecified", evidence: "seniority:none" };
  const text = NEUTRAL === null ? title : title.replace(NEUTRAL, " ");
  for (const d of DECISIVE) {
    const m = d.re.exec(text);
    if (m !== null && !d.none?.test(text)) return { seniority: d.level, evidence: `seniority:"${m[0]}"` };
  }
  let best: { seniority: Seniority; evidence: string } | null = null;
  for (const g of GRADED) {
    const m = g.re.exec(text);
    if (
      m !== null &&
      !g.none?.test(text) &&
      (best === null || (RANK.get(g.level) ?? 0) > (RANK.get(best.seniority) ?? 0))
    ) {
      best = { seniority: g.level, evidence: `seniority:"${m[0]}"` };
    }
  }
  return best ?? { seniority: "unspecified", evidence: "seniority:none" };
}

/**
 * Role and seniority of a posting from its title; team, department and description only break ties.
 * Never throws: empty, enormous, binary or markup-laden input gives role "other", seniority "unspecified".
 */
export function classifyTitle(input: TitleInput, options?: ClassifyOptions): Classification {
  const safe: TitleInput = input !== null && typeof input === "object" ? input : { title: "" };
  const folded = foldText(safe.title, matching.maxTitleChars);
  // Nothing but punctuation ("—/—") is no title at all.
  const title = /[a-z0-9]/.test(folded) ? folded : "";
  const role = decideRole(title, safe, options);
  const seniority = decideSeniority(title);
  return {
    role: role.role,
    roleConfidence: role.confidence,
    seniority: seniority.seniority,
    evidence: [...role.evidence, seniority.evidence],
    taxonomyVersion: TAXONOMY_VERSION,
  };
}
