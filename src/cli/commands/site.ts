import type { Command } from "commander";
import { DEFAULT_MIN_N } from "../../analytics/report.ts";
import { RoledexError } from "../../domain/errors.ts";
import { buildSite, siteBase } from "../../site/build.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { wholeNumber } from "./options.ts";

export function registerSite(program: Command, io: Io, done: (code: number) => void): void {
  const site = program.command("site").description("Publish the reports as a static site");
  site
    .command("build")
    .description(
      "Build every role page and every comparison with enough data, with a sitemap, canonical URLs and JSON-LD",
    )
    .requiredOption("--out <dir>", "the folder to write (replaced as a whole when the build succeeds)")
    .requiredOption(
      "--base-url <url>",
      "the site's public address, for canonical URLs and the sitemap, e.g. https://jobs.example.com/roles/",
    )
    .option(
      "--min-n <n>",
      "compare two roles only when both have this many active postings; suppress smaller pay cells",
      wholeNumber(1),
      DEFAULT_MIN_N,
    )
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .action(async (flags: { out: string; baseUrl: string; minN: number; db?: string }) => {
      if (!flags.out.trim()) throw new RoledexError("E_USAGE", "--out names the folder to write");
      siteBase(flags.baseUrl);
      const store = await openStore(dbPath(flags.db, io), { mustExist: true });
      try {
        const summary = await buildSite({ store, out: flags.out, baseUrl: flags.baseUrl, minN: flags.minN });
        write(
          io.stderr,
          `built ${summary.pages.length} pages (${summary.roles} roles, ${summary.comparisons} comparisons) from ${summary.postings} postings in ${summary.out}`,
        );
        done(0);
      } finally {
        await store.close();
      }
    });
}
