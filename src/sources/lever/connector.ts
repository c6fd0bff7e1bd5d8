import type { SourcePosting } from "../../domain/posting.ts";
import type { Workplace } from "../../domain/vocab.ts";
import { htmlToText } from "../../normalize/html-text.ts";
import { payFromLeverSalaryRange } from "../../normalize/pay.ts";
import { type MapContext, postingId, type SourceConnector, trimOrNull } from "../connector.ts";
import { readItems } from "../read-items.ts";
import { type LeverPosting, leverBoard, leverPosting } from "./schema.ts";

const WORKPLACE: Record<string, Workplace> = {
  "on-site": "onsite",
  onsite: "onsite",
  remote: "remote",
  hybrid: "hybrid",
};

function descriptionOf(p: LeverPosting): string | null {
  const parts = [
    trimOrNull(p.descriptionPlain) ?? (p.description ? htmlToText(p.description) : null),
    ...(p.lists ?? []).map((l) => [l.text, l.content ? htmlToText(l.content) : null].filter(Boolean).join("\n")),
    trimOrNull(p.additionalPlain) ?? (p.additional ? htmlToText(p.additional) : null),
  ];
  return trimOrNull(parts.filter(Boolean).join("\n\n"));
}

/** The fields that carry the description, kept as text and not in the stored raw item. */
const BODY_KEYS = ["description", "descriptionPlain", "lists", "additional", "additionalPlain"];

/** Pure mapping of one Lever posting to a SourcePosting. */
export function toPosting(p: LeverPosting, raw: unknown, { board }: MapContext): SourcePosting {
  const locationRaw = trimOrNull(p.categories?.location);
  const all = (p.categories?.allLocations ?? []).map(trimOrNull);
  return {
    id: postingId("lever", board.board, p.id),
    ats: "lever",
    board: board.board,
    sourceId: p.id,
    company: board.company,
    title: p.text.trim(),
    team: trimOrNull(p.categories?.team),
    department: trimOrNull(p.categories?.department),
    locationRaw,
    locations: [...new Set([locationRaw, ...all].filter((l): l is string => l !== null))],
    workplace: WORKPLACE[p.workplaceType?.toLowerCase() ?? ""] ?? null,
    employmentType: trimOrNull(p.categories?.commitment),
    url: trimOrNull(p.hostedUrl),
    publishedAt: typeof p.createdAt === "number" ? new Date(p.createdAt).toISOString() : null,
    sourceUpdatedAt: null,
    descriptionText: descriptionOf(p),
    payText: trimOrNull(p.salaryDescriptionPlain),
    payStructured: p.salaryRange ? payFromLeverSalaryRange(p.salaryRange) : [],
    raw,
  };
}

export const lever: SourceConnector = {
  ats: "lever",
  envVar: "ROLEDEX_LEVER_API",
  defaultBaseUrl: "https://api.lever.co",
  boardUrl: (base, board) => `${base.replace(/\/+$/, "")}/v0/postings/${encodeURIComponent(board)}?mode=json`,
  readPayload: (payload, context) =>
    readItems({ payload, envelope: leverBoard, item: leverPosting, toPosting, bodyKeys: BODY_KEYS, context }),
};
