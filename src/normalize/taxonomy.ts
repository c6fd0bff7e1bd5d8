/**
 * The role and seniority taxonomy as versioned data (data/taxonomy/v1.json), loaded and validated once at
 * module load, plus the helpers that turn its pattern vocabulary into compiled matchers and a user-typed role
 * name into a slug. The data holds the vocabulary (labels, aliases, patterns, precedence); this module and
 * classify-title.ts hold only the mechanism. It deliberately does no classification itself.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { RoledexError } from "../domain/errors.ts";
import { ROLES, type Role, SENIORITIES, type Seniority } from "../domain/vocab.ts";

const roleSlug = z.enum(ROLES);
const senioritySlug = z.enum(SENIORITIES);
const patternList = z.array(z.string().min(1)).min(1);

const roleRuleSchema = z
  .object({
    id: z.string().min(1),
    role: roleSlug,
    confidence: z.number().min(0).max(1),
    why: z.string().optional(),
    /** At least one must match (when given). */
    any: patternList.optional(),
    /** Each entry must match (an entry may itself be an alternation). */
    all: patternList.optional(),
    /** None may match. */
    none: patternList.optional(),
  })
  .refine((r) => r.any !== undefined || r.all !== undefined, { message: "a rule needs `any` or `all`" });

const contextRuleSchema = z.object({
  id: z.string().min(1),
  role: roleSlug,
  confidence: z.number().min(0).max(1),
  why: z.string().optional(),
  in: z.array(z.enum(["team", "department", "description"])).min(1),
  /** The title must match one of these (the tie is only broken for a generic title). */
  title: patternList,
  titleNone: patternList.optional(),
  context: patternList,
});

const levelRuleSchema = z.object({
  level: senioritySlug,
  any: patternList,
  /** The level does not count when one of these matches too (e.g. "VP" beside "Associate" is a bank's rank range). */
  none: patternList.optional(),
});

export const taxonomySchema = z
  .object({
    version: z.string().min(1),
    source: z.string().optional(),
    roles: z
      .array(
        z.object({
          slug: roleSlug,
          label: z.string().min(1),
          plural: z.string().min(1),
          description: z.string().min(1),
          aliases: z.array(z.string().min(1)),
        }),
      )
      .refine((roles) => roles.map((r) => r.slug).join() === ROLES.join(), {
        message: `roles must be exactly, in order: ${ROLES.join(", ")}`,
      }),
    seniorities: z
      .array(z.object({ slug: senioritySlug, label: z.string().min(1) }))
      .refine((s) => s.map((x) => x.slug).join() === SENIORITIES.join(), {
        message: `seniorities must be exactly, in order: ${SENIORITIES.join(", ")}`,
      }),
    matching: z.object({
      comment: z.string().optional(),
      maxTitleChars: z.number().int().positive(),
      maxContextChars: z.number().int().positive(),
      maxDescriptionChars: z.number().int().positive(),
    }),
    lexicon: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.array(z.string().min(1)).min(1)),
    roleRules: z.array(roleRuleSchema).min(1),
    contextRules: z.array(contextRuleSchema),
    fallback: z.object({
      role: roleSlug,
      confidence: z.number().min(0).max(1),
      emptyConfidence: z.number().min(0).max(1),
      why: z.string().optional(),
    }),
    seniority: z.object({
      comment: z.string().optional(),
      neutral: z.array(z.string().min(1)),
      decisive: z.array(levelRuleSchema),
      graded: z.array(levelRuleSchema),
    }),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    for (const r of [...t.roleRules, ...t.contextRules]) {
      if (ids.has(r.id)) ctx.addIssue({ code: "custom", path: ["roleRules"], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
    }
    // Every name a user may type must lead to one role only.
    const owner = new Map<string, Role>();
    for (const role of t.roles) {
      for (const name of [role.slug, role.label, role.plural, ...role.aliases]) {
        const key = nameKey(name);
        const prev = owner.get(key);
        if (prev !== undefined && prev !== role.slug) {
          ctx.addIssue({
            code: "custom",
            path: ["roles"],
            message: `name "${name}" is used by ${prev} and ${role.slug}`,
          });
        }
        owner.set(key, role.slug);
      }
    }
    // Every pattern must expand and compile.
    const check = (list: readonly string[] | undefined, path: (string | number)[]) => {
      for (const p of list ?? []) {
        try {
          compilePattern([p], t.lexicon);
        } catch (e) {
          ctx.addIssue({ code: "custom", path, message: `bad pattern "${p}": ${(e as Error).message}` });
        }
      }
    };
    for (const [k, v] of Object.entries(t.lexicon)) check(v, ["lexicon", k]);
    t.roleRules.forEach((r, i) => {
      check(r.any, ["roleRules", i, "any"]);
      check(r.all, ["roleRules", i, "all"]);
      check(r.none, ["roleRules", i, "none"]);
    });
    t.contextRules.forEach((r, i) => {
      check(r.title, ["contextRules", i, "title"]);
      check(r.titleNone, ["contextRules", i, "titleNone"]);
      check(r.context, ["contextRules", i, "context"]);
    });
    check(t.seniority.neutral, ["seniority", "neutral"]);
    for (const l of [...t.seniority.decisive, ...t.seniority.graded]) {
      check(l.any, ["seniority", l.level]);
      check(l.none, ["seniority", l.level]);
    }
  });

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type RoleRule = Taxonomy["roleRules"][number];
export type ContextRule = Taxonomy["contextRules"][number];

const MAX_LEXICON_DEPTH = 4;

function expand(pattern: string, lexicon: Readonly<Record<string, readonly string[]>>, depth: number): string {
  return pattern.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (_, name: string) => {
    const entry = lexicon[name];
    if (entry === undefined) throw new Error(`unknown lexicon entry {${name}}`);
    if (depth >= MAX_LEXICON_DEPTH) throw new Error(`lexicon nesting deeper than ${MAX_LEXICON_DEPTH} at {${name}}`);
    return `(?:${entry.map((p) => expand(p, lexicon, depth + 1)).join("|")})`;
  });
}

