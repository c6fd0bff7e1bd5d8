import { z } from "zod";
import type { RecordIssue } from "../domain/errors.ts";
import type { Education, ExperienceYears, Place } from "../domain/posting.ts";
import type { Industry, PayKind, PayPeriod, Role, Seniority, Workplace } from "../domain/vocab.ts";
import { htmlToText } from "./html-text.ts";
import { type NormalizeContext, normalizePosting } from "./posting.ts";

/** One line of `roledex normalize` input: any of these fields, others ignored. */
export const normalizeInput = z.object({
  title: z.string().nullish(),
  team: z.string().nullish(),
  company: z.string().nullish(),
  location: z.string().nullish(),
  payText: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionText: z.string().nullish(),
});
export type NormalizeInput = z.infer<typeof normalizeInput>;

export interface NormalizeOutput {
  role: Role;
  roleConfidence: number;
  seniority: Seniority;
  /** The taxonomy version the role and seniority come from (with a hash of the user's aliases, if any). */
  taxonomyVersion: string;
  pay: {
    min: number | null;
    max: number | null;
    currency: string | null;
    period: PayPeriod;
    annualMinUsd: number | null;
    annualMaxUsd: number | null;
    kind: PayKind;
    equity: boolean;
  } | null;
  locations: Place[];
  workplace: Workplace | null;
  metros: string[];
  skills: string[];
  education: Education;
  experienceYears: ExperienceYears | null;
  industry: Industry | null;
  issues: RecordIssue[];
}

/** Pure: the normalized fields of one loose record, through the same code crawled postings go through. */
export function normalizeRecord(input: NormalizeInput, context: NormalizeContext = {}): NormalizeOutput {
  const descriptionText =
    input.descriptionText?.trim() || (input.descriptionHtml ? htmlToText(input.descriptionHtml) : null);
  const location = input.location?.trim() || null;
  const n = normalizePosting(
    {
      id: "input",
      ats: "import",
      board: "input",
      sourceId: "input",
      company: input.company?.trim() || null,
      title: input.title ?? "",
      team: input.team?.trim() || null,
      department: null,
      locationRaw: location,
      locations: location ? [location] : [],
      workplace: null,
      employmentType: null,
      url: null,
      publishedAt: null,
      sourceUpdatedAt: null,
      descriptionText: descriptionText || null,
      payText: input.payText?.trim() || null,
      payStructured: [],
      raw: null,
    },
    context,
  );
  const pay = n.pay;
  return {
    role: n.role,
    roleConfidence: n.roleConfidence,
    seniority: n.seniority,
    taxonomyVersion: n.taxonomyVersion,
    pay: pay && {
      min: pay.min,
      max: pay.max,
      currency: pay.currency,
      period: pay.period,
      annualMinUsd: pay.annualMinUsd,
      annualMaxUsd: pay.annualMaxUsd,
      kind: pay.kind,
      equity: pay.equity,
    },
    locations: n.places,
    workplace: n.workplace,
    metros: n.metros,
    skills: n.skills,
    education: n.education,
    experienceYears: n.experienceYears,
    industry: n.industry,
    issues: n.issues,
  };
}
