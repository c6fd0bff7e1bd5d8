/**
 * The degree a posting requires and the degree it prefers, read from its description text. Pure: text in,
 * an `Education` and issues out. It reads no HTML (./html-text.ts does), does not judge fields of study
 * ("in Computer Science") and does not infer a degree from a title or seniority.
 *
 * How it reads: two precompiled regexes find degree mentions (words case-insensitively, abbreviations
 * case-sensitively so that `MS Office`, `BA team` and `Boston, MA` stay out); the word regex is tried only
 * where a few fast literal scans of the lower-case text (`degree`, `bac`, `grad`, `ph`, ...) found a word it
 * can start with, which finds the same mentions as scanning with it at every offset; mentions joined
 * only by `/`, `or`, `,` (`BS/MS/PhD`, `Master's or PhD`) form one group; each group takes the marker nearest
 * to it in its clause (clauses end at a line break, `;`, a bullet or a sentence end): first a marker after it
 * (`... required`, `... preferred`, `... is a plus`, `(Preferred)`), else a prefix before it (`Preferred:`,
 * `preferably`, `ideally`, `with a preference for`, `minimum`, `must have`, `requires`), else the section it
 * sits in (a `Preferred Qualifications` / `Nice to have:` / `Bonus:` header makes the lines below it
 * preferred until the next header), else required: a degree listed without a word is what the posting asks.
 * Every window is bounded (MAX_WINDOW characters), so a text costs one linear scan.
 *
 * Decisions (checked against ../../../shared/corpus/descriptions and the hand labels in
 * data/eval/education-sample-v1.json):
 * - required = the lowest degree stated as required (alternatives such as `PhD with 0-3 years or MS with 5-7
 *   years` require the lower one); preferred = the highest stated as preferred. Either is null when the text
 *   states none. A preferred degree is kept even when it is not above the required one (it is what the text says).
 * - `or equivalent experience` still states the degree as required; the issue `education.or_equivalent` notes it.
 * - An associate's degree, a high-school diploma or a GED accepted as the minimum (`High School diploma or GED
 *   is required`) means no degree is required: required is null, with the issue `education.below_bachelor`.
 * - `currently pursuing a PhD` / `enrolled in an MBA program` (interns) counts as that degree required: the
 *   posting targets that level; the issue `education.pursuing` notes it.
 * - `advanced degree`, `graduate degree`, `post-graduate degree` and `MBA` are master's degrees; `doctorate`,
 *   `doctoral degree`, `DPhil` are PhDs; `undergraduate degree`, `4-year degree`, `college degree`,
 *   `university degree`, `B.Tech`, `BA` are bachelor's degrees.
 * - Not a degree: `MS Office`/`MS Excel`, `BA team`, `Boston, MA`, `GC/MS`, `Master data management`,
 *   `masters of their craft`, `PhDs` (people: `a team of PhDs`), `PhD students`/`PhD scientists` unless the
 *   candidate is one (`pursuing`, `enrolled`), `PhD-level problems` (a `PhD-level scientist` is a PhD), and
 *   any mention in a clause about tuition or reimbursement.
 * - `Degree in <field>` with no level is the lowest degree, a bachelor's; `preferably in <field>` is a
 *   preference about the field, not the degree.
 *
 * It also exports the text screen and the clause/marker/section helpers that ./experience.ts and
 * ./industry.ts reuse (they live here only because the three modules were added together; a shared
 * `requirement-text.ts` would be their natural home).
 */

import { Buffer } from "node:buffer";
import type { RecordIssue } from "../domain/errors.ts";
import type { Education } from "../domain/posting.ts";
import { DEGREES, type Degree } from "../domain/vocab.ts";
import { isSpace } from "./chars.ts";

/** Longer texts are refused (no posting description comes near it; it bounds the work per record). */
export const MAX_DESCRIPTION_CHARS = 200_000;
/** The most characters a marker window reaches from a degree mention. */
const MAX_WINDOW = 120;
/** The most degree mentions read from one text (a real posting has fewer than 30). */
const MAX_MENTIONS = 500;

export interface EducationResult {
  education: Education;
  issues: RecordIssue[];
}

const issue = (code: string, message: string, input?: unknown): RecordIssue =>
  input === undefined ? { code, path: [], message } : { code, path: [], message, input };

