import {
  BOOLEAN,
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBTimestampValue,
  type DuckDBType,
  INTEGER,
  VARCHAR,
} from "@duckdb/node-api";
import type { BoardSync, StoredState } from "../../crawl/lifecycle.ts";
import { RoledexError } from "../../domain/errors.ts";
import type { NormalizedPosting, Pay } from "../../domain/posting.ts";
import type { Ats } from "../../domain/vocab.ts";
import type { BoardRef } from "../../sources/connector.ts";
import type { BoardStatus, CrawlRun, PostingFilter, Store, StoredPosting } from "../store.ts";
import { MIGRATIONS } from "./migrations.ts";

type Kind = "varchar" | "double" | "boolean" | "timestamp" | "json";
type Value = string | number | boolean | null;

/** The postings columns written from a NormalizedPosting, in table order; first_seen, last_seen, closed_at and raw follow. */
const POSTING_COLUMNS: readonly [string, Kind, (p: NormalizedPosting) => Value][] = [
  ["id", "varchar", (p) => p.id],
  ["ats", "varchar", (p) => p.ats],
  ["board", "varchar", (p) => p.board],
  ["source_id", "varchar", (p) => p.sourceId],
  ["company", "varchar", (p) => p.company],
  ["title", "varchar", (p) => p.title],
  ["team", "varchar", (p) => p.team],
  ["department", "varchar", (p) => p.department],
  ["location_raw", "varchar", (p) => p.locationRaw],
  ["locations", "json", (p) => JSON.stringify(p.locations)],
  ["workplace", "varchar", (p) => p.workplace],
  ["employment_type", "varchar", (p) => p.employmentType],
  ["url", "varchar", (p) => p.url],
  ["published_at", "varchar", (p) => p.publishedAt],
  ["source_updated_at", "varchar", (p) => p.sourceUpdatedAt],
  ["description_text", "varchar", (p) => p.descriptionText],
  ["pay_text", "varchar", (p) => p.payText],
  ["pay_structured", "json", (p) => JSON.stringify(p.payStructured)],
  ["pay_min", "double", (p) => p.pay?.min ?? null],
  ["pay_max", "double", (p) => p.pay?.max ?? null],
  ["pay_currency", "varchar", (p) => p.pay?.currency ?? null],
  ["pay_period", "varchar", (p) => p.pay?.period ?? null],
  ["pay_annual_min", "double", (p) => p.pay?.annualMin ?? null],
  ["pay_annual_max", "double", (p) => p.pay?.annualMax ?? null],
  ["pay_kind", "varchar", (p) => p.pay?.kind ?? null],
  ["pay_equity", "boolean", (p) => p.pay?.equity ?? null],
  ["pay_raw", "varchar", (p) => p.pay?.raw ?? null],
  ["role", "varchar", (p) => p.role],
  ["role_confidence", "double", (p) => p.roleConfidence],
  ["seniority", "varchar", (p) => p.seniority],
  ["evidence", "json", (p) => JSON.stringify(p.evidence)],
  ["taxonomy_version", "varchar", (p) => p.taxonomyVersion],
  ["normalizer_version", "varchar", (p) => p.normalizerVersion],
  ["content_hash", "varchar", (p) => p.contentHash],
];

const ISO = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

const timestamp = (iso: string) => new DuckDBTimestampValue(BigInt(Date.parse(iso)) * 1000n);

function append(appender: DuckDBAppender, kind: Kind, value: Value): void {
  if (value === null) appender.appendNull();
  else if (kind === "double") appender.appendDouble(value as number);
  else if (kind === "boolean") appender.appendBoolean(value as boolean);
  else if (kind === "timestamp") appender.appendTimestamp(timestamp(value as string));
  else appender.appendVarchar(String(value));
}

/** Parameter types for values, so NULLs bind (DuckDB cannot bind an untyped NULL). */
function typesOf(values: readonly Value[]): DuckDBType[] {
  return values.map((v) =>
    typeof v === "number" ? (Number.isInteger(v) ? INTEGER : DOUBLE) : typeof v === "boolean" ? BOOLEAN : VARCHAR,
  );
}

