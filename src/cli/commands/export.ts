import { resolve } from "node:path";
import type { Command } from "commander";
import { applyFilters } from "../../analytics/filters.ts";
import { RoledexError } from "../../domain/errors.ts";
import { INDUSTRIES, isOneOf, SENIORITIES } from "../../domain/vocab.ts";
import { EXPORT_FORMATS, type ExportFormat, exportPostings } from "../../export/export.ts";
import { requireRole } from "../../normalize/taxonomy.ts";
import type { StoredPosting } from "../../store/store.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { filtersOf } from "./report.ts";

/**
 * `roledex export`: the stored postings, filtered like the reports are, to a CSV, NDJSON or Parquet file
 * for analysts. The postings are chosen here (role by the store, the rest by applyFilters, so every
 * backend agrees); writing is export/export.ts's. It prints one line on stderr and nothing on stdout.
 */

interface ExportFlags {
  format?: string;
  out?: string;
  role?: string[];
  country?: string;
  since?: string;
  company?: string;
  industry?: string;
  seniority?: string;
  includeClosed?: boolean;
  db?: string;
}

export function registerExport(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("export")
    .description("Write postings with their normalized fields, raw pay text and URL to a CSV, Parquet or NDJSON file")
    .option("--format <format>", `${EXPORT_FORMATS.join(", ")} (required)`)
    .option("--out <file>", "the file to write; replaced only once the export is complete (required)")
    .option(
      "--role <name>",
      'only this role: a name, label or alias, e.g. "ML Engineer" (repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option("--country <code>", "only postings with a place in this country (ISO 3166-1 alpha-2, e.g. US)")
    .option("--since <date>", "only postings published (where not stated, first seen) on or after YYYY-MM-DD")
    .option("--company <name>", "only this employer's postings")
    .option("--industry <slug>", `only this industry (${INDUSTRIES.slice(0, 4).join(", ")}, ...)`)
    .option("--seniority <slug>", `only this seniority (${SENIORITIES.join(", ")})`)
    .option("--include-closed", "also postings their board no longer lists (closed_at says when)")
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .action(async (flags: ExportFlags) => {
      if (flags.format === undefined)
        throw new RoledexError("E_USAGE", `--format is required: ${EXPORT_FORMATS.join(", ")}`);
      if (!isOneOf(EXPORT_FORMATS, flags.format))
        throw new RoledexError("E_USAGE", `--format is one of ${EXPORT_FORMATS.join(", ")}, got "${flags.format}"`);
      const format: ExportFormat = flags.format;
      if (flags.out === undefined || flags.out === "")
        throw new RoledexError("E_USAGE", "--out FILE is required: the file to write");
      const filters = filtersOf(flags);
      const roles = [...new Set((flags.role ?? []).map(requireRole))];
      const db = dbPath(flags.db, io);
      const out = resolve(io.cwd, flags.out);
      if (out === db) throw new RoledexError("E_USAGE", `--out ${out} is the database itself; choose another file`);
      const store = await openStore(db, { mustExist: true });
      let postings: StoredPosting[];
      try {
        postings = await store.postings({ activeOnly: !flags.includeClosed, ...(roles.length > 0 ? { roles } : {}) });
      } finally {
        await store.close();
      }
      const { rows, bytes } = await exportPostings(applyFilters(postings, filters), format, out);
      write(io.stderr, `exported ${rows} postings to ${out} (${bytes} bytes)`);
      done(0);
    });
}
