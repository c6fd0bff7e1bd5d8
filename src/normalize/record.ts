import { z } from "zod";
import type { NormalizedPosting, Pay, Place } from "../domain/posting.ts";
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

/**
 * One line of `roledex normalize` output: the posting's normalized fields under the names the command
 * documents (its places as `locations`; pay without its raw text and conversion details).
 */
export type NormalizeOutput = Pick<
  NormalizedPosting,
  | "role"
  | "roleConfidence"
  | "seniority"
  | "taxonomyVersion"
  | "workplace"
  | "metros"
  | "skills"
  | "education"
  | "experienceYears"
  | "industry"
  | "issues"
> & {
  pay: Pick<Pay, "min" | "max" | "currency" | "period" | "annualMinUsd" | "annualMaxUsd" | "kind" | "equity"> | null;
  locations: Place[];
};

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
