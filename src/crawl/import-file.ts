import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { type RecordIssue, RoledexError } from "../domain/errors.ts";
import type { NormalizedPosting } from "../domain/posting.ts";
import type { RoleAliases } from "../normalize/aliases.ts";
import { industryOfLabel } from "../normalize/industry.ts";
import { normalizePosting } from "../normalize/posting.ts";
import type { BoardRef } from "../sources/connector.ts";
import { type ImportFormat, readRecords } from "../sources/import/records.ts";
import { type ColumnMapping, importToPosting, resolveMapping } from "../sources/import/to-posting.ts";
import type { Store } from "../store/store.ts";
import { planBoardSync, type SyncCounts } from "./lifecycle.ts";

export interface ImportSummary {
  source: string;
  format: ImportFormat;
  records: number;
  mapping: ColumnMapping;
  skipped: number;
  counts: SyncCounts;
  issues: RecordIssue[];
}

/** The name a file's postings are kept under: --source, else the file name without its extension. */
export const sourceNameOf = (path: string, asked?: string) =>
  (asked ?? basename(path).replace(/\.[^.]+$/, "")).toLowerCase().replace(/[^a-z0-9._-]+/g, "-");

/**
 * Import a CSV, NDJSON or JSON (schema.org JobPosting included) file as one source: every record becomes
 * a posting under `import:<source>`, normalized like crawled ones, and the file's lifecycle applies as a
 * board's does (importing the same file again changes nothing; a record gone from a newer file is closed).
 * One transaction: a failure writes nothing.
 */
export async function importFile(options: {
  path: string;
  format: ImportFormat;
  store: Store;
  source?: string;
  mapping?: ColumnMapping;
  aliases?: RoleAliases;
  now?: () => Date;
}): Promise<ImportSummary> {
  const now = options.now ?? (() => new Date());
  const started = now();
  let text: string;
  try {
    if (statSync(options.path).isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
    text = readFileSync(options.path, "utf8");
  } catch (cause) {
    throw new RoledexError(
      "E_INPUT",
      `cannot read ${options.path}: ${(cause as NodeJS.ErrnoException).code ?? cause}`,
      { cause },
    );
  }
  const source = sourceNameOf(options.path, options.source);
  const { records, issues } = readRecords(text, options.format, options.path);
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const mapping = resolveMapping(columns, options.mapping);
  for (const [field, column] of Object.entries(options.mapping ?? {})) {
    if (!columns.includes(column))
      throw new RoledexError("E_USAGE", `--map ${field}=${column}: ${options.path} has no column "${column}"`);
  }
  if (records.length > 0 && mapping.title === undefined && !records.some((r) => r["@type"] === "JobPosting")) {
    throw new RoledexError(
      "E_USAGE",
      `no title column in ${options.path}; name it with --map title=COLUMN (columns: ${columns.slice(0, 12).join(", ")})`,
    );
  }
  const postings: NormalizedPosting[] = [];
  records.forEach((record, row) => {
    const mapped = importToPosting(record, mapping, { source, row: row + 1 });
    issues.push(...mapped.issues.map((i) => ({ ...i, path: [row + 1, ...i.path] })));
    if (!mapped.posting) return;
    const label = mapping.industry ? record[mapping.industry] : undefined;
    const aliases = options.aliases ? { aliases: options.aliases } : {};
    postings.push(normalizePosting(mapped.posting, { presetIndustry: industryOfLabel(label), ...aliases }));
  });
  const board: BoardRef = { ats: "import", board: source, company: null, industry: null };
  const at = now().toISOString();
  const sync = planBoardSync({ at, stored: await options.store.boardState("import", source), fetched: postings });
  await options.store.applyBoardSync(board, sync, {
    id: randomUUID(),
    ats: "import",
    board: source,
    startedAt: started.toISOString(),
    finishedAt: at,
    status: "ok",
    counts: sync.counts,
    issues: issues.length,
    errorCode: null,
    errorMessage: null,
  });
  return {
    source,
    format: options.format,
    records: records.length,
    mapping,
    skipped: records.length - postings.length,
    counts: sync.counts,
    issues,
  };
}
