import { Command, CommanderError } from "commander";
import { RoledexError } from "../domain/errors.ts";
import { registerCrawl } from "./commands/crawl.ts";
import { registerExport } from "./commands/export.ts";
import { registerImport } from "./commands/import.ts";
import { registerImportSurvey } from "./commands/import-survey.ts";
import { registerNormalize } from "./commands/normalize.ts";
import { registerReports } from "./commands/report.ts";
import { registerServe } from "./commands/serve.ts";
import { registerSite } from "./commands/site.ts";
import { errorLine } from "./errors.ts";
import { type Io, write } from "./io.ts";

export const VERSION = "0.1.0";

/** The whole CLI as a function of its arguments and I/O; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const done = (code: number) => {
    exitCode = code;
  };
  const program = new Command("roledex")
    .description(
      "Job-market intelligence for AI/ML hiring: crawl public job boards, compare roles with honest numbers.",
    )
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    });
  registerCrawl(program, io, done);
  registerReports(program, io, done);
  registerImport(program, io, done);
  registerImportSurvey(program, io, done);
  registerNormalize(program, io, done);
  registerServe(program, io, done);
  registerSite(program, io, done);
  registerExport(program, io, done);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      const usage = new RoledexError("E_USAGE", `${error.message.replace(/^error: /, "")} (see roledex --help)`);
      write(io.stderr, errorLine(usage).line);
      return errorLine(usage).exitCode;
    }
    const { line, exitCode: code } = errorLine(error);
    write(io.stderr, line);
    return code;
  }
}
