/**
 * Years of experience a posting asks for, read from its description text. Pure: text in, an
 * `ExperienceYears` (or null) and issues out. It does not infer years from a title or a seniority, and it
 * reads no HTML.
 *
 * How it reads: a few indexOf scans for the letters the unit words start with (`ye`, `yr`, `month`) find
 * candidates and a sticky regex keeps the unit words (`years`, `yrs`, `months`); for each, a
 * regex anchored at the unit reads the figure before it from a bounded window (`5+`, `3-5`, `3 to 5`,
 * `two`, `five (5)`, `at least 2`, `minimum of 7`, `over 5`, `up to 2`, `2 or more`), and the words around
 * it decide whether it is about experience: `experience`/`exp` in its clause, or a working context right
 * after it (`of professional ...`, `in a data science role`, `as a ...`, `developing ...`), or an experience
 * label before it (`Experience with Python (2+ years)`, `Nursing: 5 years (Required)`). Nothing here reads
 * more than a bounded window around one unit word, so a text costs one linear scan.
 *
 * Decisions (checked against ../../../shared/corpus/descriptions):
 * - Not experience: company age and history (`founded 20 years ago`, `for over 35 years`, `75 years in
 *   business`, `over the past 5 years we have grown`), age (`18 years of age`, `years old`), schooling
 *   (`4-year degree`, `2 years of tuition`, `years of college`), benefits and terms (`401k`, `vests over 4
 *   years`, `2-year contract`, `10 days per year`), residency (`three out of the past five years`).
 *   A figure above MAX_YEARS is not a requirement.
 * - Several statements. Statements joined as alternatives (`3+ years with a BS or 1+ year with a PhD`,
 *   `BS with 10 years ... OR MS with 8 years ... OR PhD with 5 years`: joined by `or` at a clause joint, or
 *   each tied to a degree) give their lowest minimum: that is the least experience that qualifies.
 *   Separate statements are all required (`5+ years of data science` and `2+ years of Spark`): the largest
 *   of their minimums binds, so min = the largest alternative-group minimum. Against Glassdoor's title
 *   seniority this separates senior titles as well as the first or the largest figure and better than the
 *   smallest, and it alone honours alternatives (docs/normalization-education-experience-industry.md).
 * - max = the largest stated upper bound among required statements, kept only when it is not below min
 *   (`5+ years overall, 2-3 years of Spark` is {5, null}, not {5, 3}).
 * - Preferred figures (`5+ years preferred`, a `Preferred Qualifications` section) do not set the range when
 *   a required one exists; when only preferred figures exist they are used, with `experience.preferred_only`.
 * - `up to 2 years`, `less than 2 years` read as {0, 2}; `0-2 years` as {0, 2}; `6 months` as 0.5.
 * - `several years`, `a few years`: no figure, nothing read.
 */
import type { RecordIssue } from "../domain/errors.ts";
import type { ExperienceYears } from "../domain/posting.ts";
import {
  clauseAfter,
  clauseBefore,
  markerAfter,
  markerBefore,
  type StatementKind,
  screenDescription,
  sectionReader,
} from "./education.ts";

/** No posting asks for more years than this; a larger figure is about something else. */
export const MAX_YEARS = 40;
/** The most unit words read from one text. */
const MAX_UNITS = 2_000;
const BEFORE_CHARS = 60;
const AFTER_CHARS = 130;

export interface ExperienceResult {
  years: ExperienceYears | null;
  issues: RecordIssue[];
}

/** One figure of experience as stated, for audit. */
export interface ExperienceStatement {
  min: number | null;
  max: number | null;
  kind: StatementKind;
  /** An alternative of the statement before it (`... or MS with 3 years`). */
  orPrevious: boolean;
  text: string;
}

const issue = (code: string, message: string, input?: unknown): RecordIssue =>
  input === undefined ? { code, path: [], message } : { code, path: [], message, input };

/** A unit word, tried only where unitCandidates found one can start. */
const UNIT = /\b(?:[Yy](?:ears?|rs?)|YEARS?|YRS?|[Mm]onths?|MONTHS?)\b/y;

