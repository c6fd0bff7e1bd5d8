/**
 * Whether a posting is remote, hybrid or on-site, read from a description's clear statements ("This role is
 * fully remote", "hybrid, 3 days a week in office", "This is a full-time on-site role"). Only statements about
 * the job count: a remote *team*, remote *monitoring* or an *in-person* meeting say nothing about where the job
 * is done, so bare words are not enough. It reads at most MAX_DESCRIPTION_CHARS; it does not look at
 * structured fields or the location text (./location.ts decides the precedence).
 */
import type { Workplace } from "../domain/vocab.ts";

/** Descriptions are read up to here: statements about the workplace sit near the top or the end, never past it. */
export const MAX_DESCRIPTION_CHARS = 30_000;

const JOB = "(?:role|position|job|opportunity|internship|contract)";
const FULLY = String.raw`(?:fully|100\s?%|completely|entirely|primarily|mostly)`;
const ONSITE = "(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)";

const REMOTE: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:this|the)\s+${JOB}\s+(?:is|will\s+be)\s+(?:a\s+)?(?:${FULLY}\s+)?remote\b`, "i"),
  new RegExp(
    String.raw`\bthis\s+is\s+an?\s+(?:full[- ]time\s+|part[- ]time\s+)?(?:${FULLY}\s+)?remote\s+(?:[\w-]+\s+){0,2}${JOB}\b`,
    "i",
  ),
  new RegExp(String.raw`\b(?:is|be|it's|it is)\s+(?:an?\s+)?(?:\(?100%\)?\s+)?${FULLY}[- ]remote\b`, "i"),
  new RegExp(String.raw`\b${FULLY}[- ]remote\s+(?:${JOB}|opportunity)\b`, "i"),
  new RegExp(String.raw`(?:^|[\n.:;|•])\s*${FULLY}[- ]remote\b`, "i"),
  // `Location: Remote`, `Location:· 100% Remote` (a recorder may glue the next word on: `RemoteDuration`).
  new RegExp(String.raw`\blocation\s*:\W*(?:${FULLY}\s+)?remote`, "i"),
  /\b(?:you\s+can|able\s+to)\s+work\s+(?:fully\s+)?remotely\s+from\s+anywhere\b/i,
  /\bremote[- ]first\s+(?:company|team|role|position)\b/i,
];
/** Hybrid statements that name `hybrid`. */
const HYBRID: readonly RegExp[] = [
  // No word boundary before: descriptions flattened from HTML glue words together (`$25/hrHybrid schedule`).
  /hybrid\s+(?:[\w/-]+\s+){0,2}(?:role|position|job|work|working|schedule|model|arrangement|environment|opportunity|setup|policy)\b/i,
  new RegExp(String.raw`\b(?:this|the)\s+${JOB}\s+(?:is|will\s+be)\s+(?:a\s+)?hybrid\b`, "i"),
  /\bthis\s+is\s+an?\s+(?:full[- ]time\s+|part[- ]time\s+)?hybrid\b/i,
  /\b(?:is|be)\s+hybrid\b/i,
  /\bhybrid\s*[,(:-]?\s*(?:\d|one|two|three|four)(?:\s+days?\b|\s*[,)])/i,
  /\b(?:work\s+)?(?:location|setting|arrangement)\s*:\s*hybrid\b/i,
];
/** Hybrid statements without the word: office days (they name `office` and `week`), part remote (`remote`). */
const OFFICE_DAYS =
  /\b(?:\d|one|two|three|four)\s+days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the\s+|our\s+)?office\b/i;
