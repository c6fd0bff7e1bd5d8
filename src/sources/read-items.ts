import type { z } from "zod";
import { RoledexError } from "../domain/errors.ts";
import type { SourcePosting } from "../domain/posting.ts";
import { type BoardPayload, type MapContext, postingId } from "./connector.ts";

/**
 * The shared part of every connector's `readPayload`: check the envelope, then validate and map item by
 * item so one bad item becomes an issue instead of failing the board.
 */
export function readItems<Item>(options: {
  payload: unknown;
  envelope: z.ZodType<unknown[]>;
  item: z.ZodType<Item>;
  toPosting: (item: Item, raw: unknown, context: MapContext) => SourcePosting;
  /** The item's description-body fields: read into the posting's text, and left out of the raw payload kept. */
  bodyKeys: readonly string[];
  context: MapContext;
}): BoardPayload {
  const envelope = options.envelope.safeParse(options.payload);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    throw new RoledexError(
      "E_SOURCE_MALFORMED",
      `payload is not a ${options.context.board.ats} job list (${first ? `${first.path.join(".") || "root"}: ${first.message}` : "invalid"})`,
    );
  }
  const result: BoardPayload = { postings: [], unreadableIds: [], issues: [] };
  envelope.data.forEach((raw, index) => {
    const parsed = options.item.safeParse(raw);
    if (parsed.success) {
      result.postings.push(options.toPosting(parsed.data, withoutKeys(raw, options.bodyKeys), options.context));
      return;
    }
    const id = rawId(raw);
    const { ats, board } = options.context.board;
    if (id !== null) result.unreadableIds.push(postingId(ats, board, id));
    for (const issue of parsed.error.issues.slice(0, 3)) {
      result.issues.push({
        code: "source.item_invalid",
        path: [index, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
        message: issue.message,
        input: id,
      });
    }
  });
  return result;
}

/** The id of a raw item, where it has one: all three APIs call it `id`. */
function rawId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "number" || (typeof id === "string" && id !== "") ? String(id) : null;
}

/**
 * The raw item kept with a posting, without its description body: the body is stored once, as text, and
 * storing its HTML again with every posting was most of the bytes (and half the write time) of a crawl.
 */
function withoutKeys(raw: unknown, keys: readonly string[]): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!keys.includes(key)) kept[key] = value;
  return kept;
}