/**
 * Offsets of `s` where UNIT may match, ascending: each `y` before `e` or `r`, `Y` before `e`, `r`, `E` or `R`, and
 * `month`, `Month`, `MONTH`. indexOf finds these letters faster than a regex scan finds the unit words.
 */
function unitCandidates(s: string): Int32Array {
  const starts: number[] = [];
  for (let i = s.indexOf("y"); i >= 0; i = s.indexOf("y", i + 1)) {
    const next = s.charCodeAt(i + 1);
    if (next === 101 || next === 114) starts.push(i); // e r
  }
  for (let i = s.indexOf("Y"); i >= 0; i = s.indexOf("Y", i + 1)) {
    const next = s.charCodeAt(i + 1) | 0x20; // lower case of an ASCII letter
    if (next === 101 || next === 114) starts.push(i);
  }
  for (const month of MONTH_WORDS) for (let i = s.indexOf(month); i >= 0; i = s.indexOf(month, i + 1)) starts.push(i);
  return new Int32Array(starts).sort();
}
const MONTH_WORDS = ["month", "Month", "MONTH"];

const WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
const NUM = String.raw`(?:\d{1,2}(?:\.\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|an?)`;
/** The figure right before a unit word, anchored at the end of the window. */
const FIGURE = new RegExp(
  String.raw`(?:\b(?<q>at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|greater\s+than|in\s+excess\s+of|upwards\s+of|up\s+to|less\s+than|fewer\s+than|under|no\s+more\s+than|maximum(?:\s+of)?|max\.?)\s+)?` +
    String.raw`\(?(?<![\d$]|\d\.|\b[a-z])(?<lo>${NUM})\)?(?:\s*\(\s*(?<lod>\d{1,2})\s*\))?(?:\s*(?<lop>\+|-?\s*plus\b|\(?\s*or\s+more\b\s*\)?|or\s+greater\b|or\s+above\b))?` +
    String.raw`(?:\s*(?:-|–|—|to|or)\s*(?<hi>${NUM})(?:\s*\(\s*(?<hid>\d{1,2})\s*\))?(?:\s*(?<hip>\+))?)?` +
    String.raw`(?<hyphen>\s*-)?\s*$`,
  "i",
);

/** Experience words in a statement's clause. */
const EXPERIENCE_WORD =
  /\b(?:experiences?|experienced|exp|expereince|experiance|expertise|exposure|background|knowledge|usage|proficiency|track record)\b/i;
/** Ends the clause a figure is read in: a line break, `;`, a bullet, a sentence end. */
const CLAUSE_END = /\n(?![a-z])|;|•|·|[.!?](?=\s)|(?<=[a-z)])[.!?](?=[A-Z])/;
/** A working context right after the unit (`of professional`, `in a data science role`, `developing ...`). */
const WORK_AFTER =
  /^\s*in\s+(?:[\w/&-]+\s+){0,5}(?:roles?|positions?|fields?|industry|environments?|capacity|settings?|functions?)\b|^['’]?s?\s*on\s+the\s+job\b|^['’]?s?\s*(?:\+|or more|plus)?\s*(?:of\s+)?(?:professional|industry|industrial|relevant|related|directly|direct|work|working|hands[- ]on|practical|progressive|post-?doc(?:toral)?|full[- ]time|applied|proven|prior|previous|combined|demonstrated|managerial|management|leadership|research)\b|^['’]?s?\s*(?:\+|or more|plus)?\s*(?:in\s+(?:an?\s+|the\s+)?|as\s+an?\s+|at\s+an?\s+|(?:with|and|plus|&)\s+(?:an?\s+)?(?:BS|BA|MS|MA|PhD|Ph\.D|bachelor|master|doctora|associate|graduate degree))|^['’]?s?\s*(?:\+|or more|plus)?\s*(?:developing|building|designing|leading|managing|working|doing|writing|programming|coding|applying|delivering|analyzing|supporting|performing|conducting|using|implementing|focused|focusing|spent|creating|engineering)\b/i;
