import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../src/store/duckdb/duckdb-store.ts";
import type { StoredPosting } from "../src/store/store.ts";
import { runCli } from "./support/cli.ts";
import { type Replay, startReplay } from "./support/replay.ts";
import { HAS_SHARED, noteSkip, sharedPath } from "./support/shared.ts";

noteSkip("the end-to-end crawl of the replay corpus");

const BOARDS = sharedPath("corpus/replay/boards.json");
const T1 = "2025-12-11";
const T2 = "2026-01-22";

/** The ids the replay server lists on a day, computed from the corpus independently of the crawler. */
function liveIds(day: string): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(sharedPath("corpus/replay/postings.ndjson"), "utf8").split("\n")) {
    if (!line) continue;
    const p = JSON.parse(line) as {
      ats: string;
      board: string;
      first_seen: string;
      last_seen: string;
      item: { id: unknown };
    };
    if (p.first_seen.slice(0, 10) <= day && day <= p.last_seen.slice(0, 10))
      ids.add(`${p.ats}:${p.board}:${p.item.id}`);
  }
  return ids;
}

async function allPostings(db: string): Promise<Map<string, StoredPosting>> {
  const store = await DuckDBStore.open(db);
  try {
    return new Map((await store.postings({ activeOnly: false })).map((p) => [p.id, p]));
  } finally {
    await store.close();
  }
}