const PART_REMOTE = /\bpart\s+remote\s+and\s+part\s+in[- ](?:person|office)\b/i;
const ONSITE_STATEMENTS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:this|the)\s+${JOB}\s+(?:is|will\s+be)\s+(?:an?\s+)?(?:${FULLY}\s+)?${ONSITE}\b`, "i"),
  new RegExp(
    String.raw`\bthis\s+is\s+an?\s+(?:full[- ]time\s+|part[- ]time\s+)?(?:${FULLY}\s+)?${ONSITE}\s+(?:[\w-]+\s+){0,2}${JOB}\b`,
    "i",
  ),
  /work\s+location\s*:\s*in\s+person\b/i,
  new RegExp(String.raw`\b(?:must|required\s+to|will)\s+work\s+${ONSITE}\b`, "i"),
];
/** The words a workplace statement is built around; the patterns only ever run near one of them. */
const ANCHOR = /remote|hybrid|office|on[- ]?site|in[- ]person/iy;
/** How far around an anchor word a statement can reach. */
const REACH = 160;

/*
 * Finding the anchor words fast. A case-insensitive alternation scans every character of a description, which
 * costs more than everything else here; instead a Wu-Manber scan (multi-pattern Boyer-Moore-Horspool) looks at
 * the last two characters of a six-character window (no anchor is shorter) and jumps up to five characters when
 * they end no anchor's first six. Only where they do, and the window also starts like an anchor, does ANCHOR run,
 * anchored there; the matches found are exactly those of a global ANCHOR scan, left to right.
 */
/** The first six characters of every way an anchor can be written, lower case. */
const ANCHOR_PREFIXES = ["remote", "hybrid", "office", "onsite", "on-sit", "on sit", "in-per", "in per"];
const WINDOW = 6;
/**
 * UTF-16 unit → a small code: 1 + its index in ANCHOR_LETTERS for a character of an anchor (either case), else
 * 0. Non-ASCII characters keep 0: a non-unicode /i pattern never matches one against an ASCII letter.
 */
const ANCHOR_LETTERS = [...new Set(ANCHOR_PREFIXES.join(""))].join("");
if (ANCHOR_LETTERS.length >= 32) throw new Error("anchor letters must have codes below 32");
const LETTER_CODE = new Uint8Array(65_536);
for (let k = 0; k < ANCHOR_LETTERS.length; k++) {
  const c = ANCHOR_LETTERS.charCodeAt(k);
  LETTER_CODE[c] = k + 1;
  if (c >= 97 && c <= 122) LETTER_CODE[c - 32] = k + 1;
}
/** Two characters → an index into SHIFT and STARTS (codes are below 32). */
const pairAt = (text: string, i: number): number =>
  ((LETTER_CODE[text.charCodeAt(i)] as number) << 5) | (LETTER_CODE[text.charCodeAt(i + 1)] as number);
/** For the two characters ending a window: how far the window can move on without skipping an anchor. */
const SHIFT = new Uint8Array(32 * 32).fill(WINDOW - 1);
/** The same, once the window itself has been checked: from where else in an anchor those two characters stand. */
const SHIFT_AFTER = new Uint8Array(32 * 32).fill(WINDOW - 1);
/** The two characters an anchor starts with. */
const STARTS = new Uint8Array(32 * 32);
for (const prefix of ANCHOR_PREFIXES) {
  for (let q = 1; q < WINDOW; q++) {
    const at = pairAt(prefix, q - 1);
    SHIFT[at] = Math.min(SHIFT[at] as number, WINDOW - 1 - q);
    if (q < WINDOW - 1) SHIFT_AFTER[at] = Math.min(SHIFT_AFTER[at] as number, WINDOW - 1 - q);
  }
  STARTS[pairAt(prefix, 0)] = 1;
}

/**
 * What the anchor words of a description say: where a statement can be, and which words it uses. No anchor
 * ends with the start of `remote`, `hybrid`, `office` or `in person`, so every one of those words in the text
 * is an anchor found by the scan, and the flags say whether the windows hold the word (any case).
 */
interface Anchors {
  /**
   * The stretches of text within REACH of an anchor word, joined by " … " (a separator no pattern reads
   * through). Patterns then cost a few hundred characters per mention instead of the whole description.
   */
  windows: string;
  remote: boolean;
  hybrid: boolean;
  office: boolean;
  /**
   * The windows say `on site`, `in office`, `in person` or `office based` (with `-` or a space, or `onsite`;
   * any case). An `on site` that is not an anchor is the end of an `in person` that is (`in person site`).
   */
  onsite: boolean;
}

const IN_BEFORE = /in[- ]/iy;
const BASED_AFTER = /[- ]based/iy;
const lowerAt = (text: string, i: number): number => text.charCodeAt(i) | 0x20;

/** The anchors of `text`, or null when it has none. */
function readAnchors(text: string): Anchors | null {
  const spans: [number, number][] = [];
  let remote = false;
  let hybrid = false;
  let office = false;
  let onsite = false;
  const n = text.length;
  // `i` is the last character of the window; a window that can hold the start of an anchor is checked with it.
  let i = WINDOW - 1;
  while (i < n) {
    const pair = pairAt(text, i - 1);
    const shift = SHIFT[pair] as number;
    if (shift > 0) {
      i += shift;
      continue;
    }
    const from = i - (WINDOW - 1);
    ANCHOR.lastIndex = from;
    if (STARTS[pairAt(text, from)] !== 1 || !ANCHOR.test(text)) {
      i += SHIFT_AFTER[pair] as number;
      continue;
    }
    const to = ANCHOR.lastIndex;
    const start = Math.max(0, from - REACH);
    const end = Math.min(n, to + REACH);
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else spans.push([start, end]);
    // Which anchor, by its first letters: remote, hybrid, office, on-site, in-person.
    const first = lowerAt(text, from);
    if (first === 0x72) remote = true;
    else if (first === 0x68) hybrid = true;
    else if (first === 0x69) onsite = true;
    else if (lowerAt(text, from + 1) === 0x6e) onsite = true;
    else {
      office = true;
      // `in-office`, `office-based` (both within REACH, so inside the windows).
      IN_BEFORE.lastIndex = from - 3;
      BASED_AFTER.lastIndex = to;
      if ((from >= 3 && IN_BEFORE.test(text)) || BASED_AFTER.test(text)) onsite = true;
    }
    // The next anchor starts after this one ends.
    i = to + WINDOW - 1;
  }
  if (spans.length === 0) return null;
  const joined = spans.map(([a, b]) => text.slice(a, b)).join(" … ");
  return { windows: (spans[0]?.[0] ?? 0) > 0 ? ` … ${joined}` : joined, remote, hybrid, office, onsite };
}

/** Any of a list of statements, in one pass over the text rather than one per statement. */
const anyOf = (statements: readonly RegExp[]): RegExp => new RegExp(statements.map((re) => re.source).join("|"), "i");
const ANY_REMOTE = anyOf(REMOTE);
const ANY_HYBRID = anyOf(HYBRID);
const ANY_ONSITE = anyOf(ONSITE_STATEMENTS);
const WEEK = /week/i;
const NOT_REMOTE = new RegExp(String.raw`\b(?:not|never)\s+(?:a\s+)?(?:${FULLY}\s+)?remote(?:\s+${JOB})?\b`, "i");

/**
 * The workplace a description states, or null when it states none or contradicts itself. A hybrid statement
 * wins (hybrid postings talk about both remote and office days); remote and on-site statements together
 * cancel out; "not a remote position" counts as on-site.
 */
export function workplaceFromDescription(description: string | null | undefined): Workplace | null {
  if (description === null || description === undefined || description === "") return null;
  const anchors = readAnchors(
    description.length > MAX_DESCRIPTION_CHARS ? description.slice(0, MAX_DESCRIPTION_CHARS) : description,
  );
  if (anchors === null) return null;
  // A pattern runs only where the words it names are (most descriptions name none but `office`, and then none
  // runs). On-site statements are read only where an on-site word is, as ever: `work location: in person` too,
  // though its `in\s+person` need not be one.
  const text = anchors.windows;
  if (
    (anchors.hybrid && ANY_HYBRID.test(text)) ||
    (anchors.office && WEEK.test(text) && OFFICE_DAYS.test(text)) ||
    (anchors.remote && PART_REMOTE.test(text))
  ) {
    return "hybrid";
  }
  const notRemote = anchors.remote && NOT_REMOTE.test(text);
  const remote = !notRemote && anchors.remote && ANY_REMOTE.test(text);
  const onsite = notRemote || (anchors.onsite && ANY_ONSITE.test(text));
  if (remote && onsite) return null;
  if (remote) return "remote";
  if (onsite) return "onsite";
  return null;
}