/** Not experience, right after the unit. */
const NOT_AFTER =
  /^['’]?s?\s*(?:old\b|of\s+age\b|ago\b|in\s+(?:business|operation|a\s+row|the\s+making)\b|running\b|straight\b|later\b|earlier\b|from\s+now\b|prior\s+to\s+(?:your|the)\s+application|of\s+(?:tuition|college|university|school|schooling|study|studies|coursework|service|growth|history|operations?|existence|education|undergraduate|graduate\s+(?:school|study))\b)/i;
/** Not experience, just before the figure (history, benefits, residency, rates). */
const NOT_BEFORE =
  /\b(?:past|last|previous|recent|every|each|per|after|since|founded|established|history|anniversary|vest(?:s|ing)?|within|out\s+of\s+the)\s+(?:\w+\s+){0,2}$/i;
/** A company speaking of itself (`we have been serving clients for over 35 years`). */
const COMPANY_VOICE =
  /\b(?:we|we['’]ve|we['’]re|our|us|company|firm|organization|founded|family-owned|has\s+(?:been|served|provided|helped))\b/i;
/** An adjective figure (`4-year degree`, `2-year contract`): experience only when followed by experience. */
const ADJECTIVE_OK = /^['’]?s?\s*(?:of\s+)?(?:\w+\s+)?(?:experiences?|exp)\b/i;
/** An experience label before the figure (`Experience with Python (2+ years)`, `Nursing: 5 years`). */
const LABEL_BEFORE = /(?:\(\s*|:\s*|\bwith\s+|\bexp(?:erience)?\.?\s*(?:level|required)?\s*[:\-–]?\s*)$/i;
/** `... or 1+ year with a PhD`: the figure is tied to a degree of its own, so it is not a degree's substitute. */
const DEGREE_AFTER =
  /^\s*(?:of\s+(?:\w+\s+){0,3})?(?:with|and|plus|&)\s+(?:an?\s+)?(?:BS|BA|MS|MA|PhD|Ph\.D|[Bb]achelor|[Mm]aster|[Dd]octora|[Aa]ssociate)/;
/** `Masters and 2 years`, `MS with 3 years`, `BS plus 4 years`: years tied to a degree. */
const DEGREE_LEAD = /\b(?:with|and|plus|&|\+)\s*$/i;
/** The company as the subject (`a minority-owned company with over 30 years of experience`). */
const COMPANY_WITH =
  /\b(?:company|firm|organization|agency|business|we|we['’]ve|we\s+have|our\s+(?:team|company|firm|founders?))\b[^.;\n]{0,30}\b(?:with|has|have|brings?)\s+(?:over\s+|more\s+than\s+|nearly\s+)?$/i;
/** The company speaking right after the figure (`With over 75 years of experience, we specialize`). */
const COMPANY_AFTER = /^[^.;\n]{0,40},\s*(?:we|our)\b/i;
const LABEL_AFTER = /^\s*\)|^\s*\((?:required|preferred)\)/i;

const DEGREE_NEAR =
  /\b(?:[Bb]achelor|BACHELOR|[Mm]aster|MASTER|[Aa]ssociate|[Dd]octora|DOCTORA|[Pp]h\.?\s?[Dd]|PHD|[Gg]raduate degree|[Dd]egree|BS|BA|MS|MA|B\.S|M\.S|MSc|BSc|M\.Sc|B\.A|M\.A|MBA)/;
/** `or` at a clause joint (`; or`, `, or`, a line starting with `or`), or an upper-case `OR`. */
const OR_JOINT = /(?:[;,.\n]|^)\s*(?:or|Or|OR)\b|\bOR\b|\b(?:or|OR)\s*$/;
/** A figure offered instead of a degree (`Bachelor's degree or 8 years of experience`): not a requirement. */
const SUBSTITUTE_BEFORE =
  /\b(?:degree|diploma|bachelor['’]?s|master['’]?s|BS|BA|MS|equivalent)\s+(?:\([^)]*\)\s+)?or\s+(?:an?\s+)?(?:additional\s+|equivalent\s+)?$|\b(?:substitut\w*|in\s+lieu|in\s+place\s+of|equivalent\s+to)\b/i;

const YRS = /^yrs?$/i;
/** `... in lieu of a degree` right after the figure. */
const IN_LIEU_AFTER = /^\s*(?:of\s+\w+\s+){0,1}(?:experience\s+)?in\s+lieu\b/i;
/** `w.split(/\d/, 1)[0]`: the text before the first digit. */
const beforeDigit = (w: string): string => {
  const digit = w.search(DIGIT);
  return digit < 0 ? w : w.slice(0, digit);
};
const DIGIT = /\d/;

const excerpt = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

export function parseExperienceYears(text: string): ExperienceResult {
  const { statements, issues } = readExperienceStatements(text);
  const required = statements.filter((st) => st.kind === "required");
  let used = required;
  if (required.length === 0 && statements.length > 0) {
    used = statements;
    issues.push(
      issue("experience.preferred_only", "only preferred years are stated; they are used", statements[0]?.text),
    );
  }
  if (used.length === 0) return { years: null, issues };

  // Alternatives give their lowest minimum; separate requirements bind with the largest.
  let min: number | null = null;
  let groupMin: number | null = null;
  let previousUsed = false;
  const close = () => {
    if (groupMin !== null && (min === null || groupMin > min)) min = groupMin;
    groupMin = null;
  };
  for (const st of statements) {
    if (!used.includes(st)) {
      previousUsed = false;
      continue;
    }
    if (!(st.orPrevious && previousUsed)) close();
    if (st.min !== null && (groupMin === null || st.min < groupMin)) groupMin = st.min;
    previousUsed = true;
  }
  close();
  let max: number | null = null;
  for (const st of used) if (st.max !== null && (max === null || st.max > max)) max = st.max;
  if (max !== null && min !== null && max < min) max = null;
  return { years: { min, max }, issues };
}

/** Every figure of experience in a text, in order, with the issues of screening it. */
export function readExperienceStatements(text: string): { statements: ExperienceStatement[]; issues: RecordIssue[] } {
  const statements: ExperienceStatement[] = [];
  const screened = screenDescription(text, "experience");
  if (screened.text === null) return { statements, issues: screened.issue === null ? [] : [screened.issue] };
  const s = screened.text;
  const issues: RecordIssue[] = [];
  let inPreferred: ((at: number) => boolean) | null = null;
  let prevEnd = -1;
  let units = 0;
  // The matches a global UNIT scan finds: the first match at or after the end of the previous one.
  let next = 0;
  for (const at of unitCandidates(s)) {
    if (at < next) continue;
    UNIT.lastIndex = at;
    const u = UNIT.exec(s);
    if (u === null) continue;
    next = at + u[0].length;
    if (++units > MAX_UNITS) {
      issues.push(issue("experience.too_many_figures", `read only the first ${MAX_UNITS} year figures`));
      break;
    }
    const unitStart = u.index;
    const unitEnd = unitStart + u[0].length;
    const before = s.slice(Math.max(0, unitStart - BEFORE_CHARS), unitStart);
    const fig = FIGURE.exec(before);
    if (fig === null) continue;
    const range = figureRange(fig.groups ?? {}, u[0]);
    if (range === null) continue;
    // `5+ yrs. of experience`: the abbreviation's dot is not a sentence end.
    const afterStart = s[unitEnd] === "." && YRS.test(u[0]) ? unitEnd + 1 : unitEnd;
    const after = s.slice(afterStart, afterStart + AFTER_CHARS);
    const figureStart = unitStart - before.length + fig.index;
    const lead = before.slice(0, fig.index);
    const wideStart = clauseBefore(s, Math.max(0, figureStart - 200), figureStart);
    if (!isExperience(wideStart, lead, after, fig.groups?.hyphen !== undefined, fig[0])) continue;

    inPreferred ??= sectionReader(s);
    const clauseStart = prevEnd > figureStart - wideStart.length ? s.slice(prevEnd, figureStart) : wideStart;
    const clauseEnd = clauseAfter(s, unitEnd, s.length);
    const substitute = SUBSTITUTE_BEFORE.test(clauseStart) && !DEGREE_AFTER.test(after);
    if (substitute || IN_LIEU_AFTER.test(clauseEnd)) {
      continue;
    }
    const kind: StatementKind =
      // The marker window stops at the next figure (`5 years ..., 10+ years preferred`).
      markerAfter(beforeDigit(clauseEnd.slice(0, 60))) ??
      markerBefore(clauseStart) ??
      (inPreferred(figureStart) ? "preferred" : "required");
    const clause = `${clauseStart}${s.slice(figureStart, unitEnd)}${clauseEnd}`;
    const gap = prevEnd < 0 ? "" : s.slice(prevEnd, figureStart);
    const prev = statements[statements.length - 1];
    const orPrevious =
      prev !== undefined &&
      gap.length <= 300 &&
      ((gap.length <= 200 && OR_JOINT.test(gap)) || (DEGREE_NEAR.test(clause) && DEGREE_NEAR.test(prev.text)));
    statements.push({ min: range.min, max: range.max, kind, orPrevious, text: excerpt(clause.trim()) });
    prevEnd = unitEnd;
  }
  return { statements, issues };
}

function figureRange(
  g: Record<string, string | undefined>,
  unit: string,
): { min: number | null; max: number | null } | null {
  const months = /^m/i.test(unit);
  const singular = !/s$/i.test(unit);
  const value = (word: string | undefined, digits: string | undefined): number | null => {
    if (digits !== undefined) return Number(digits);
    if (word === undefined) return null;
    const w = word.toLowerCase();
    if ((w === "a" || w === "an") && !singular) return null;
    return WORDS[w] ?? Number(w);
  };
  let lo = value(g.lo, g.lod);
  let hi = value(g.hi, g.hid);
  if (lo === null || Number.isNaN(lo) || (hi !== null && Number.isNaN(hi))) return null;
  if (months) {
    lo = Math.round((lo / 12) * 100) / 100;
    if (hi !== null) hi = Math.round((hi / 12) * 100) / 100;
  }
  if (lo > MAX_YEARS || (hi !== null && hi > MAX_YEARS)) return null;
  const q = g.q?.toLowerCase().replace(/\s+/g, " ");
  if (
    q === "up to" ||
    q === "less than" ||
    q === "fewer than" ||
    q === "under" ||
    q === "no more than" ||
    q?.startsWith("max")
  ) {
    return { min: 0, max: lo };
  }
  if (hi === null) return { min: lo, max: null };
  if (g.lop !== undefined) return null; // `5+ - 7`: not a figure
  return hi >= lo ? { min: lo, max: hi } : { min: hi, max: lo };
}

function isExperience(clauseStart: string, lead: string, after: string, hyphen: boolean, figure: string): boolean {
  if (NOT_AFTER.test(after) || NOT_BEFORE.test(lead)) return false;
  // `4-year degree`, `2-year contract`: an adjective, experience only in `5-year experience`.
  if (hyphen || /-\s*$/.test(figure)) return ADJECTIVE_OK.test(after);
  const end = after.search(CLAUSE_END);
  const clauseEnd = end < 0 ? after : after.slice(0, end);
  // `for 15 years` with the company as the subject is history, not a requirement.
  const forYears = /\bfor\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|at\s+least\s+)?$/i.test(lead);
  if (forYears && COMPANY_VOICE.test(clauseStart)) return false;
  if (COMPANY_WITH.test(clauseStart)) return false;
  if (COMPANY_AFTER.test(after)) return false;
  if (EXPERIENCE_WORD.test(clauseEnd) || WORK_AFTER.test(after)) return true;
  const experienceBefore = /\b(?:experiences?|experienced|exp|worked|working)\b/i.test(clauseStart);
  if (experienceBefore && (LABEL_BEFORE.test(lead) || LABEL_AFTER.test(after) || forYears)) return true;
  if (DEGREE_LEAD.test(lead) && DEGREE_NEAR.test(clauseStart)) return true;
  // `Nursing: 5 years (Required)`: a job-board field of years, labelled required or preferred.
  return /:\s*$/.test(lead) && /^\s*\((?:required|preferred)\)/i.test(after);
}