/**
 * One matcher for a list of taxonomy patterns: lexicon references expanded, the alternatives joined and
 * anchored on word edges of the folded text (letters and digits; `+`, `&`, `/` and spaces are edges).
 */
export function compilePattern(
  patterns: readonly string[],
  lexicon: Readonly<Record<string, readonly string[]>> = TAXONOMY.lexicon,
  flags = "",
): RegExp {
  const body = patterns.map((p) => expand(p, lexicon, 0)).join("|");
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, flags);
}

/** Folds a role name for lookup: lower case, punctuation to spaces, each word's plural "s" dropped. */
function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .join(" ");
}

function loadTaxonomy(): Taxonomy {
  const url = new URL("../../data/taxonomy/v1.json", import.meta.url);
  const parsed = taxonomySchema.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(`invalid taxonomy ${url.pathname}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The validated taxonomy. A broken data file fails loudly at import time, never mid-batch. */
export const TAXONOMY: Taxonomy = loadTaxonomy();
export const TAXONOMY_VERSION: string = TAXONOMY.version;

const ROLE_INFO = new Map(TAXONOMY.roles.map((r) => [r.slug, r]));

export function roleLabel(role: Role): string {
  return ROLE_INFO.get(role)?.label ?? role;
}

export function rolePlural(role: Role): string {
  return ROLE_INFO.get(role)?.plural ?? role;
}

export function seniorityLabel(seniority: Seniority): string {
  return TAXONOMY.seniorities.find((s) => s.slug === seniority)?.label ?? seniority;
}

/** Every name of every role, folded, with its role: slug, label, plural and aliases. */
const NAMES: ReadonlyArray<{ key: string; role: Role; grams: ReadonlySet<string> }> = TAXONOMY.roles.flatMap((r) =>
  [r.slug, r.label, r.plural, ...r.aliases].map((n) => {
    const key = nameKey(n);
    return { key, role: r.slug, grams: trigrams(key) };
  }),
);
const BY_NAME = new Map(NAMES.map((n) => [n.key, n.role]));

function trigrams(s: string): Set<string> {
  const padded = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient over character trigrams: 1 for equal strings, 0 for nothing in common. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export type RoleResolution = { role: Role } | { role: null; nearest: Role[] };

/**
 * Maps a name a user typed ("Applied ML Engineer", "research engineers", "ml-infra-engineer") to its role by
 * slug, label, plural or alias, ignoring case, punctuation and plural endings. An unknown name gets the three
 * roles whose names are most alike (trigram similarity), best first.
 */
export function resolveRole(name: string): RoleResolution {
  const key = nameKey(typeof name === "string" ? name.slice(0, 200) : "");
  const hit = BY_NAME.get(key);
  if (hit !== undefined) return { role: hit };
  const grams = trigrams(key);
  const best = new Map<Role, number>();
  for (const n of NAMES) {
    const s = similarity(grams, n.grams);
    if (s > (best.get(n.role) ?? -1)) best.set(n.role, s);
  }
  const nearest = [...best.entries()]
    .sort((a, b) => b[1] - a[1] || ROLES.indexOf(a[0]) - ROLES.indexOf(b[0]))
    .slice(0, 3)
    .map(([role]) => role);
  return { role: null, nearest };
}

/** A role name as a user typed it → its slug, or an E_UNKNOWN_ROLE error naming the nearest roles. */
export function requireRole(name: string): Role {
  const resolved = resolveRole(name);
  if (resolved.role !== null) return resolved.role;
  const nearest = resolved.nearest.map((r) => `"${roleLabel(r)}" (${r})`).join(", ");
  throw new RoledexError("E_UNKNOWN_ROLE", `unknown role "${name.slice(0, 100)}"; nearest: ${nearest}`);
}
