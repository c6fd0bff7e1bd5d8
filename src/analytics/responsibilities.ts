/**
 * What each role does: the responsibility phrases a job description states ("build data pipelines", "train
 * large models", "partner with product teams"), and the ones most distinctive of one group of postings
 * against another.
 *
 * A description is read line by line with a running section state. A requirements, benefits or company header
 * ("Qualifications", "About you", "Benefits", "About us", "EEO") stops reading; a responsibilities header
 * ("Responsibilities", "What you'll do", "In this role, you will:") or a neutral one ("Overview") starts it
 * again. Where it reads, a statement is a line or sentence led by an action verb ("Build …", "Develops …",
 * "Designing …", after lead-ins such as "You will also help us"), or a sentence that says what the person will
 * do ("As a data scientist you'll build …", "The analyst is responsible for building …"). Requirement lists are
 * rarely verb-led ("Experience with …", "Strong …", "Ability to …"), which is what keeps them out when a
 * description has no header at all.
 *
 * From each statement come verb-led chunks of 2–4 words: the verb lemmatized against a lexicon of action verbs
 * ("building", "builds" → "build"), every verb of a coordinated group sharing the object ("design, build and
 * maintain data pipelines" gives all three), the object noun phrase with determiners, puffery and coordinated
 * modifiers dropped ("scalable, robust data pipelines" → "data pipelines"), and the clauses that follow ("… to
 * identify opportunities", "…, and present findings"). Vague verbs ("work with", "be responsible", "help us")
 * and vague objects ("perform other duties") give nothing.
 *
 * It deliberately has no part-of-speech tagger and no synonyms ("construct" is not "build"): the lexicons below
 * are the whole model, so every phrase can be traced to the words of its posting. It does no I/O. Ranking two
 * groups uses `logOddsWithPrior` (stats.ts).
 */
import { logOddsWithPrior } from "./stats.ts";

/** Only the head of a description is read: responsibilities come early, and the cost stays bounded. */
export const MAX_DESCRIPTION_CHARS = 30_000;
const MAX_PHRASE_WORDS = 4;
/** Words of an object read before its head is taken. */
const MAX_OBJECT_SCAN = 6;
const MAX_PHRASES_PER_STATEMENT = 8;
/** Memoized lemmas; cleared when full so hostile input cannot grow it without bound. */
const MAX_LEMMA_CACHE = 50_000;

// ---------------------------------------------------------------------------------------------------------
// Lexicons

const words = (text: string): string[] => text.trim().split(/\s+/);

/** Base forms of the action verbs job descriptions lead with. A statement led by none of these states no task. */
const VERBS: ReadonlySet<string> = new Set(
  words(`accelerate access accomplish achieve acquire act adapt add address adjust administer adopt advance advise
  advocate aggregate align allocate analyze annotate answer anticipate apply architect archive arrange
  articulate assemble assess assign assist attend audit augment author automate balance benchmark brainstorm
  bridge build calculate calibrate capture catalog champion check clarify classify clean cleanse coach code
  codify collaborate collate collect combine commercialize communicate compare compile complete compose compute
  conceive conceptualize conduct configure connect consolidate construct consult contribute control convert
  convey coordinate correct craft create curate customize debug decompose define deliver demonstrate deploy
  derive describe design detect determine develop devise diagnose direct discover disseminate distill distribute
  document draft drive educate elicit embed empower enable encourage engage engineer enhance enrich ensure
  establish estimate evaluate evangelize evolve examine execute expand experiment explain explore expose extend
  extract facilitate fine-tune fix forecast formulate foster frame gather generate govern grow guide handle
  harden harmonize hire host identify illustrate implement improve incorporate increase influence inform ingest
  initiate innovate inspect inspire install instrument integrate interface interpret interview introduce invent
  investigate iterate label launch lead leverage liaise load maintain manage manipulate map measure mentor merge
  migrate mine minimize mitigate model modernize modify monitor motivate navigate negotiate normalize operate
  operationalize optimize orchestrate organize oversee own parse participate partner perform pilot pioneer plan
  predict prepare present prioritize process produce productionize profile promote propose prototype provide
  provision publish pursue quantify query rank rebuild recommend reconcile record recruit redesign reduce
  refactor refine release remediate report represent reproduce research resolve respond retrain review revise
  rewrite run scale schedule scope score script secure segment select shape share ship simplify simulate solve
  source spearhead specify standardize steer streamline structure study summarize supervise support synthesize
  tackle teach test track train transform translate triage troubleshoot tune uncover understand unify update
  upgrade uphold use utilize validate verify visualize write wrangle
  pretrain pre-train quantize parallelize containerize compress prune replicate serve
  be become do get have help join keep learn make set stay take work`),
);

/** Verbs read as verbs but never reported: they say nothing about the job ("be", "help us", "work with", "stay current"). */
const VAGUE_VERBS: ReadonlySet<string> = new Set(
  words("act attend be become do get have help join keep learn make set stay take work use utilize leverage"),
);

