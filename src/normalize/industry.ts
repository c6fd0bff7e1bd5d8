/**
 * The employer's industry, from the strongest evidence available: the board preset's industry, else the
 * company table (data/industries/companies-v1.json, loaded and validated once at module load), else clear
 * cues in the description text. Pure apart from reading that data file at load; unknown is null, never a
 * default. It does not classify the team or the role (a bank's ML platform team is still `finance`).
 *
 * Company names match case-, accent-, punctuation- and suffix-insensitively: `JPMorgan Chase & Co.`,
 * `J.P. Morgan`, `The Goldman Sachs Group, Inc.` and Glassdoor's `Tecolote Research\n3.8` (name, line
 * break, rating) all reduce to one key. Matching is exact on that key: no prefixes, no fuzzy matching, so
 * `Meta Financial` is not Meta.
 *
 * Description cues: weighted phrases per industry (`patients`, `hospital` → healthcare; `drug discovery`
 * → pharma-biotech; `underwriting`, `policyholders` → insurance; `security clearance`, `DoD` →
 * government-defense ...). Each phrase counts up to MAX_CUE_REPEATS times. An industry is given only when
 * its score reaches MIN_CUE_SCORE and is at least CUE_MARGIN times the runner-up's; otherwise null. The
 * phrases avoid the boilerplate every posting carries (`health insurance` in a benefits list, `veteran
 * status` in an equal-opportunity line, `mission` in a mission statement). Measured against Glassdoor's
 * sectors in ./industry.test.ts (docs/normalization-education-experience-industry.md has the numbers).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { RecordIssue } from "../domain/errors.ts";
import { INDUSTRIES, type Industry, isOneOf } from "../domain/vocab.ts";
import { screenDescription } from "./education.ts";

export type IndustrySource = "preset" | "company" | "description";

export interface IndustryInput {
  presetIndustry?: string | null;
  company?: string | null;
  description?: string | null;
}

export interface IndustryResult {
  industry: Industry | null;
  source: IndustrySource | null;
  /** What decided, for audit: `preset`, `company:"JPMorgan Chase"`, `description:patients×3,hospital×2`. */
  evidence: string | null;
  /** Problems with the input (an unknown preset slug, a description that is binary or too long). */
  issues: RecordIssue[];
}

const companiesSchema = z.object({
  version: z.string().min(1),
  source: z.string().optional(),
  companies: z
    .array(
      z.object({
        name: z.string().min(1),
        aliases: z.array(z.string().min(1)),
        industry: z.enum(INDUSTRIES),
      }),
    )
    .min(1),
});
export type CompanyTable = z.infer<typeof companiesSchema>;

/** Legal-form and grouping words dropped from the end of a name (`Inc.`, `LLC`, `& Co`, `Group`). */
const NAME_SUFFIXES = new Set([
  "inc",
  "incorporated",
  "llc",
  "llp",
  "lp",
  "ltd",
  "limited",
  "corp",
  "corporation",
  "co",
  "company",
  "companies",
  "plc",
  "gmbh",
  "ag",
  "sa",
  "se",
  "nv",
  "bv",
  "pte",
  "pty",
  "holdings",
  "holding",
  "group",
  "us",
  "usa",
  "and",
]);

/** The key a company name is matched on: `J.P. Morgan Chase & Co.` → `jpmorganchase`. Empty when nothing is left. */
export function companyKey(name: string): string {
  const first = name.split(/\r?\n/, 1)[0] ?? "";
  const tokens = first
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/&/g, " and ")
    .replace(/\.(?=[a-z0-9])/g, "")
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "");
  while (tokens.length > 1 && NAME_SUFFIXES.has(tokens[tokens.length - 1] as string)) tokens.pop();
  while (tokens.length > 1 && tokens[0] === "the") tokens.shift();
  return tokens.join("");
}