const excerpt = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * Screens a description before a parser reads it: not a string, empty, longer than MAX_DESCRIPTION_CHARS,
 * binary (control characters or U+FFFD over 10%) or not prose (fewer than one letter in five over 200+
 * characters: nested brackets, base64, dumps) give an issue and no text. Otherwise the text comes back with
 * words glued by a lost line break split apart (`degreeMasters of Social Work` → `degree Masters of ...`,
 * as LinkedIn's exported descriptions have them). Shared by ./experience.ts and ./industry.ts; it lives here
 * only because those three modules were added together.
 */
let lastScreened = { input: "", output: "" };

export function screenDescription(text: unknown, domain: string): { text: string | null; issue: RecordIssue | null } {
  if (typeof text !== "string") return { text: null, issue: issue(`${domain}.not_text`, "text is not a string") };
  if (!/\S/.test(text)) return { text: null, issue: issue(`${domain}.empty`, "text is empty") };
  if (text.length > MAX_DESCRIPTION_CHARS) {
    const message = `text has ${text.length} characters, more than ${MAX_DESCRIPTION_CHARS}`;
    return { text: null, issue: issue(`${domain}.too_long`, message, excerpt(text)) };
  }
  // Shares of control characters and of letters, estimated from SAMPLES evenly spaced characters: a ratio
  // needs no full count (a full count costs more than the parse of a 4 KB description).
  let control = 0;
  let letters = 0;
  let sampled = 0;
  const stride = Math.max(1, Math.floor(text.length / SAMPLES));
  for (let i = 0; i < text.length; i += stride) {
    const kind = SAMPLE_KIND[text.charCodeAt(i)] as number;
    sampled++;
    control += kind & CONTROL;
    letters += kind >> 1;
  }
  if (control > 0 && control * 10 > sampled) {
    return { text: null, issue: issue(`${domain}.binary`, "text holds binary bytes", excerpt(text)) };
  }
  if (text.length >= 200 && letters * 5 < sampled) {
    return { text: null, issue: issue(`${domain}.not_prose`, "text is mostly not letters", excerpt(text)) };
  }
  // Education, experience and industry screen the same description one after another: clean it once.
  if (text !== lastScreened.input)
    lastScreened = { input: text, output: toLatin1Text(text).replace(GLUED_WORDS, "$1 $2") };
  return { text: lastScreened.output, issue: null };
}

/** Of a sampled character: CONTROL, LETTER or neither (a table costs less than the branches it replaces). */
const CONTROL = 1;
const LETTER = 2;
const SAMPLE_KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || c === 127) SAMPLE_KIND[c] = CONTROL;
  else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) SAMPLE_KIND[c] = LETTER;
}

/**
 * `text.replace(NOT_LATIN1, toLatin1)` as a one-byte string. Buffer.from(text, "latin1") keeps the low byte of each
 * character, so only the bytes of the characters outside Latin-1 need writing over; a replace would cost a callback
 * per character and give a two-byte string (its pieces are cut from a two-byte one), which every later regex and
 * toLowerCase reads more slowly.
 */
function toLatin1Text(text: string): string {
  NOT_LATIN1.lastIndex = 0;
  let m = NOT_LATIN1.exec(text);
  if (m === null) return text;
  const bytes = Buffer.from(text, "latin1");
  for (; m !== null; m = NOT_LATIN1.exec(text)) bytes[m.index] = toLatin1(m[0]).charCodeAt(0);
  return bytes.toString("latin1");
}

let lastLower = { text: "", lower: "" };
/** The lower-case copy of a screened text (the same length: it is all Latin-1), cached like the screen. */
function lowerCase(s: string): string {
  if (s !== lastLower.text) lastLower = { text: s, lower: s.toLowerCase() };
  return lastLower.lower;
}

// V8 runs a case-insensitive regex on a one-byte string about 1.5 times as fast as on a two-byte one, and a
// single curly quote makes a description two-byte. Each character outside Latin-1 becomes one Latin-1
// character (typographic quotes and dashes their ASCII twins, bullets `·`), so offsets do not move.
const NOT_LATIN1 = /[\u0100-\uffff]/g;
const LATIN1_OF: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2022": "\u00b7",
  "\u25cf": "\u00b7",
  "\u25aa": "\u00b7",
  "\u25e6": "\u00b7",
  "\u2023": "\u00b7",
  "\u2043": "\u00b7",
  "\u2026": ".",
};
const toLatin1 = (c: string): string => LATIN1_OF[c] ?? " ";

const SAMPLES = 512;
/** `requirementsBachelor`, `degreeMasters`: a lower-case letter glued to a capitalised word. */
const GLUED_WORDS = /([a-z])([A-Z][a-z])/g;

