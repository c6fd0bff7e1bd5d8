import type { Command } from "commander";
import { importFile } from "../../crawl/import-file.ts";
import { RoledexError } from "../../domain/errors.ts";
import { formatOf, IMPORT_FORMATS } from "../../sources/import/records.ts";
import { type ColumnMapping, IMPORT_FIELDS, type ImportField } from "../../sources/import/to-posting.ts";
import { ALIASES_OPTION, loadAliases } from "../aliases.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { json, textTable } from "../output.ts";

function parseMap(values: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    const field = value.slice(0, eq) as ImportField;
    if (eq < 1 || !IMPORT_FIELDS.includes(field)) {
      throw new RoledexError(
        "E_USAGE",
        `--map takes FIELD=COLUMN with FIELD one of ${IMPORT_FIELDS.join(", ")}, got "${value}"`,
      );
    }
    mapping[field] = value.slice(eq + 1);
  }
  return mapping;
}

export function registerImport(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("import")
    .description("Load postings from a CSV, NDJSON or JSON file (schema.org JobPosting JSON-LD included)")
    .argument("<file>", "the file to import")
    .option("--format <format>", `${IMPORT_FORMATS.join(", ")} (default: from the extension)`)
    .option("--source <name>", "the name its postings are kept under (default: the file name)")
    .option(
      "--map <field=column>",
      'which column fills a field, e.g. title="Job Title" (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .option("--json", "print the summary as JSON")
    .option(...ALIASES_OPTION)
    .action(
      async (
        file: string,
        flags: { format?: string; source?: string; map: string[]; db?: string; json?: boolean; aliases?: string },
      ) => {
        const format = formatOf(file, flags.format);
        const mapping = parseMap(flags.map);
        const aliases = loadAliases(flags.aliases, io);
        const store = await openStore(dbPath(flags.db, io), { mustExist: false });
        try {
          const summary = await importFile({
            path: file,
            format,
            store,
            mapping,
            ...(flags.source ? { source: flags.source } : {}),
            ...(aliases ? { aliases } : {}),
          });
          if (flags.json) {
            write(io.stdout, json(summary));
          } else {
            const c = summary.counts;
            write(
              io.stdout,
              textTable(
                ["source", "records", "imported", "new", "updated", "closed", "skipped", "issues"],
                [
                  [
                    `import:${summary.source}`,
                    String(summary.records),
                    String(c.fetched),
                    String(c.new),
                    String(c.updated),
                    String(c.closed),
                    String(summary.skipped),
                    String(summary.issues.length),
                  ],
                ],
              ),
            );
            const mapped = Object.entries(summary.mapping).map(([field, column]) => `${field}←"${column}"`);
            write(io.stderr, `columns: ${mapped.join(", ")}`);
            for (const issue of summary.issues.slice(0, 5))
              write(io.stderr, `  row ${issue.path[0]}: ${issue.code} ${issue.message}`);
            if (summary.issues.length > 5)
              write(io.stderr, `  … and ${summary.issues.length - 5} more issues (--json lists them all)`);
          }
          done(0);
        } finally {
          await store.close();
        }
      },
    );
}
