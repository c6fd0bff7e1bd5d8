import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { RoledexError } from "../../domain/errors.ts";
import { SURVEY_SOURCES, type SurveySource } from "../../domain/survey.ts";
import { readAijobsCsv, type SurveyRead } from "../../sources/survey/aijobs.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { json } from "../output.ts";

/**
 * `roledex import-survey FORMAT FILE`: load a salary survey into the store, replacing that survey's previous
 * import in one transaction. Survey answers are kept apart from postings and never enter posting figures.
 */

const READERS: Readonly<Record<SurveySource, (text: string, name: string) => SurveyRead>> = {
  aijobs: readAijobsCsv,
};

const SHOWN_ISSUES = 5;

function readText(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw new RoledexError("E_INPUT", `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, {
      cause,
    });
  }
}

export function registerImportSurvey(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("import-survey")
    .description(`Load a salary survey (${SURVEY_SOURCES.join(", ")}), replacing its previous import`)
    .argument("<format>", `the survey: ${SURVEY_SOURCES.join(", ")}`)
    .argument("<file>", "the survey's CSV file")
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .option("--json", "print the summary as JSON")
    .action(async (format: string, file: string, flags: { db?: string; json?: boolean }) => {
      if (!(SURVEY_SOURCES as readonly string[]).includes(format)) {
        throw new RoledexError(
          "E_USAGE",
          `unknown survey format "${format}"; formats: ${SURVEY_SOURCES.join(", ")} (see roledex import-survey --help)`,
        );
      }
      const source = format as SurveySource;
      const path = resolve(io.cwd, file);
      const survey = READERS[source](readText(path), file);
      // Replacing a survey with nothing would silently empty it: a file without one readable row is refused.
      if (survey.salaries.length === 0) {
        const first = survey.issues[0];
        throw new RoledexError(
          "E_INPUT",
          survey.read === 0
            ? `${file} has no survey rows; the stored ${source} rows are left as they were`
            : `none of the ${survey.read} rows of ${file} could be read (row ${first?.path[0]}: ${first?.message}); the stored ${source} rows are left as they were`,
        );
      }
      const store = await openStore(dbPath(flags.db, io), { mustExist: false });
      let imported: number;
      try {
        imported = await store.replaceSurvey(source, survey.salaries);
      } finally {
        await store.close();
      }
      if (flags.json) {
        write(
          io.stdout,
          json({ source, file: path, read: survey.read, imported, skipped: survey.skipped, issues: survey.issues }),
        );
      } else {
        write(io.stdout, `${source}: ${survey.read} rows read, ${imported} imported, ${survey.skipped} skipped`);
        for (const issue of survey.issues.slice(0, SHOWN_ISSUES))
          write(io.stderr, `  row ${issue.path[0]}: ${issue.code} ${issue.message}`);
        if (survey.issues.length > SHOWN_ISSUES)
          write(io.stderr, `  … and ${survey.issues.length - SHOWN_ISSUES} more issues (--json lists them all)`);
      }
      done(0);
    });
}