// Levels: 0 is below a bachelor's degree (associate's, high school, GED); 1..3 index DEGREES.
type Level = 0 | 1 | 2 | 3;
const LEVEL_DEGREE: Record<Level, Degree | null> = { 0: null, 1: "bachelor", 2: "master", 3: "phd" };

/**
 * Degree words, case-insensitive. Each alternative is a named group so the level is known without re-matching.
 * Sticky: it is tried only at the offsets degreeWordCandidates finds.
 */
const DEGREE_WORDS = new RegExp(
  String.raw`\b(?:${[
    String.raw`(?<phd>ph\.?\s?d\b\.?|d\.?\s?phil\b|doctor(?:ate|al)\b|doctor of philosophy\b)`,
    String.raw`(?<master>master(?:['’]?s)?\b|(?:advanced(?:\s+(?:university|college|academic))?|graduate(?:[- ]level)?|post-?graduate)\s+degrees?\b|graduate\s+(?:education|studies)\b)`,
    String.raw`(?<bachelor>bachelor(?:['’]?s)?\b|baccalaureate\b|undergrad(?:uate)?\b|(?:4|four)[- ]year\s+(?:college\s+|university\s+)?degree\b|(?:college|university)\s+degree\b)`,
    String.raw`(?<generic>degree\s+(?:in|from)\b)`,
    String.raw`(?<below>associate['’]?s?\s+(?:degree|of\s+(?:arts|science|applied))\b|high[- ]school\s+(?:diploma|education|degree|graduate)\b)`,
  ].join("|")})`,
  "iy",
);
/**
 * Words every DEGREE_WORDS match holds, in lower case, each with the offsets before it where such a match can
 * start. One regex scan of the lower-case text per entry finds them: V8 skips through a text looking for one
 * word, or for a few well-chosen ones, several times as fast as it tries a long alternation at every offset
 * (two more words in the first group, or `bac` and `grad` together, make it several times slower). The matches
 * that end in `degree` (`advanced degree`, `4-year college degree`, `associate's degree`, `high school
 * degree`) start at most three words before it: those are read back from each `degree`.
 */
const DEGREE_ANCHORS: readonly { words: RegExp; offsets: readonly number[] }[] = [
  { words: /degree|master|doctor|associate/g, offsets: [0] },
  { words: /bac/g, offsets: [0] }, // bachelor, baccalaureate
  { words: /grad/g, offsets: [0, 4, 5] }, // graduate; postgraduate; post-graduate, undergrad
  { words: /high/g, offsets: [0] }, // high school
  { words: /ph/g, offsets: [0, 1, 2, 3] }, // ph.d; dphil; d.phil, d phil; d. phil
];
/** The most whitespace-separated words of a DEGREE_WORDS match before its `degree` (`four year college degree`). */
const WORDS_BEFORE_DEGREE = 3;

/** Offsets of `s` where DEGREE_WORDS may match, ascending: a superset, each is checked by DEGREE_WORDS. */
function degreeWordCandidates(s: string): Int32Array {
  const lower = lowerCase(s);
  const starts: number[] = [];
  for (const { words, offsets } of DEGREE_ANCHORS) {
    words.lastIndex = 0;
    for (let m = words.exec(lower); m !== null; m = words.exec(lower)) {
      for (const offset of offsets) if (m.index >= offset) starts.push(m.index - offset);
      if (m[0] === "degree") wordStartsBefore(s, m.index, starts);
      words.lastIndex = m.index + 1;
    }
  }
  return new Int32Array(starts).sort();
}

/** Pushes the word starts of the WORDS_BEFORE_DEGREE whitespace-separated tokens before `at` (each after whitespace). */
function wordStartsBefore(s: string, at: number, starts: number[]): void {
  let i = at;
  for (let token = 0; token < WORDS_BEFORE_DEGREE; token++) {
    const spaceEnd = i;
    while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
    if (i === spaceEnd || i === 0) return;
    const tokenEnd = i;
    while (i > 0 && !isSpace(s.charCodeAt(i - 1))) i--;
    for (let k = i; k < tokenEnd; k++) {
      if (isWordChar(s.charCodeAt(k)) && (k === 0 || !isWordChar(s.charCodeAt(k - 1)))) starts.push(k);
    }
  }
}

/** Degree abbreviations, case-sensitive. BS, BA, MS, MA alone are ambiguous and need a degree context. */
const DEGREE_ABBREVIATIONS =
  /(?<![\w.])(?:(?<master>M\.S(?:c)?\.?|M\.A\.|M\.Sc\.?|MSc|M\.Eng\.?|MEng|M\.Tech\.?|MTech|MBA|M\.B\.A\.?|MPH|M\.P\.H\.?|MSCS|MSEE|MSW)|(?<bachelor>B\.S(?:c)?\.?|B\.A\.|B\.Sc\.?|BSc|B\.Tech\.?|BTech|B\.E\.|B\.Eng\.?|BEng|BSCS|BSEE)|(?<below>GED)|(?<bare>BS|BA|MS|MA))(?![\w])/g;

/** What may follow a bare BS/BA/MS/MA for it to be a degree. */
const BARE_FOLLOW =
  /^\.?\s*(?:in\b|degrees?\b|with\b|required\b|preferred\b|or (?:higher|above|equivalent)\b|\(|plus\b|level\b|program\b|candidate\b|student\b|from\b|(?:computer|comp|math|mathematics|statistics|engineering|physics|economics|chemistry|biology|finance|information|electrical|mechanical|data)\b)/i;
const JOINED = /^[\s/,&]*(?:or|and)?[\s/,&]*$/;
/** What may follow "master(s)" without an apostrophe for it to be a degree (not `Master data management`). */
const MASTER_FOLLOW =
  /^\s*(?:degrees?\b|in\b|or\b|\/|and\b|level\b|program\b|preferred\b|required\b|with\b|plus\b|[,;:)]|\(|of (?:science|arts|engineering|business|public|computer|information|applied|data|statistics|mathematics|philosophy|fine|education|health|technology|social)\b|$)/i;
/** What may follow "undergraduate" for it to be a degree. */
const UNDERGRAD_FOLLOW = /^\s*(?:degrees?\b|or\s+(?:a\s+)?graduate\b|\/\s*graduate\b|education\b|studies\b|major\b)/i;
/** After a PhD: `PhD-level problems` and `PhD students` are not about the candidate's degree. */
const PHD_LEVEL_NOT_DEGREE =
  /^[-\s]level\s+(?!scientists?\b|researchers?\b|candidates?\b|statisticians?\b|engineers?\b)/i;
const PEOPLE_AFTER =
  /^\s*(?:students|scientists|researchers|holders|colleagues|fellows|interns|team|graduates|-trained|trained)\b/i;

/** Mentions joined by nothing else than these form one group (`BS/MS/PhD`, `Master's degree or PhD`, `MS, or Ph.D.`). */
const CONNECTOR =
  /^(?:[\s/,&()+]|\bor\b|\band\b|\bdegrees?\b|\blevel\b|\be\.g\.|\bi\.e\.|\bhigher\b|\babove\b|\bequivalent\b|\ban?\b)*$/i;

/** Ends a clause: a line break, `;`, a bullet, a sentence end. */
const CLAUSE_END = /\n(?![a-z])|;|•|·|[.!?](?=\s)|(?<=[a-z)])[.!?](?=[A-Z])|\s[-–*]\s|\*\s/;
// A clause starts after CLAUSE_START, `/\n(?![a-z])|;|•|·|[.!?](?=\s)|(?<=[a-z)])[.!?](?=[A-Z])/` (CLAUSE_END
// without the dash and asterisk bullets), read by clauseStartsAt.
/** Starts a new item within a clause: the marker after it is about that item, not the degree. */
const NEW_ITEM =
  /\b(?:experience (?:with|in|using)|knowledge of|familiarity|proficien(?:t|cy)|ability to|skills? in|expertise in)\b/i;