/** Turns the driver's messages into our codes: the driver has no error codes, so the edge reads its text. */
function openError(path: string, error: unknown): RoledexError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock|Conflicting lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return new RoledexError(
      "E_DB_LOCKED",
      `${path} is in use by another process${pid ? ` (PID ${pid})` : ""}; DuckDB allows one process per database file. Stop it, or use another --db`,
      { cause: error },
    );
  }
  return new RoledexError("E_DB_OPEN", `cannot open database ${path}: ${message.replace(/^IO Error: /, "")}`, {
    cause: error,
  });
}

export class DuckDBStore implements Store {
  readonly backend = "duckdb";

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
  ) {}

  /** Open (creating if needed) a database file, or ":memory:", and bring its schema up to date. */
  static async open(path: string): Promise<DuckDBStore> {
    let instance: DuckDBInstance | undefined;
    try {
      instance = await DuckDBInstance.create(path);
      const store = new DuckDBStore(instance, await instance.connect());
      await store.migrate();
      return store;
    } catch (error) {
      instance?.closeSync();
      throw error instanceof RoledexError ? error : openError(path, error);
    }
  }

  private async migrate(): Promise<void> {
    await this.db.run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
    );
    const rows = await this.rows("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r) => Number(r.version)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await this.transaction(async () => {
        await this.db.run(migration.sql);
        await this.exec("INSERT INTO schema_migrations VALUES ($1, $2, now())", [migration.version, migration.name]);
      });
    }
  }

  private async exec(sql: string, values: Value[] = []): Promise<void> {
    await this.db.run(sql, values, typesOf(values));
  }

  private async rows(sql: string, values: Value[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.db.runAndReadAll(sql, values, typesOf(values));
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.db.run("BEGIN TRANSACTION");
    try {
      const result = await work();
      await this.db.run("COMMIT");
      return result;
    } catch (error) {
      await this.db.run("ROLLBACK");
      throw error instanceof RoledexError
        ? error
        : new RoledexError("E_DB", `database write failed: ${String(error)}`, { cause: error });
    }
  }

  async boardState(ats: Ats, board: string): Promise<StoredState[]> {
    const rows = await this.rows(
      `SELECT id, content_hash, normalizer_version, ${ISO("closed_at")} AS closed_at FROM postings WHERE ats = $1 AND board = $2`,
      [ats, board],
    );
    return rows.map((r) => ({
      id: String(r.id),
      contentHash: String(r.content_hash),
      normalizerVersion: String(r.normalizer_version),
      closedAt: (r.closed_at as string | null) ?? null,
    }));
  }

  async applyBoardSync(board: BoardRef, sync: BoardSync, run: CrawlRun): Promise<void> {
    await this.transaction(async () => {
      if (sync.insert.length > 0) await this.appendPostings("postings", sync.insert, sync.at);
      if (sync.update.length > 0) {
        await this.db.run("CREATE OR REPLACE TEMP TABLE posting_updates AS SELECT * FROM postings LIMIT 0");
        await this.appendPostings("posting_updates", sync.update, sync.at);
        const set = POSTING_COLUMNS.filter(([name]) => name !== "id")
          .map(([name]) => `${name} = u.${name}`)
          .join(", ");
        await this.db.run(
          `UPDATE postings SET ${set}, raw = u.raw, last_seen = u.last_seen, closed_at = NULL FROM posting_updates u WHERE postings.id = u.id`,
        );
        await this.db.run("DROP TABLE posting_updates");
      }
      if (sync.touch.length > 0) {
        await this.withIds(
          sync.touch,
          "UPDATE postings SET last_seen = $1::TIMESTAMP, closed_at = NULL WHERE id IN (SELECT id FROM sync_ids)",
          [sync.at],
        );
      }
      if (sync.close.length > 0) {
        await this.withIds(
          sync.close,
          "UPDATE postings SET closed_at = $1::TIMESTAMP WHERE id IN (SELECT id FROM sync_ids)",
          [sync.at],
        );
      }
      await this.upsertBoard(board, run);
      await this.insertRun(run);
    });
  }

  async recordFailedCrawl(board: BoardRef, run: CrawlRun): Promise<void> {
    await this.transaction(async () => {
      await this.upsertBoard(board, run);
      await this.insertRun(run);
    });
  }

  private async appendPostings(table: string, postings: readonly NormalizedPosting[], at: string): Promise<void> {
    const appender = await this.db.createAppender(table);
    for (const p of postings) {
      for (const [, kind, get] of POSTING_COLUMNS) append(appender, kind, get(p));
      append(appender, "timestamp", at); // first_seen (ignored on update)
      append(appender, "timestamp", at); // last_seen
      append(appender, "timestamp", null); // closed_at
      append(appender, "json", JSON.stringify(p.raw ?? null));
      appender.endRow();
    }
    appender.closeSync();
  }

  private async withIds(ids: readonly string[], sql: string, values: Value[]): Promise<void> {
    await this.db.run("CREATE OR REPLACE TEMP TABLE sync_ids (id VARCHAR)");
    const appender = await this.db.createAppender("sync_ids");
    for (const id of ids) {
      appender.appendVarchar(id);
      appender.endRow();
    }
    appender.closeSync();
    await this.exec(sql, values);
    await this.db.run("DROP TABLE sync_ids");
  }

  private async upsertBoard(board: BoardRef, run: CrawlRun): Promise<void> {
    const ok = run.status === "ok";
    await this.exec(
      `INSERT INTO boards VALUES ($1, $2, $3, $4, $5::TIMESTAMP, $6::TIMESTAMP, $7, $8)
       ON CONFLICT (ats, board) DO UPDATE SET
         company = COALESCE(excluded.company, boards.company),
         industry = COALESCE(excluded.industry, boards.industry),
         last_crawl_at = excluded.last_crawl_at,
         last_success_at = COALESCE(excluded.last_success_at, boards.last_success_at),
         last_status = excluded.last_status,
         last_error = excluded.last_error`,
      [
        board.ats,
        board.board,
        board.company,
        board.industry,
        run.finishedAt,
        ok ? run.finishedAt : null,
        run.status,
        ok ? null : `${run.errorCode}: ${run.errorMessage}`,
      ],
    );
  }

  private async insertRun(run: CrawlRun): Promise<void> {
    const c = run.counts;
    await this.exec(
      "INSERT INTO crawl_runs VALUES ($1, $2, $3, $4::TIMESTAMP, $5::TIMESTAMP, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
      [
        run.id,
        run.ats,
        run.board,
        run.startedAt,
        run.finishedAt,
        run.status,
        c?.fetched ?? null,
        c?.new ?? null,
        c?.updated ?? null,
        c?.reopened ?? null,
        c?.closed ?? null,
        c?.unchanged ?? null,
        run.issues,
        run.errorCode,
        run.errorMessage,
      ],
    );
  }

  async postings(filter: PostingFilter = {}): Promise<StoredPosting[]> {
    const where: string[] = [];
    const values: Value[] = [];
    const param = (v: Value) => {
      values.push(v);
      return `$${values.length}`;
    };
    if (filter.activeOnly ?? true) where.push("p.closed_at IS NULL");
    if (filter.ats) where.push(`p.ats = ${param(filter.ats)}`);
    if (filter.board) where.push(`p.board = ${param(filter.board)}`);
    if (filter.roles && filter.roles.length > 0) where.push(`p.role IN (${filter.roles.map(param).join(", ")})`);
    return this.selectPostings(where, values, filter.withRaw ?? false);
  }

  async posting(id: string): Promise<StoredPosting | null> {
    return (await this.selectPostings(["p.id = $1"], [id], true))[0] ?? null;
  }

  private async selectPostings(where: string[], values: Value[], withRaw: boolean): Promise<StoredPosting[]> {
    const columns = POSTING_COLUMNS.map(([name]) => `p.${name}`).join(", ");
    const rows = await this.rows(
      `SELECT ${columns}, b.industry, ${ISO("p.first_seen")} AS first_seen, ${ISO("p.last_seen")} AS last_seen,
              ${ISO("p.closed_at")} AS closed_at${withRaw ? ", p.raw" : ""}
       FROM postings p LEFT JOIN boards b ON b.ats = p.ats AND b.board = p.board
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY p.id`,
      values,
    );
    return rows.map((r) => toStoredPosting(r, withRaw));
  }

  async boards(): Promise<BoardStatus[]> {
    const rows = await this.rows(
      `SELECT b.ats, b.board, b.company, b.industry, ${ISO("b.last_crawl_at")} AS last_crawl_at,
              ${ISO("b.last_success_at")} AS last_success_at, b.last_status, b.last_error,
              (SELECT count(*) FROM postings p WHERE p.ats = b.ats AND p.board = b.board AND p.closed_at IS NULL) AS active
       FROM boards b ORDER BY b.ats, b.board`,
    );
    return rows.map((r) => ({
      ats: r.ats as Ats,
      board: String(r.board),
      company: (r.company as string | null) ?? null,
      industry: (r.industry as string | null) ?? null,
      lastCrawlAt: (r.last_crawl_at as string | null) ?? null,
      lastSuccessAt: (r.last_success_at as string | null) ?? null,
      lastStatus: (r.last_status as "ok" | "failed" | null) ?? null,
      lastError: (r.last_error as string | null) ?? null,
      activePostings: Number(r.active),
    }));
  }

  async crawlRuns(limit = 100): Promise<CrawlRun[]> {
    const rows = await this.rows(
      `SELECT *, ${ISO("started_at")} AS started, ${ISO("finished_at")} AS finished FROM crawl_runs
       ORDER BY finished_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      ats: r.ats as Ats,
      board: String(r.board),
      startedAt: String(r.started),
      finishedAt: String(r.finished),
      status: r.status as "ok" | "failed",
      counts:
        r.status === "ok"
          ? {
              fetched: Number(r.fetched),
              new: Number(r.new),
              updated: Number(r.updated),
              reopened: Number(r.reopened),
              closed: Number(r.closed),
              unchanged: Number(r.unchanged),
            }
          : null,
      issues: Number(r.issues),
      errorCode: (r.error_code as CrawlRun["errorCode"]) ?? null,
      errorMessage: (r.error_message as string | null) ?? null,
    }));
  }

  async close(): Promise<void> {
    this.db.closeSync();
    this.instance.closeSync();
  }
}

const json = <T>(value: unknown, fallback: T): T => (typeof value === "string" ? (JSON.parse(value) as T) : fallback);
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toStoredPosting(r: Record<string, unknown>, withRaw: boolean): StoredPosting {
  const pay: Pay | null =
    r.pay_kind === null
      ? null
      : {
          min: num(r.pay_min),
          max: num(r.pay_max),
          currency: str(r.pay_currency),
          period: r.pay_period as Pay["period"],
          annualMin: num(r.pay_annual_min),
          annualMax: num(r.pay_annual_max),
          kind: r.pay_kind as Pay["kind"],
          equity: r.pay_equity === true,
          raw: String(r.pay_raw ?? ""),
        };
  return {
    id: String(r.id),
    ats: r.ats as Ats,
    board: String(r.board),
    sourceId: String(r.source_id),
    company: str(r.company),
    title: String(r.title),
    team: str(r.team),
    department: str(r.department),
    locationRaw: str(r.location_raw),
    locations: json<string[]>(r.locations, []),
    workplace: str(r.workplace) as StoredPosting["workplace"],
    employmentType: str(r.employment_type),
    url: str(r.url),
    publishedAt: str(r.published_at),
    sourceUpdatedAt: str(r.source_updated_at),
    descriptionText: str(r.description_text),
    payText: str(r.pay_text),
    payStructured: json<Pay[]>(r.pay_structured, []),
    pay,
    role: r.role as StoredPosting["role"],
    roleConfidence: Number(r.role_confidence),
    seniority: r.seniority as StoredPosting["seniority"],
    evidence: json<string[]>(r.evidence, []),
    taxonomyVersion: String(r.taxonomy_version),
    normalizerVersion: String(r.normalizer_version),
    contentHash: String(r.content_hash),
    industry: str(r.industry),
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
    closedAt: str(r.closed_at),
    raw: withRaw ? json<unknown>(r.raw, null) : undefined,
  };
}
