import { randomUUID } from "node:crypto";
import type { ReportFilters } from "../analytics/filters.ts";
import { buildReport, type Report } from "../analytics/report.ts";
import { type BoardResult, type CrawlEvent, crawlBoards } from "../crawl/crawl.ts";
import { ReaderPool } from "../crawl/reader-pool.ts";
import { RoledexError } from "../domain/errors.ts";
import type { SurveySalary } from "../domain/survey.ts";
import type { Ats, Role } from "../domain/vocab.ts";
import type { CrawlBoard } from "../sources/connector.ts";
import type { BoardStatus, Store, StoredPosting } from "../store/store.ts";
import { type RoleRow, roleIndex } from "../web/pages.ts";

/** A crawl started through the server, and what it has done so far. */
export interface CrawlJob {
  id: string;
  status: "running" | "done";
  startedAt: string;
  finishedAt: string | null;
  boards: number;
  done: number;
  results: BoardResult[];
  /** Set when the crawl stopped as a whole (the database failed), not when single boards did. */
  error: { code: string; message: string } | null;
}

interface Snapshot {
  version: number;
  active: StoredPosting[];
  boards: BoardStatus[];
  survey: SurveySalary[];
}

/**
 * What the server knows: the store (shared with a background crawl), a snapshot of the active postings
 * that is read once per data version, the reports built from it (kept until the data changes), and the
 * crawls started through the API.
 */
export class Service {
  private version = 0;
  private snapshot: Promise<Snapshot> | null = null;
  private readonly reports = new Map<string, Report>();
  private readonly jobs = new Map<string, CrawlJob>();
  private readonly listeners = new Map<string, Set<(event: CrawlEvent | { type: "end"; job: CrawlJob }) => void>>();
  private running: CrawlJob | null = null;
  private reader: ReaderPool | null = null;

  constructor(
    readonly store: Store,
    private readonly baseUrls: Readonly<Record<Ats, string>>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The current snapshot; read again after a crawl or import changed the data. */
  data(): Promise<Snapshot> {
    if (!this.snapshot) {
      const version = this.version;
      this.snapshot = (async () => ({
        version,
        active: await this.store.postings({ activeOnly: true }),
        boards: await this.store.boards(),
        survey: await this.store.surveySalaries({}),
      }))();
      this.snapshot.catch(() => {
        this.snapshot = null;
      });
    }
    return this.snapshot;
  }

  invalidate(): void {
    this.version++;
    this.snapshot = null;
    this.reports.clear();
  }

  async roles(): Promise<RoleRow[]> {
    return roleIndex((await this.data()).active);
  }

  async report(roles: readonly { query: string; role: Role }[], filters: ReportFilters, minN: number): Promise<Report> {
    const data = await this.data();
    const key = JSON.stringify([data.version, roles.map((r) => r.role), filters, minN]);
    const cached = this.reports.get(key);
    if (cached) return cached;
    const report = buildReport({
      queries: roles,
      active: data.active,
      filters,
      minN,
      survey: data.survey,
      boards: data.boards,
      generatedAt: this.now().toISOString(),
    });
    if (this.reports.size > 200) this.reports.clear();
    this.reports.set(key, report);
    return report;
  }

  /** Start a crawl in the background; one at a time (the database has one writer). */
  startCrawl(boards: readonly CrawlBoard[]): CrawlJob {
    if (this.running) throw new RoledexError("E_CONFLICT", `crawl ${this.running.id} is still running`);
    const job: CrawlJob = {
      id: randomUUID(),
      status: "running",
      startedAt: this.now().toISOString(),
      finishedAt: null,
      boards: boards.length,
      done: 0,
      results: [],
      error: null,
    };
    this.jobs.set(job.id, job);
    this.running = job;
    this.reader ??= new ReaderPool();
    const emit = (event: CrawlEvent | { type: "end"; job: CrawlJob }) => {
      for (const listener of this.listeners.get(job.id) ?? []) listener(event);
    };
    crawlBoards({
      boards,
      store: this.store,
      baseUrls: this.baseUrls,
      reader: this.reader,
      onEvent: (event) => {
        if (event.type === "board") {
          job.done = event.done;
          job.results.push(event.result);
        }
        emit(event);
      },
    })
      .catch((error: unknown) => {
        job.error = {
          code: error instanceof RoledexError ? error.code : "E_INTERNAL",
          message: error instanceof Error ? error.message : String(error),
        };
      })
      .finally(() => {
        job.status = "done";
        job.finishedAt = this.now().toISOString();
        this.running = null;
        this.invalidate();
        emit({ type: "end", job });
      });
    return job;
  }

  crawl(id: string): CrawlJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** Hear a crawl's events until it ends; returns the function that stops listening. */
  listen(id: string, listener: (event: CrawlEvent | { type: "end"; job: CrawlJob }) => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  async close(): Promise<void> {
    await this.reader?.close();
  }
}