/** Markers after a mention: the first one found decides. */
const MARKER_AFTER = new RegExp(
  [
    String.raw`(?<preferred>\bpreferably\b(?!\s+(?:in|from|with)\b)|\bprefer(?:red|ence)?\b|\bdesir(?:ed|able)\b|\bnice[- ]to[- ]have\b|\b(?:an?|big|huge|strong|definite|major|added|real)\s+plus\b|\bbonus\b|\bideal(?:ly)?\b|\badvantage(?:ous)?\b|\ban asset\b|\bhelpful\b|\bbeneficial\b|\boptional\b|\bwelcome\b|\bencouraged\b|\b(?:highly |well )?valued\b|\bnot (?:be )?required\b)`,
    String.raw`(?<required>\brequire[ds]?\b|\brequirement\b|\bmust\b|\bmandatory\b|\bminimum\b|\bnecessary\b|\bessential\b)`,
  ].join("|"),
  "i",
);
/** Markers before a mention (a prefix): the last one found decides. */
const MARKER_BEFORE = new RegExp(
  [
    String.raw`(?<preferred>\bpreferabl[ey]\b|\bideally\b|\bpreference (?:for|to|given to|will be given to)\b|\bpreferred(?:\s+(?:qualifications?|skills?|experience|education|requirements?|background|degree))*\s*[:\-–]|\bpreferred\s+(?:qualifications?|skills|education|requirements|background)\b|\bprefer(?:red)?\s*$|\bnice[- ]to[- ]have\s*:?|\bbonus(?:\s+points?)?\s*(?:if|for|:)|\bplus(?:es)?\s*:|\bdesired(?:\s+(?:qualifications?|skills?|experience|education))?\s*:|\b(?:it would|it['’]d|would) be (?:great|nice|a plus)\b|\bgreat if\b|\bwe(?:['’]d| would) love\b|\bin addition,? (?:an?\s+)?)`,
    String.raw`(?<required>\brequires?\b|\brequired\s*:|\bmust (?:have|hold|possess|be)\b|\bminimum(?: of)?\b|\bat (?:a )?minimum\b|\bat least\b|\bmandatory\s*:|\bneeds? (?:to have|an?)\b|\bqualifications?\s*:|\beducation\s*(?:requirements?)?\s*:)`,
  ].join("|"),
  "gi",
);
const TRAILING_PREFIX =
  /(?:\bwith\s+)?(?:an?\s+)?(?:\bpreference\s+(?:for|to|given\s+to)|\bpreferabl[ey]|\bideally|\bnice[- ]to[- ]have\s*:?|\bpreferred\s*:)\s*(?:an?\s+)?$/i;
