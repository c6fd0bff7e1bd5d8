import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { knownHashes, planBoardSync, type StoredState } from "../crawl/lifecycle.ts";
import type { BoardReading } from "../crawl/read-board.ts";
import { ReaderPool } from "../crawl/reader-pool.ts";
import { htmlToText, unescapeHtml } from "../normalize/html-text.ts";
import { NORMALIZER_VERSION } from "../normalize/posting.ts";
import type { CrawlBoard } from "../sources/connector.ts";
import { DuckDBStore } from "../store/duckdb/duckdb-store.ts";
import { type GeneratedBoard, generateCorpus } from "./corpus.ts";
import { benchRun, stageTimes } from "./stages.ts";

/**
 * Ingest benchmark: parse → normalize → store, in postings per second, on a generated corpus of realistic
 * postings, beside the floor measured in the same run (JSON parse + HTML to text + tokenization alone, on
 * one thread). Ingest reads boards on one worker thread per core (as `roledex crawl` does) and writes
 * them to a DuckDB file on the main thread.
 *
 *   npm run bench [-- --boards 100 --per-board 1000 --threads N]
 *   npm run bench -- --stages    # also: where one posting's time goes, stage by stage (first 10 boards)
 */

/** A whole-number option of at least 1, else a one-line usage error and exit code 2. */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (Number.isInteger(value) && value >= 1) return value;
  console.error(`bench: E_USAGE --${name} takes a whole number of at least 1, not ${process.argv[i + 1] ?? "nothing"}`);
  process.exit(2);
};

