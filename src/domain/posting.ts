import type { RecordIssue } from "./errors.ts";
import type { Degree, Industry, PayKind, PayPeriod, Role, Seniority, SourceKind, Workplace } from "./vocab.ts";

/** One pay figure as a posting states it, with its yearly equivalent. Unknown is null, never 0 or "USD". */
export interface Pay {
  /** Lower bound in `currency` per `period`; equals `max` for a single figure. */
  min: number | null;
  max: number | null;
  /** ISO 4217 code, or null when the source states none. Never assumed. */
  currency: string | null;
  period: PayPeriod;
  /** `min`/`max` times ANNUALISE[period], still in `currency`. */
  annualMin: number | null;
  annualMax: number | null;
  /** annualMin/annualMax in US dollars through the dated FX table (data/fx/); null when the currency is unknown or not in the table. */
  annualMinUsd: number | null;
  annualMaxUsd: number | null;
  /** The rate used (USD per unit of `currency`), its date and its source; null when there was nothing to convert with. */
  fx: { rate: number; date: string; source: string } | null;
  kind: PayKind;
  /** The posting says equity is offered. */
  equity: boolean;
  /** The text (or structured JSON) this figure was read from, kept so every parse can be audited and re-run. */
  raw: string;
}

/** A posting as a source connector maps it: only what the board states, nothing inferred yet. */
export interface SourcePosting {
  /** Stable id across crawls: `${ats}:${board}:${sourceId}`. */
  id: string;
  ats: SourceKind;
  board: string;
  sourceId: string;
  company: string | null;
  title: string;
  team: string | null;
  department: string | null;
  /** The primary location as stated. */
  locationRaw: string | null;
  /** Every stated location string, primary first. */
  locations: string[];
  /** Only from a structured field; null when the source does not say. */
  workplace: Workplace | null;
  employmentType: string | null;
  url: string | null;
  publishedAt: string | null;
  sourceUpdatedAt: string | null;
  /** Plain text of the description (HTML removed), null when the source has none. */
  descriptionText: string | null;
  /** Raw pay text from the source (e.g. Ashby's compensation summary, Greenhouse's pay-transparency block). */
  payText: string | null;
  /** Pay read from the source's structured fields, already in the Pay shape. */
  payStructured: Pay[];
  /** The source's payload for this posting as sent, less the description body (kept as `descriptionText`). */
  raw: unknown;
}

export interface Classification {
  role: Role;
  roleConfidence: number;
  seniority: Seniority;
  /** Short phrases naming what decided, e.g. `title:"research engineer"`. */
  evidence: string[];
  taxonomyVersion: string;
}

/** A posting after normalization: what the store keeps and analytics read. */
export interface NormalizedPosting extends SourcePosting, Classification {
  /**
   * The posting's pay figure: its base pay when it states one (several ranges give their envelope), else
   * the first on-target, estimated or equity figure. Aggregates of base pay keep only kind "base".
   */
  pay: Pay | null;
  /** Places read from the location text, de-duplicated. */
  places: Place[];
  /** Structured source fields first, else the location text, else a clear statement in the description. */
  workplace: Workplace | null;
  /** Metro tags of the places (sf-bay-area, new-york, london, ...). */
  metros: string[];
  /** Skill ids of data/skills/, sorted. */
  skills: string[];
  education: Education;
  experienceYears: ExperienceYears | null;
  industry: Industry | null;
  industrySource: "preset" | "company" | "description" | null;
  /** Problems met while normalizing this posting: data, never silently dropped. */
  issues: RecordIssue[];
  normalizerVersion: string;
  /** Hash of what the board states (not of when it says it changed): a change makes the posting "updated". */
  contentHash: string;
}

/** One place a posting is located, read from its location text. Country is ISO 3166-1 alpha-2. */
export interface Place {
  city: string | null;
  region: string | null;
  country: string | null;
  /** "Remote - US" is a remote place with country US and no city. */
  remote: boolean;
  /** The piece of the location text this place was read from. */
  raw: string;
}

export interface Education {
  /** The lowest degree the posting requires ("BS in CS or related field"), null when it requires none. */
  required: Degree | null;
  /** The highest degree it says is preferred ("MS or PhD preferred"), null when it prefers none. */
  preferred: Degree | null;
}

export interface ExperienceYears {
  min: number | null;
  max: number | null;
}