/** Inside a parenthesis, a marker counts only when it is the whole content (`MS/Ph.D. (Preferred)`). */
const PARENTHESIS = /\(([^()]{0,120})\)/g;
const LONE_MARKER =
  /^\s*(?:strongly\s+|highly\s+)?(?:preferred|required|desired|a plus|plus|ideal|optional|mandatory|must)\s*$/i;

/** `..., with a BA/BS`, `... AND a MS Degree`: a degree stated together with the one before it. */
const WITH_PREVIOUS = /\b(?:with|and|plus)\s+(?:an?\s+)?$/i;
/** `... or 5+ years of experience and a Master's`: the gap holds another alternative. */
const ALTERNATIVE = /\b(?:or|Or)\b[^,;]{0,40}(?:\d|\b[Yy]ears?\b|\b[Ee]xperience\b)|\bOR\b/;
/** A clause about paying for study, not about the candidate's degree. */
const NOT_CANDIDATE =
  /\b(?:tuition|reimburs\w*|scholarships?|sponsorship for|spouses?|dependents|students are enrolled|in lieu of)\b/i;
const PURSUING =
  /\b(?:pursuing|enrolled|enrollment|working towards? (?:an?|the|your) (?:degree|bachelor|master|ph|doctora)|candidates? for (?:an?|the) |currently (?:in|a|an) |rising (?:senior|junior)|final[- ]year|students?)\b/i;
const EQUIVALENT =
  /equivalent[^.;\n]{0,50}(?:experience|combination|training)|(?:experience|training)[^.;\n]{0,30}equivalent|\bor (?:the |an? )?equivalent\b(?!\s+(?:fields?|disciplines?|degrees?|majors?|qualifications?|technical|quantitative|areas?|subjects?|programs?))/i;

