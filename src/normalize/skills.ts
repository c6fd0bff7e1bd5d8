/**
 * The skills taxonomy (data/skills/v1.json) and the matcher that finds its skills in description text.
 *
 * The data holds the vocabulary (ids, names, categories, aliases, context rules); this module holds only the
 * mechanism. Text is cut into tokens once (lower-cased, "c++", "ci/cd", ".net", "scikit-learn" kept whole),
 * and every alias is a token sequence in a trie keyed by its first token; tokens are probed by hash in place,
 * never copied, so matching costs a bit test per token, a table probe for the third that pass it and a short
 * longest-match walk, and leaves next to no garbage (about 35,000 descriptions/s per core, several times one
 * big alternation regex: docs/skills.md). Aliases that are also ordinary words ("R", "Go", "Spark", "Ray")
 * count only with the evidence their context rule asks for; phrases that are never a skill ("excel at", "R&D",
 * "go to market") are trie entries of their own that win by being longer and report nothing.
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
 * ever copied into a string on the hot path: the dictionary is probed by hash and confirmed in place. On the
 * way in, each token is offered to the filter of the dictionary's first tokens, and the matcher then looks up
 * only the few that pass (`opener`), not every token.
 */
class Tokens {
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  hash = new Int32Array(1024);
  length = 0;
  /** Indices of the tokens that may open a dictionary phrase, in order. */
  opener = new Int32Array(1024);
  openers = 0;

  constructor(private readonly firstTokens: TokenTable | null) {}

  clear(): void {
    this.length = 0;
    this.openers = 0;
  }

  push(start: number, end: number, hash: number): void {
    const n = this.length;
    if (n === this.start.length) {
      this.start = doubled(this.start);
      this.end = doubled(this.end);
      this.hash = doubled(this.hash);
      this.opener = doubled(this.opener);
    }
    this.start[n] = start;
    this.end[n] = end;
    this.hash[n] = hash;
    this.length = n + 1;
    if (this.firstTokens !== null) {
      // Free of branches, as whether a word passes is a coin toss: always written, counted when it passes.
      this.opener[this.openers] = n;
      this.openers += this.firstTokens.mayHold(0, hash);
    }
  }
}

/** A copy of `a` twice as long, for the buffers that are reused from call to call and grow when they must. */
function doubled(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Folds a character for the token hash: ASCII upper case onto lower case, and, harmlessly, a few other pairs
 * onto each other ("À" and "à"): a hash match counts only once confirmed character by character (sameToken).
 */
function fold(c: number): number {
  return c | 0x20;
}

/** FNV-1a over the folded characters of text[start, end): the same for any letter case. */
function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ fold(text.charCodeAt(k)), FNV_PRIME);
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
 * An open-addressing table from (context number, token) to a positive number: the trie's edges (context =
 * parent node, value = child node), the compound set and the words of a `near` rule (context 0, value 1).
 * Built once. A bit filter over the (context, hash) pairs turns most misses away before the table is touched;
 * the table is at most a quarter full, so a probe usually ends at its first slot.
 */
class TokenTable implements Compounds {
  /** Four bits a slot, so at most one in sixteen set: 32,768 bits (4 KB) for the dictionary's 2,000 first tokens. */
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  private readonly shift: number;
  private readonly mask: number;
  /** Three numbers a slot, together in one cache line: token hash, context, value (0 = empty). */
  private readonly slots: Int32Array;
  private readonly tokens: string[];
  /** No two rows share context and hash: a hash alone then names the row, and the token may be confirmed later. */
  readonly uniqueHashes: boolean;

