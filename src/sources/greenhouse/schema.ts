import { z } from "zod";

/** One job of `GET /v1/boards/{token}/jobs?content=true` (and of the single-job endpoint). */
export const greenhouseJob = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  title: z.string(),
  updated_at: z.string().nullish(),
  requisition_id: z.string().nullish(),
  internal_job_id: z.union([z.number(), z.string()]).nullish(),
  location: z.object({ name: z.string().nullish() }).nullish(),
  absolute_url: z.string().nullish(),
  language: z.string().nullish(),
  metadata: z.array(z.object({ name: z.string().nullish(), value: z.unknown() })).nullish(),
  /** Entity-escaped HTML. */
  content: z.string().nullish(),
  departments: z.array(z.object({ id: z.number().nullish(), name: z.string().nullish() })).nullish(),
  offices: z
    .array(z.object({ id: z.number().nullish(), name: z.string().nullish(), location: z.string().nullish() }))
    .nullish(),
  first_published: z.string().nullish(),
  company_name: z.string().nullish(),
  /** Only on the single-job endpoint with `?pay_transparency=true`. */
  pay_input_ranges: z.array(z.unknown()).nullish(),
});
export type GreenhouseJob = z.infer<typeof greenhouseJob>;

export const greenhouseBoard = z
  .object({ jobs: z.array(z.unknown()), meta: z.object({ total: z.number().nullish() }).nullish() })
  .transform((board) => board.jobs);