/** A short line that is a section header: `Preferred Qualifications`, `Nice to have:`, `Requirements`. */
const HEADER_PREFERRED =
  /^\W*(?:preferred|desired|desirable|bonus|nice[- ]to[- ]have|pluses|plus|ideal(?:ly)?|optional|extra credit|what would be nice|it would be great|we(?:['’]d| would) love (?:it )?if|good to have)\b|\b(?:preferred|desired|nice[- ]to[- ]have|bonus(?: points)?|pluses|a plus)\b[^:]{0,30}:\s*$/i;
const MAX_HEADER_CHARS = 60;

interface Mention {
  start: number;
  end: number;
  level: Level;
}

interface Group {
  start: number;
  end: number;
  levels: Level[];
}

/** Whether a statement is a requirement or a preference. */
export type StatementKind = "required" | "preferred";

/** One degree statement: the degrees of one group, whether it is required or preferred, and its clause. */
export interface DegreeStatement {
  degrees: (Degree | "below-bachelor")[];
  kind: StatementKind;
  /** The clause around the degrees, for audit. */
  text: string;
  equivalent: boolean;
  pursuing: boolean;
  /** Stated together with the statement before it (`Master's degree ..., with a BA/BS in ...`): both are needed. */
  withPrevious: boolean;
}

export function parseEducation(text: string): EducationResult {
  const education: Education = { required: null, preferred: null };
  const { statements, issues } = readDegreeStatements(text);
  let preferred: Level | null = null;
  let equivalentNoted = false;
  let pursuingNoted = false;
  // The lowest level of each required alternative; a statement made together with the previous one raises it.
  const alternatives: Level[] = [];
  let previousRequired = false;
  for (const st of statements) {
    const levels = st.degrees.map((d) => (d === "below-bachelor" ? 0 : ((DEGREES_ORDER.indexOf(d) + 1) as Level)));
    if (st.kind === "preferred") {
      const top = Math.max(...levels) as Level;
      if (top > 0 && (preferred === null || top > preferred)) preferred = top;
      previousRequired = false;
      continue;
    }
    const low = Math.min(...levels) as Level;
    const last = alternatives.length - 1;
    if (st.withPrevious && previousRequired) alternatives[last] = Math.max(alternatives[last] as Level, low) as Level;
    else alternatives.push(low);
    previousRequired = true;
    if (!equivalentNoted && low > 0 && st.equivalent) {
      equivalentNoted = true;
      issues.push(issue("education.or_equivalent", "the degree is required or equivalent experience", st.text));
    }
    if (!pursuingNoted && st.pursuing) {
      pursuingNoted = true;
      issues.push(issue("education.pursuing", "the candidate is to be studying for the degree", st.text));
    }
  }
  const required = alternatives.length === 0 ? null : (Math.min(...alternatives) as Level);
  if (required === 0) {
    issues.push(issue("education.below_bachelor", "the minimum accepted is below a bachelor's degree"));
  }
  education.required = required === null ? null : LEVEL_DEGREE[required];
  education.preferred = preferred === null ? null : LEVEL_DEGREE[preferred];
  return { education, issues };
}

/** Every degree statement of a text, in order, with the issues of screening it. The parse of parseEducation, for audit. */
export function readDegreeStatements(text: string): { statements: DegreeStatement[]; issues: RecordIssue[] } {
  const statements: DegreeStatement[] = [];
  const screened = screenDescription(text, "education");
  if (screened.text === null) return { statements, issues: screened.issue === null ? [] : [screened.issue] };
  const s = screened.text;
  const issues: RecordIssue[] = [];
  const mentions = findMentions(s);
  if (mentions.length >= MAX_MENTIONS) {
    issues.push(issue("education.too_many_mentions", `read only the first ${MAX_MENTIONS} degree mentions`));
  }
  const groups = groupMentions(s, mentions);
  const inPreferred = sectionReader(s);
  let prevEnd = -1;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as Group;
    const nextStart = groups[g + 1]?.start ?? s.length;
    const after = clauseAfter(s, group.end, nextStart);
    const before = clauseBefore(s, Math.max(prevEnd, group.start - MAX_WINDOW, 0), group.start);
    const gap = prevEnd < 0 || group.start - prevEnd > MAX_WINDOW ? null : s.slice(prevEnd, group.start);
    prevEnd = group.end;
    const clause = `${before}${s.slice(group.start, group.end)}${after}`.trim();
    if (NOT_CANDIDATE.test(clause)) continue;
    const kind: StatementKind =
      markerAfter(after) ?? markerBefore(before) ?? (inPreferred(group.start) ? "preferred" : "required");
    statements.push({
      degrees: group.levels.map((l) => LEVEL_DEGREE[l] ?? "below-bachelor"),
      kind,
      text: excerpt(clause),
      equivalent: EQUIVALENT.test(after),
      pursuing: PURSUING.test(clause),
      withPrevious: gap !== null && WITH_PREVIOUS.test(gap) && !CLAUSE_END.test(gap) && !ALTERNATIVE.test(gap),
    });
  }
  return { statements, issues };
}

const DEGREES_ORDER: readonly Degree[] = DEGREES;

function findMentions(s: string): Mention[] {
  const found: (Mention & { bare: boolean; generic?: true })[] = [];
  // The matches a scan with DEGREE_WORDS at every offset finds: each the first at or after the end of the last.
  let next = 0;
  for (const at of degreeWordCandidates(s)) {
    if (found.length >= MAX_MENTIONS) break;
    if (at < next) continue;
    DEGREE_WORDS.lastIndex = at;
    const m = DEGREE_WORDS.exec(s);
    if (m === null) continue;
    const groups = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    next = end;
    const rest = s.slice(end, end + 40);
    let level: Level;
    if (groups.phd !== undefined) {
      if (
        PHD_LEVEL_NOT_DEGREE.test(rest) ||
        (PEOPLE_AFTER.test(rest) && !PURSUING.test(s.slice(Math.max(0, start - 40), end)))
      ) {
        continue;
      }
      level = 3;
    } else if (groups.master !== undefined) {
      const word = m[0].toLowerCase();
      if ((word === "master" || word === "masters") && !MASTER_FOLLOW.test(rest)) continue;
      if (PEOPLE_AFTER.test(rest)) continue;
      level = 2;
    } else if (groups.bachelor !== undefined) {
      if (/^undergrad/i.test(m[0]) && !UNDERGRAD_FOLLOW.test(rest)) continue;
      level = 1;
    } else if (groups.generic !== undefined) {
      // `Degree in Computer Science`: a degree of no stated level is the lowest one, a bachelor's.
      found.push({ start, end, level: 1, bare: false, generic: true });
      continue;
    } else level = 0;
    found.push({ start, end, level, bare: false });
  }
  DEGREE_ABBREVIATIONS.lastIndex = 0;
  for (let m = DEGREE_ABBREVIATIONS.exec(s); m !== null; m = DEGREE_ABBREVIATIONS.exec(s)) {
    if (found.length >= MAX_MENTIONS) break;
    const groups = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (groups.bare !== undefined) {
      const level: Level = m[0].startsWith("M") ? 2 : 1;
      found.push({ start, end, level, bare: true });
    } else
      found.push({
        start,
        end,
        level: groups.master !== undefined ? 2 : groups.bachelor !== undefined ? 1 : 0,
        bare: false,
      });
  }
  found.sort((a, b) => a.start - b.start);
  // A bare BS/BA/MS/MA counts when it is joined to another mention (`BS/BA`, `MS or PhD`) or a degree context
  // follows it and no city comes before it (`Cambridge, MA with`).
  const kept: Mention[] = [];
  for (let i = 0; i < found.length; i++) {
    const m = found[i] as Mention & { bare: boolean; generic?: true };
    if (m.bare) {
      const prev = found[i - 1];
      const next = found[i + 1];
      const joined =
        (prev !== undefined && m.start - prev.end <= 6 && JOINED.test(s.slice(prev.end, m.start))) ||
        (next !== undefined && next.start - m.end <= 6 && JOINED.test(s.slice(m.end, next.start)));
      const city = /[A-Z][a-z]+,\s?$/.test(s.slice(Math.max(0, m.start - 25), m.start));
      if (!joined && (city || !BARE_FOLLOW.test(s.slice(m.end, m.end + 30)))) continue;
    }
    // After another mention (`Master's degree in`, `BS/MS degree in`, `Bachelor's (or graduate level) degree in`)
    // a level-less `degree in` adds nothing.
    const last = kept[kept.length - 1];
    if (
      m.generic &&
      last !== undefined &&
      m.start - last.end <= 30 &&
      !CLAUSE_END.test(s.slice(last.end, m.start + 1))
    ) {
      continue;
    }
    kept.push({ start: m.start, end: m.end, level: m.level });
  }
  return kept;
}

function groupMentions(s: string, mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last !== undefined && m.start - last.end <= 40 && CONNECTOR.test(s.slice(last.end, m.start))) {
      last.end = m.end;
      last.levels.push(m.level);
    } else groups.push({ start: m.start, end: m.end, levels: [m.level] });
  }
  return groups;
}

