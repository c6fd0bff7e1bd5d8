import type { RecordIssue } from "../domain/errors.ts";
import type { SourcePosting } from "../domain/posting.ts";
import type { Ats, Industry, SourceKind } from "../domain/vocab.ts";

/** Where postings come from: an ATS and its token for the employer, or an imported file ("import" and a name). */
export interface BoardRef {
  ats: SourceKind;
  board: string;
  company: string | null;
  industry: Industry | null;
}

/** A board of an ATS that roledex can crawl. */
export type CrawlBoard = BoardRef & { ats: Ats };

export interface MapContext {
  board: CrawlBoard;
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

export const postingId = (ats: SourceKind, board: string, sourceId: string) => `${ats}:${board}:${sourceId}`;

export const trimOrNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