describe.skipIf(!HAS_SHARED)("crawl the replay corpus end to end", () => {
  let replay: Replay;
  const dir = mkdtempSync(join(tmpdir(), "roledex-e2e-"));
  const db = join(dir, "replay.duckdb");
  let afterFirst: Map<string, StoredPosting>;

  beforeAll(async () => {
    replay = await startReplay(["--as-of", T1]);
  });
  afterAll(async () => {
    await replay?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores every live posting of the seven boards on the first day", async () => {
    const result = await runCli(["crawl", "--boards", BOARDS, "--db", db, "--format", "json"], replay.env);
    expect(result.stderr).not.toMatch(/roledex: E_/);
    expect(result.code).toBe(0);

    const state = await replay.state();
    expect(state.boards).toHaveLength(7);
    const summary = JSON.parse(result.stdout) as {
      board: { board: string };
      counts: { fetched: number; new: number };
    }[];
    for (const board of state.boards) {
      const row = summary.find((r) => r.board.board === board.board);
      expect({ board: board.board, fetched: row?.counts.fetched, new: row?.counts.new }).toEqual({
        board: board.board,
        fetched: board.live,
        new: board.live,
      });
    }

    afterFirst = await allPostings(db);
    const expected = liveIds(T1);
    expect(expected.size).toBe(state.boards.reduce((n, b) => n + b.live, 0));
    expect(new Set(afterFirst.keys())).toEqual(expected);
    for (const p of afterFirst.values()) expect(p.closedAt).toBeNull();
  });

  it("on a later day closes what went, adds what came, and leaves the rest untouched", async () => {
    await replay.setAsOf(T2);
    const result = await runCli(["crawl", "--boards", BOARDS, "--db", db, "--format", "json"], replay.env);
    expect(result.code).toBe(0);
    const after = await allPostings(db);

    const before = liveIds(T1);
    const now = liveIds(T2);
    const gone = [...before].filter((id) => !now.has(id));
    const added = [...now].filter((id) => !before.has(id));
    const kept = [...now].filter((id) => before.has(id));
    expect(gone.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);

    for (const id of gone) expect(after.get(id)?.closedAt, id).not.toBeNull();
    for (const id of added) {
      const p = after.get(id);
      expect([afterFirst.has(id), p?.closedAt, p?.firstSeen === p?.lastSeen], id).toEqual([false, null, true]);
    }
    for (const id of kept) {
      const [a, b] = [afterFirst.get(id), after.get(id)];
      expect(b?.closedAt).toBeNull();
      expect(b?.firstSeen).toBe(a?.firstSeen);
      expect(b?.contentHash).toBe(a?.contentHash);
      expect(b?.title).toBe(a?.title);
    }
    // closed postings keep the last day they were seen
    for (const id of gone) expect(after.get(id)?.lastSeen).toBe(afterFirst.get(id)?.lastSeen);

    const summary = JSON.parse(result.stdout) as { counts: { new: number; closed: number; updated: number } }[];
    const total = (k: "new" | "closed" | "updated") => summary.reduce((n, r) => n + r.counts[k], 0);
    expect([total("new"), total("closed"), total("updated")]).toEqual([added.length, gone.length, 0]);
    expect([...after.values()].filter((p) => p.closedAt === null).length).toBe(now.size);
  });

  it("changes nothing when the same day is crawled again", async () => {
    const result = await runCli(["crawl", "--boards", BOARDS, "--db", db, "--format", "json"], replay.env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { counts: Record<string, number> }[];
    for (const r of summary)
      expect([r.counts.new, r.counts.updated, r.counts.closed, r.counts.reopened]).toEqual([0, 0, 0, 0]);
  });

  it("compares two roles with counts and medians that recompute from the evidence ids", async () => {
    const result = await runCli([
      "compare",
      "Research Engineer",
      "Applied ML Engineer",
      "--format",
      "json",
      "--db",
      db,
    ]);
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout) as {
      roles: {
        query: string;
        role: string;
        activePostings: number;
        baseSalary: {
          n: number;
          median: number | null;
          p25: number | null;
          p75: number | null;
          currency: string;
          period: string;
        };
        evidence: { postingIds: string[]; salaryPostingIds: string[] };
      }[];
    };
    expect(comparison.roles.map((r) => [r.query, r.role])).toEqual([
      ["Research Engineer", "research-engineer"],
      ["Applied ML Engineer", "ml-engineer"],
    ]);
    const all = await allPostings(db);
    const active = [...all.values()].filter((p) => p.closedAt === null);
    for (const figure of comparison.roles) {
      // the count is every active posting of the role, and the evidence lists exactly those
      const ofRole = active
        .filter((p) => p.role === figure.role)
        .map((p) => p.id)
        .sort();
      expect([...figure.evidence.postingIds].sort()).toEqual(ofRole);
      expect(figure.activePostings).toBe(ofRole.length);
      expect(figure.activePostings).toBeGreaterThan(0);
      // the median recomputes from the USD base pay of the listed postings
      const values = figure.evidence.postingIds
        .map((id) => all.get(id)?.pay)
        .filter((pay) => pay?.kind === "base" && (pay.annualMinUsd !== null || pay.annualMaxUsd !== null))
        .map(
          (pay) => ((pay?.annualMinUsd ?? pay?.annualMaxUsd ?? 0) + (pay?.annualMaxUsd ?? pay?.annualMinUsd ?? 0)) / 2,
        )
        .sort((x, y) => x - y);
      expect(figure.baseSalary.n).toBe(values.length);
      expect(figure.evidence.salaryPostingIds).toHaveLength(values.length);
      const mid = values.length / 2;
      const median = values.length % 2 ? values[Math.floor(mid)] : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
      expect(figure.baseSalary.median).toBe(median);
      expect(figure.baseSalary).toMatchObject({ currency: "USD", period: "year" });
    }
  });

  it("writes the report in Markdown, HTML and JSON, every pay figure recomputable from its evidence", async () => {
    const md = await runCli(["compare", "research engineer", "applied ml engineer", "--db", db]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Research Engineer vs ML Engineer\n\n.*\n\n## Quick answer\n/);
    expect(md.stdout).toMatch(
      /- \*\*Applied ML engineers\*\* \(`ml-engineer`\): median base \*\*\$\d+K\*\* a year \(.*\) across \d+ distinct jobs? from \d+ of \d+ active postings that states? pay/,
    );
    // the replay corpus has no descriptions: the sections that need them say so, in one sentence
    expect(md.stdout).toContain("carries a description, so the postings cannot say what the job involves.");
    expect(md.stdout).not.toMatch(/NaN|undefined|\$null/);

    const html = await runCli(["compare", "Research Engineer", "ML Engineer", "--db", db, "--format", "html"]);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).not.toMatch(/<script|src=/);

    const json = JSON.parse(
      (await runCli(["compare", "Research Engineer", "ML Engineer", "--db", db, "--format", "json"])).stdout,
    ) as {
      roles: {
        role: string;
        activePostings: number;
        jobs: number;
        pay: { n: number; median: number | null; evidence: { postingIds: string[] } };
      }[];
    };
    const all = await allPostings(db);
    for (const figure of json.roles) {
      const jobs = new Map<string, number>();
      for (const id of figure.pay.evidence.postingIds) {
        const p = all.get(id);
        expect([p?.role, p?.closedAt, p?.pay?.kind]).toEqual([figure.role, null, "base"]);
        const key = [p?.company, p?.title, p?.pay?.min, p?.pay?.max, p?.pay?.currency].join("|").toLowerCase();
        jobs.set(key, ((p?.pay?.annualMinUsd ?? 0) + (p?.pay?.annualMaxUsd ?? 0)) / 2);
      }
      const values = [...jobs.values()].sort((x, y) => x - y);
      const mid = Math.floor(values.length / 2);
      const median =
        values.length === 0
          ? null
          : values.length % 2
            ? values[mid]
            : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
      expect([figure.pay.n, figure.pay.median]).toEqual([values.length, median]);
    }

    const role = await runCli(["role", "ML Engineer", "--db", db, "--country", "US"]);
    expect(role.code).toBe(0);
    expect(role.stdout).toMatch(/^# ML Engineer\n\n\*From \d+ active postings? \(active postings in US\)/);
  });
});

describe.skipIf(!HAS_SHARED)("the built command line", () => {
  const bin = new URL("../bin/roledex.js", import.meta.url);
  const built = existsSync(new URL("../dist/crawl/read-board-worker.js", import.meta.url));
  if (!built) console.warn("skipping the built-CLI crawl: dist/ is not built (npm test builds it first)");

  it.skipIf(!built)("crawls through its worker threads the same postings the in-process crawl stores", async () => {
    const replay = await startReplay(["--as-of", T1]);
    const dir = mkdtempSync(join(tmpdir(), "roledex-bin-"));
    try {
      const db = join(dir, "bin.duckdb");
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(bin), "crawl", "--boards", BOARDS, "--db", db, "--format", "json"],
        {
          env: { ...process.env, ...replay.env },
          encoding: "utf8",
        },
      );
      expect(child.status).toBe(0);
      const stored = await allPostings(db);
      expect(new Set(stored.keys())).toEqual(liveIds(T1));
      const ashby = [...stored.values()].find((p) => p.ats === "ashby" && p.pay !== null);
      expect(ashby?.pay?.kind).toBe("base");
    } finally {
      await replay.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
