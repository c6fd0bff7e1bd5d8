import { randomUUID } from "node:crypto";
import { isRoledexError, type RecordIssue, RoledexError } from "../domain/errors.ts";
import type { Ats } from "../domain/vocab.ts";
import type { RoleAliases } from "../normalize/aliases.ts";
import { NORMALIZER_VERSION } from "../normalize/posting.ts";
import type { CrawlBoard as BoardRef } from "../sources/connector.ts";
import { getText, type HttpOptions, KeyedLimiter } from "../sources/http.ts";
import { CONNECTORS } from "../sources/registry.ts";
import type { CrawlRun, Store } from "../store/store.ts";
import { knownHashes, planBoardSync, type SyncCounts } from "./lifecycle.ts";
import { ReaderPool } from "./reader-pool.ts";

export interface BoardResult {
  board: BoardRef;
  status: "ok" | "failed";
  counts: SyncCounts | null;
  issues: RecordIssue[];
  error: { code: RoledexError["code"]; message: string } | null;
  ms: number;
}

export type CrawlEvent =
  | { type: "start"; total: number }
  | { type: "board"; result: BoardResult; done: number; total: number }
  | { type: "retry"; board: BoardRef; attempt: number; delayMs: number; reason: string };

export interface CrawlOptions {
  boards: readonly BoardRef[];
  store: Store;
  baseUrls: Readonly<Record<Ats, string>>;
  /** Requests in flight at once per API host. */
  concurrencyPerHost?: number;
  http?: HttpOptions;
  now?: () => Date;
  onEvent?: (event: CrawlEvent) => void;
  /** Where boards are parsed and normalized; default: on this thread. */
  reader?: ReaderPool;
  /** A user's own title phrases per role. */
  aliases?: RoleAliases;
}

/**
 * Crawl boards: fetch each board's listing, normalize it, and apply its lifecycle to the store in one
 * transaction. A board that fails (404, bad payload, network) changes nothing of its postings and is
 * reported with its reason; the other boards go on.
 */
export async function crawlBoards(options: CrawlOptions): Promise<BoardResult[]> {
  const now = options.now ?? (() => new Date());
  const limiter = new KeyedLimiter(options.concurrencyPerHost ?? 4);
  const reader = options.reader ?? new ReaderPool(1);
  const boards = dedupeBoards(options.boards);
  const results: BoardResult[] = [];
  options.onEvent?.({ type: "start", total: boards.length });

  // Writes go one board at a time (one connection), fetches run in parallel per host.
  let writes = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work);
    writes = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };

  await Promise.all(
    boards.map(async (board) => {
      const connector = CONNECTORS[board.ats];
      const url = connector.boardUrl(options.baseUrls[board.ats], board.board);
      const host = new URL(url).host;
      const started = now();
      let result: BoardResult;
      try {
        const body = await limiter.run(host, () =>
          getText(url, {
            ...options.http,
            onRetry: (info) => options.onEvent?.({ type: "retry", board, ...info }),
          }),
        );
        // What the store holds of the board, so postings listed exactly as stored are not normalized again.
        // Only this crawl writes this board (boards are de-duplicated), so the state holds until the write.
        const stored = await serialise(() => options.store.boardState(board.ats, board.board));
        const read = await reader.read({
          board,
          body,
          known: knownHashes(stored, NORMALIZER_VERSION),
          ...(options.aliases ? { aliases: options.aliases } : {}),
        });
        if (!read.ok) throw new RoledexError(read.code, read.message);
        result = await serialise(async () => {
          const at = now().toISOString();
          const sync = planBoardSync({
            at,
            stored,
            fetched: read.postings,
            unchanged: read.unchanged,
            stillListed: read.unreadableIds,
          });
          await options.store.applyBoardSync(
            board,
            sync,
            run(board, started, now(), "ok", sync.counts, read.issues.length, null),
          );
          return {
            board,
            status: "ok",
            counts: sync.counts,
            issues: read.issues,
            error: null,
            ms: now().getTime() - started.getTime(),
          };
        });
      } catch (cause) {
        if (isRoledexError(cause) && cause.code.startsWith("E_DB")) throw cause; // the store is broken: stop everything
        const error = isRoledexError(cause)
          ? { code: cause.code, message: cause.message }
          : { code: "E_INTERNAL" as const, message: cause instanceof Error ? cause.message : String(cause) };
        await serialise(() =>
          options.store.recordFailedCrawl(board, run(board, started, now(), "failed", null, 0, error)),
        );
        result = { board, status: "failed", counts: null, issues: [], error, ms: now().getTime() - started.getTime() };
      }
      results.push(result);
      options.onEvent?.({ type: "board", result, done: results.length, total: boards.length });
    }),
  );
  const order = new Map(boards.map((b, i) => [`${b.ats}:${b.board}`, i]));
  return results.sort((a, b) => (order.get(key(a.board)) ?? 0) - (order.get(key(b.board)) ?? 0));
}

const key = (b: BoardRef) => `${b.ats}:${b.board}`;

function dedupeBoards(boards: readonly BoardRef[]): BoardRef[] {
  const seen = new Map<string, BoardRef>();
  for (const b of boards) if (!seen.has(key(b))) seen.set(key(b), b);
  return [...seen.values()];
}

function run(
  board: BoardRef,
  started: Date,
  finished: Date,
  status: "ok" | "failed",
  counts: SyncCounts | null,
  issues: number,
  error: { code: RoledexError["code"]; message: string } | null,
): CrawlRun {
  return {
    id: randomUUID(),
    ats: board.ats,
    board: board.board,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    status,
    counts,
    issues,
    errorCode: error?.code ?? null,
    errorMessage: error?.message ?? null,
  };
}
