import type { Command } from "commander";
import { parseBoardArg, presetNames, readBoardFile, readPreset } from "../../crawl/boards.ts";
import { type BoardResult, crawlBoards } from "../../crawl/crawl.ts";
import { ReaderPool } from "../../crawl/reader-pool.ts";
import { RoledexError } from "../../domain/errors.ts";
import type { CrawlBoard as BoardRef } from "../../sources/connector.ts";
import { baseUrls } from "../../sources/registry.ts";
import { ALIASES_OPTION, loadAliases } from "../aliases.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { json, textTable } from "../output.ts";
import { crawlProgress } from "../progress.ts";
import { wholeNumber } from "./options.ts";

interface CrawlFlags {
  board: string[];
  boards?: string;
  preset?: string;
  db?: string;
  concurrency: number;
  timeout: number;
  retries: number;
  format: "table" | "json";
  aliases?: string;
}

export function summaryTable(results: readonly BoardResult[]): string {
  return textTable(
    ["board", "company", "fetched", "new", "updated", "closed", "status"],
    results.map((r) => [
      `${r.board.ats}:${r.board.board}`,
      r.board.company ?? "",
      String(r.counts?.fetched ?? "-"),
      String(r.counts?.new ?? "-"),
      String(r.counts?.updated ?? "-"),
      String(r.counts?.closed ?? "-"),
      r.status === "ok"
        ? `ok${r.counts?.reopened ? ` (${r.counts.reopened} reopened)` : ""}${r.issues.length ? ` (${r.issues.length} unreadable items)` : ""}`
        : `failed: ${r.error?.code} ${r.error?.message}`,
    ]),
  );
}

export function registerCrawl(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("crawl")
    .description("Fetch the active postings of job boards into the database and update their lifecycle")
    .option(
      "--board <ats:token>",
      "a board, e.g. greenhouse:anthropic (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--boards <file>", 'a JSON array of {"ats", "board", "company"?, "industry"?}')
    .option("--preset <name>", `a shipped list of boards (${presetNames().join(", ")})`)
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .option("--concurrency <n>", "requests at once per API host", wholeNumber(1), 4)
    .option("--timeout <ms>", "timeout of one request", wholeNumber(1), 30_000)
    .option("--retries <n>", "retries of a request after 429, 5xx, timeouts and network errors", wholeNumber(0), 4)
    .option("--format <format>", "summary as table or json", "table")
    .option(...ALIASES_OPTION)
    .action(async (flags: CrawlFlags) => {
      if (!["table", "json"].includes(flags.format)) throw new RoledexError("E_USAGE", "--format is table or json");
      const boards: BoardRef[] = [
        ...flags.board.map(parseBoardArg),
        ...(flags.boards ? readBoardFile(flags.boards) : []),
        ...(flags.preset ? readPreset(flags.preset) : []),
      ];
      if (boards.length === 0)
        throw new RoledexError("E_USAGE", "name boards to crawl: --board ats:token, --boards FILE or --preset NAME");
      const aliases = loadAliases(flags.aliases, io);
      const store = await openStore(dbPath(flags.db, io), { mustExist: false });
      const reader = new ReaderPool();
      try {
        const results = await crawlBoards({
          boards,
          store,
          reader,
          ...(aliases ? { aliases } : {}),
          baseUrls: baseUrls(io.env),
          concurrencyPerHost: flags.concurrency,
          http: { timeoutMs: flags.timeout, retries: flags.retries },
          onEvent: crawlProgress(io),
        });
        write(io.stdout, flags.format === "json" ? json(results) : summaryTable(results));
        const failed = results.filter((r) => r.status === "failed");
        for (const r of failed)
          write(io.stderr, `roledex: ${r.error?.code} ${r.board.ats}:${r.board.board}: ${r.error?.message}`);
        done(failed.length > 0 ? 3 : 0);
      } finally {
        await reader.close();
        await store.close();
      }
    });
}
