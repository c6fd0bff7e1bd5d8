import type { RecordIssue } from "../domain/errors.ts";
import type { SourcePosting } from "../domain/posting.ts";
import type { Ats } from "../domain/vocab.ts";

/** A board as a user names it: an ATS and that ATS's token for the employer. */
export interface BoardRef {
  ats: Ats;
  board: string;
  company: string | null;
  industry: string | null;
}

export interface MapContext {
  board: BoardRef;
}

/** The result of reading one board's payload: postings, the ids of items that could not be mapped, and why. */
export interface BoardPayload {
  postings: SourcePosting[];
  /** Ids of listed items that failed validation: still listed, so never closed because of a parse problem. */
  unreadableIds: string[];
  issues: RecordIssue[];
}

/**
 * Every source connector has the same small template: where its API lives, how to read a board's
 * payload into raw items (validated by its zod schema), and a pure `toPosting(raw)` mapper.
 */
export interface SourceConnector {
  ats: Ats;
  /** Environment variable that overrides the API base URL (the base stands for the host). */
  envVar: string;
  defaultBaseUrl: string;
  boardUrl(baseUrl: string, board: string): string;
  /** Validates the whole payload and maps each item; throws E_SOURCE_MALFORMED when the payload is not the API's shape. */
  readPayload(payload: unknown, context: MapContext): BoardPayload;
}

export const postingId = (ats: Ats, board: string, sourceId: string) => `${ats}:${board}:${sourceId}`;

export const trimOrNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
