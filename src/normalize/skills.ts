/**
 * The skills taxonomy (data/skills/v1.json) and the matcher that finds its skills in description text.
 *
 * The data holds the vocabulary (ids, names, categories, aliases, context rules); this module holds only the
 * mechanism. Text is cut into tokens once (lower-cased, "c++", "ci/cd", ".net", "scikit-learn" kept whole),
 * and every alias is a token sequence in a trie keyed by its first token; tokens are probed by hash in place,
 * never copied, so matching costs one table probe per token plus a short longest-match walk (about 20,000
 * descriptions/s per core, several times one big alternation regex: docs/skills.md). Aliases that are also
 * ordinary words ("R", "Go", "Spark", "Ray") count only with the evidence their context rule asks for;
 * phrases that are never a skill ("excel at", "R&D", "go to market") are trie entries of their own that win
 * by being longer and report nothing.
 *
 * It deliberately does not weigh mentions (required vs nice-to-have), infer unnamed skills, or read HTML:
 * descriptions arrive as plain text (html-text.ts).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { RoledexError } from "../domain/errors.ts";
import { SKILL_CATEGORIES, type SkillCategory } from "../domain/vocab.ts";

const phraseList = z.array(z.string().min(1));

const contextSchema = z
  .object({
    /** Aliases of the skill that count only with the checks below; the skill's other aliases always count. */
    aliases: phraseList.optional(),
    /** "exact": spelled in the text exactly as the alias is written here ("R", "Go", "SAS"); "capitalized": first letter upper case. */
    case: z.enum(["exact", "capitalized"]).optional(),
    /** Confirms when one of these phrases comes right before ("in R", "written in Go"). */
    before: phraseList.optional(),
    /** Confirms when one of these phrases comes right after ("R programming", "Spark streaming"). */
    after: phraseList.optional(),
    /** Confirms when the alias sits in a list next to a skill of these categories ("Python, R, SQL", "(R/Python)"). */
    list: z.array(z.enum(SKILL_CATEGORIES)).optional(),
    /** Confirms when one of these words is within `window` tokens on either side. */
    near: phraseList.optional(),
    window: z.number().int().min(1).max(20).optional(),
    /** Phrases that are never this skill ("excel at", "R&D"); they win over the alias by being longer. */
    exclude: phraseList.optional(),
    /** "exact": the exclusions hold only when spelled as written ("to excel" but not "limited to Excel"). */
    excludeCase: z.literal("exact").optional(),
  })
  .strict();

const skillSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    category: z.enum(SKILL_CATEGORIES),
    aliases: phraseList.min(1),
    context: contextSchema.optional(),
    /** Skills a mention of this one names too (PySpark names Spark, T-SQL names SQL). */
    implies: z.array(z.string().min(1)).optional(),
    /**
     * Skills whose alias opens one of this skill's aliases without being meant by it: "regression testing" is
     * not "regression". Other such inner aliases count ("AWS" in "AWS Glue", "SQL" in "SQL Server").
     */
    masks: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const skillTaxonomySchema = z
  .object({ version: z.string().min(1), skills: z.array(skillSchema).min(1) })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    t.skills.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["skills", i, "id"], message: `duplicate id ${s.id}` });
      ids.add(s.id);
      if (new Set(s.aliases).size !== s.aliases.length) {
        ctx.addIssue({ code: "custom", path: ["skills", i, "aliases"], message: `duplicate alias in ${s.id}` });
      }
      for (const a of s.context?.aliases ?? []) {
        if (!s.aliases.includes(a)) {
          ctx.addIssue({ code: "custom", path: ["skills", i, "context"], message: `${s.id}: "${a}" is not an alias` });
        }
      }
    });
    t.skills.forEach((s, i) => {
      for (const key of ["implies", "masks"] as const) {
        for (const target of s[key] ?? []) {
          if (!ids.has(target) || target === s.id) {
            ctx.addIssue({ code: "custom", path: ["skills", i, key], message: `${s.id} ${key} unknown ${target}` });
          }
        }
      }
    });
  });

export type SkillTaxonomy = z.infer<typeof skillTaxonomySchema>;
export type Skill = SkillTaxonomy["skills"][number];
type SkillContext = NonNullable<Skill["context"]>;

