import { isRoledexError, type RecordIssue, RoledexError } from "../domain/errors.ts";
import type { NormalizedPosting } from "../domain/posting.ts";
import type { RoleAliases } from "../normalize/aliases.ts";
import { contentHash, normalizePosting } from "../normalize/posting.ts";
import type { CrawlBoard } from "../sources/connector.ts";
import { CONNECTORS } from "../sources/registry.ts";

/** One board's answer, as text, to be read: what a worker thread is handed. */
export interface BoardTask {
  board: CrawlBoard;
  body: string;
  aliases?: RoleAliases;
  /** Content hash of stored postings by id (see knownHashes): a posting listed with the same hash is not normalized again. */
  known?: Record<string, string>;
}

export type BoardReading =
  | { ok: true; postings: NormalizedPosting[]; unchanged: string[]; unreadableIds: string[]; issues: RecordIssue[] }
  | { ok: false; code: RoledexError["code"]; message: string };

/**
 * Parse a board's answer, map every item and normalize it. Pure (no I/O), so it runs the same on the main
 * thread and in a worker; failures come back as values, since errors do not cross threads intact.
 */
export function readBoard(task: BoardTask): BoardReading {
  try {
    let payload: unknown;
    try {
      payload = JSON.parse(task.body);
    } catch (cause) {
      throw new RoledexError("E_SOURCE_MALFORMED", "answered with a body that is not JSON", { cause });
    }
    const read = CONNECTORS[task.board.ats].readPayload(payload, { board: task.board });
    const context = { presetIndustry: task.board.industry, ...(task.aliases ? { aliases: task.aliases } : {}) };
    const postings: NormalizedPosting[] = [];
    const unchanged: string[] = [];
    for (const p of read.postings) {
      const known = task.known?.[p.id];
      if (known !== undefined && known === contentHash(p)) unchanged.push(p.id);
      else postings.push(normalizePosting(p, context));
    }
    return { ok: true, postings, unchanged, unreadableIds: read.unreadableIds, issues: read.issues };
  } catch (error) {
    if (isRoledexError(error)) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "E_INTERNAL", message: error instanceof Error ? error.message : String(error) };
  }
}
