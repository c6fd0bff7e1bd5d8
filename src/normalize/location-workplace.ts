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
const HYBRID: readonly RegExp[] = [
  // No word boundary before: descriptions flattened from HTML glue words together (`$25/hrHybrid schedule`).
  /hybrid\s+(?:[\w/-]+\s+){0,2}(?:role|position|job|work|working|schedule|model|arrangement|environment|opportunity|setup|policy)\b/i,
  new RegExp(String.raw`\b(?:this|the)\s+${JOB}\s+(?:is|will\s+be)\s+(?:a\s+)?hybrid\b`, "i"),
  /\bthis\s+is\s+an?\s+(?:full[- ]time\s+|part[- ]time\s+)?hybrid\b/i,
  /\b(?:is|be)\s+hybrid\b/i,
  /\bhybrid\s*[,(:-]?\s*(?:\d|one|two|three|four)(?:\s+days?\b|\s*[,)])/i,
  /\b(?:\d|one|two|three|four)\s+days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the\s+|our\s+)?office\b/i,
  /\b(?:work\s+)?(?:location|setting|arrangement)\s*:\s*hybrid\b/i,
  /\bpart\s+remote\s+and\s+part\s+in[- ](?:person|office)\b/i,
];
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
const ANCHOR = /remote|hybrid|office|on[- ]?site|in[- ]person/gi;
/** How far around an anchor word a statement can reach. */
const REACH = 160;

/**
 * The stretches of text within REACH of an anchor word, joined by " … " (a separator no pattern reads
 * through), or null when the text has no anchor at all. Patterns then cost a few hundred characters per
 * mention instead of the whole description.
 */
function statementWindows(text: string): string | null {
  const spans: [number, number][] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
    const start = Math.max(0, m.index - REACH);
    const end = Math.min(text.length, m.index + m[0].length + REACH);
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else spans.push([start, end]);
  }
  if (spans.length === 0) return null;
  const joined = spans.map(([a, b]) => text.slice(a, b)).join(" … ");
  return (spans[0]?.[0] ?? 0) > 0 ? ` … ${joined}` : joined;
}

/** Words every on-site statement contains (ONSITE above, and "work location: in person"). */
const ONSITE_WORDS = /on[- ]?site|in[- ]office|in[- ]person|office[- ]based/;
const NOT_REMOTE = new RegExp(String.raw`\b(?:not|never)\s+(?:a\s+)?(?:${FULLY}\s+)?remote(?:\s+${JOB})?\b`, "i");

/**
 * The workplace a description states, or null when it states none or contradicts itself. A hybrid statement
 * wins (hybrid postings talk about both remote and office days); remote and on-site statements together
 * cancel out; "not a remote position" counts as on-site.
 */
export function workplaceFromDescription(description: string | null | undefined): Workplace | null {
  if (description === null || description === undefined || description === "") return null;
  const text = statementWindows(
    description.length > MAX_DESCRIPTION_CHARS ? description.slice(0, MAX_DESCRIPTION_CHARS) : description,
  );
  if (text === null) return null;
  // Every statement names one of these words; most descriptions name none, and then no pattern need run.
  const lower = text.toLowerCase();
  const saysRemote = lower.includes("remote");
  const saysHybrid = lower.includes("hybrid");
  const saysOfficeDays = lower.includes("office") && lower.includes("week");
  const saysOnsite = ONSITE_WORDS.test(lower);
  if ((saysHybrid || saysOfficeDays || saysRemote) && HYBRID.some((re) => re.test(text))) return "hybrid";
  const notRemote = saysRemote && NOT_REMOTE.test(text);
  const remote = !notRemote && saysRemote && REMOTE.some((re) => re.test(text));
  const onsite = notRemote || (saysOnsite && ONSITE_STATEMENTS.some((re) => re.test(text)));
  if (remote && onsite) return null;
  if (remote) return "remote";
  if (onsite) return "onsite";
  return null;
}