/** The text after a group up to the end of its clause, the next group or MAX_WINDOW characters. */
export function clauseAfter(s: string, from: number, nextStart: number): string {
  let w = s.slice(from, Math.min(nextStart, from + MAX_WINDOW));
  const end = w.search(CLAUSE_END);
  if (end >= 0) w = w.slice(0, end);
  const item = w.search(NEW_ITEM);
  if (item >= 0) w = w.slice(0, item);
  return w;
}

/** The text before a group back to the start of its clause (bounded by the caller). */
export function clauseBefore(s: string, from: number, to: number): string {
  const w = s.slice(from, to);
  // Every CLAUSE_START match is one character, so the last match is the first one found reading backwards.
  for (let i = w.length - 1; i >= 0; i--) if (clauseStartsAt(w, i)) return w.slice(i + 1);
  return w;
}

// CLAUSE_START read character by character, backwards: a regex reads the whole window forwards to find its last
// match, this stops at it (clauseBefore runs for every degree and year figure).
const isLowerAZ = (c: number): boolean => c >= 97 && c <= 122;
const isUpperAZ = (c: number): boolean => c >= 65 && c <= 90;
/** `\w` of a regex without the `u` flag. */
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isSentenceMark = (c: number): boolean => c === 46 || c === 33 || c === 63; // . ! ?

