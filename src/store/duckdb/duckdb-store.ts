import { randomUUID } from "node:crypto";
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
import type { SurveySalary } from "../../domain/survey.ts";
import type { SourceKind } from "../../domain/vocab.ts";
import type { BoardRef } from "../../sources/connector.ts";
import type {
  BoardStatus,
  CrawlRun,
  PostingFilter,
  PostingSearch,
  Store,
  StoredPosting,
  SurveyFilter,
} from "../store.ts";
import { MIGRATIONS } from "./migrations.ts";

type Kind = "varchar" | "integer" | "double" | "boolean" | "timestamp" | "json";
type Value = string | number | boolean | null;

const json = (value: unknown) => JSON.stringify(value);

/** The postings columns written from a NormalizedPosting; first_seen, last_seen and raw are set apart. */
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
  ["locations", "json", (p) => json(p.locations)],
  ["workplace", "varchar", (p) => p.workplace],
  ["employment_type", "varchar", (p) => p.employmentType],
  ["url", "varchar", (p) => p.url],
  ["published_at", "varchar", (p) => p.publishedAt],
  ["source_updated_at", "varchar", (p) => p.sourceUpdatedAt],
  ["description_text", "varchar", (p) => p.descriptionText],
  ["pay_text", "varchar", (p) => p.payText],
  ["pay_structured", "json", (p) => json(p.payStructured)],
  ["pay_min", "double", (p) => p.pay?.min ?? null],
  ["pay_max", "double", (p) => p.pay?.max ?? null],
  ["pay_currency", "varchar", (p) => p.pay?.currency ?? null],
  ["pay_period", "varchar", (p) => p.pay?.period ?? null],
  ["pay_annual_min", "double", (p) => p.pay?.annualMin ?? null],
  ["pay_annual_max", "double", (p) => p.pay?.annualMax ?? null],
  ["pay_annual_min_usd", "double", (p) => p.pay?.annualMinUsd ?? null],
  ["pay_annual_max_usd", "double", (p) => p.pay?.annualMaxUsd ?? null],
  ["pay_fx", "json", (p) => (p.pay?.fx ? json(p.pay.fx) : null)],
  ["pay_kind", "varchar", (p) => p.pay?.kind ?? null],
  ["pay_equity", "boolean", (p) => p.pay?.equity ?? null],
  ["pay_raw", "varchar", (p) => p.pay?.raw ?? null],
  ["role", "varchar", (p) => p.role],
  ["role_confidence", "double", (p) => p.roleConfidence],
  ["seniority", "varchar", (p) => p.seniority],
  ["evidence", "json", (p) => json(p.evidence)],
  ["taxonomy_version", "varchar", (p) => p.taxonomyVersion],
  ["places", "json", (p) => json(p.places)],
  ["metros", "json", (p) => json(p.metros)],
  ["skills", "json", (p) => json(p.skills)],
  ["education_required", "varchar", (p) => p.education.required],
  ["education_preferred", "varchar", (p) => p.education.preferred],
  ["experience_min", "double", (p) => p.experienceYears?.min ?? null],
  ["experience_max", "double", (p) => p.experienceYears?.max ?? null],
  ["industry", "varchar", (p) => p.industry],
  ["industry_source", "varchar", (p) => p.industrySource],
  ["issues", "json", (p) => json(p.issues)],
  ["normalizer_version", "varchar", (p) => p.normalizerVersion],
  ["content_hash", "varchar", (p) => p.contentHash],
];
/** The survey_salaries columns written from a SurveySalary; source, import_id, imported_at and ordinal are set apart. */
const SURVEY_COLUMNS: readonly [string, Kind, (s: SurveySalary) => Value][] = [
  ["work_year", "integer", (s) => s.workYear],
  ["experience_level", "varchar", (s) => s.experienceLevel],
  ["employment_type", "varchar", (s) => s.employmentType],
  ["job_title", "varchar", (s) => s.jobTitle],
  ["salary_usd", "double", (s) => s.salaryUsd],
  ["salary", "double", (s) => s.salary],
  ["salary_currency", "varchar", (s) => s.salaryCurrency],
  ["employee_residence", "varchar", (s) => s.employeeResidence],
  ["company_location", "varchar", (s) => s.companyLocation],
  ["remote_ratio", "integer", (s) => s.remoteRatio],
  ["company_size", "varchar", (s) => s.companySize],
  ["role", "varchar", (s) => s.role],
  ["seniority", "varchar", (s) => s.seniority],
  ["taxonomy_version", "varchar", (s) => s.taxonomyVersion],
];
const SURVEY_LIST = SURVEY_COLUMNS.map(([name]) => name).join(", ");