  constructor(rows: readonly { context: number; token: string; value: number }[]) {
    let bits = 4;
    while (1 << bits < rows.length * 4) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.filter = new Int32Array(1 << (bits + 2 - 5));
    this.filterShift = 32 - (bits + 2);
    this.slots = new Int32Array(3 << bits);
    this.tokens = new Array<string>(1 << bits).fill("");
    let unique = true;
    for (const r of rows) {
      const h = hashRange(r.token, 0, r.token.length);
      const mixed = TokenTable.mix(r.context, h);
      const f = mixed >>> this.filterShift;
      this.filter[f >>> 5] = (this.filter[f >>> 5] as number) | (1 << (f & 31));
      let slot = mixed >>> this.shift;
      while (this.slots[slot * 3 + 2] !== 0) {
        if (this.slots[slot * 3] === h && this.slots[slot * 3 + 1] === r.context) unique = false;
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot * 3] = h;
      this.slots[slot * 3 + 1] = r.context;
      this.slots[slot * 3 + 2] = r.value;
      this.tokens[slot] = r.token;
    }
    this.uniqueHashes = unique;
  }

  /** Fibonacci hashing of the token hash mixed with the context: the filter and the slot are its top bits. */
  private static mix(context: number, hash: number): number {
    return Math.imul(hash ^ Math.imul(context, 0x85ebca6b), 0x9e3779b1);
  }

  /** 1 when the filter lets (context, hash) through, so that the table may hold it; else 0. */
  mayHold(context: number, hash: number): number {
    const f = TokenTable.mix(context, hash) >>> this.filterShift;
    return ((this.filter[f >>> 5] as number) >>> (f & 31)) & 1;
  }

  /** The value of (context, text[start, end) lower-cased), whose hash is `hash`; 0 when absent. */
  get(context: number, text: string, start: number, end: number, hash: number): number {
    if (this.mayHold(context, hash) === 0) return 0;
    const slot = this.find(context, text, start, end, hash, true);
    return slot < 0 ? 0 : (this.slots[slot * 3 + 2] as number);
  }

