import { randomUUID } from "node:crypto";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { type DuckDBAppender, DuckDBInstance, DuckDBTimestampTZValue } from "@duckdb/node-api";
import { RoledexError } from "../domain/errors.ts";
import type { StoredPosting } from "../store/store.ts";
import { EXPORT_COLUMNS, type ExportKind, type ExportRow, type ExportValue, toExportRow } from "./columns.ts";

/**
 * Writes postings as CSV (RFC 4180), NDJSON or Parquet, and serialises rows to CSV/NDJSON strings for the
 * HTTP API. A file appears complete or not at all: everything goes to a temporary file beside the target,
 * renamed into place only when written and synced; on failure the temporary file is removed and an
 * existing target is left as it was. It does not choose postings (the caller filters) nor print anything.
 */

export const EXPORT_FORMATS = ["csv", "ndjson", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows serialised per write: bounded memory for large exports, few system calls for small ones. */
const BATCH_ROWS = 1000;

const needsQuotes = /[",\r\n]/;

/** One CSV field: null is an empty field, an empty string is `""`, so a reader can tell the two apart. */
/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a leading
 * apostrophe: posting text is hostile, and a CSV is opened in spreadsheets (OWASP's CSV-injection advice).
 * Numbers are written as numbers and never touched; NDJSON and Parquet keep the text exactly.
 */
const FORMULA = /^[=+\-@\t\r]/;

function csvField(value: ExportValue): string {
  if (value === null) return "";
  const s = typeof value === "string" && FORMULA.test(value) ? `'${value}` : String(value);
  return s === "" || needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvLine = (values: readonly ExportValue[]) => `${values.map(csvField).join(",")}\r\n`;

/** CSV lines (CRLF, per RFC 4180) of `rows`, with the header line unless `header: false` (for later chunks). */
export function toCsv(rows: readonly ExportRow[], options: { header?: boolean } = {}): string {
  const lines = rows.map((row) => csvLine(EXPORT_COLUMNS.map((c) => row[c.name])));
  if (options.header ?? true) lines.unshift(csvLine(EXPORT_COLUMNS.map((c) => c.name)));
  return lines.join("");
}

/** One JSON object per line, each line ending in "\n", so chunks concatenate. */
export function toNdjson(rows: readonly ExportRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join("");
}

/** Write `postings` to `outPath` in `format`, atomically. Returns the rows written and the file's size. */
export async function exportPostings(
  postings: readonly StoredPosting[],
  format: ExportFormat,
  outPath: string,
): Promise<{ rows: number; bytes: number }> {
  const target = resolve(outPath);
  const bytes = await writeAtomically(target, (tmp) =>
    format === "parquet" ? writeParquet(postings, tmp, target) : writeText(postings, format, tmp),
  );
  return { rows: postings.length, bytes };
}

async function writeText(postings: readonly StoredPosting[], format: "csv" | "ndjson", tmp: string): Promise<void> {
  const file = await open(tmp, "w");
  try {
    if (format === "csv") await file.write(toCsv([]));
    for (let start = 0; start < postings.length; start += BATCH_ROWS) {
      // Rows are built batch by batch, so a large export never holds all of its text in memory at once.
      const rows = postings.slice(start, start + BATCH_ROWS).map(toExportRow);
      await file.write(format === "csv" ? toCsv(rows, { header: false }) : toNdjson(rows));
    }
  } finally {
    await file.close();
  }
}

const PARQUET_TYPE = { varchar: "VARCHAR", double: "DOUBLE", boolean: "BOOLEAN", timestamp: "TIMESTAMPTZ" } as const;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

function appendValue(appender: DuckDBAppender, kind: ExportKind, value: ExportValue): void {
  if (value === null) appender.appendNull();
  else if (kind === "double") appender.appendDouble(value as number);
  else if (kind === "boolean") appender.appendBoolean(value as boolean);
  else if (kind === "timestamp") appender.appendTimestampTZ(new DuckDBTimestampTZValue(micros(value as string)));
  else appender.appendVarchar(String(value));
}

function micros(iso: string): bigint {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RoledexError("E_INTERNAL", `not a timestamp: "${iso}"`);
  return BigInt(ms) * 1000n;
}

/**
 * Parquet through an in-memory DuckDB: the rows go into a typed table by the appender (numbers DOUBLE,
 * lifecycle stamps TIMESTAMPTZ, the rest VARCHAR), then one COPY writes the file.
 */
async function writeParquet(postings: readonly StoredPosting[], tmp: string, target: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    const columns = EXPORT_COLUMNS.map((c) => `${quoteIdent(c.name)} ${PARQUET_TYPE[c.kind]}`).join(", ");
    await db.run(`CREATE TABLE postings (${columns})`);
    const appender = await db.createAppender("postings");
    try {
      for (const posting of postings) {
        const row = toExportRow(posting);
        for (const column of EXPORT_COLUMNS) appendValue(appender, column.kind, row[column.name]);
        appender.endRow();
      }
      appender.flushSync();
    } catch (error) {
      appender.clear(); // drop a half-appended row, so closing cannot fail over it and hide this error
      throw error;
    } finally {
      appender.closeSync();
    }
    try {
      await db.run(`COPY postings TO ${quoteLiteral(tmp)} (FORMAT parquet)`);
    } catch (error) {
      // The driver has no error codes; what it says of the file is all there is to report.
      const message = error instanceof Error ? error.message : String(error);
      throw new RoledexError("E_INPUT", `cannot write ${target}: ${message.replace(/^IO Error: /, "")}`, {
        cause: error,
      });
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "its folder does not exist",
  ENOTDIR: "a part of its path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
};

const systemCode = (error: unknown): string | null =>
  error instanceof Error && "code" in error && typeof error.code === "string" && "syscall" in error ? error.code : null;

/**
 * Run `write(tmp)` on a fresh temporary file beside `target`, sync it, then rename it over `target`. Any
 * failure removes the temporary file (only one this call created) and leaves `target` as it was;
 * file-system failures become E_INPUT naming `target`. Returns the written file's size.
 */
async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<number> {
  const unwritable = (reason: string, cause?: unknown) =>
    new RoledexError("E_INPUT", `cannot write ${target}: ${reason}`, cause === undefined ? {} : { cause });
  if ((await stat(target).catch(() => null))?.isDirectory()) throw unwritable("it is a folder");
  // Hidden and unique, in the target's folder so that the rename stays on one file system and is atomic.
  const tmp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  let created = false;
  try {
    // Created empty first (exclusively, so never someone else's file) so that an unwritable folder fails
    // before any work, with the system's reason, whatever the format.
    await (await open(tmp, "wx")).close();
    created = true;
    await write(tmp);
    const file = await open(tmp, "r+");
    let size: number;
    try {
      await file.sync(); // on disk before the rename makes it visible, so a crash cannot leave a torn file
      size = (await file.stat()).size;
    } finally {
      await file.close();
    }
    await rename(tmp, target);
    created = false;
    return size;
  } catch (error) {
    if (created) await rm(tmp, { force: true });
    const code = systemCode(error);
    if (code !== null) throw unwritable(REASONS[code] ?? (error as Error).message, error);
    throw error;
  }
}