/** Whether CLAUSE_START, run on `w`, matches at `i`. */
function clauseStartsAt(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  if (c === 59 || c === 0x2022 || c === 0xb7) return true; // ; • ·
  const next = i + 1 < w.length ? w.charCodeAt(i + 1) : -1;
  if (c === 10) return !isLowerAZ(next); // \n(?![a-z])
  if (!isSentenceMark(c)) return false;
  if (isSpace(next)) return true; // [.!?](?=\s)
  // (?<=[a-z)])[.!?](?=[A-Z])
  const prev = i > 0 ? w.charCodeAt(i - 1) : -1;
  return (isLowerAZ(prev) || prev === 41) && isUpperAZ(next);
}

const dropParentheses = (w: string): string =>
  !w.includes("(")
    ? w
    : w.replace(PARENTHESIS, (whole, inner: string) =>
        LONE_MARKER.test(inner) ? ` ${inner} ` : " ".repeat(whole.length),
      );

export function markerAfter(after: string): StatementKind | null {
  // `M.S. in statistics ... with a preference for a PhD`: a prefix at the end belongs to the next degree.
  const m = MARKER_AFTER.exec(dropParentheses(after).replace(TRAILING_PREFIX, ""));
  if (m === null) return null;
  return m.groups?.preferred !== undefined ? "preferred" : "required";
}

export function markerBefore(before: string): StatementKind | null {
  let kind: StatementKind | null = null;
  const w = dropParentheses(before);
  MARKER_BEFORE.lastIndex = 0;
  for (let m = MARKER_BEFORE.exec(w); m !== null; m = MARKER_BEFORE.exec(w)) {
    kind = m.groups?.preferred !== undefined ? "preferred" : "required";
  }
  return kind;
}

/** Whether the line [lineStart, lineEnd) of `s` is a section header: null if not, else whether it is a preferred one. */
function headerAt(s: string, lineStart: number, lineEnd: number): boolean | null {
  if (lineEnd - lineStart > 2 * MAX_HEADER_CHARS) return null;
  const line = s.slice(lineStart, lineEnd).trim();
  if (line.length === 0 || line.length > MAX_HEADER_CHARS || !isHeader(line)) return null;
  return HEADER_PREFERRED.test(line);
}

const isHeader = (line: string): boolean =>
  line.endsWith(":") || (!/[.!?]$/.test(line) && line.split(/\s+/).length <= 6 && HEADER_START.test(line));
/** A header that does not end with a colon must start like one (not `Python is a plus`). */
const HEADER_START =
  /^\W*(?:preferred|desired|desirable|bonus|nice|pluses|ideal|optional|additional|extra|required|requirements?|minimum|basic|must|qualifications?|education|experience|skills|responsibilities|duties|what|who|about|benefits|job|position|the role|your|our|you)\b/i;

/**
 * Whether an offset of `s` lies in a preferred section (under a header such as `Preferred qualifications:`,
 * up to the next header). Reads only the lines from the offset back to the nearest header, or to the line of
 * the previous question when that comes first (questions come in order): most lines are never read.
 */
export function sectionReader(s: string): (at: number) => boolean {
  let knownLine = -1; // the start of the line of the previous question, or -1
  let knownPreferred = false; // the answer for any offset on that line
  return (at) => {
    // The start of the line that holds `at` (a line ends at, and includes, its "\n").
    const line = at <= 0 ? 0 : s.lastIndexOf("\n", at - 1) + 1;
    if (line < knownLine) {
      knownLine = -1;
      knownPreferred = false;
    }
    let preferred = false;
    for (let start = line; ; ) {
      if (start <= knownLine) {
        preferred = knownPreferred;
        break;
      }
      const end = s.indexOf("\n", start);
      const header = headerAt(s, start, end < 0 ? s.length : end);
      if (header !== null) {
        preferred = header;
        break;
      }
      if (start === 0) break;
      start = start === 1 ? 0 : s.lastIndexOf("\n", start - 2) + 1;
    }
    knownLine = line;
    knownPreferred = preferred;
    return preferred;
  };
}