/** Validates a company table and indexes it by key; a key claimed by two industries is an error. */
export function indexCompanies(table: unknown): Map<string, { name: string; industry: Industry }> {
  const parsed = companiesSchema.safeParse(table);
  if (!parsed.success) throw new Error(`company table: ${parsed.error.message}`);
  const index = new Map<string, { name: string; industry: Industry }>();
  for (const c of parsed.data.companies) {
    for (const n of [c.name, ...c.aliases]) {
      const key = companyKey(n);
      const held = index.get(key);
      if (key === "") throw new Error(`company table: "${n}" has no letters or digits left`);
      if (held !== undefined && held.industry !== c.industry) {
        throw new Error(`company table: "${n}" (${c.industry}) collides with "${held.name}" (${held.industry})`);
      }
      if (held === undefined) index.set(key, { name: c.name, industry: c.industry });
    }
  }
  return index;
}

const COMPANIES_URL = new URL("../../data/industries/companies-v1.json", import.meta.url);
export const COMPANY_TABLE_VERSION = "1";
const COMPANIES = indexCompanies(JSON.parse(readFileSync(COMPANIES_URL, "utf8")));

/** The industry of a company in the table, or null. */
export function industryOfCompany(company: string): { industry: Industry; name: string } | null {
  const hit = COMPANIES.get(companyKey(company));
  return hit === undefined ? null : { industry: hit.industry, name: hit.name };
}

// ---------------------------------------------------------------------------------------------------
// Description cues

/** An industry is given from cues only with at least this score ... */
export const MIN_CUE_SCORE = 8;
/** ... and at least this many times the runner-up's score. */
export const CUE_MARGIN = 3;
/** A phrase counts at most this many times (a hospital posting says `patients` twenty times). */
const MAX_CUE_REPEATS = 3;

/**
 * Phrases (regex source, matched case-insensitively on word boundaries) with their weight, per industry.
 * Weights: 4 = the phrase alone nearly decides (`hedge fund`, `policyholders`), 2-3 = typical of the
 * industry, 1 = common there but seen elsewhere too. `big-tech` has none: only the company table tells it.
 */