  /**
   * The slot of (context, text[start, end) lower-cased), without the filter, or -1. With `confirm` false, the
   * first slot of the hash answers, and `holds` must confirm it before it counts (only when `uniqueHashes`).
   */
  find(context: number, text: string, start: number, end: number, hash: number, confirm: boolean): number {
    const slots = this.slots;
    let slot = TokenTable.mix(context, hash) >>> this.shift;
    for (;;) {
      const at = slot * 3;
      if (slots[at + 2] === 0) return -1;
      if (slots[at] === hash && slots[at + 1] === context && (!confirm || this.holds(slot, text, start, end))) {
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** As a set of compounds (context 0). */
  has(text: string, start: number, end: number, hash: number): boolean {
    return this.get(0, text, start, end, hash) !== 0;
  }

  value(slot: number): number {
    return this.slots[slot * 3 + 2] as number;
  }

  /** Whether the token of `slot` is text[start, end), lower-cased. */
  holds(slot: number, text: string, start: number, end: number): boolean {
    return sameToken(text, start, end, this.tokens[slot] as string);
  }
}

/** Characters the first pass of the tokenizer reads at a time; a longer text is read in segments. */
const SEGMENT = 8192;
/**
 * The runs of word characters of one segment, found by `wordRuns`: run r is [runBound[2r], runBound[2r + 1])
 * with hash runHash[r]. A segment writes at most one bound per character and one more, a hash per two.
 */
const runBound = new Int32Array(SEGMENT + 1);
const runHash = new Int32Array(SEGMENT / 2 + 1);
const IS_WORD = CLASS.map((cls) => (cls === WORD ? 1 : 0));

/**
 * Cuts `text` into tokens; `compounds` says which connector-joined pieces stay whole. Segment by segment, a
 * first pass finds the runs of word characters; a run with a separator after it (the common case) is a token
 * as it stands, and one next to a connector ("C++", "node.js", "end.", ".NET") is read again by `scanRun`.
 */
function tokenize(text: string, compounds: Compounds, out: Tokens): void {
  out.clear();
  const n = text.length;
  let covered = 0;
  for (let from = 0; from < n; ) {
    const to = Math.min(n, from + SEGMENT);
    const runs = wordRuns(text, from, to);
    for (let r = 0; r < runs; r++) {
      const start = runBound[2 * r] as number;
      if (start < covered) continue;
      const end = runBound[2 * r + 1] as number;
      // A run may open with "." when a word follows and none precedes (".NET").
      const opensDot =
        start > covered &&
        text.charCodeAt(start - 1) === DOT &&
        (start === 1 || CLASS[text.charCodeAt(start - 2)] !== WORD);
      if (opensDot) covered = scanRun(text, start - 1, compounds, out);
      else if (end === n || (end < to && endsPlain(text, end))) out.push(start, end, runHash[r] as number);
      else covered = scanRun(text, start, compounds, out);
    }
    from = Math.max(to, covered);
  }
}

/**
 * Whether a run of word characters that stops at `end`, before the end of the text, is a token as it stands:
 * a separator follows, or connectors that neither join a word nor start a "+"/"#" suffix ("end.", "5-").
 */
function endsPlain(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (CLASS[c] === SEP) return true;
  if (c === PLUS || c === HASH) return false;
  let k = end + 1;
  while (k < text.length && (CLASS[text.charCodeAt(k)] as number) > WORD) k++;
  return k === text.length || CLASS[text.charCodeAt(k)] !== WORD;
}

/**
 * The runs of word characters in text[from, to) into runBound/runHash, and their number; a run still open at
 * `to` ends there. Free of branches, as the lengths of words in prose defeat a branch predictor: every position
 * is written to runBound, and the count moves on where a run starts or ends. The hash takes in each character
 * of a run and starts over after one.
 */
function wordRuns(text: string, from: number, to: number): number {
  let bounds = 0;
  let inRun = 0;
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const word = IS_WORD[c] as number;
    runBound[bounds] = i;
    bounds += word ^ inRun;
    const keep = -inRun;
    h = Math.imul((h & keep) ^ (fold(c) ^ (FNV_OFFSET & ~keep)), FNV_PRIME);
    runHash[bounds >> 1] = h;
    inRun = word;
  }
  runBound[bounds] = to;
  return (bounds + inRun) >> 1;
}

/**
 * Reads one run from `start` (a word character, or a "." before one) over word characters and connectors,
 * cuts it into tokens and returns where it ends. A connector stays in the run only when a word character or a
 * "+"/"#" suffix follows it.
 */
function scanRun(text: string, start: number, compounds: Compounds, out: Tokens): number {
  const n = text.length;
  let joined = CLASS[text.charCodeAt(start)] !== WORD;
  let i = start + 1;
  while (i < n) {
    const cls = CLASS[text.charCodeAt(i)] as number;
    if (cls === WORD) {
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
  if (!joined) out.push(start, i, hashRange(text, start, i));
  else splitRun(text, start, i, JOIN1, compounds, out);
  return i;
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
  /** The words of `near`, looked up in place like the dictionary. */
  near: TokenTable | null;
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

/**
 * The skills found in one text as token spans [start, end], in the order found: unconditional ones first, then
 * the confirmed ambiguous ones. Parallel arrays reused from call to call, so a text leaves next to no garbage.
 */
class Spans {
  skill = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  length = 0;

  push(skill: number, start: number, end: number): void {
    const n = this.length;
    if (n === this.skill.length) {
      this.skill = doubled(this.skill);
      this.start = doubled(this.start);
      this.end = doubled(this.end);
    }
    this.skill[n] = skill;
    this.start[n] = start;
    this.end[n] = end;
    this.length = n + 1;
  }
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
  const buffer = new Tokens(null);
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
  const tableOf = (words: Iterable<string>): Compounds =>
    new TokenTable([...words].map((token) => ({ context: 0, token, value: 1 })));
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
  // The first tokens of all phrases apart from the rest: a small table, and a filter that turns most words away.
  const rootTable = new TokenTable(edges.filter((e) => e.context === 0));
  const childTable = new TokenTable(edges.filter((e) => e.context !== 0));

  const lazyRoot = rootTable.uniqueHashes;
  const tokens = new Tokens(rootTable);
  const found = new Spans();
  const pending: Candidate[] = [];
  const check = new ContextCheck(category, tokens, found);
  const hitEnd = new Int32Array(MAX_ALIAS_TOKENS);
  const hitEntries: Entry[][] = [];

  /** The spans of every skill found in `text`, in `found` (valid until the next call). */
  const find = (text: string): Spans => {
    found.length = 0;
    pending.length = 0;
    if (typeof text !== "string" || text.length === 0) return found;
    tokenize(text, compounds, tokens);
    const { start: ts, end: te, hash: th, opener } = tokens;
    const n = tokens.length;

    // Only the tokens the first-token filter let through can open a phrase; those inside a match are skipped.
    for (let o = 0, resume = 0; o < tokens.openers; o++) {
      const i = opener[o] as number;
      if (i < resume) continue;
      // When the first tokens' hashes are unique, the hash finds the node and the token is confirmed only once
      // an alias turns out to end on the walk: most openers ("and", "to", "in") lead nowhere.
      const slot = rootTable.find(0, text, ts[i] as number, te[i] as number, th[i] as number, !lazyRoot);
      if (slot < 0) continue;
      let node = rootTable.value(slot);
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
        const child = childTable.get(node, text, ts[j + 1] as number, te[j + 1] as number, th[j + 1] as number);
        if (child === 0 || !softGap(text, te[j] as number, ts[j + 1] as number)) break;
        node = child;
        j++;
      }
      if (hits === 0 || (lazyRoot && !rootTable.holds(slot, text, ts[i] as number, te[i] as number))) continue;
      // The longest alias that holds wins ("excel at" over "excel"; "to excel" is no exclusion for "to Excel").
      let chosen = hits - 1;
      while (chosen >= 0 && !accepts(text, tokens, hitEntries[chosen] as Entry[], i, hitEnd[chosen] as number)) {
        chosen--;
      }
      if (chosen < 0) continue;
      const longest = hitEntries[chosen] as Entry[];
      const end = hitEnd[chosen] as number;
      let excluded = false;
      for (const e of longest) {
        if (e.skill < 0) excluded = true;
        else take(text, tokens, e, i, end, found, pending);
      }
      // A shorter alias of another skill that opens the longest one is a mention too ("AWS" in "AWS Glue", "SQL"
      // in "SQL Server"), unless the longer skill masks it ("regression" in "regression testing").
      if (!excluded) {
        for (let h = chosen - 1; h >= 0; h--) {
          for (const e of hitEntries[h] as Entry[]) {
            if (e.skill >= 0 && !covers(longest, e.skill, masks))
              take(text, tokens, e, i, hitEnd[h] as number, found, pending);
          }
        }
      }
      resume = end + 1;
    }

    if (pending.length > 0) check.confirm(text, pending);
    return found;
  };

  // match() answers the ids in sorted order: it collects the rank of each skill in that order once (stamped
  // with the number of the call) and sorts the ranks as numbers.
  const sortedIds = skills.map((s) => s.id).sort();
  const rankOf = new Map(sortedIds.map((id, r) => [id, r]));
  const rank = Int32Array.from(skills, (s) => rankOf.get(s.id) as number);
  const seen = new Int32Array(skills.length);
  const picked = new Int32Array(skills.length);
  let pickedCount = 0;
  let stamp = 0;
  const collect = (skill: number) => {
    const r = rank[skill] as number;
    if (seen[r] !== stamp) {
      seen[r] = stamp;
      picked[pickedCount++] = r;
    }
    for (const other of implies[skill] as number[]) collect(other);
  };
  const mention = (skill: number, text: string, start: number, end: number, out: SkillMention[]) => {
    out.push({ id: (skills[skill] as Skill).id, start, end, text: text.slice(start, end) });
    for (const other of implies[skill] as number[]) mention(other, text, start, end, out);
  };

  return {
    match: (text) => {
      const spans = find(text);
      if (spans.length === 0) return [];
      if (++stamp === 0x7fffffff) {
        seen.fill(0);
        stamp = 1;
      }
      pickedCount = 0;
      for (let k = 0; k < spans.length; k++) collect(spans.skill[k] as number);
      picked.subarray(0, pickedCount).sort();
      const out = new Array<string>(pickedCount);
      for (let k = 0; k < pickedCount; k++) out[k] = sortedIds[picked[k] as number] as string;
      return out;
    },
    mentions: (text) => {
      const out: SkillMention[] = [];
      const spans = find(text);
      for (let k = 0; k < spans.length; k++) {
        const start = tokens.start[spans.start[k] as number] as number;
        const end = tokens.end[spans.end[k] as number] as number;
        mention(spans.skill[k] as number, text, start, end, out);
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

/** Whether one of the entries that matched the tokens is an alias of `skill` or masks it. */
function covers(longest: readonly Entry[], skill: number, masks: readonly ReadonlySet<number>[]): boolean {
  for (const l of longest) if (l.skill === skill || masks[l.skill]?.has(skill)) return true;
  return false;
}

/** Whether an alias or exclusion that ends on this token holds: its case, and for an exclusion its spelling. */
function accepts(text: string, tokens: Tokens, entries: readonly Entry[], start: number, end: number): boolean {
  for (const e of entries) {
    if (e.skill < 0) {
      if (e.cased === null || casedAt(text, tokens, start, e.cased)) return true;
    } else if (e.context === null) return true;
    else if (caseMatches(text, tokens.start[start] as number, tokens.end[end] as number, e, e.context)) return true;
  }
  return false;
}

/** Records a mention: an unconditional alias at once, an ambiguous one as a candidate that needs evidence. */
function take(
  text: string,
  tokens: Tokens,
  entry: Entry,
  start: number,
  end: number,
  found: Spans,
  pending: Candidate[],
): void {
  if (entry.context === null) found.push(entry.skill, start, end);
  else if (caseMatches(text, tokens.start[start] as number, tokens.end[end] as number, entry, entry.context)) {
    pending.push({ entry, context: entry.context, start, end });
  }
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
  const near =
    c.near === undefined
      ? null
      : new TokenTable(
          c.near
            .flatMap(phraseTokens)
            .flat()
            .map((token) => ({ context: 0, token, value: 1 })),
        );
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
  return (
    end - start === 1 && (initialAfter(text, end) || (text.charCodeAt(end) === DOT && initialBefore(text, start - 1)))
  );
}

function isUpper(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 0x41 && c <= 0x5a;
}

/** ". J." or ".J." at k: another initial follows. */
function initialAfter(text: string, k: number): boolean {
  if (text.charCodeAt(k) !== DOT) return false;
  const next = text.charCodeAt(k + 1) === 0x20 ? k + 2 : k + 1;
  return isUpper(text, next) && text.charCodeAt(next + 1) === DOT;
}

/** "R. " or "R." ending at k: an initial comes before. */
function initialBefore(text: string, k: number): boolean {
  if (text.charCodeAt(k) === 0x20) k--;
  return text.charCodeAt(k) === DOT && isUpper(text, k - 1) && !(CLASS[text.charCodeAt(k - 2)] === WORD);
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

/**
 * Settles the ambiguous candidates: each needs one piece of evidence (a phrase before or after, a word near, a
 * list neighbour). One per matcher, sharing its token and span buffers; the spans found so far are indexed by
 * the token they start and end on through chains of span numbers, so a check allocates nothing.
 */
class ContextCheck {
  private text = "";
  private firstByStart = new Int32Array(1024);
  private firstByEnd = new Int32Array(1024);
  private nextByStart = new Int32Array(64);
  private nextByEnd = new Int32Array(64);

  constructor(
    private readonly category: readonly SkillCategory[],
    private readonly tokens: Tokens,
    private readonly found: Spans,
  ) {}

  /** Moves the candidates with evidence into `found`, in rounds, so a confirmed one can confirm its neighbour. */
  confirm(text: string, pending: Candidate[]): void {
    const found = this.found;
    this.text = text;
    const n = this.tokens.length;
    if (this.firstByStart.length < n) {
      this.firstByStart = new Int32Array(n);
      this.firstByEnd = new Int32Array(n);
    }
    this.firstByStart.fill(-1, 0, n);
    this.firstByEnd.fill(-1, 0, n);
    for (let k = 0; k < found.length; k++) this.index(k);

    let open = pending.length;
    for (let round = 0; round < MAX_ROUNDS && open > 0; round++) {
      // Evidence is weighed against the spans of earlier rounds only; the confirmed ones join the index after.
      const before = found.length;
      let still = 0;
      for (let k = 0; k < open; k++) {
        const c = pending[k] as Candidate;
        if (this.evident(c)) found.push(c.entry.skill, c.start, c.end);
        else pending[still++] = c;
      }
      if (found.length === before) break;
      for (let k = before; k < found.length; k++) this.index(k);
      open = still;
    }
    this.text = "";
  }

  private index(k: number): void {
    while (k >= this.nextByStart.length) {
      this.nextByStart = doubled(this.nextByStart);
      this.nextByEnd = doubled(this.nextByEnd);
    }
    const start = this.found.start[k] as number;
    const end = this.found.end[k] as number;
    this.nextByStart[k] = this.firstByStart[start] as number;
    this.firstByStart[start] = k;
    this.nextByEnd[k] = this.firstByEnd[end] as number;
    this.firstByEnd[end] = k;
  }

  private is(k: number, token: string): boolean {
    return sameToken(this.text, this.tokens.start[k] as number, this.tokens.end[k] as number, token);
  }

  private phraseAt(phrase: readonly string[], from: number): boolean {
    if (from < 0 || from + phrase.length > this.tokens.length) return false;
    for (let k = 0; k < phrase.length; k++) if (!this.is(from + k, phrase[k] as string)) return false;
    return true;
  }

  private listGap(a: number, b: number): boolean {
    const from = this.tokens.end[a] as number;
    const to = this.tokens.start[b] as number;
    if (to - from > MAX_LIST_GAP) return false;
    for (let k = from; k < to; k++) if (!LIST_GAP.has(this.text.charCodeAt(k))) return false;
    return true;
  }

  /** Whether a span of another skill of `cats` ends (step -1) or starts (step 1) on token k. */
  private listed(k: number, step: 1 | -1, cats: ReadonlySet<SkillCategory>, self: number): boolean {
    const chain = step < 0 ? this.nextByEnd : this.nextByStart;
    let s = (step < 0 ? this.firstByEnd : this.firstByStart)[k] as number;
    while (s !== -1) {
      const skill = this.found.skill[s] as number;
      if (skill !== self && cats.has(this.category[skill] as SkillCategory)) return true;
      s = chain[s] as number;
    }
    return false;
  }

  /**
   * A list neighbour: the next skill on either side, with only list punctuation and at most two of "and"/"or"
   * between ("Python, R", "R and/or Python", "(R/Python)").
   */
  private neighbour(from: number, step: 1 | -1, cats: ReadonlySet<SkillCategory>, self: number): boolean {
    const n = this.tokens.length;
    let k = from;
    for (let words = 0; words <= MAX_LIST_WORDS; words++) {
      const next = k + step;
      if (next < 0 || next >= n || !this.listGap(Math.min(k, next), Math.max(k, next))) return false;
      if (this.listed(next, step, cats, self)) return true;
      if (!this.isListWord(next)) return false;
      k = next;
    }
    return false;
  }

  private isListWord(k: number): boolean {
    for (const w of LIST_WORDS) if (this.is(k, w)) return true;
    return false;
  }

  private evident(c: Candidate): boolean {
    const ctx = c.context;
    if (!ctx.hasEvidence) return true;
    for (const p of ctx.before) if (this.phraseAt(p, c.start - p.length)) return true;
    for (const p of ctx.after) if (this.phraseAt(p, c.end + 1)) return true;
    if (ctx.near !== null) {
      const { start: ts, end: te, hash: th } = this.tokens;
      const from = Math.max(0, c.start - ctx.window);
      const to = Math.min(this.tokens.length - 1, c.end + ctx.window);
      for (let k = from; k <= to; k++) {
        if (
          (k < c.start || k > c.end) &&
          ctx.near.get(0, this.text, ts[k] as number, te[k] as number, th[k] as number) !== 0
        ) {
          return true;
        }
      }
    }
    if (ctx.list === null) return false;
    const self = c.entry.skill;
    return this.neighbour(c.start, -1, ctx.list, self) || this.neighbour(c.end, 1, ctx.list, self);
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
