import { rmSync } from "node:fs";
import { join } from "node:path";
import { type BoardSync, planBoardSync } from "../crawl/lifecycle.ts";
import type { NormalizedPosting, SourcePosting } from "../domain/posting.ts";
import { classifyTitle } from "../normalize/classify-title.ts";
import { parseEducation } from "../normalize/education.ts";
import { parseExperienceYears } from "../normalize/experience.ts";
import { parseLocation } from "../normalize/location.ts";
import { parsePayText } from "../normalize/pay.ts";
import { contentHash, normalizePosting } from "../normalize/posting.ts";
import { matchSkills } from "../normalize/skills.ts";
import { CONNECTORS } from "../sources/registry.ts";
import { DuckDBStore } from "../store/duckdb/duckdb-store.ts";
import type { CrawlRun } from "../store/store.ts";
import type { GeneratedBoard } from "./corpus.ts";

/**
 * Where one posting's ingest time goes, stage by stage, on one thread: each stage runs over the same
 * postings, warmed up once, best of three rounds (other work on the machine only ever adds time).
 */
export async function stageTimes(boards: readonly GeneratedBoard[], dir: string): Promise<[string, number][]> {
  const count = boards.reduce((n, b) => n + b.postings, 0);
  const best = (work: () => void) => {
    work();
    let ms = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      work();
      ms = Math.min(ms, performance.now() - started);
    }
    return (ms * 1000) / count;
  };
  const context = (b: GeneratedBoard) => ({
    board: { ats: b.ats, board: b.board, company: `Bench ${b.board}`, industry: "ai-lab" as const },
  });
  const payloads: unknown[] = [];
  const sources: SourcePosting[] = [];
  const each = (work: (p: SourcePosting, text: string) => unknown) => () => {
    for (const p of sources) work(p, p.descriptionText ?? "");
  };
  const rows: [string, number][] = [
    ["JSON parse", best(() => payloads.splice(0, payloads.length, ...boards.map((b) => JSON.parse(b.body))))],
    [
      "connector: validate, map, HTML to text, structured pay",
      best(() => {
        sources.length = 0;
        boards.forEach((b, i) => {
          for (const p of CONNECTORS[b.ats].readPayload(payloads[i], context(b)).postings) sources.push(p);
        });
      }),
    ],
    [
      "role and seniority",
      best(
        each((p) =>
          classifyTitle({ title: p.title, team: p.team, department: p.department, description: p.descriptionText }),
        ),
      ),
    ],
    [
      "location and workplace",
      best(
        each((p, text) =>
          parseLocation({
            text: p.locationRaw,
            more: p.locations,
            structuredWorkplace: p.workplace,
            description: text,
          }),
        ),
      ),
    ],
    [
      "pay in description text (every posting)",
      best(each((p, text) => parsePayText(text, { location: p.locationRaw }))),
    ],
    ["education", best(each((_p, text) => parseEducation(text)))],
    ["experience", best(each((_p, text) => parseExperienceYears(text)))],
    ["skills", best(each((_p, text) => matchSkills(text)))],
    ["content hash", best(each((p) => contentHash(p)))],
  ];
  const normalized: NormalizedPosting[] = [];
  rows.push([
    "normalizePosting: all of the above that applies, together",
    best(() => {
      normalized.length = 0;
      for (const p of sources) normalized.push(normalizePosting(p, { presetIndustry: "ai-lab" }));
    }),
  ]);
  // The write, as a crawl does it: one transaction per board into a fresh file, closed (checkpointed) at the end.
  const path = join(dir, "stages.duckdb");
  rmSync(path, { force: true });
  const store = await DuckDBStore.open(path);
  const started = performance.now();
  let offset = 0;
  for (const b of boards) {
    const fetched = normalized.slice(offset, offset + b.postings);
    offset += b.postings;
    const at = new Date().toISOString();
    const sync = planBoardSync({ at, stored: [], fetched });
    await store.applyBoardSync(context(b).board, sync, benchRun(b, sync, 0));
  }
  await store.close();
  rows.push(["DuckDB write, commit per board, checkpoint at close", ((performance.now() - started) * 1000) / count]);
  return rows;
}

/** The crawl-run record of a benchmark board's successful read. */
export function benchRun(b: GeneratedBoard, sync: BoardSync, issues: number): CrawlRun {
  return {
    id: `bench-${b.board}-${sync.at}`,
    ats: b.ats,
    board: b.board,
    startedAt: sync.at,
    finishedAt: sync.at,
    status: "ok",
    counts: sync.counts,
    issues,
    errorCode: null,
    errorMessage: null,
  };
}