export const INDUSTRY_CUES: Readonly<Partial<Record<Industry, readonly (readonly [string, number])[]>>> = {
  healthcare: [
    ["patients?", 1],
    ["patient care", 3],
    ["patient (?:outcomes|experience|safety|population)", 2],
    ["our patients", 2],
    ["hospitals?", 2],
    ["health ?systems?", 2],
    ["medical (?:center|centers|group)", 3],
    ["clinics?", 2],
    ["physicians?", 2],
    ["nurs(?:e|es|ing)", 2],
    ["care (?:delivery|management|teams?|providers?)", 2],
    ["population health", 3],
    ["(?:electronic (?:health|medical) records?|EHR|EMR)", 2],
    ["inpatient|outpatient", 3],
    ["caregivers?", 2],
    ["health ?plans?", 1],
    ["(?:healthcare|health care) (?:organization|provider|system|company|services|delivery)", 3],
    ["value-based care", 3],
    ["specimens?", 2],
    ["ASCP", 3],
    ["medical technologists?", 3],
    ["bedside", 3],
    ["members'? health", 2],
  ],
  "pharma-biotech": [
    ["drug discovery", 4],
    ["drug development", 3],
    ["clinical trials?", 2],
    ["clinical development", 3],
    ["pharmaceuticals?", 2],
    ["biotech(?:nology)?", 2],
    ["biopharma(?:ceutical)?s?", 3],
    ["therapeutics?", 2],
    ["biologics", 3],
    ["medicines", 2],
    ["vaccines?", 3],
    // Not `GCP`: in a data posting that is Google Cloud Platform.
    ["GMP|GLP|GxP|good (?:manufacturing|laboratory|clinical) practices?", 2],
    ["preclinical", 3],
    ["assays?", 2],
    ["antibod(?:y|ies)", 3],
    ["small molecules?", 3],
    ["molecules?", 1],
    ["pharmacology|pharmacokinetic\\w*|toxicology", 2],
    ["biomarkers?", 2],
    ["oncology", 1],
    ["cell (?:culture|lines?|therapy|biology)", 2],
    ["gene therapy", 3],
    ["regulatory submissions?", 2],
    ["CMC", 2],
    ["in vivo|in vitro", 2],
    ["genomics?", 1],
    ["life sciences?", 1],
  ],
  finance: [
    ["trading", 2],
    ["traders?", 2],
    ["hedge funds?", 4],
    ["investment (?:bank|banking|management|firm|strategies|portfolios?)", 3],
    ["asset management|asset managers?", 3],
    ["portfolio managers?", 3],
    ["portfolios?", 1],
    ["capital markets?", 3],
    ["fixed income", 3],
    ["equities", 3],
    ["banks?", 1],
    ["banking", 2],
    ["financial (?:services|institutions?|products)", 2],
    ["credit risk", 3],
    ["credit cards?", 3],
    ["lending|lenders?|loans?", 2],
    ["wealth management", 3],
    ["fintech", 3],
    ["payments?", 1],
    ["(?:anti-money laundering|AML|KYC)", 3],
    ["CCAR|Basel", 3],
    ["deposits", 2],
    ["broker-dealer|FINRA", 3],
    ["quantitative (?:research|trading|finance)", 3],
    ["alpha", 1],
  ],
  insurance: [
    [
      "insurance (?:industry|company|companies|carriers?|products?|claims|policies|solutions|business|provider|group|agency|agencies)",
      3,
    ],
    ["insurers?", 3],
    ["insurtech", 4],
    ["underwrit(?:ing|ers?)", 3],
    ["policyholders?|insureds", 4],
    ["actuar(?:ial|ies|y)", 3],
    ["claims", 1],
    ["reinsurance", 4],
    ["property (?:and|&) casualty|P&C", 4],
    ["annuit(?:y|ies)", 3],
    ["loss ratios?", 3],
    ["life insurance (?:company|products|policies)", 3],
    ["premiums", 1],
  ],
  // A government customer (a clearance, `DoD`, `federal clients`) does not make the employer a defense
  // company: IT-services and consulting firms say the same. Those phrases weigh 1; what the employer makes
  // or is (aircraft, missiles, an agency hiring under GS grades) weighs more.
  "government-defense": [
    ["security clearance", 1],
    ["(?:secret|top secret|TS/SCI|TS-SCI) clearance", 1],
    ["TS/SCI", 1],
    ["polygraph", 1],
    ["public trust", 1],
    ["(?:DoD|Department of Defense)", 1],
    ["federal (?:government|agenc(?:y|ies)|clients?|customers?|contracts?|sector|programs?)", 1],
    ["government (?:agenc(?:y|ies)|clients?|customers?|contracts?|contractor|programs?|sponsors?)", 1],
    ["mission[- ]critical|the mission", 1],
    ["defense (?:industry|contractor|programs?|systems|products|electronics|and aerospace)", 3],
    ["aerospace and defense|aerospace & defense|A&D", 4],
    ["aerospace", 2],
    ["intelligence community", 1],
    ["warfighters?", 4],
    ["military", 1],
    ["(?:U\\.S\\.|US) (?:Army|Navy|Air Force|Marine Corps|Space Force|Coast Guard)|Army|Navy|Air Force", 1],
    ["national security", 1],
    ["ITAR", 1],
    ["missiles?", 3],
    ["aircraft", 2],
    ["satellites?|spacecraft|space systems", 2],
    ["weapons?(?: systems?)?", 3],
    ["radars?", 2],
    ["GS-\\d{1,2}", 4],
    ["USAJOBS", 4],
    ["federal employees?|civil service", 3],
  ],
  "research-institute": [
    ["research institute", 3],
    ["national laborator(?:y|ies)|national lab", 4],
    ["FFRDC|federally funded research", 4],
    ["research and development center", 3],
    ["non-?profit research", 3],
  ],
  education: [
    ["higher education", 3],
    ["faculty", 2],
    ["students", 2],
    ["K-12", 4],
    ["school districts?", 4],
    ["campus", 1],
    ["teaching", 2],
    ["curricul(?:um|a)", 2],
    ["institutional research", 4],
    ["enrollment", 2],
    ["academic (?:affairs|departments?|programs?|units?)", 3],
    ["(?:the|our) (?:university|college)", 2],
    ["professors?", 2],
    ["educators?", 2],
    ["learners", 2],
  ],
  "consulting-services": [
    ["consulting (?:firm|company|services|practice|engagements?)", 3],
    ["consultants?", 1],
    ["our clients", 2],
    ["client engagements?", 3],
    ["client-facing", 1],
    ["professional services", 2],
    ["staffing (?:agency|firm|company|services)", 4],
    ["our client is", 3],
    ["(?:recruiting|recruitment|search) firm", 3],
    ["contract[- ]to[- ]hire|C2C|W-?2", 2],
    ["advisory", 1],
    ["(?:marketing|advertising|digital|creative|media) agency", 3],
    ["agency", 1],
    ["advertising", 1],
  ],
  "retail-consumer": [
    ["retail(?:ers?)?", 2],
    ["stores?", 1],
    ["shoppers?", 3],
    ["merchandis(?:ing|ers?)", 3],
    ["consumer (?:packaged goods|products|brands)", 3],
    ["CPG", 3],
    ["apparel", 3],
    ["grocery", 3],
    ["in-store", 3],
    ["omni-?channel", 2],
    ["e-?commerce", 1],
    ["restaurants?", 2],
    ["food and beverage|beverages?", 2],
  ],
  "media-entertainment": [
    ["entertainment", 2],
    ["(?:video )?games?|gaming", 2],
    ["players", 1],
    ["streaming (?:service|platform|video|music|content|media)", 2],
    ["publish(?:ing|ers?)", 2],
    ["newsrooms?|journalism|journalists?", 3],
    ["audiences?", 1],
    ["viewers|viewership", 3],
    ["studios?", 2],
    ["(?:film|television|TV|music) (?:industry|studios?|content|network)", 3],
    ["editorial", 2],
    ["media (?:company|companies|brands?)", 3],
  ],
  telecom: [
    ["telecommunications?|telecom", 3],
    ["wireless", 2],
    ["5G|LTE", 3],
    ["broadband", 3],
    ["subscribers", 2],
    ["network operators?|carriers'? networks?", 3],
    ["fiber", 1],
    ["cable (?:company|operators?|provider)", 3],
  ],
  "energy-utilities": [
    ["oil (?:and|&) gas", 4],
    ["petroleum", 4],
    ["energy (?:company|industry|sector|companies|markets?|trading|storage)", 3],
    ["utilit(?:y|ies) (?:company|industry|sector|customers)", 3],
    ["electric utility|utilities", 2],
    ["power (?:plants?|generation|grid|systems)", 3],
    ["the grid|grid operations?", 3],
    ["electricity", 3],
    ["renewables?|renewable energy|solar|wind (?:farms?|energy|power)", 2],
    ["drilling|reservoirs?|wells", 2],
    ["refiner(?:y|ies)|refining", 3],
    ["natural gas", 3],
    ["nuclear", 2],
    ["transmission and distribution", 3],
  ],
  manufacturing: [
    ["manufacturing (?:plants?|facilit(?:y|ies)|operations|processes|company|environment)", 3],
    ["manufacturer", 2],
    ["factor(?:y|ies)|plant floor|production lines?|shop floor", 3],
    ["industrial", 1],
    ["machinery", 2],
    ["OEMs?", 2],
    ["assembly", 1],
    ["lean|six sigma", 1],
    ["supply chain", 1],
    ["product quality|quality control", 1],
    ["automotive", 2],
    ["vehicles", 1],
  ],
  "transportation-logistics": [
    ["logistics", 3],
    ["freight", 4],
    ["shipping|shipments?", 2],
    ["trucking|truckload", 4],
    ["fleets?", 2],
    ["(?<!data )warehous(?:e|es|ing)(?! (?:data|solutions))", 2],
    ["rail(?:road|roads|ways)?", 3],
    ["airlines?", 3],
    ["transportation", 2],
    ["last[- ]mile", 3],
    ["carriers", 1],
    ["parcels?", 3],
  ],
  "real-estate": [
    ["real estate", 3],
    ["property management", 3],
    ["tenants?", 3],
    ["leasing", 2],
    ["commercial real estate", 2],
    ["REITs?", 4],
    ["home ?buyers|homeowners", 2],
    ["rental (?:properties|homes|units)", 3],
    ["apartments?", 2],
    ["mortgages?", 1],
  ],
  nonprofit: [
    ["non-?profit|not-for-profit", 3],
    ["501\\(c\\)\\(3\\)", 4],
    ["donors?", 3],
    ["fundrais(?:ing|ers?)", 3],
    ["philanthrop(?:y|ic)", 3],
    ["charit(?:y|able|ies)", 3],
    ["volunteers?", 2],
    ["church|ministry|faith-based", 2],
  ],
  // A vendor that sells to an industry names that industry's words (`clinical trials`, `hospitals`):
  // a self-description as a software or technology provider outweighs them.
  software: [
    [
      "(?:provider|developer|maker|vendor) of (?:[\\w-]+ ){0,4}(?:software|SaaS|platforms?|technology|technologies|solutions|applications)",
      4,
    ],
    ["(?:software|SaaS|cloud|technology) (?:provider|vendor)", 3],
    [
      "our (?:software|platform|products?|technology|solutions?) (?:helps?|enables?|empowers?|allows?|provides?|powers?)",
      3,
    ],
    ["SaaS|software-as-a-service", 3],
    ["software (?:company|companies|platform|products?|solutions|vendor)", 2],
    ["enterprise software", 3],
    ["IT (?:services|solutions|consulting)", 3],
    ["(?:tech|technology) (?:company|companies|startup|firm)", 2],
    ["start-?ups?", 1],
    ["(?:our|the) platform", 1],
    ["cloud-based", 1],
    ["B2B", 1],
    ["mobile apps?", 2],
    ["developers", 1],
    ["APIs?", 1],
    ["cyber ?security", 1],
  ],
  "hardware-semiconductors": [
    ["semiconductors?", 4],
    ["chips?", 1],
    ["silicon(?! valley)", 2],
    ["wafers?", 3],
    ["ASICs?|FPGAs?", 2],
    ["electronic design automation", 3],
    ["fabs?", 2],
    ["lithography", 3],
  ],
  "autonomy-robotics": [
    ["autonomous (?:vehicles?|driving|systems|trucks?)", 4],
    ["self-driving", 4],
    ["robotics|robots?", 3],
    ["lidar", 3],
    ["drones?|UAVs?|unmanned", 2],
    ["perception", 1],
  ],
  "ai-lab": [
    ["AGI|artificial general intelligence", 4],
    ["frontier (?:models?|AI)", 3],
    ["foundation models?", 2],
    ["AI safety|alignment research", 3],
  ],
};

