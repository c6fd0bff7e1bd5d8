import { z } from "zod";

/** One job of `GET /posting-api/job-board/{name}?includeCompensation=true`. */
export const ashbyJob = z.object({
  id: z.string().min(1),
  title: z.string(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  employmentType: z.string().nullish(),
  location: z.string().nullish(),
  /** The real API sends `{location, address}` objects; older payloads and recorders sometimes plain strings. */
  secondaryLocations: z.array(z.union([z.string(), z.object({ location: z.string().nullish() }).loose()])).nullish(),
  isListed: z.boolean().nullish(),
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  publishedAt: z.string().nullish(),
  jobUrl: z.string().nullish(),
  applyUrl: z.string().nullish(),
  shouldDisplayCompensationOnJobPostings: z.boolean().nullish(),
  compensation: z.unknown().nullish(),
});
export type AshbyJob = z.infer<typeof ashbyJob>;

export const ashbyBoard = z
  .object({ apiVersion: z.string().nullish(), jobs: z.array(z.unknown()) })
  .transform((board) => board.jobs);