const TOKEN = /[a-z0-9+#.]+/g;

/** What no ingest can avoid: parse the JSON, turn each description into text, and tokenize it. */
function floor(boards: readonly GeneratedBoard[]): void {
  let tokens = 0;
  for (const b of boards) {
    const payload = JSON.parse(b.body) as {
      jobs: { content?: string; descriptionHtml?: string; descriptionPlain?: string; title: string }[];
    };
    for (const job of payload.jobs) {
      const text =
        job.descriptionPlain ||
        htmlToText(job.content !== undefined ? unescapeHtml(job.content) : (job.descriptionHtml ?? ""));
      tokens += `${job.title}\n${text}`.toLowerCase().match(TOKEN)?.length ?? 0;
    }
  }
  if (tokens === 0) throw new Error("the corpus has no text");
}

/**
 * Every board read on the reader's threads, `reader.threads + 2` boards ahead, each reading handed to
 * `use` in board order: how `roledex crawl` overlaps reading with writing.
 */
async function readAhead(
  boards: readonly GeneratedBoard[],
  reader: ReaderPool,
  known: (i: number) => Record<string, string> | undefined,
  use: (reading: BoardReading & { ok: true }, i: number) => Promise<void>,
): Promise<void> {
  const inFlight: Promise<BoardReading>[] = [];
  let next = 0;
  for (const [i, b] of boards.entries()) {
    while (next < boards.length && inFlight.length < reader.threads + 2) {
      const ahead = boards[next] as GeneratedBoard;
      const hashes = known(next++);
      const task = { board: asBoard(ahead), body: ahead.body };
      inFlight.push(reader.read(hashes ? { ...task, known: hashes } : task));
    }
    const reading = await inFlight.shift();
    if (!reading?.ok) throw new Error(`bench board ${b.board}: ${reading?.ok === false ? reading.message : "missing"}`);
    await use(reading, i);
  }
}

const asBoard = (b: GeneratedBoard): CrawlBoard => ({
  ats: b.ats,
  board: b.board,
  company: `Bench ${b.board}`,
  industry: "ai-lab",
});

/**
 * One crawl of every board into the store at dbPath, as `roledex crawl` does it: the board's stored state is
 * read first, so that postings listed exactly as stored are not normalized again; boards are read ahead on
 * the worker threads while the main thread writes the previous ones.
 */
async function ingest(boards: readonly GeneratedBoard[], dbPath: string, reader: ReaderPool): Promise<number> {
  const store = await DuckDBStore.open(dbPath);
  let listed = 0;
  try {
    const stored: StoredState[][] = [];
    for (const b of boards) stored.push(await store.boardState(b.ats, b.board));
    await readAhead(
      boards,
      reader,
      (i) => knownHashes(stored[i] ?? [], NORMALIZER_VERSION),
      async (reading, i) => {
        const b = boards[i] as GeneratedBoard;
        const at = new Date().toISOString();
        const sync = planBoardSync({
          at,
          stored: stored[i] ?? [],
          fetched: reading.postings,
          unchanged: reading.unchanged,
        });
        await store.applyBoardSync(asBoard(b), sync, benchRun(b, sync, reading.issues.length));
        listed += sync.counts.fetched;
      },
    );
  } finally {
    await store.close();
  }
  return listed;
}

/** The same reading with nothing stored: the ceiling the readers alone set on ingest. */
async function readOnly(boards: readonly GeneratedBoard[], reader: ReaderPool): Promise<number> {
  let read = 0;
  await readAhead(
    boards,
    reader,
    () => undefined,
    async (reading) => {
      read += reading.postings.length;
    },
  );
  return read;
}

async function main() {
  const boardCount = arg("boards", 100);
  const perBoard = arg("per-board", 1000);
  const threads = arg("threads", availableParallelism());
  const t0 = performance.now();
  const { boards, fromCorpus } = generateCorpus(boardCount, perBoard);
  const total = boards.reduce((n, b) => n + b.postings, 0);
  const mb = boards.reduce((n, b) => n + b.body.length, 0) / 1e6;
  console.log(
    `corpus: ${total.toLocaleString("en-US")} postings in ${boardCount} boards, ${mb.toFixed(0)} MB of API JSON, ` +
      `${fromCorpus ? "text drawn from ../shared/corpus" : "built-in text (../shared absent)"}; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `machine: ${availableParallelism()} cores, Node ${process.version}; ingest reads on ${threads} worker threads`,
  );

  const f0 = performance.now();
  floor(boards);
  const floorSeconds = (performance.now() - f0) / 1000;

  const startup = await readerStartup(boards, threads);
  const dir = mkdtempSync(join(tmpdir(), "roledex-bench-"));
  if (process.argv.includes("--stages")) {
    const sample = boards.slice(0, 10);
    const n = sample.reduce((k, b) => k + b.postings, 0);
    console.log("");
    console.log(
      `${`stage, one thread (${n.toLocaleString("en-US")} postings, best of 3)`.padEnd(58)}${"µs/posting".padStart(10)}`,
    );
    for (const [label, us] of await stageTimes(sample, dir))
      console.log(`${label.padEnd(58)}${us.toFixed(1).padStart(10)}`);
  }
  const reader = new ReaderPool(threads);
  try {
    // First crawl: every posting is new. Second crawl of the same answers: every posting is unchanged.
    const first = await timed(() => ingest(boards, join(dir, "bench.duckdb"), reader));
    const again = await timed(() => ingest(boards, join(dir, "bench.duckdb"), reader));
    const reading = await timed(() => readOnly(boards, reader));
    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
    const row = (label: string, n: number, s: number, cpu = "") =>
      console.log(`${label.padEnd(58)}${rate(n, s).padStart(10)}${s.toFixed(1).padStart(10)}${cpu.padStart(12)}`);
    const cpu = (run: Timed) => `${Math.round(run.cpuMicros / run.postings).toLocaleString("en-US")} µs`;
    console.log("");
    console.log(
      `${"stage".padEnd(58)}${"postings/s".padStart(10)}${"seconds".padStart(10)}${"CPU/posting".padStart(12)}`,
    );
    row("floor: JSON parse + HTML to text + tokenize (1 thread)", total, floorSeconds);
    row(
      `ingest: parse + normalize + store in DuckDB (${reader.threads} readers)`,
      first.postings,
      first.seconds,
      cpu(first),
    );
    row("re-crawl of the same answers: nothing changed", again.postings, again.seconds, cpu(again));
    row(
      `read only: parse + normalize, nothing stored (${reader.threads} readers)`,
      reading.postings,
      reading.seconds,
      cpu(reading),
    );
    console.log("");
    if (startup !== null) {
      console.log(
        `Starting ${threads} reader threads (loading modules and tables, building the gazetteer) costs ${(startup / 1e6).toFixed(1)} s of CPU, paid once per crawl and included in the ingest row.`,
      );
    }
    console.log(
      `CPU/posting is user + system time of all threads; the first ingest kept ${(first.cpuMicros / 1e6 / first.seconds).toFixed(2)} of ${availableParallelism()} cores busy on average.`,
    );
  } finally {
    await reader.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU spent starting a pool of reader threads and reading one posting on each: the fixed cost of a crawl.
 * Null on one thread, where reading happens on this thread and measuring would warm it for the ingest.
 */
async function readerStartup(boards: readonly GeneratedBoard[], threads: number): Promise<number | null> {
  if (threads < 2) return null;
  const first = boards[0] as GeneratedBoard;
  const payload = JSON.parse(first.body) as { jobs: unknown[] };
  const body = JSON.stringify({ ...payload, jobs: payload.jobs.slice(0, 1) });
  const cpu0 = process.cpuUsage();
  const pool = new ReaderPool(threads);
  try {
    await Promise.all(Array.from({ length: pool.threads }, () => pool.read({ board: asBoard(first), body })));
  } finally {
    await pool.close();
  }
  const cpu = process.cpuUsage(cpu0);
  return cpu.user + cpu.system;
}

interface Timed {
  postings: number;
  seconds: number;
  cpuMicros: number;
}

async function timed(run: () => Promise<number>): Promise<Timed> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const postings = await run();
  const cpu = process.cpuUsage(cpu0);
  return { postings, seconds: (performance.now() - t0) / 1000, cpuMicros: cpu.user + cpu.system };
}

await main();
