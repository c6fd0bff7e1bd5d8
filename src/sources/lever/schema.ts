import { z } from "zod";

/** One posting of `GET /v0/postings/{company}?mode=json`. */
export const leverPosting = z.object({
  id: z.string().min(1),
  text: z.string(),
  categories: z
    .object({
      location: z.string().nullish(),
      commitment: z.string().nullish(),
      team: z.string().nullish(),
      department: z.string().nullish(),
      allLocations: z.array(z.string()).nullish(),
    })
    .nullish(),
  country: z.string().nullish(),
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  lists: z.array(z.object({ text: z.string().nullish(), content: z.string().nullish() })).nullish(),
  additional: z.string().nullish(),
  additionalPlain: z.string().nullish(),
  hostedUrl: z.string().nullish(),
  applyUrl: z.string().nullish(),
  workplaceType: z.string().nullish(),
  createdAt: z.number().nullish(),
  salaryRange: z.unknown().nullish(),
  salaryDescriptionPlain: z.string().nullish(),
});
export type LeverPosting = z.infer<typeof leverPosting>;

export const leverBoard = z.array(z.unknown());
