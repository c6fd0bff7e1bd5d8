import type { Ats, Degree, PayKind, PayPeriod, Role, Seniority, Workplace } from "./vocab.ts";

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
  ats: Ats;
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
  /** The source's payload for this posting, untouched. */
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
  /** The posting's base pay (kind "base"), chosen from structured fields first, else parsed from `payText`. */
  pay: Pay | null;
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