/** Validates taxonomy JSON (the bundled file or a user's extension of it). */
export function parseSkillTaxonomy(json: unknown, source = "skills taxonomy"): SkillTaxonomy {
  const parsed = skillTaxonomySchema.safeParse(json);
  if (!parsed.success) {
    throw new RoledexError("E_INPUT", `invalid ${source}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------
// Tokenizer

/**
 * Character classes over UTF-16 code units. A token is a run of word characters and connectors; connectors
 * come in three levels, and a run is split at the first level that does not leave it whole in the dictionary:
 * hyphens and apostrophes ("fine-tuning" = "fine tuning"), then `/` and `&` ("Python/R", but "CI/CD" and
 * "A/B" stay whole), then `.` `+` `#` ("python3.8", but "node.js", "C++", "C#" and ".NET" stay whole).
 */
const SEP = 0;
const WORD = 1;
const JOIN1 = 2;
const JOIN2 = 3;
const JOIN3 = 4;
const CLASS = (() => {
  const c = new Uint8Array(0x10000);
  for (let i = 0x30; i <= 0x39; i++) c[i] = WORD;
  for (let i = 0x41; i <= 0x5a; i++) c[i] = WORD;
  for (let i = 0x61; i <= 0x7a; i++) c[i] = WORD;
  // Letters of other scripts are word characters, so "Société" or "résumé" never leave a stray "r" or "t".
  for (let i = 0xc0; i < 0x2000; i++) c[i] = WORD;
  for (let i = 0x2c00; i < 0xd800; i++) c[i] = WORD;
  for (let i = 0xf900; i < 0xfe00; i++) c[i] = WORD;
  c[0xd7] = SEP;
  c[0xf7] = SEP;
  for (const ch of "-_'\u2019") c[ch.charCodeAt(0)] = JOIN1;
  for (const ch of "/&") c[ch.charCodeAt(0)] = JOIN2;
  for (const ch of ".+#") c[ch.charCodeAt(0)] = JOIN3;
  return c;
})();
/** ASCII-only lower case: every index stays aligned with the original text, and aliases are ASCII anyway. */
const LOWER = (() => {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i >= 0x41 && i <= 0x5a ? i + 32 : i;
  return t;
})();
const DOT = 0x2e;
const PLUS = 0x2b;
const HASH = 0x23;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Tokens as [start, end) spans of the original text with a hash of their lower-cased characters. No token is
 * ever copied into a string on the hot path: the dictionary is probed by hash and confirmed in place.
 */
class Tokens {
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  hash = new Int32Array(1024);
  length = 0;

  push(start: number, end: number, hash: number): void {
    const n = this.length;
    if (n === this.start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(n * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.hash = grow(this.hash);
    }
    this.start[n] = start;
    this.end[n] = end;
    this.hash[n] = hash;
    this.length = n + 1;
  }
}

function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ (LOWER[text.charCodeAt(k)] as number), FNV_PRIME);
  return h;
}

/** Whether text[start, end), lower-cased, is `token`. */
function sameToken(text: string, start: number, end: number, token: string): boolean {
  if (end - start !== token.length) return false;
  for (let k = 0; k < token.length; k++) if (LOWER[text.charCodeAt(start + k)] !== token.charCodeAt(k)) return false;
  return true;
}

function tokenText(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** The tokens with connectors that stay whole ("c++", "ci/cd", "node.js", "r&d"). */
interface Compounds {
  has(text: string, start: number, end: number, hash: number): boolean;
}

/**
 * An open-addressing table from (context number, token) to a value: the trie's edges (context = parent node)
 * and the compound set (context 0). Built once; a probe costs a few multiplies and, on a hit, a compare.
 */
class TokenTable<T> {
  private readonly mask: number;
  private readonly keys: Int32Array;
  private readonly contexts: Int32Array;
  private readonly tokens: string[];
  private readonly values: (T | undefined)[];

  constructor(rows: readonly { context: number; token: string; value: T }[]) {
    let size = 16;
    while (size < rows.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.contexts = new Int32Array(size).fill(-1);
    this.tokens = new Array<string>(size).fill("");
    this.values = new Array<T | undefined>(size);
    for (const r of rows) {
      const h = hashRange(r.token, 0, r.token.length);
      let slot = TokenTable.slot(r.context, h) & this.mask;
      while (this.contexts[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.contexts[slot] = r.context;
      this.tokens[slot] = r.token;
      this.values[slot] = r.value;
    }
  }

  /** Mixes the parent node into the token hash (murmur3's finaliser), so every bit of the slot is random. */
  private static slot(context: number, hash: number): number {
    let h = hash ^ Math.imul(context + 1, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  get(context: number, text: string, start: number, end: number, hash: number): T | undefined {
    let slot = TokenTable.slot(context, hash) & this.mask;
    for (;;) {
      const c = this.contexts[slot];
      if (c === -1) return undefined;
      if (this.keys[slot] === hash && c === context && sameToken(text, start, end, this.tokens[slot] as string)) {
        return this.values[slot];
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Cuts `text` into tokens; `compounds` says which connector-joined pieces stay whole. */
function tokenize(text: string, compounds: Compounds, out: Tokens): void {
  out.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cls = CLASS[c] as number;
    if (cls !== WORD) {
      // A run may open with "." when a word follows and none precedes (".NET").
      const opensDot =
        c === DOT &&
        i + 1 < n &&
        CLASS[text.charCodeAt(i + 1)] === WORD &&
        (i === 0 || CLASS[text.charCodeAt(i - 1)] !== WORD);
      if (!opensDot) {
        i++;
        continue;
      }
    }
    const start = i;
    let joined = cls !== WORD;
    let h = Math.imul(FNV_OFFSET ^ (LOWER[c] as number), FNV_PRIME);
    i++;
    // Extend over word characters and connectors; a connector stays in the run only when a word character or a
    // "+"/"#" suffix follows it. The hash is only kept for a plain run; a joined one is hashed piece by piece.
    while (i < n) {
      c = text.charCodeAt(i);
      cls = CLASS[c] as number;
      if (cls === WORD) {
        h = Math.imul(h ^ (LOWER[c] as number), FNV_PRIME);
        i++;
        continue;
      }
      if (cls === SEP) break;
      let k = i + 1;
      while (k < n && (CLASS[text.charCodeAt(k)] as number) > WORD) k++;
      if (k < n && CLASS[text.charCodeAt(k)] === WORD) {
        joined = true;
        i = k;
        continue;
      }
      // Trailing connectors: keep a "+"/"#" suffix ("c++", "c#", "kdb+"), drop the rest ("end.", "5-").
      let s = i;
      while (s < k && (text.charCodeAt(s) === PLUS || text.charCodeAt(s) === HASH)) s++;
      if (s > i) joined = true;
      i = s;
      break;
    }
    if (!joined) out.push(start, i, h);
    else splitRun(text, start, i, JOIN1, compounds, out);
  }
}

function splitRun(text: string, start: number, end: number, level: number, compounds: Compounds, out: Tokens): void {
  // Trim connectors at the edges, keeping a leading "." before a word and trailing "+"/"#".
  while (start < end) {
    const c = text.charCodeAt(start);
    if (CLASS[c] === WORD) break;
    if (c === DOT && start + 1 < end && CLASS[text.charCodeAt(start + 1)] === WORD) break;
    start++;
  }
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (CLASS[c] === WORD || c === PLUS || c === HASH) break;
    end--;
  }
  if (end <= start) return;
  let plain = true;
  for (let k = start; k < end; k++) {
    if (CLASS[text.charCodeAt(k)] !== WORD) {
      plain = false;
      break;
    }
  }
  const h = hashRange(text, start, end);
  if (plain || compounds.has(text, start, end, h)) {
    out.push(start, end, h);
    return;
  }
  if (level === JOIN3) {
    splitWords(text, start, end, compounds, out);
    return;
  }
  let from = start;
  for (let k = start; k <= end; k++) {
    if (k === end || CLASS[text.charCodeAt(k)] === level) {
      if (k > from) splitRun(text, from, k, level + 1, compounds, out);
      from = k + 1;
    }
  }
}

/** Last resort: plain word pieces, each keeping a known "."-prefix or "+"/"#"-suffix (".net", "c++", "c#"). */
function splitWords(text: string, start: number, end: number, compounds: Compounds, out: Tokens): void {
  let k = start;
  while (k < end) {
    while (k < end && CLASS[text.charCodeAt(k)] !== WORD) k++;
    if (k >= end) return;
    let s = k;
    while (k < end && CLASS[text.charCodeAt(k)] === WORD) k++;
    let e = k;
    let suffix = k;
    while (suffix < end && (text.charCodeAt(suffix) === PLUS || text.charCodeAt(suffix) === HASH)) suffix++;
    if (suffix > k && compounds.has(text, s, suffix, hashRange(text, s, suffix))) e = suffix;
    if (s > start && text.charCodeAt(s - 1) === DOT && compounds.has(text, s - 1, e, hashRange(text, s - 1, e))) s--;
    out.push(s, e, hashRange(text, s, e));
    k = Math.max(k, e);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Compiled dictionary

interface CompiledContext {
  caseMode: "exact" | "capitalized" | null;
  before: string[][];
  after: string[][];
  list: ReadonlySet<SkillCategory> | null;
  near: ReadonlySet<string> | null;
  window: number;
  hasEvidence: boolean;
}

interface Entry {
  /** Index into the skill list, or -1 for a phrase that is never a skill. */
  skill: number;
  /** The alias as written in the data, for the case check. */
  form: string;
  context: CompiledContext | null;
  /** For an exclusion that must match case: its tokens as written ("Excel in", but not "Word and Excel in"). */
  cased: string[] | null;
}

interface BuildNode {
  next: Map<string, BuildNode> | null;
  entries: Entry[] | null;
}

interface Span {
  skill: number;
  start: number;
  end: number;
}

interface Candidate {
  entry: Entry;
  context: CompiledContext;
  start: number;
  end: number;
}

/** Characters allowed between two items of a list ("Python, R", "(R/Python)", "• SQL\n• R"). */
const LIST_GAP = new Set(" \t\r\n,/()[]&|;:+*•·-–—\"'\u00a0".split("").map((c) => c.charCodeAt(0)));
const MAX_LIST_GAP = 12;
const LIST_WORDS = ["and", "or"];
const MAX_LIST_WORDS = 2;
const DEFAULT_WINDOW = 6;
/** Spellings one phrase may expand to (hyphenated compounds whole or split); a bound for pathological data. */
const MAX_VARIANTS = 16;
/** Longest phrase, in tokens, the trie walk can report (the bundled data's longest has 7); compiling refuses more. */
const MAX_ALIAS_TOKENS = 16;
/** Rounds of context checks, so a confirmed ambiguous skill can confirm its neighbour ("C, R, Go"). */
const MAX_ROUNDS = 3;

/** Characters that may separate the tokens of one alias: spaces, line breaks, hyphens, slashes, apostrophes. */
const SOFT_GAP = (() => {
  const t = new Uint8Array(0x10000);
  for (const ch of " \t\r\n\u00a0-\u2010\u2013_/'\u2019&") t[ch.charCodeAt(0)] = 1;
  return t;
})();

function softGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (SOFT_GAP[text.charCodeAt(k)] !== 1) return false;
  return true;
}

/** One mention: the skill and the characters of the original text it was read from (kept for audits). */
export interface SkillMention {
  id: string;
  start: number;
  end: number;
  text: string;
}

export interface SkillMatcher {
  /** Sorted unique ids of the skills the text mentions. */
  match(text: string): string[];
  /** Every mention with its offsets, in text order; a skill implied by another shares its offsets. */
  mentions(text: string): SkillMention[];
  /** The tokens the matcher sees, lower-cased, for tests and debugging. */
  tokens(text: string): string[];
}

/** Compiles a taxonomy once into a token dictionary; the returned matcher is cheap to call. */
export function compileSkillMatcher(taxonomy: SkillTaxonomy): SkillMatcher {
  const skills = taxonomy.skills;
  const index = new Map(skills.map((s, i) => [s.id, i]));
  const category = skills.map((s) => s.category);
  const implies = skills.map((s) => (s.implies ?? []).map((id) => index.get(id) as number));
  const masks = skills.map((s) => new Set((s.masks ?? []).map((id) => index.get(id) as number)));

  // Pass 1: the connector-joined tokens the tokenizer keeps whole. Every "/", "&", ".", "+", "#" piece of a
  // phrase in the data is one ("c++", "ci/cd", "node.js", "r&d"). A hyphenated piece is one only when it is a
  // whole phrase ("scikit-learn", "t-sql", "c-suite"): hyphen and space are the same joiner, and keeping
  // "k-nearest" whole would hide the "nearest neighbor" inside "k-nearest neighbor".
  const buffer = new Tokens();
  const plainWords = new Set<string>();
  const hyphenWords = new Map<string, string>();
  const joinKey = (t: string) => t.replace(/[-_'\u2019]+/g, "-");
  for (const phrase of allPhrases(skills)) {
    for (const hyphens of [true, false]) {
      const accept = (text: string, start: number, end: number) =>
        hyphens || !/[-_'\u2019]/.test(text.slice(start, end));
      tokenize(phrase, { has: accept }, buffer);
      for (let k = 0; k < buffer.length; k++) {
        const t = tokenText(phrase, buffer.start[k] as number, buffer.end[k] as number);
        if (!/[^a-z0-9\u00c0-\uffff]/.test(t)) continue;
        if (!/[-_'\u2019]/.test(t)) plainWords.add(t);
        else if (buffer.length === 1) hyphenWords.set(joinKey(t), t);
      }
    }
  }
  const tableOf = (words: Iterable<string>): Compounds => {
    const table = new TokenTable([...words].map((token) => ({ context: 0, token, value: true })));
    return { has: (text, start, end, h) => table.get(0, text, start, end, h) === true };
  };
  const compounds = tableOf([...plainWords, ...hyphenWords.values()]);
  const splitCompounds = tableOf(plainWords);
  // Every phrase is entered in each spelling of its hyphenated compounds: "time series forecasting" also as
  // "time-series" + "forecasting", so the text's "time-series" (one token) matches it too.
  const variants = (phrase: string): { lower: string[]; cased: string[] }[] => {
    tokenize(phrase, splitCompounds, buffer);
    const parts = Array.from({ length: buffer.length }, (_, k) => phrase.slice(buffer.start[k], buffer.end[k]));
    const out: { lower: string[]; cased: string[] }[] = [];
    const walk = (p: number, lower: string[], cased: string[]) => {
      if (out.length >= MAX_VARIANTS) return;
      if (p === parts.length) {
        out.push({ lower, cased });
        return;
      }
      const part = parts[p] as string;
      walk(p + 1, [...lower, tokenText(part, 0, part.length)], [...cased, part]);
      for (let q = p + 1; q < parts.length; q++) {
        const joined = parts.slice(p, q + 1);
        const compound = hyphenWords.get(joined.map((t) => tokenText(t, 0, t.length)).join("-"));
        if (compound === undefined) continue;
        // The compound as the data spells it ("let's"), in the letter case of this phrase.
        const letters = joined.join("");
        let k = 0;
        walk(q + 1, [...lower, compound], [...cased, compound.replace(/[^-_'\u2019]/g, () => letters[k++] ?? "")]);
      }
    };
    walk(0, [], []);
    return out;
  };
  const phraseTokens = (phrase: string): string[][] => variants(phrase).map((v) => v.lower);
  const casedTokens = (phrase: string): string[][] => variants(phrase).map((v) => v.cased);

  // Pass 2: aliases and exclusions as token sequences in a trie keyed by first token.
  const root: BuildNode = { next: new Map(), entries: null };
  const insert = (tokens: readonly string[], entry: Entry) => {
    if (tokens.length === 0 || tokens.length > MAX_ALIAS_TOKENS) {
      throw new RoledexError(
        "E_INPUT",
        `skill phrase "${entry.form}" has ${tokens.length} tokens (1-${MAX_ALIAS_TOKENS})`,
      );
    }
    let node = root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (child === undefined) {
        child = { next: null, entries: null };
        node.next.set(t, child);
      }
      node = child;
    }
    node.entries ??= [];
    // The same tokens twice for one skill ("scikit-learn", "scikit learn"): an unconditional alias wins.
    const same = entry.skill < 0 ? -1 : node.entries.findIndex((e) => e.skill === entry.skill);
    if (same < 0) node.entries.push(entry);
    else if (entry.context === null) node.entries[same] = entry;
  };
  skills.forEach((s, i) => {
    const context = s.context === undefined ? null : compileContext(s.context, phraseTokens);
    const ambiguous = new Set(s.context?.aliases ?? []);
    for (const alias of s.aliases) {
      const entry: Entry = { skill: i, form: alias, context: ambiguous.has(alias) ? context : null, cased: null };
      for (const tokens of phraseTokens(alias)) insert(tokens, entry);
    }
    for (const phrase of s.context?.exclude ?? []) {
      const cased = s.context?.excludeCase === "exact" ? casedTokens(phrase) : null;
      phraseTokens(phrase).forEach((tokens, v) => {
        insert(tokens, {
          skill: -1,
          form: phrase,
          context: null,
          cased: cased === null ? null : (cased[v] as string[]),
        });
      });
    }
  });

  // Freeze the trie into flat arrays and one edge table. An exclusion must not share its tokens with an alias:
  // that would silently delete the alias.
  const nodeEntries: (Entry[] | null)[] = [null];
  const nodeHasNext: boolean[] = [true];
  const edges: { context: number; token: string; value: number }[] = [];
  const freeze = (node: BuildNode, id: number) => {
    for (const [token, child] of node.next ?? []) {
      const childId = nodeEntries.length;
      const entries = child.entries;
      if (entries?.some((e) => e.skill < 0) && entries.some((e) => e.skill >= 0)) {
        const forms = entries.map((e) => e.form).join('", "');
        throw new RoledexError("E_INPUT", `skill phrases "${forms}" are both an alias and an exclusion`);
      }
      nodeEntries.push(entries);
      nodeHasNext.push(child.next !== null);
      edges.push({ context: id, token, value: childId });
      freeze(child, childId);
    }
  };
  freeze(root, 0);
  const edgeTable = new TokenTable(edges);

  const tokens = new Tokens();
  const hitEnd = new Int32Array(MAX_ALIAS_TOKENS);
  const hitEntries: Entry[][] = [];

  /** Token spans of every skill found: unconditional ones first, then the confirmed ambiguous ones. */
  const find = (text: string): Span[] => {
    if (typeof text !== "string" || text.length === 0) return [];
    tokenize(text, compounds, tokens);
    const { start: ts, end: te, hash: th } = tokens;
    const n = tokens.length;
    const found: Span[] = [];
    const pending: Candidate[] = [];

    const take = (entry: Entry, start: number, end: number) => {
      if (entry.context === null) found.push({ skill: entry.skill, start, end });
      else if (caseMatches(text, ts[start] as number, te[end] as number, entry, entry.context)) {
        pending.push({ entry, context: entry.context, start, end });
      }
    };
    const accepts = (entries: readonly Entry[], start: number, end: number) => {
      for (const e of entries) {
        if (e.skill < 0) {
          if (e.cased === null || casedAt(text, tokens, start, e.cased)) return true;
        } else if (e.context === null) return true;
        else if (caseMatches(text, ts[start] as number, te[end] as number, e, e.context)) return true;
      }
      return false;
    };

    for (let i = 0; i < n; ) {
      let node = edgeTable.get(0, text, ts[i] as number, te[i] as number, th[i] as number);
      if (node === undefined) {
        i++;
        continue;
      }
      // Walk the trie as far as the tokens go, remembering every alias that ends on the way. The tokens of one
      // alias may be apart only by spaces, hyphens or slashes: "research design" never matches "Research, design".
      let hits = 0;
      let j = i;
      for (;;) {
        const entries = nodeEntries[node];
        if (entries != null && hits < MAX_ALIAS_TOKENS) {
          hitEnd[hits] = j;
          hitEntries[hits] = entries;
          hits++;
        }
        if (!nodeHasNext[node] || j + 1 >= n) break;
        const next = edgeTable.get(node, text, ts[j + 1] as number, te[j + 1] as number, th[j + 1] as number);
        if (next === undefined || !softGap(text, te[j] as number, ts[j + 1] as number)) break;
        node = next;
        j++;
      }
      // The longest alias that holds wins ("excel at" over "excel"; "to excel" is no exclusion for "to Excel").
      let chosen = hits - 1;
      while (chosen >= 0 && !accepts(hitEntries[chosen] as Entry[], i, hitEnd[chosen] as number)) chosen--;
      if (chosen < 0) {
        i++;
        continue;
      }
      const longest = hitEntries[chosen] as Entry[];
      const end = hitEnd[chosen] as number;
      let excluded = false;
      for (const e of longest) {
        if (e.skill < 0) excluded = true;
        else take(e, i, end);
      }
      // A shorter alias of another skill that opens the longest one is a mention too ("AWS" in "AWS Glue", "SQL"
      // in "SQL Server"), unless the longer skill masks it ("regression" in "regression testing").
      if (!excluded) {
        for (let h = chosen - 1; h >= 0; h--) {
          for (const e of hitEntries[h] as Entry[]) {
            if (e.skill >= 0 && !longest.some((l) => l.skill === e.skill || masks[l.skill]?.has(e.skill))) {
              take(e, i, hitEnd[h] as number);
            }
          }
        }
      }
      i = end + 1;
    }

    if (pending.length > 0) confirm(text, tokens, found, pending, category);
    return found;
  };

  const withImplied = (skill: number, add: (skill: number) => void) => {
    add(skill);
    for (const other of implies[skill] as number[]) withImplied(other, add);
  };

  return {
    match: (text) => {
      const ids = new Set<number>();
      for (const f of find(text)) withImplied(f.skill, (k) => ids.add(k));
      return [...ids].map((k) => (skills[k] as Skill).id).sort();
    },
    mentions: (text) => {
      const out: SkillMention[] = [];
      for (const f of find(text)) {
        const start = tokens.start[f.start] as number;
        const end = tokens.end[f.end] as number;
        withImplied(f.skill, (k) =>
          out.push({ id: (skills[k] as Skill).id, start, end, text: text.slice(start, end) }),
        );
      }
      return out.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    },
    tokens: (text) => {
      if (typeof text !== "string") return [];
      tokenize(text, compounds, tokens);
      return Array.from({ length: tokens.length }, (_, k) =>
        tokenText(text, tokens.start[k] as number, tokens.end[k] as number),
      );
    },
  };
}

function allPhrases(skills: readonly Skill[]): string[] {
  return skills.flatMap((s) => {
    const c = s.context;
    return [...s.aliases, ...(c?.before ?? []), ...(c?.after ?? []), ...(c?.near ?? []), ...(c?.exclude ?? [])];
  });
}

function compileContext(c: SkillContext, phraseTokens: (p: string) => string[][]): CompiledContext {
  const before = (c.before ?? []).flatMap(phraseTokens);
  const after = (c.after ?? []).flatMap(phraseTokens);
  const list = c.list === undefined ? null : new Set(c.list);
  const near = c.near === undefined ? null : new Set(c.near.flatMap(phraseTokens).flat());
  return {
    caseMode: c.case ?? null,
    before,
    after,
    list,
    near,
    window: c.window ?? DEFAULT_WINDOW,
    hasEvidence: before.length > 0 || after.length > 0 || list !== null || near !== null,
  };
}

function casedAt(text: string, tokens: Tokens, start: number, cased: readonly string[]): boolean {
  for (let k = 0; k < cased.length; k++) {
    const form = cased[k] as string;
    const s = tokens.start[start + k] as number;
    if ((tokens.end[start + k] as number) - s !== form.length || !text.startsWith(form, s)) return false;
  }
  return true;
}

/** "R. J. Reynolds", "J.R. Smith": a capital letter between initials is a name, never a one-letter language. */
function isInitial(text: string, start: number, end: number): boolean {
  const upper = (k: number) => {
    const c = text.charCodeAt(k);
    return c >= 0x41 && c <= 0x5a;
  };
  const initialAfter = (k: number) => {
    if (text.charCodeAt(k) !== DOT) return false;
    const next = text.charCodeAt(k + 1) === 0x20 ? k + 2 : k + 1;
    return upper(next) && text.charCodeAt(next + 1) === DOT;
  };
  const initialBefore = (k: number) => {
    if (text.charCodeAt(k) === 0x20) k--;
    return text.charCodeAt(k) === DOT && upper(k - 1) && !(CLASS[text.charCodeAt(k - 2)] === WORD);
  };
  return end - start === 1 && (initialAfter(end) || (text.charCodeAt(end) === DOT && initialBefore(start - 1)));
}

function caseMatches(text: string, start: number, end: number, entry: Entry, c: CompiledContext): boolean {
  if (c.caseMode === "exact") {
    return end - start === entry.form.length && text.startsWith(entry.form, start) && !isInitial(text, start, end);
  }
  if (c.caseMode === "capitalized") {
    const ch = text.charCodeAt(start);
    return ch >= 0x41 && ch <= 0x5a;
  }
  return true;
}

/** Settles the ambiguous candidates: each needs one piece of evidence (a phrase before or after, a word near, a list neighbour). */
function confirm(
  text: string,
  tokens: Tokens,
  found: Span[],
  pending: Candidate[],
  category: readonly SkillCategory[],
): void {
  const n = tokens.length;
  const is = (k: number, token: string) => sameToken(text, tokens.start[k] as number, tokens.end[k] as number, token);
  const byStart = new Map<number, Span[]>();
  const byEnd = new Map<number, Span[]>();
  const index = (f: Span) => {
    byStart.set(f.start, [...(byStart.get(f.start) ?? []), f]);
    byEnd.set(f.end, [...(byEnd.get(f.end) ?? []), f]);
  };
  for (const f of found) index(f);

  const phraseAt = (phrase: readonly string[], from: number) => {
    if (from < 0 || from + phrase.length > n) return false;
    for (let k = 0; k < phrase.length; k++) if (!is(from + k, phrase[k] as string)) return false;
    return true;
  };
  const listGap = (a: number, b: number) => {
    const from = tokens.end[a] as number;
    const to = tokens.start[b] as number;
    if (to - from > MAX_LIST_GAP) return false;
    for (let k = from; k < to; k++) if (!LIST_GAP.has(text.charCodeAt(k))) return false;
    return true;
  };
  const listed = (spans: Span[] | undefined, cats: ReadonlySet<SkillCategory>, self: number) =>
    spans?.some((s) => s.skill !== self && cats.has(category[s.skill] as SkillCategory)) ?? false;
  // A list neighbour: the next skill on either side, with only list punctuation and at most two of "and"/"or"
  // between ("Python, R", "R and/or Python", "(R/Python)").
  const neighbour = (from: number, step: 1 | -1, cats: ReadonlySet<SkillCategory>, self: number) => {
    let k = from;
    for (let words = 0; words <= MAX_LIST_WORDS; words++) {
      const next = k + step;
      if (next < 0 || next >= n || !listGap(Math.min(k, next), Math.max(k, next))) return false;
      if (listed((step < 0 ? byEnd : byStart).get(next), cats, self)) return true;
      if (!LIST_WORDS.some((w) => is(next, w))) return false;
      k = next;
    }
    return false;
  };
  const inList = (c: Candidate, cats: ReadonlySet<SkillCategory>) =>
    neighbour(c.start, -1, cats, c.entry.skill) || neighbour(c.end, 1, cats, c.entry.skill);
  const evident = (c: Candidate) => {
    const ctx = c.context;
    if (!ctx.hasEvidence) return true;
    for (const p of ctx.before) if (phraseAt(p, c.start - p.length)) return true;
    for (const p of ctx.after) if (phraseAt(p, c.end + 1)) return true;
    if (ctx.near !== null) {
      const from = Math.max(0, c.start - ctx.window);
      const to = Math.min(n - 1, c.end + ctx.window);
      for (let k = from; k <= to; k++) {
        if (
          (k < c.start || k > c.end) &&
          ctx.near.has(tokenText(text, tokens.start[k] as number, tokens.end[k] as number))
        ) {
          return true;
        }
      }
    }
    return ctx.list !== null && inList(c, ctx.list);
  };

  let open = pending;
  for (let round = 0; round < MAX_ROUNDS && open.length > 0; round++) {
    const still: Candidate[] = [];
    const confirmed: Span[] = [];
    for (const c of open) {
      if (evident(c)) confirmed.push({ skill: c.entry.skill, start: c.start, end: c.end });
      else still.push(c);
    }
    if (confirmed.length === 0) break;
    for (const f of confirmed) {
      found.push(f);
      index(f);
    }
    open = still;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The bundled taxonomy

function loadSkills(): SkillTaxonomy {
  const url = new URL("../../data/skills/v1.json", import.meta.url);
  return parseSkillTaxonomy(JSON.parse(readFileSync(url, "utf8")), url.pathname);
}

/** The validated bundled taxonomy. A broken data file fails loudly at import time, never mid-batch. */
export const SKILL_TAXONOMY: SkillTaxonomy = loadSkills();
export const SKILLS: readonly Skill[] = SKILL_TAXONOMY.skills;
export const SKILLS_VERSION: string = SKILL_TAXONOMY.version;

const DEFAULT_MATCHER = compileSkillMatcher(SKILL_TAXONOMY);
const BY_ID = new Map(SKILLS.map((s) => [s.id, s]));

/** Sorted unique ids of the bundled taxonomy's skills that `text` mentions. Never throws; empty text gives []. */
export function matchSkills(text: string): string[] {
  return DEFAULT_MATCHER.match(text);
}

/** Every mention of a bundled-taxonomy skill in `text`, with its character offsets. */
export function findSkillMentions(text: string): SkillMention[] {
  return DEFAULT_MATCHER.mentions(text);
}

/** The tokens the bundled matcher sees in `text` (lower-cased; "c++", "ci/cd", ".net" kept whole). */
export function skillTokens(text: string): string[] {
  return DEFAULT_MATCHER.tokens(text);
}

export function skillName(id: string): string | null {
  return BY_ID.get(id)?.name ?? null;
}

export function skillCategory(id: string): SkillCategory | null {
  return BY_ID.get(id)?.category ?? null;
}
