import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planBoardSync } from "../crawl/lifecycle.ts";
import { htmlToText, unescapeHtml } from "../normalize/html-text.ts";
import { normalizePosting } from "../normalize/posting.ts";
import { CONNECTORS } from "../sources/registry.ts";
import { DuckDBStore } from "../store/duckdb/duckdb-store.ts";
import { type GeneratedBoard, generateCorpus } from "./corpus.ts";

/**
 * Ingest benchmark: parse → normalize → store, in postings per second, on a generated corpus, beside the
 * floor measured in the same run (JSON parse + HTML to text + tokenization alone).
 *
 *   npm run bench [-- --boards 100 --per-board 1000]
 */

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const TOKEN = /[a-z0-9+#.]+/g;

function floor(boards: readonly GeneratedBoard[]): number {
  let tokens = 0;
  for (const b of boards) {
    const payload = JSON.parse(b.body) as { jobs: { content?: string; descriptionHtml?: string; title: string }[] };
    for (const job of payload.jobs) {
      const html = job.content !== undefined ? unescapeHtml(job.content) : (job.descriptionHtml ?? "");
      const text = `${job.title}\n${htmlToText(html)}`.toLowerCase();
      tokens += text.match(TOKEN)?.length ?? 0;
    }
  }
  return tokens;
}

async function ingest(boards: readonly GeneratedBoard[], dbPath: string): Promise<number> {
  const store = await DuckDBStore.open(dbPath);
  let n = 0;
  try {
    for (const b of boards) {
      const board = { ats: b.ats, board: b.board, company: `Bench ${b.board}`, industry: null };
      const read = CONNECTORS[b.ats].readPayload(JSON.parse(b.body), { board });
      const fetched = read.postings.map((p) => normalizePosting(p));
      const at = new Date().toISOString();
      const sync = planBoardSync({ at, stored: await store.boardState(b.ats, b.board), fetched });
      await store.applyBoardSync(board, sync, {
        id: `bench-${b.board}`,
        ats: b.ats,
        board: b.board,
        startedAt: at,
        finishedAt: at,
        status: "ok",
        counts: sync.counts,
        issues: 0,
        errorCode: null,
        errorMessage: null,
      });
      n += fetched.length;
    }
  } finally {
    await store.close();
  }
  return n;
}

async function main() {
  const boardCount = arg("boards", 100);
  const perBoard = arg("per-board", 1000);
  const t0 = performance.now();
  const { boards, fromCorpus } = generateCorpus(boardCount, perBoard);
  const total = boards.reduce((n, b) => n + b.postings, 0);
  const mb = boards.reduce((n, b) => n + b.body.length, 0) / 1e6;
  console.log(
    `corpus: ${total.toLocaleString("en-US")} postings in ${boardCount} boards, ${mb.toFixed(0)} MB of API JSON, ` +
      `${fromCorpus ? "text drawn from ../shared/corpus" : "built-in text (../shared absent)"}; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const f0 = performance.now();
  floor(boards);
  const floorSeconds = (performance.now() - f0) / 1000;

  const dir = mkdtempSync(join(tmpdir(), "roledex-bench-"));
  try {
    const i0 = performance.now();
    const stored = await ingest(boards, join(dir, "bench.duckdb"));
    const ingestSeconds = (performance.now() - i0) / 1000;
    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
    console.log("");
    console.log("stage                                              postings/s   seconds");
    console.log(
      `floor: JSON parse + HTML to text + tokenize        ${rate(total, floorSeconds).padStart(10)}   ${floorSeconds.toFixed(1).padStart(7)}`,
    );
    console.log(
      `ingest: parse + normalize + store (DuckDB file)    ${rate(stored, ingestSeconds).padStart(10)}   ${ingestSeconds.toFixed(1).padStart(7)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