/** Forms that the suffix rules miss. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["is", "be"],
  ["are", "be"],
  ["has", "have"],
  ["does", "do"],
  ["finetune", "fine-tune"],
]);

/** Verbs whose object follows a preposition: "partner with product teams", "contribute to research". */
const PREPOSITION_OF: ReadonlyMap<string, string> = new Map([
  ["collaborate", "with"],
  ["communicate", "with"],
  ["consult", "with"],
  ["contribute", "to"],
  ["coordinate", "with"],
  ["engage", "with"],
  ["experiment", "with"],
  ["interact", "with"],
  ["interface", "with"],
  ["liaise", "with"],
  ["participate", "in"],
  ["partner", "with"],
  ["respond", "to"],
]);

/** Words that end an object: prepositions, conjunctions, relatives, linking participles, auxiliaries. */
const OBJECT_BOUNDARY: ReadonlySet<string> = new Set(
  words(`to for with in on of from into onto through throughout across at by within via over under between among
  about as like per up down against toward towards upon around after before during without and or but nor then
  than that which who whom whose where when while what how why whether if so such including using leveraging
  utilizing based e.g i.e etc is are was were be been will would can could should must may might`),
);

/** Words dropped from an object: determiners, pronoun adjectives, and puffery that never names the work. */
const FILLER: ReadonlySet<string> = new Set(
  words(`a an the our their your its his her this these those all any each every some various multiple several many
  numerous other additional new existing key relevant appropriate complex innovative robust scalable efficient
  effective high-quality highly quality-driven cutting-edge state-of-the-art leading-edge bleeding-edge
  sophisticated novel custom critical end-to-end world-class best-in-class reliable reusable production-grade
  production-ready performant clear actionable meaningful valuable useful powerful impactful compelling accurate
  timely specific different diverse broad wide own both either more most less well strong great good best
  better important major significant necessary required ongoing overall general creative exciting interesting
  challenging cross-functional up-to-date often frequently regular`),
);

/** Words that only count what follows "of": "a suite of tools" is "tools", "a team of analysts" is "analysts". */
const QUANTITY_NOUNS: ReadonlySet<string> = new Set(
  words(`suite set sets variety range number array series collection portfolio library lots host mix combination
  volume volumes amount amounts kinds types forms pieces wealth multitude plethora abundance breadth team teams
  group groups tens hundreds thousands millions billions dozens`),
);

/** Objects that make a phrase vague or boilerplate ("perform other duties", "support them", "advance your career"). */
const VAGUE_OBJECTS: ReadonlySet<string> = new Set(
  words(`it them this that these those us you we they him her me others other things thing stuff duties duty tasks
  task assignments assigned needed required requested directed role position job jobs company part way ways
  responsibilities responsibility responsible needs basis time day etc also able ability sure efforts related
  knowledge expertise skills understanding experience value today now there here following career careers
  yourself legacy future world difference nation journey`),
);

const PRONOUNS: ReadonlySet<string> = new Set(words("it them us you we they him her me its"));

/** Two-word starts that look like a task and are a term ("Support Vector Machines", "Map Reduce"). */
const NOT_TASKS: ReadonlySet<string> = new Set(["support vector", "map reduce", "process mining"]);

// ---------------------------------------------------------------------------------------------------------
// Lemmatization

const lemmaCache = new Map<string, string | null>();

/**
 * The base form of `word` when it is a form of a lexicon verb ("building" → "build", "applies" → "apply",
 * "optimising" → "optimize"), else null. Past forms are not read: statements are imperative, third person or
 * gerunds, and "-ed" words in descriptions are mostly adjectives ("experienced", "detailed").
 */
export function verbLemma(word: string): string | null {
  return lemmaOf(word.toLowerCase());
}

/** `verbLemma` of a word already in lower case (every token is). */
function lemmaOf(w: string): string | null {
  let lemma = lemmaCache.get(w);
  if (lemma === undefined) {
    lemma = lemmatize(w);
    if (lemmaCache.size >= MAX_LEMMA_CACHE) lemmaCache.clear();
    lemmaCache.set(w, lemma);
  }
  return lemma;
}

function lemmatize(w: string): string | null {
  if (VERBS.has(w)) return w;
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  const n = w.length;
  if (n < 4) return null;
  const probe = (stem: string) => (VERBS.has(stem) ? stem : null);
  // British spellings: "optimise", "prioritising", "analyses"
  const base = (stem: string) =>
    probe(stem) ??
    (stem.endsWith("ise")
      ? probe(`${stem.slice(0, -3)}ize`)
      : stem.endsWith("yse")
        ? probe(`${stem.slice(0, -3)}yze`)
        : null);
  if (w.endsWith("ing") && n > 4) {
    const stem = w.slice(0, -3);
    const doubled = stem.length > 2 && stem.charCodeAt(stem.length - 1) === stem.charCodeAt(stem.length - 2);
    // "building" → "build", "creating" → "create", "running" → "run", "modelling" → "model"
    return probe(stem) ?? base(`${stem}e`) ?? (doubled ? probe(stem.slice(0, -1)) : null);
  }
  if (w.endsWith("ies")) return probe(`${w.slice(0, -3)}y`);
  if (w.endsWith("es")) return probe(w.slice(0, -2)) ?? base(w.slice(0, -1));
  if (w.endsWith("s") && !w.endsWith("ss")) return base(w.slice(0, -1));
  return base(w);
}

// ---------------------------------------------------------------------------------------------------------
// Lines and headers

/** What a header does to reading: duties and neutral headers start it, other headers stop it, metadata does neither. */
type HeaderKind = "duties" | "neutral" | "other" | "meta";

