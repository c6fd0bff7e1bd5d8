import type { SourcePosting } from "../../domain/posting.ts";
import type { Workplace } from "../../domain/vocab.ts";
import { htmlToText } from "../../normalize/html-text.ts";
import { payFromAshbyCompensation } from "../../normalize/pay.ts";
import { type MapContext, postingId, type SourceConnector, trimOrNull } from "../connector.ts";
import { readItems } from "../read-items.ts";
import { type AshbyJob, ashbyBoard, ashbyJob } from "./schema.ts";

const WORKPLACE: Record<string, Workplace> = { onsite: "onsite", remote: "remote", hybrid: "hybrid" };

function workplaceOf(job: AshbyJob): Workplace | null {
  const stated = job.workplaceType?.toLowerCase().replace(/[^a-z]/g, "");
  if (stated && WORKPLACE[stated]) return WORKPLACE[stated];
  return job.isRemote === true ? "remote" : null;
}

function summaryOf(compensation: unknown): string | null {
  if (typeof compensation !== "object" || compensation === null) return null;
  const c = compensation as { compensationTierSummary?: unknown; scrapeableCompensationSalarySummary?: unknown };
  const summary = typeof c.compensationTierSummary === "string" ? c.compensationTierSummary : null;
  const scrapeable =
    typeof c.scrapeableCompensationSalarySummary === "string" ? c.scrapeableCompensationSalarySummary : null;
  return trimOrNull(summary ?? scrapeable);
}

/** The fields that carry the description, kept as text and not in the stored raw item. */
const BODY_KEYS = ["descriptionHtml", "descriptionPlain"];

/** Pure mapping of one Ashby job to a SourcePosting. */
export function toPosting(job: AshbyJob, raw: unknown, { board }: MapContext): SourcePosting {
  const locationRaw = trimOrNull(job.location);
  const secondary = (job.secondaryLocations ?? []).map((l) => trimOrNull(typeof l === "string" ? l : l.location));
  const text =
    trimOrNull(job.descriptionPlain) ?? (job.descriptionHtml ? trimOrNull(htmlToText(job.descriptionHtml)) : null);
  return {
    id: postingId("ashby", board.board, job.id),
    ats: "ashby",
    board: board.board,
    sourceId: job.id,
    company: board.company,
    title: job.title.trim(),
    team: trimOrNull(job.team),
    department: trimOrNull(job.department),
    locationRaw,
    locations: [...new Set([locationRaw, ...secondary].filter((l): l is string => l !== null))],
    workplace: workplaceOf(job),
    employmentType: trimOrNull(job.employmentType),
    url: trimOrNull(job.jobUrl),
    publishedAt: trimOrNull(job.publishedAt),
    sourceUpdatedAt: null,
    descriptionText: text,
    payText: summaryOf(job.compensation),
    payStructured: job.compensation ? payFromAshbyCompensation(job.compensation) : [],
    raw,
  };
}

export const ashby: SourceConnector = {
  ats: "ashby",
  envVar: "ROLEDEX_ASHBY_API",
  defaultBaseUrl: "https://api.ashbyhq.com",
  boardUrl: (base, board) =>
    `${base.replace(/\/+$/, "")}/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`,
  readPayload: (payload, context) =>
    readItems({ payload, envelope: ashbyBoard, item: ashbyJob, toPosting, bodyKeys: BODY_KEYS, context }),
};
