import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.ts";
import { type Replay, startReplay } from "./support/replay.ts";
import { HAS_SHARED, noteSkip, sharedPath } from "./support/shared.ts";

noteSkip("the crawl-under-faults test");

describe.skipIf(!HAS_SHARED)("crawling through injected 503s and 429s", () => {
  let replay: Replay;
  const dir = mkdtempSync(join(tmpdir(), "roledex-faults-"));
  beforeAll(async () => {
    replay = await startReplay(["--as-of", "2025-12-11", "--fail-rate", "0.4", "--rate-limit", "3", "--seed", "7"]);
  });
  afterAll(async () => {
    await replay?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("retries with backoff and Retry-After until every board is fetched in full", async () => {
    const result = await runCli(
      [
        "crawl",
        "--boards",
        sharedPath("corpus/replay/boards.json"),
        "--db",
        join(dir, "f.duckdb"),
        "--retries",
        "8",
        "--format",
        "json",
      ],
      replay.env,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/retry \d for .*(HTTP 503|HTTP 429)/);
    const summary = JSON.parse(result.stdout) as { board: { board: string }; counts: { fetched: number } }[];
    const state = await replay.state();
    expect(summary.map((r) => [r.board.board, r.counts.fetched])).toEqual(state.boards.map((b) => [b.board, b.live]));
  });
});
