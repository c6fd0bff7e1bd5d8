import type { NormalizedPosting } from "../domain/posting.ts";

/** What the store knows of one of a board's postings, all that the lifecycle needs. */
export interface StoredState {
  id: string;
  contentHash: string;
  normalizerVersion: string;
  closedAt: string | null;
}

export interface SyncCounts {
  fetched: number;
  new: number;
  updated: number;
  reopened: number;
  closed: number;
  unchanged: number;
}

/** Everything one successful board crawl changes, decided before anything is written. */
export interface BoardSync {
  at: string;
  /** Listed for the first time: first_seen = last_seen = at. */
  insert: NormalizedPosting[];
  /** Listed, known, and its content or normalization changed: fields rewritten, last_seen = at, reopened if closed. */
  update: NormalizedPosting[];
  /** Listed, known and unchanged: last_seen = at, reopened if closed. */
  touch: string[];
  /** Active before, not listed now: closed_at = at. */
  close: string[];
  counts: SyncCounts;
}

/**
 * The content hash of each stored posting that a reader may skip normalizing when the board lists it with
 * the same hash: those normalized by this normalizer version (any other is rewritten anyway).
 */
export function knownHashes(stored: readonly StoredState[], normalizerVersion: string): Record<string, string> {
  const known: Record<string, string> = {};
  for (const s of stored) if (s.normalizerVersion === normalizerVersion) known[s.id] = s.contentHash;
  return known;
}

/**
 * Lifecycle of one board after a successful crawl. Pure: given what the store holds and what the board
 * lists now, say what to insert, rewrite, touch and close. `unchanged` are ids the board lists exactly as
 * stored (the reader did not normalize them again): touched, and reopened if closed. `stillListed` are ids
 * the board lists but that could not be read this time; they are neither closed nor rewritten.
 */
export function planBoardSync(input: {
  at: string;
  stored: readonly StoredState[];
  fetched: readonly NormalizedPosting[];
  unchanged?: readonly string[];
  stillListed?: readonly string[];
}): BoardSync {
  const stored = new Map(input.stored.map((s) => [s.id, s]));
  const seen = new Set<string>(input.stillListed ?? []);
  const sync: BoardSync = {
    at: input.at,
    insert: [],
    update: [],
    touch: [],
    close: [],
    counts: { fetched: 0, new: 0, updated: 0, reopened: 0, closed: 0, unchanged: 0 },
  };
  for (const posting of input.fetched) {
    if (seen.has(posting.id)) continue; // a board listing the same id twice: the first one stands
    seen.add(posting.id);
    sync.counts.fetched++;
    const before = stored.get(posting.id);
    if (!before) {
      sync.insert.push(posting);
      sync.counts.new++;
      continue;
    }
    const changed = before.contentHash !== posting.contentHash;
    if (before.closedAt !== null) sync.counts.reopened++;
    if (changed) sync.counts.updated++;
    else if (before.closedAt === null) sync.counts.unchanged++;
    if (changed || before.normalizerVersion !== posting.normalizerVersion) sync.update.push(posting);
    else sync.touch.push(posting.id);
  }
  for (const id of input.unchanged ?? []) {
    const before = stored.get(id);
    if (seen.has(id) || !before) continue;
    seen.add(id);
    sync.counts.fetched++;
    if (before.closedAt !== null) sync.counts.reopened++;
    else sync.counts.unchanged++;
    sync.touch.push(id);
  }
  for (const id of input.stillListed ?? []) if (stored.has(id)) sync.touch.push(id);
  for (const s of input.stored) if (s.closedAt === null && !seen.has(s.id)) sync.close.push(s.id);
  sync.counts.closed = sync.close.length;
  return sync;
}