const SQL_TYPE: Record<Kind, string> = {
  varchar: "VARCHAR",
  integer: "INTEGER",
  double: "DOUBLE",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP",
  json: "JSON",
};
/** How one column of postings is written from a posting stamped `at`. */
type ColumnWriter = readonly [name: string, kind: Kind, get: (p: NormalizedPosting, at: string) => Value];

/** Every postings column a posting fills: its fields, lifecycle stamps (closed_at starts null) and raw item. */
const WRITERS = new Map<string, ColumnWriter>(
  (
    [
      ...POSTING_COLUMNS.map(([name, kind, get]): ColumnWriter => [name, kind, (p) => get(p)]),
      ["first_seen", "timestamp", (_p, at) => at],
      ["last_seen", "timestamp", (_p, at) => at],
      ["closed_at", "timestamp", () => null],
      ["raw", "json", (p) => json(p.raw ?? null)],
    ] satisfies ColumnWriter[]
  ).map((w): [string, ColumnWriter] => [w[0], w]),
);

const ISO = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

const timestamp = (iso: string) => new DuckDBTimestampValue(BigInt(Date.parse(iso)) * 1000n);

function append(appender: DuckDBAppender, kind: Kind, value: Value): void {
  if (value === null) appender.appendNull();
  else if (kind === "double") appender.appendDouble(value as number);
  else if (kind === "integer") appender.appendInteger(value as number);
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

  /** The postings table's columns in table order (migrations append columns), as the appender needs them. */
  private postingColumns: readonly ColumnWriter[] = [];

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
      // One crawl of a board is one transaction of megabytes; checkpointing every 16 MB (the default) in
      // the middle of an ingest compresses the same data over and over. The WAL is folded in at close.
      await store.db.run("SET checkpoint_threshold = '1GB'");
      await store.migrate();
      store.postingColumns = await store.tableOrder();
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

  private async tableOrder(): Promise<ColumnWriter[]> {
    const rows = await this.rows(
      "SELECT column_name FROM duckdb_columns() WHERE table_name = 'postings' AND schema_name = 'main' ORDER BY column_index",
    );
    return rows.map((r) => {
      const writer = WRITERS.get(String(r.column_name));
      if (!writer) throw new RoledexError("E_DB", `postings has a column this version cannot write: ${r.column_name}`);
      return writer;
    });
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

  async boardState(ats: SourceKind, board: string): Promise<StoredState[]> {
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
      // New postings go straight into the table (the appender writes inside this transaction).
      if (sync.insert.length > 0) await this.appendPostings("postings", sync.insert, sync.at);
      if (sync.update.length > 0) {
        await this.db.run("CREATE OR REPLACE TEMP TABLE posting_stage AS SELECT * FROM postings LIMIT 0");
        await this.appendPostings("posting_stage", sync.update, sync.at);
        const set = this.postingColumns
          .filter(([name]) => name !== "id" && name !== "first_seen" && name !== "closed_at")
          .map(([name]) => `${name} = u.${name}`)
          .join(", ");
        await this.db.run(`UPDATE postings SET ${set}, closed_at = NULL FROM posting_stage u WHERE postings.id = u.id`);
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

  /** Append postings stamped `at` to a table shaped like postings, by the appender (fast, typed). */
  private async appendPostings(table: string, postings: readonly NormalizedPosting[], at: string): Promise<void> {
    const appender = await this.db.createAppender(table);
    for (const p of postings) {
      for (const [, kind, get] of this.postingColumns) append(appender, kind, get(p, at));
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

  async searchPostings(search: PostingSearch): Promise<{ total: number; items: StoredPosting[] }> {
    const where: string[] = [];
    const values: Value[] = [];
    const param = (v: Value) => {
      values.push(v);
      return `$${values.length}`;
    };
    if (search.activeOnly ?? true) where.push("p.closed_at IS NULL");
    if (search.role) where.push(`p.role = ${param(search.role)}`);
    if (search.seniority) where.push(`p.seniority = ${param(search.seniority)}`);
    if (search.industry) where.push(`p.industry = ${param(search.industry)}`);
    if (search.company) where.push(`lower(trim(p.company)) = lower(trim(${param(search.company)}))`);
    if (search.country) {
      where.push(
        `list_contains(json_extract_string(p.places, '$[*].country'), ${param(search.country.toUpperCase())})`,
      );
    }
    if (search.since) {
      where.push(
        `coalesce(substr(p.published_at, 1, 10), strftime(p.first_seen, '%Y-%m-%d')) >= ${param(search.since)}`,
      );
    }
    const text = search.text?.trim();
    if (text) {
      // A LIKE pattern from the user's words, with its own wildcards escaped.
      const like = param(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(p.title ILIKE ${like} ESCAPE '\\' OR p.company ILIKE ${like} ESCAPE '\\' OR p.description_text ILIKE ${like} ESCAPE '\\')`,
      );
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const [count] = await this.rows(`SELECT count(*) AS n FROM postings p ${clause}`, values);
    const page = await this.rows(
      `SELECT p.id FROM postings p ${clause} ORDER BY p.first_seen DESC, p.id LIMIT ${param(search.limit)} OFFSET ${param(search.offset)}`,
      values,
    );
    const ids = page.map((r) => String(r.id));
    if (ids.length === 0) return { total: Number(count?.n ?? 0), items: [] };
    const items = await this.selectPostings([`p.id IN (${ids.map((_, i) => `$${i + 1}`).join(", ")})`], ids, false);
    const order = new Map(ids.map((id, i) => [id, i]));
    return {
      total: Number(count?.n ?? 0),
      items: items.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    };
  }

  private async selectPostings(where: string[], values: Value[], withRaw: boolean): Promise<StoredPosting[]> {
    const columns = POSTING_COLUMNS.map(([name]) => `p.${name}`).join(", ");
    const rows = await this.rows(
      `SELECT ${columns}, b.industry AS board_industry, ${ISO("p.first_seen")} AS first_seen, ${ISO("p.last_seen")} AS last_seen,
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
      ats: r.ats as SourceKind,
      board: String(r.board),
      company: (r.company as string | null) ?? null,
      industry: (r.industry as BoardStatus["industry"]) ?? null,
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
      ats: r.ats as SourceKind,
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

  async replaceSurvey(source: string, rows: readonly SurveySalary[]): Promise<number> {
    const stray = rows.find((r) => r.source !== source);
    if (stray) {
      throw new RoledexError("E_INPUT", `cannot store a "${stray.source}" survey row as survey "${source}"`);
    }
    const importedAt = new Date().toISOString();
    await this.transaction(async () => {
      const columns = SURVEY_COLUMNS.map(([name, kind]) => `${name} ${SQL_TYPE[kind]}`).join(", ");
      // Staged in a temporary table without constraints, so that a bad row fails the INSERT below, inside
      // the transaction, and never an appender flush that could outlive it.
      await this.db.run(`CREATE OR REPLACE TEMP TABLE survey_stage (ordinal INTEGER, ${columns})`);
      const appender = await this.db.createAppender("survey_stage");
      try {
        rows.forEach((row, ordinal) => {
          appender.appendInteger(ordinal);
          for (const [, kind, get] of SURVEY_COLUMNS) append(appender, kind, get(row));
          appender.endRow();
        });
      } catch (error) {
        appender.clear();
        throw error;
      } finally {
        appender.closeSync();
      }
      await this.exec("DELETE FROM survey_salaries WHERE source = $1", [source]);
      await this.exec(
        `INSERT INTO survey_salaries (source, import_id, imported_at, ordinal, ${SURVEY_LIST})
         SELECT $1, $2, $3::TIMESTAMP, ordinal, ${SURVEY_LIST} FROM survey_stage`,
        [source, randomUUID(), importedAt],
      );
      await this.db.run("DROP TABLE survey_stage");
    });
    return rows.length;
  }

  async surveySalaries(filter: SurveyFilter = {}): Promise<SurveySalary[]> {
    const where: string[] = [];
    const values: Value[] = [];
    const param = (v: Value) => {
      values.push(v);
      return `$${values.length}`;
    };
    if (filter.source !== undefined) where.push(`source = ${param(filter.source)}`);
    if (filter.roles && filter.roles.length > 0) where.push(`role IN (${filter.roles.map(param).join(", ")})`);
    if (filter.country !== undefined) where.push(`company_location = ${param(filter.country.toUpperCase())}`);
    if (filter.yearFrom !== undefined) where.push(`work_year >= ${param(filter.yearFrom)}`);
    const rows = await this.rows(
      `SELECT source, ${SURVEY_LIST} FROM survey_salaries
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY source, ordinal`,
      values,
    );
    return rows.map((r) => ({
      source: r.source as SurveySalary["source"],
      workYear: Number(r.work_year),
      experienceLevel: r.experience_level as SurveySalary["experienceLevel"],
      employmentType: r.employment_type as SurveySalary["employmentType"],
      jobTitle: String(r.job_title),
      salaryUsd: Number(r.salary_usd),
      salary: Number(r.salary),
      salaryCurrency: String(r.salary_currency),
      employeeResidence: String(r.employee_residence),
      companyLocation: String(r.company_location),
      remoteRatio: Number(r.remote_ratio),
      companySize: r.company_size as SurveySalary["companySize"],
      role: r.role as SurveySalary["role"],
      seniority: r.seniority as SurveySalary["seniority"],
      taxonomyVersion: String(r.taxonomy_version),
    }));
  }

  async close(): Promise<void> {
    this.db.closeSync();
    this.instance.closeSync();
  }
}

const parsed = <T>(value: unknown, fallback: T): T => (typeof value === "string" ? (JSON.parse(value) as T) : fallback);
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
          annualMinUsd: num(r.pay_annual_min_usd),
          annualMaxUsd: num(r.pay_annual_max_usd),
          fx: parsed<Pay["fx"]>(r.pay_fx, null),
          kind: r.pay_kind as Pay["kind"],
          equity: r.pay_equity === true,
          raw: String(r.pay_raw ?? ""),
        };
  const experienceMin = num(r.experience_min);
  const experienceMax = num(r.experience_max);
  return {
    id: String(r.id),
    ats: r.ats as StoredPosting["ats"],
    board: String(r.board),
    sourceId: String(r.source_id),
    company: str(r.company),
    title: String(r.title),
    team: str(r.team),
    department: str(r.department),
    locationRaw: str(r.location_raw),
    locations: parsed<string[]>(r.locations, []),
    workplace: str(r.workplace) as StoredPosting["workplace"],
    employmentType: str(r.employment_type),
    url: str(r.url),
    publishedAt: str(r.published_at),
    sourceUpdatedAt: str(r.source_updated_at),
    descriptionText: str(r.description_text),
    payText: str(r.pay_text),
    payStructured: parsed<Pay[]>(r.pay_structured, []),
    pay,
    role: r.role as StoredPosting["role"],
    roleConfidence: Number(r.role_confidence),
    seniority: r.seniority as StoredPosting["seniority"],
    evidence: parsed<string[]>(r.evidence, []),
    taxonomyVersion: String(r.taxonomy_version),
    places: parsed<StoredPosting["places"]>(r.places, []),
    metros: parsed<string[]>(r.metros, []),
    skills: parsed<string[]>(r.skills, []),
    education: {
      required: str(r.education_required) as StoredPosting["education"]["required"],
      preferred: str(r.education_preferred) as StoredPosting["education"]["preferred"],
    },
    experienceYears:
      experienceMin === null && experienceMax === null ? null : { min: experienceMin, max: experienceMax },
    industry: str(r.industry) as StoredPosting["industry"],
    industrySource: str(r.industry_source) as StoredPosting["industrySource"],
    issues: parsed<StoredPosting["issues"]>(r.issues, []),
    normalizerVersion: String(r.normalizer_version),
    contentHash: String(r.content_hash),
    boardIndustry: str(r.board_industry),
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
    closedAt: str(r.closed_at),
    raw: withRaw ? parsed<unknown>(r.raw, null) : undefined,
  };
}