const DUTIES_HEADER =
  /\b(?:responsibilit(?:y|ies)|duties|duty|accountabilities|(?:essential |job |key )?functions|tasks|what you(?:'ll| will)(?: be)? (?:do|doing|work on|working on|own|build|achieve|accomplish)|in this (?:role|position)(?: you(?:'ll| will))?|(?:your|the) impact|impact you(?:'ll| will)|the role|about the (?:role|job|position|opportunity|gig|work)|your role|role description|role overview|the opportunity|your mission|a day in the life|day to day|how you(?:'ll| will) make (?:a|an) (?:difference|impact)|what to expect|^you(?:'ll| will)$|^role$|the job)\b/;
const OTHER_HEADER =
  /\b(?:qualifications?|requirements?|required|what you(?:'ll| will)? (?:bring|need|have)|what you bring|you bring|you have|about you|who you are|benefits?|perks|preferred|nice to haves?|must haves?|bonus|plus|about us|who we are|why (?:join|work|us)|eeo|equal (?:employment )?opportunity|skills?|experience|education|knowledge|abilities|competencies|what we offer|we offer|looking for|compensation|salary|pay|physical|background|ideal candidate|candidate profile|apply|our culture|environment|about (?:the )?company)\b/;
const NEUTRAL_HEADER = /^(?:(?:job|position|role) )?(?:description|overview|summary|purpose)$|^about /;
/** Introductions that open a duties list when they name nothing else: "Your days will consist of the following activities:". */
const DUTIES_WEAK = /\b(?:activities|(?:will|would) (?:include|involve|consist of)|the following|who (?:can|will))\b/;
/** Labels of metadata lines ("Location: Austin, TX", "Job type: Full-time"): they neither start nor stop reading. */
const META_LABEL =
  /^(?:job )?(?:locations?|type|job type|id|job id|req(?:uisition)?(?: id| number)?|title|job title|position title|posting title|department|division|reports to|reporting to|schedule|shift|hours|travel|start date|duration|salary range|pay range|employment type|worker type|time type|category|clearance|security clearance|city|state|country|date posted|posted|level|grade|status|work location|work schedule|remote|workplace type|base pay)$/;

/** Words a header without a colon may be made of ("Key Responsibilities", "What You Will Do", "Preferred Qualifications"). */
const HEADER_WORDS: ReadonlySet<string> = new Set(
  words(`a an and the of in this role position job your our you you'll youll will be doing do what we what's key
  main primary principal major core essential general specific daily day to typical detailed summary brief
  potential other additional areas roles responsibilities responsibility duties duty accountabilities functions
  function tasks impact impacts opportunity mission work working on life expectations expected look like make
  difference how qualifications qualification requirements requirement required preferred desired minimum basic
  must-have nice have haves bonus points plus skills skill experience experiences education knowledge abilities
  competencies benefits benefit perks compensation pay salary about us who are eeo equal employment statement
  background bring need offer looking for is candidate ideal profile technical professional physical
  environment culture why apply application now include includes not limited but description overview
  purpose`),
);

function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z' -]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The kind of header `label` names, or null when it names no known section. */
function headerKind(label: string): HeaderKind | null {
  const h = normalizeLabel(label);
  if (h.length === 0) return null;
  if (META_LABEL.test(h)) return "meta";
  const duties = DUTIES_HEADER.exec(h);
  const other = OTHER_HEADER.exec(h);
  // "Responsibilities and Qualifications" opens duties; "Required Skills and Responsibilities" does not.
  if (duties !== null && (other === null || duties.index <= other.index)) return "duties";
  if (other !== null) return "other";
  if (NEUTRAL_HEADER.test(h)) return "neutral";
  if (DUTIES_WEAK.test(h)) return "duties";
  return null;
}

const FIRST_WORD = /^[^A-Za-z]*([A-Za-z][A-Za-z']*)/;

/** A whole line that is a header without a colon: short, made only of header words ("About Acme" and "Why Acme?" too). */
function bareHeader(line: string): HeaderKind | null {
  if (line.length > 60) return null;
  const first = FIRST_WORD.exec(line)?.[1]?.toLowerCase();
  if (first === undefined || !HEADER_WORDS.has(first)) return null;
  const h = normalizeLabel(line);
  const parts = h.split(" ");
  if (parts.length > 7) return null;
  if (parts[0] === "about" && parts.length <= 4) return headerKind(h) ?? "other";
  if (parts[0] === "why" && parts.length <= 4) return "other";
  for (const w of parts) if (!HEADER_WORDS.has(w)) return null;
  const kind = headerKind(h);
  return kind === "meta" ? null : kind;
}

const QUOTES = /[\u2018\u2019\u201b`]/g;
const BULLETS =
  /[\u2022\u2023\u2043\u2219\u00b7\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25ba\u27a2\u2713\u2714\u2756\uf0b7\uf0a7\uf076\uf0d8]/g;
/** Exports that glue bullets into one line: "…in a timely manner.Monitor accounts", "Responsibilities:Process invoices". */
const GLUED_SENTENCE = /([a-z0-9)%])([.!?;:,])(?=[A-Z][a-z])/g;
/** "…calendar coordination, Managing deadlines": a list of capitalized statements. */
const LISTED_WORD = /([,;])\s+([A-Z][a-z]+)/g;
/** "…attention to detailStay updated": lower case straight into a capitalized verb or header word. */
const GLUED_WORD = /[a-z][A-Z][a-z]+/g;
const GLUE_WORDS: ReadonlySet<string> = new Set([
  "responsibilities",
  "requirements",
  "qualifications",
  "duties",
  "benefits",
]);
/** "Agent Assistance- Receive & Organize": a dash used as a bullet. */
const DASH_BULLET = /[-\u2013\u2014]\s+(?=[A-Z][a-z])/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const LIST_MARKER = /^(?:[-*>+\u2013\u2014=~]+|o(?=\s)|\(?\d{1,2}[.)](?=\s)|\(?[a-hA-H][.)](?=\s))?\s*/;

/** Whether a line may open with a list marker ("- ", "o ", "2) ", "(b) "): most open with a capital letter and a word. */
function mayBeMarked(line: string): boolean {
  const c = line.charCodeAt(0);
  const next = line.charCodeAt(1);
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return !letter || next === 0x2e || next === 0x29 || next === 0x20 || next === 0x09;
}

function splitLines(text: string): string[] {
  return text
    .replace(QUOTES, "'")
    .replace(BULLETS, "\n")
    .replace(GLUED_SENTENCE, "$1$2\n")
    .replace(LISTED_WORD, (whole: string, mark: string, word: string) =>
      verbLemma(word) !== null ? `${mark}\n${word}` : whole,
    )
    .replace(GLUED_WORD, (whole: string, offset: number, all: string) => {
      // three lower-case letters before, so "PyTorch", "MapReduce" and "iOS" stay whole
      const before = all.charCodeAt(offset - 1);
      const before2 = all.charCodeAt(offset - 2);
      if (!(before >= 0x61 && before <= 0x7a && before2 >= 0x61 && before2 <= 0x7a)) return whole;
      const word = whole.slice(1).toLowerCase();
      return verbLemma(word) !== null || GLUE_WORDS.has(word) ? `${whole[0]}\n${whole.slice(1)}` : whole;
    })
    .replace(DASH_BULLET, "\n")
    .split(LINE_BREAK);
}

/** "Essential duties and responsibilities include the following.", "Responsibilities include designing …". */
const INLINE_DUTIES =
  /^[^.:;]{0,60}?\b(?:responsibilities|duties)(?: will)? includes?(?: the following)?(?:,? but (?:are )?not limited to)?\s*[:.,]?\s*/i;

/** Where the last sentence of `text` starts. */
function lastSentenceStart(text: string): number {
  const re = /[.!?]\s+(?=\S)/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) start = m.index + m[0].length;
  return start;
}

/** Sentences of one line: cut after ". " "! " "? " that end a word, and at every semicolon. */
function sentences(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3b) {
      out.push(line.slice(from, i));
      from = i + 1;
    } else if ((c === 0x2e || c === 0x21 || c === 0x3f) && i > 0 && i + 1 < n) {
      const next = line.charCodeAt(i + 1);
      const prev = line.charCodeAt(i - 1);
      const endsWord = (prev >= 0x61 && prev <= 0x7a) || (prev >= 0x30 && prev <= 0x39) || prev === 0x29;
      if (endsWord && (next === 0x20 || next === 0x09)) {
        out.push(line.slice(from, i + 1));
        from = i + 2;
      }
    }
  }
  if (from < n) out.push(line.slice(from));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Statements → phrases

/** Lower-cased words, and the punctuation that bounds phrases. "/" and "&" coordinate like "and". */
const TOKEN = /[a-z0-9]+(?:[-'.+#][a-z0-9]+)*[+#]*|[,:()[\]!?/&]|\.(?![a-z0-9])/g;

function tokenize(sentence: string): string[] {
  const out: string[] = [];
  const text = sentence.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const t = m[0];
    out.push(t.endsWith("'s") ? t.slice(0, -2) : t);
  }
  return out;
}

const isDigit = (t: string) => t.charCodeAt(0) >= 0x30 && t.charCodeAt(0) <= 0x39;
const isWord = (t: string | undefined): t is string => {
  if (t === undefined || t.length === 0) return false;
  const c = t.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
};
/** Nouns ending in "-ly": "anomaly detection" and "supply chain" are not adverbs to read past. */
const LY_NOUNS: ReadonlySet<string> = new Set(words("anomaly supply assembly family reply rally italy july"));
const isAdverb = (t: string | undefined) =>
  t !== undefined && t.length > 4 && t.endsWith("ly") && !VERBS.has(t) && !LY_NOUNS.has(t);
const isCoordinator = (t: string | undefined) => t === "," || t === "and" || t === "or" || t === "/" || t === "&";
/** Modifiers without a tell-tale suffix. */
const ADJECTIVES: ReadonlySet<string> = new Set(
  words(`large small big raw fast real-time near-real-time batch complex intelligent consistent transparent resilient
  elegant smart modern secure agile simple independent`),
);
/** Nouns with an adjective's suffix, which may end a phrase ("write proposals" is plural; these are not). */
const NOUNS_LIKE_ADJECTIVES: ReadonlySet<string> = new Set(
  words(`proposal initiative objective logic topic metric executive approval portal signal material manual potential
  capital individual professional journal principal interval hospital rental terminal traffic clinic graphic
  narrative archive incentive directive perspective alternative representative statistic heuristic diagnostic
  analytic critic public mechanic rationale goal deal arrival renewal referral removal retrieval disposal
  tutorial credential payable receivable collateral appraisal`),
);
/** Whether an object ending in `w` stops at a modifier ("perform statistical", "build intelligent"): no thing is named. */
const endsOnModifier = (w: string) =>
  ADJECTIVES.has(w) || (!NOUNS_LIKE_ADJECTIVES.has(w) && w.length > 5 && !w.endsWith("s") && ADJECTIVE_SUFFIX.test(w));
const ADJECTIVE_SUFFIX = /(?:al|ic|ive|ous|ful|ible|able|ed|less)$/;
const looksAdjective = (w: string) =>
  ADJECTIVES.has(w) || (w.length > 4 && !w.endsWith("s") && !NOUNS_LIKE_ADJECTIVES.has(w) && ADJECTIVE_SUFFIX.test(w));
/** "models" but not "analytics", "sales" or "business", which run into a gerund as one term ("sales forecasting"). */
const pluralNoun = (w: string) =>
  w.length > 3 && w.endsWith("s") && !/(?:ss|ics|sales|ops|news|series|operations)$/.test(w);

/** Words that may open a statement before its verb: "You will also …", "Responsible for …", "Help us …", "Proactively …". */
const LEAD_IN: ReadonlySet<string> = new Set(
  words("you you'll we will shall also then be responsible expected asked required tasked help helping helps"),
);
/** Words that show a sentence not led by a verb may still say what the person will do. */
const ANCHOR = /\b(?:will|you'll|responsible for)\b/i;

/** Lead-in words before the verb of a statement: "You will also help us build …", "Responsible for building …". */
function skipLeadIn(tokens: readonly string[], from: number): number {
  let i = from;
  for (let guard = 0; guard < 12 && i < tokens.length; guard++) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    if (isAdverb(t) || t === "also" || t === "then" || t === "will" || t === "shall" || t === "you'll") i++;
    else if ((t === "you" || t === "we") && (next === "will" || next === "shall")) i += 2;
    else if (t === "be" && (next === "responsible" || next === "expected" || next === "asked" || next === "tasked"))
      i++;
    else if (t === "responsible" && next === "for") i += 2;
    else if ((t === "expected" || t === "asked" || t === "required") && next === "to") i += 2;
    else if (t === "tasked" && next === "with") i += 2;
    else if ((t === "help" || t === "helping" || t === "helps") && isWord(next)) {
      // "help us build", "help the team design", "help to define": the work is the verb after
      const after = next === "us" || next === "to" ? i + 2 : next === "the" && tokens[i + 2] === "team" ? i + 3 : i + 1;
      if (verbAt(tokens, after) === null) break;
      i = after;
    } else break;
  }
  return i;
}

/** Where the task begins in a sentence not led by a verb: after "you will", "responsible for", "The analyst will". */
function anchorIn(tokens: readonly string[]): number {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t === "you'll") return i + 1;
    if ((t === "you" || t === "who") && tokens[i + 1] === "will") return i + 2;
    if (t === "responsible" && tokens[i + 1] === "for") return i + 2;
    // a definite subject of a few words, then "will": "The Senior Data Scientist will gather …"
    if (t === "will" && i <= 6 && (tokens[0] === "the" || tokens[0] === "this" || tokens[0] === "our")) return i + 1;
  }
  return -1;
}

interface VerbAt {
  verb: string;
  gerund: boolean;
}

function verbAt(tokens: readonly string[], i: number): VerbAt | null {
  const t = tokens[i];
  if (!isWord(t) || t.length < 2) return null;
  const verb = lemmaOf(t);
  return verb === null ? null : { verb, gerund: t !== verb && t.endsWith("ing") };
}

/**
 * The object noun phrase from `i`, up to its first boundary, with filler and coordinated modifiers dropped
 * ("large, complex data sets" → "data sets"); when it is longer than `room` its head (the last words) is kept.
 * "Of" ends it ("the integrity of data" → "integrity"): what follows would split one task into many rare
 * phrases. Only a word that merely counts gives way to what it counts ("a suite of tools" → "tools").
 */
function objectAt(tokens: readonly string[], i: number, room: number): { words: string[]; end: number } {
  let out: string[] = [];
  const n = tokens.length;
  let skipped = false;
  let coordinated = false;
  let k = i;
  for (; k < n && out.length < MAX_OBJECT_SCAN; k++) {
    const t = tokens[k] as string;
    const next = tokens[k + 1];
    if (FILLER.has(t) || isAdverb(t)) {
      skipped = true;
      continue;
    }
    if (isCoordinator(t)) {
      // one modifier, then a word that is no verb: "structured and unstructured", not "accounts receivable, follow up"
      const modifier = out.length === 0 ? skipped : out.length === 1 && looksAdjective(out[0] as string);
      if (!modifier || !isWord(next) || OBJECT_BOUNDARY.has(next) || lemmaOf(next) !== null) break;
      // "structured and unstructured data" → "data", "statistical and machine learning models" → "machine
      // learning models": the phrase names the thing worked on, and one task is not split by its modifiers
      out = [];
      coordinated = true;
      continue;
    }
    // "subject matter experts" are experts: the phrase has room for one word fewer
    if (t === "subject" && next === "matter") {
      k++;
      continue;
    }
    if (coordinated && out.length === 0 && looksAdjective(t) && isWord(next) && !OBJECT_BOUNDARY.has(next)) continue;
    if (t === "of" && out.length === 1 && QUANTITY_NOUNS.has(out[0] as string)) {
      out = [];
      continue;
    }
    if (!isWord(t) || OBJECT_BOUNDARY.has(t)) break;
    // a participle after the noun starts a clause: "bugs reported by users", "recaps showcasing placements"
    if (out.length > 0 && ((t.length > 4 && t.endsWith("ed")) || PARTICIPLES.has(t))) break;
    if (out.length > 0 && t.endsWith("ing") && pluralNoun(out[out.length - 1] as string) && lemmaOf(t) !== null) break;
    out.push(t);
  }
  return { words: out.length > room ? out.slice(out.length - room) : out, end: k };
}

/** Irregular participles that open a clause after a noun: "solutions driven by analysis". */
const PARTICIPLES: ReadonlySet<string> = new Set(
  words("driven given taken written built made done known shown seen chosen held led found sent spent run brought"),
);

/** Where the work ends up, kept after the object: "deploy models to production". */
const TAILS: readonly (readonly [string, string])[] = [
  ["to", "production"],
  ["into", "production"],
  ["in", "production"],
  ["at", "scale"],
];

/** The phrase, or null when it is vague or boilerplate ("work with", "be responsible", "perform other duties"). */
function acceptable(verb: string, lead: readonly string[], object: readonly string[]): string | null {
  if (VAGUE_VERBS.has(verb)) return null;
  let from = 0;
  let to = object.length;
  while (from < to && isDigit(object[from] as string)) from++;
  while (to > from && isDigit(object[to - 1] as string)) to--;
  if (from === to) return null;
  // a vague head ("perform other duties", "develop an understanding") or a pronoun anywhere ("support them")
  if (VAGUE_OBJECTS.has(object[to - 1] as string)) return null;
  for (let k = from; k < to; k++) {
    const w = object[k] as string;
    if (PRONOUNS.has(w) || w.length > 40) return null;
  }
  if (NOT_TASKS.has(`${verb} ${object[from]}`) || endsOnModifier(object[to - 1] as string)) return null;
  return [verb, ...lead, ...object.slice(from, to)].join(" ");
}

/**
 * The phrases of the statement whose verb is at `start`: the verb group and its object, then each clause that
 * follows ("… to identify opportunities", "…, and present findings", "… by building …").
 */
function phrasesFrom(tokens: readonly string[], start: number, out: string[]): void {
  const n = tokens.length;
  let i = start;
  let produced = 0;
  let first: VerbAt | null = null;
  while (i >= 0 && i < n && produced < MAX_PHRASES_PER_STATEMENT) {
    const head = verbAt(tokens, i);
    if (head === null) return;
    // "You will be a key member of …", "You will have the chance to …": the person, not a task
    if (first === null && (head.verb === "be" || head.verb === "have")) return;
    first ??= head;
    // The verb group: "design, build and maintain", "designing and building", "analyze/visualize".
    const verbs = [head.verb];
    let j = i + 1;
    while (j < n) {
      let k = j;
      while (k < n && isCoordinator(tokens[k])) k++;
      if (k === j) break;
      const v = verbAt(tokens, k);
      // "analyze data and report results" is two clauses; "design and build pipelines" one group
      if (v === null || v.gerund !== head.gerund || !(isWord(tokens[k + 1]) || isCoordinator(tokens[k + 1]))) break;
      verbs.push(v.verb);
      j = k + 1;
    }
    // A particle ("set up", "carry out") and the verb's own preposition ("partner with", "collaborate closely with").
    const lead: string[] = [];
    if (tokens[j] === "up" || tokens[j] === "out") lead.push(tokens[j++] as string);
    const last = verbs[verbs.length - 1] as string;
    const preposition = PREPOSITION_OF.get(last);
    let prep: string | undefined;
    if (preposition !== undefined) {
      if (isAdverb(tokens[j]) && tokens[j + 1] === preposition) j++;
      if (tokens[j] === preposition) {
        prep = preposition;
        lead.push(preposition);
        j++;
      }
    }
    const object = objectAt(tokens, j, MAX_PHRASE_WORDS - 1 - lead.length);
    let { words: noun, end } = object;
    for (const [p, place] of TAILS) {
      if (tokens[end] === p && tokens[end + 1] === place && noun.length + lead.length + 3 <= MAX_PHRASE_WORDS) {
        noun = [...noun, p, place];
        end += 2;
        break;
      }
    }
    if (noun.length > 0) {
      for (const v of verbs) {
        // The object is the last verb's: "experiment and improve models" does not "experiment models", and
        // "build and partner with teams" does not "build with teams".
        if (v !== last && PREPOSITION_OF.get(v) !== prep) continue;
        const phrase = acceptable(v, lead, noun);
        if (phrase !== null) {
          out.push(phrase);
          produced++;
        }
      }
    }
    i = nextClause(tokens, end, first);
  }
}

/** The verb of the next clause after `from`, or -1: a base form after "to", the statement's own form after "and". */
function nextClause(tokens: readonly string[], from: number, first: VerbAt): number {
  const n = tokens.length;
  for (let k = from; k < n - 1; k++) {
    const t = tokens[k] as string;
    if (t !== "to" && t !== "and" && t !== "or" && t !== "," && t !== "then" && t !== "by" && t !== "while") continue;
    let m = k + 1;
    while (m < n && (tokens[m] === "and" || tokens[m] === "then" || tokens[m] === "also" || isAdverb(tokens[m]))) m++;
    const v = verbAt(tokens, m);
    if (v === null) continue;
    if (t === "to" ? !v.gerund : t === "by" || t === "while" ? v.gerund : v.gerund === first.gerund) return m;
  }
  return -1;
}

/** The phrases of one sentence: from its leading verb, or from where it says "you will …". */
function sentencePhrases(sentence: string, out: string[]): void {
  // Most sentences can be passed over without tokenizing: they neither open with a verb or a lead-in, nor say "will".
  const first = FIRST_WORD.exec(sentence)?.[1]?.toLowerCase();
  if (first === undefined) return;
  const led = lemmaOf(first) !== null || LEAD_IN.has(first) || isAdverb(first);
  if (!led && !ANCHOR.test(sentence)) return;
  const tokens = tokenize(sentence);
  if (tokens.length < 2) return;
  let start = led ? skipLeadIn(tokens, 0) : -1;
  if (start < 0 || verbAt(tokens, start) === null) {
    const anchor = anchorIn(tokens);
    if (anchor < 0) return;
    start = skipLeadIn(tokens, anchor);
    if (verbAt(tokens, start) === null) return;
  }
  phrasesFrom(tokens, start, out);
}

/** The first 30,000 characters, cut at a space so that no word is cut short ("Design e…"). */
function headOf(text: string): string {
  const cut = text.lastIndexOf(" ", MAX_DESCRIPTION_CHARS);
  return text.slice(0, cut > MAX_DESCRIPTION_CHARS / 2 ? cut : MAX_DESCRIPTION_CHARS);
}

/** Binary, not prose: more than one character in twenty is a control character or a replacement mark. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/;
function looksBinary(text: string): boolean {
  if (!CONTROL.test(text)) return false;
  let bad = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) bad++;
  }
  return bad * 20 > n;
}

/**
 * The distinct responsibility phrases one description states, in order of first mention: lower-cased, verb-led,
 * 2–4 words ("build data pipelines", "partner with product teams", "deploy models to production"). Reads at
 * most the first 30,000 characters; never throws; empty, binary or non-string input gives [].
 */
export function responsibilityPhrases(description: string): string[] {
  if (typeof description !== "string" || description.length === 0) return [];
  const text = description.length > MAX_DESCRIPTION_CHARS ? headOf(description) : description;
  if (looksBinary(text)) return [];
  const found: string[] = [];
  let reading = true;
  const read = (part: string) => {
    for (const s of sentences(part)) sentencePhrases(s, found);
  };
  for (const raw of splitLines(text)) {
    let line = raw.trim();
    if (line.length === 0) continue;
    if (mayBeMarked(line)) line = line.replace(LIST_MARKER, "");
    if (line.length === 0) continue;
    // A line ending in a colon introduces what follows: "… in Java. You will:", "Other responsibilities include:".
    if (line.endsWith(":")) {
      const body = line.slice(0, -1);
      const cut = lastSentenceStart(body);
      const label = body.slice(cut);
      const kind = label.split(" ").length <= 15 ? headerKind(label) : null;
      if (kind !== null) {
        if (cut > 0 && reading) read(body.slice(0, cut));
        if (kind !== "meta") reading = kind !== "other";
        continue;
      }
    }
    const colon = line.indexOf(":");
    if (colon > 0 && colon <= 60) {
      // A label before a colon: "What you'll do: Build …", "Location: Austin, TX".
      const label = line.slice(0, colon);
      const kind = label.split(" ").length <= 8 ? headerKind(label) : null;
      if (kind === "meta") continue;
      if (kind !== null) {
        reading = kind !== "other";
        line = line.slice(colon + 1).trim();
      }
    } else {
      const kind = bareHeader(line);
      if (kind !== null) {
        reading = kind !== "other";
        continue;
      }
    }
    const inline = line.includes("nclude") ? INLINE_DUTIES.exec(line) : null;
    if (inline !== null) {
      reading = true;
      line = line.slice(inline[0].length);
    }
    if (reading && line.length > 0) read(line);
  }
  return [...new Set(found)];
}

// ---------------------------------------------------------------------------------------------------------
// Distinctive phrases of two groups

export interface PostingText {
  id: string;
  text: string | null;
}

export interface PhraseFigure {
  phrase: string;
  /** Shares of each side's postings with a description (`withText`), never of all postings. */
  shareA: number;
  shareB: number;
  /** Postings of each side that state the phrase. */
  countA: number;
  countB: number;
  /** The log-odds z-score with the background as prior: positive leans to a, negative to b, on both lists. */
  z: number;
  /** The ids of this side's postings that state the phrase, all of them, in input order. */
  postingIds: string[];
}

export interface DistinctivePhrases {
  /** Phrases leaning to a, most distinctive first. */
  a: PhraseFigure[];
  /** Phrases leaning to b, most distinctive first. */
  b: PhraseFigure[];
  /** Postings of each side with a non-blank description: the denominators of the shares. */
  withText: { a: number; b: number };
}

/** Heads that name nothing without the word before them: "data sets", "use cases", "code base". */
const WEAK_HEADS: ReadonlySet<string> = new Set(words("sets set cases case base bases points science learning lake"));
const LEAD_PARTICLES: ReadonlySet<string> = new Set(["with", "to", "in", "up", "out"]);

/**
 * The broader phrase that a posting stating `phrase` states too: the verb and the head of its object ("build
 * etl pipelines" → "build pipelines", "deploy models to production" → "deploy models"), so postings that word
 * one task differently are counted together. Null when the phrase is as broad as it gets.
 */
export function broaderPhrase(phrase: string): string | null {
  for (const [p, place] of TAILS) {
    const tail = ` ${p} ${place}`;
    if (phrase.endsWith(tail) && phrase.length > tail.length) return phrase.slice(0, -tail.length);
  }
  const parts = phrase.split(" ");
  const lead = LEAD_PARTICLES.has(parts[1] as string) ? 2 : 1;
  const object = parts.slice(lead);
  const keep = WEAK_HEADS.has(object[object.length - 1] as string) ? 2 : 1;
  if (object.length <= keep) return null;
  return [...parts.slice(0, lead), ...object.slice(-keep)].join(" ");
}

/** Phrases with one verb and one head ("build etl pipelines", "build a data pipeline") share one line of a listing. */
function headKey(phrase: string): string {
  const broad = broaderPhrase(phrase) ?? phrase;
  return broad.endsWith("s") && !broad.endsWith("ss") ? broad.slice(0, -1) : broad;
}

interface GroupCounts {
  docs: number;
  counts: Map<string, number>;
  ids: Map<string, string[]>;
}

/** Document counts of each phrase and of its broader form, over the postings that have a description. */
function countPhrases(postings: readonly PostingText[], cache: Map<string, readonly string[]>): GroupCounts {
  const counts = new Map<string, number>();
  const ids = new Map<string, string[]>();
  let docs = 0;
  for (const p of postings) {
    if (typeof p.text !== "string" || p.text.trim().length === 0) continue;
    docs++;
    let phrases = cache.get(p.text);
    if (phrases === undefined) {
      const stated = responsibilityPhrases(p.text);
      const all = new Set(stated);
      for (const phrase of stated) {
        const broad = broaderPhrase(phrase);
        if (broad !== null) all.add(broad);
      }
      phrases = [...all];
      cache.set(p.text, phrases);
    }
    for (const phrase of phrases) {
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      const list = ids.get(phrase);
      if (list === undefined) ids.set(phrase, [p.id]);
      else list.push(p.id);
    }
  }
  return { docs, counts, ids };
}

/**
 * The responsibility phrases most distinctive of each of two groups of postings, ranked by the log-odds ratio
 * with an informative Dirichlet prior from `background` over document counts (`logOddsWithPrior`). A posting
 * stating "build etl pipelines" counts for "build pipelines" too; a listing shows one phrase per verb and head,
 * the most distinctive. A phrase is listed on a side when it leans to that side and at least `minDocs`
 * (default 3) of that side's postings state it; each side lists at most `top` (default 8). `b` may be the
 * background itself (one role against all postings). When a side has no descriptions both lists are empty,
 * and `withText` says so with 0.
 */
export function distinctivePhrases(
  a: readonly PostingText[],
  b: readonly PostingText[],
  background: readonly PostingText[],
  options: { top?: number; minDocs?: number } = {},
): DistinctivePhrases {
  const top = Math.max(0, Math.floor(options.top ?? 8));
  const minDocs = Math.max(1, Math.floor(options.minDocs ?? 3));
  // A description is read once however many of the three lists hold it.
  const cache = new Map<string, readonly string[]>();
  const groupA = countPhrases(a, cache);
  const groupB = countPhrases(b, cache);
  const prior = countPhrases(background, cache);
  // With one side empty there is no comparison to make (and against its own terms' prior, the other side's
  // log-odds are all zero): both lists are empty, and withText says why.
  if (groupA.docs === 0 || groupB.docs === 0) return { a: [], b: [], withText: { a: groupA.docs, b: groupB.docs } };
  const terms = logOddsWithPrior(groupA, groupB, prior);
  const list = (ranked: typeof terms, ids: ReadonlyMap<string, string[]>): PhraseFigure[] => {
    const seen = new Set<string>();
    const out: PhraseFigure[] = [];
    for (const t of ranked) {
      if (out.length >= top) break;
      const key = headKey(t.term);
      if (seen.has(key)) continue;
      seen.add(key);
      const { term: phrase, shareA, shareB, countA, countB, z } = t;
      out.push({ phrase, shareA, shareB, countA, countB, z, postingIds: ids.get(phrase) ?? [] });
    }
    return out;
  };
  const leanA = terms.filter((t) => t.z > 0 && t.countA >= minDocs);
  const leanB = terms
    .filter((t) => t.z < 0 && t.countB >= minDocs)
    .sort((x, y) => x.z - y.z || x.term.localeCompare(y.term));
  return {
    a: list(leanA, groupA.ids),
    b: list(leanB, groupB.ids),
    withText: { a: groupA.docs, b: groupB.docs },
  };
}