interface CompiledCue {
  industry: Industry;
  phrase: string;
  weight: number;
}

/** All cues in one alternation, one capture group per cue, so a text is scanned once. */
const CUES: CompiledCue[] = [];
const CUE_RE = (() => {
  const parts: string[] = [];
  for (const industry of INDUSTRIES) {
    for (const [phrase, weight] of INDUSTRY_CUES[industry] ?? []) {
      CUES.push({ industry, phrase, weight });
      parts.push(`(${phrase})`);
    }
  }
  return new RegExp(String.raw`\b(?:${parts.join("|")})\b`, "gi");
})();

/** Phrases that look like cues but are boilerplate (benefits, equal-opportunity lines). */
const BOILERPLATE =
  /\b(?:health|medical|dental|vision|life|disability|pet|travel)(?:,?\s+(?:and\s+)?(?:health|medical|dental|vision|life|disability))*\s+(?:insurance|plans?|benefits|coverage)\b|\bveteran(?:s|'s)?\s+status\b|\b(?:401\(?k\)?|retirement)\s+plans?\b/gi;

export interface CueScores {
  scores: Partial<Record<Industry, number>>;
  /** `cue×count` per industry, strongest first, for evidence. */
  hits: Partial<Record<Industry, string[]>>;
}

/** The weighted cue score of each industry in a text. */
export function scoreIndustryCues(text: string): CueScores {
  const s = text.replace(BOILERPLATE, " ");
  const counts = new Map<number, number>();
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(s); m !== null; m = CUE_RE.exec(s)) {
    let i = 1;
    while (i < m.length && m[i] === undefined) i++;
    counts.set(i - 1, (counts.get(i - 1) ?? 0) + 1);
  }
  const scores: Partial<Record<Industry, number>> = {};
  const hits: Partial<Record<Industry, string[]>> = {};
  for (const [cue, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    const c = CUES[cue] as CompiledCue;
    scores[c.industry] = (scores[c.industry] ?? 0) + c.weight * Math.min(count, MAX_CUE_REPEATS);
    hits[c.industry] = [...(hits[c.industry] ?? []), `${c.phrase}×${count}`];
  }
  return { scores, hits };
}

/** The industry the description's cues clearly point to, or null with no clear winner. */
export function industryFromDescription(text: string): { industry: Industry; evidence: string } | null {
  const { scores, hits } = scoreIndustryCues(text);
  const ranked = (Object.entries(scores) as [Industry, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top === undefined || top[1] < MIN_CUE_SCORE) return null;
  if (second !== undefined && top[1] < CUE_MARGIN * second[1]) return null;
  return { industry: top[0], evidence: `description:${(hits[top[0]] ?? []).slice(0, 5).join(",")}` };
}

/** The preset's industry first, else the company table, else clear description cues; else all null. */
export function inferIndustry(input: IndustryInput): IndustryResult {
  const issues: RecordIssue[] = [];
  const preset = input?.presetIndustry;
  if (isOneOf(INDUSTRIES, preset)) return { industry: preset, source: "preset", evidence: "preset", issues };
  if (preset !== undefined && preset !== null) {
    issues.push({
      code: "industry.unknown_preset",
      path: ["presetIndustry"],
      message: "not an industry slug",
      input: preset,
    });
  }
  const company = typeof input?.company === "string" ? industryOfCompany(input.company) : null;
  if (company !== null) {
    const evidence = `company:${JSON.stringify(company.name)}`;
    return { industry: company.industry, source: "company", evidence, issues };
  }
  if (input?.description !== undefined && input.description !== null) {
    const screened = screenDescription(input.description, "industry");
    if (screened.issue !== null && screened.issue.code !== "industry.empty") {
      issues.push({ ...screened.issue, path: ["description"] });
    }
    const found = screened.text === null ? null : industryFromDescription(screened.text);
    if (found !== null) return { industry: found.industry, source: "description", evidence: found.evidence, issues };
  }
  return { industry: null, source: null, evidence: null, issues };
}

const industryLabels = z.object({
  version: z.string(),
  note: z.string().optional(),
  labels: z.record(z.string(), z.enum(INDUSTRIES)),
});
const LABELS = new Map(
  Object.entries(
    industryLabels.parse(
      JSON.parse(readFileSync(new URL("../../data/industries/labels-v1.json", import.meta.url), "utf8")),
    ).labels,
  ).map(([label, industry]) => [label.toLowerCase(), industry]),
);

/** An industry label another source uses (Glassdoor's "Health Care" sector), or one of our slugs, as our slug; null when it has none. */
export function industryOfLabel(label: unknown): Industry | null {
  if (typeof label !== "string") return null;
  const trimmed = label.trim();
  if (isOneOf(INDUSTRIES, trimmed)) return trimmed;
  return LABELS.get(trimmed.toLowerCase()) ?? null;
}
