import type { SourcePosting } from "../../domain/posting.ts";
import { htmlToText, unescapeHtml } from "../../normalize/html-text.ts";
import { parseGreenhouseContentPay, payFromGreenhouseRanges } from "../../normalize/pay.ts";
import { type MapContext, postingId, type SourceConnector, trimOrNull } from "../connector.ts";
import { readItems } from "../read-items.ts";
import { type GreenhouseJob, greenhouseBoard, greenhouseJob } from "./schema.ts";

const uniq = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/** The fields that carry the description, kept as text and not in the stored raw item. */
const BODY_KEYS = ["content"];

/** Pure mapping of one Greenhouse job to a SourcePosting. */
export function toPosting(job: GreenhouseJob, raw: unknown, { board }: MapContext): SourcePosting {
  const sourceId = String(job.id);
  const html = job.content ? unescapeHtml(job.content) : "";
  const text = html ? htmlToText(html) : "";
  // Only a pay-transparency block needs the HTML's structure; pay stated in prose is read from the text later.
  const contentPay = html.includes("pay-transparency")
    ? parseGreenhouseContentPay(html, { prose: text })
    : { pays: [], text: null };
  const locationRaw = trimOrNull(job.location?.name);
  // The single-job endpoint's structured ranges, when present, are the same figures the content block shows.
  const ranges = payFromGreenhouseRanges(job.pay_input_ranges ?? []);
  return {
    id: postingId("greenhouse", board.board, sourceId),
    ats: "greenhouse",
    board: board.board,
    sourceId,
    company: board.company ?? trimOrNull(job.company_name),
    title: job.title.trim(),
    team: null,
    department: trimOrNull(job.departments?.[0]?.name),
    locationRaw,
    locations: uniq([locationRaw, ...(job.offices ?? []).map((o) => trimOrNull(o.name))]),
    workplace: null,
    employmentType: null,
    url: trimOrNull(job.absolute_url),
    publishedAt: trimOrNull(job.first_published),
    sourceUpdatedAt: trimOrNull(job.updated_at),
    descriptionText: text || null,
    payText: contentPay.text,
    payStructured: ranges.length > 0 ? ranges : contentPay.pays,
    raw,
  };
}

export const greenhouse: SourceConnector = {
  ats: "greenhouse",
  envVar: "ROLEDEX_GREENHOUSE_API",
  defaultBaseUrl: "https://boards-api.greenhouse.io",
  boardUrl: (base, board) => `${base.replace(/\/+$/, "")}/v1/boards/${encodeURIComponent(board)}/jobs?content=true`,
  readPayload: (payload, context) =>
    readItems({
      payload,
      envelope: greenhouseBoard,
      item: greenhouseJob,
      toPosting,
      bodyKeys: BODY_KEYS,
      context,
    }),
};
