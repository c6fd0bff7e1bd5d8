import { describe, expect, it } from "vitest";
import type { NormalizedPosting } from "../domain/posting.ts";
import { knownHashes, planBoardSync, type StoredState } from "./lifecycle.ts";

const posting = (id: string, hash = `h-${id}`, normalizerVersion = "1") =>
  ({ id, contentHash: hash, normalizerVersion }) as NormalizedPosting;
const state = (id: string, closedAt: string | null = null, hash = `h-${id}`): StoredState => ({
  id,
  contentHash: hash,
  normalizerVersion: "1",
  closedAt,
});

describe("planBoardSync", () => {
  const at = "2026-01-22T10:00:00.000Z";

  it("inserts postings never seen before", () => {
    const sync = planBoardSync({ at, stored: [], fetched: [posting("a"), posting("b")] });
    expect(sync.insert.map((p) => p.id)).toEqual(["a", "b"]);
    expect(sync.counts).toEqual({ fetched: 2, new: 2, updated: 0, reopened: 0, closed: 0, unchanged: 0 });
  });

  it("closes active postings the board no longer lists, and leaves closed ones closed", () => {
    const sync = planBoardSync({
      at,
      stored: [state("a"), state("b"), state("old", "2025-12-01T00:00:00.000Z")],
      fetched: [posting("a")],
    });
    expect(sync.close).toEqual(["b"]);
    expect(sync.touch).toEqual(["a"]);
    expect(sync.counts).toMatchObject({ fetched: 1, new: 0, closed: 1, unchanged: 1 });
  });

  it("rewrites a posting whose content changed and counts it updated", () => {
    const sync = planBoardSync({ at, stored: [state("a", null, "old-hash")], fetched: [posting("a", "new-hash")] });
    expect(sync.update.map((p) => p.id)).toEqual(["a"]);
    expect(sync.counts).toMatchObject({ updated: 1, unchanged: 0 });
  });

  it("reopens a closed posting that is listed again", () => {
    const sync = planBoardSync({ at, stored: [state("a", "2025-12-20T00:00:00.000Z")], fetched: [posting("a")] });
    expect(sync.touch).toEqual(["a"]);
    expect(sync.counts).toMatchObject({ reopened: 1, unchanged: 0, new: 0 });
  });

  it("is idempotent: the same listing twice changes nothing but last_seen", () => {
    const sync = planBoardSync({ at, stored: [state("a"), state("b")], fetched: [posting("a"), posting("b")] });
    expect(sync.insert).toEqual([]);
    expect(sync.update).toEqual([]);
    expect(sync.close).toEqual([]);
    expect(sync.counts).toEqual({ fetched: 2, new: 0, updated: 0, reopened: 0, closed: 0, unchanged: 2 });
  });

  it("never closes a posting that is listed but could not be read", () => {
    const sync = planBoardSync({ at, stored: [state("a"), state("b")], fetched: [posting("a")], stillListed: ["b"] });
    expect(sync.close).toEqual([]);
    expect(sync.touch).toEqual(["a", "b"]);
  });

  it("counts a posting listed twice once", () => {
    const sync = planBoardSync({ at, stored: [], fetched: [posting("a"), posting("a")] });
    expect(sync.insert).toHaveLength(1);
    expect(sync.counts.fetched).toBe(1);
  });

  it("re-normalizes an unchanged posting written by an older normalizer without calling it updated", () => {
    const sync = planBoardSync({ at, stored: [state("a")], fetched: [posting("a", "h-a", "2")] });
    expect(sync.update.map((p) => p.id)).toEqual(["a"]);
    expect(sync.counts).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it("touches postings listed exactly as stored without their normalized form, reopening closed ones", () => {
    const sync = planBoardSync({
      at,
      stored: [state("a"), state("b", "2025-12-01T00:00:00.000Z"), state("c")],
      fetched: [posting("d")],
      unchanged: ["a", "b", "a", "unknown"],
    });
    expect(sync.insert.map((p) => p.id)).toEqual(["d"]);
    expect(sync.touch).toEqual(["a", "b"]);
    expect(sync.close).toEqual(["c"]);
    expect(sync.counts).toEqual({ fetched: 3, new: 1, updated: 0, reopened: 1, closed: 1, unchanged: 1 });
  });

  it("knows the hashes of postings normalized by the current version only", () => {
    const stored = [state("a"), { ...state("b"), normalizerVersion: "0" }];
    expect(knownHashes(stored, "1")).toEqual({ a: "h-a" });
  });
});
