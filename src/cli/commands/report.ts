import type { Command } from "commander";
import type { ReportFilters } from "../../analytics/filters.ts";
import { buildReport, DEFAULT_MIN_N, type Report } from "../../analytics/report.ts";
import { RoledexError } from "../../domain/errors.ts";
import { INDUSTRIES, type Industry, isOneOf, type Role, SENIORITIES, type Seniority } from "../../domain/vocab.ts";
import { requireRole } from "../../normalize/taxonomy.ts";
import { toHtml, toMarkdown } from "../../report/document.ts";
import { reportBlocks } from "../../report/sections.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { json } from "../output.ts";
import { wholeNumber } from "./options.ts";

interface ReportFlags {
  format: string;
  db?: string;
  country?: string;
  since?: string;
  company?: string;
  industry?: string;
  seniority?: string;
  minN: number;
}

/** The filter flags, validated: a bad value is a usage error that names the accepted ones. */
export function filtersOf(flags: Omit<ReportFlags, "format" | "db" | "minN">): ReportFilters {
  const f: ReportFilters = {};
  if (flags.country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(flags.country))
      throw new RoledexError(
        "E_USAGE",
        `--country takes a two-letter ISO code such as US or GB, got "${flags.country}"`,
      );
    f.country = flags.country.toUpperCase();
  }
  if (flags.since !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.since) || Number.isNaN(Date.parse(flags.since))) {
      throw new RoledexError("E_USAGE", `--since takes a date YYYY-MM-DD, got "${flags.since}"`);
    }
    f.since = flags.since;
  }
  if (flags.company !== undefined) f.company = flags.company;
  if (flags.industry !== undefined) {
    if (!isOneOf(INDUSTRIES, flags.industry))
      throw new RoledexError("E_USAGE", `--industry is one of ${INDUSTRIES.join(", ")}`);
    f.industry = flags.industry as Industry;
  }
  if (flags.seniority !== undefined) {
    if (!isOneOf(SENIORITIES, flags.seniority))
      throw new RoledexError("E_USAGE", `--seniority is one of ${SENIORITIES.join(", ")}`);
    f.seniority = flags.seniority as Seniority;
  }
  return f;
}

function render(report: Report, format: string): string {
  if (format === "json") return json(report);
  const blocks = reportBlocks(report);
  if (format === "html") {
    const first = report.roles[0];
    return toHtml(blocks, {
      title: `${report.title}: pay, skills and postings`,
      description: first
        ? `${report.title}, from ${report.roles.map((r) => `${r.activePostings} ${r.plural}`).join(" and ")} active postings.`
        : report.title,
    });
  }
  return toMarkdown(blocks);
}

function withReportOptions(command: Command): Command {
  return command
    .option("--format <format>", "md, html or json", "md")
    .option("--country <code>", "only postings with a place in this country (ISO 3166-1 alpha-2, e.g. US)")
    .option("--since <date>", "only postings published (where not stated, first seen) on or after YYYY-MM-DD")
    .option("--company <name>", "only this employer's postings")
    .option("--industry <slug>", `only this industry (${INDUSTRIES.slice(0, 4).join(", ")}, ...)`)
    .option("--seniority <slug>", `only this seniority (${SENIORITIES.join(", ")})`)
    .option("--min-n <n>", "suppress pay cells with fewer distinct jobs stating pay", wholeNumber(1), DEFAULT_MIN_N)
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)");
}

async function runReport(queries: { query: string; role: Role }[], flags: ReportFlags, io: Io): Promise<string> {
  if (!["md", "html", "json"].includes(flags.format)) throw new RoledexError("E_USAGE", "--format is md, html or json");
  const filters = filtersOf(flags);
  const store = await openStore(dbPath(flags.db, io), { mustExist: true });
  try {
    const report = buildReport({
      queries,
      active: await store.postings({ activeOnly: true }),
      filters,
      minN: flags.minN,
      survey: await store.surveySalaries({}),
      boards: await store.boards(),
      generatedAt: new Date().toISOString(),
    });
    return render(report, flags.format);
  } finally {
    await store.close();
  }
}

export function registerReports(program: Command, io: Io, done: (code: number) => void): void {
  withReportOptions(
    program
      .command("compare")
      .description(
        "Compare two roles: pay with its uncertainty, what each does, skills, careers, industries, with the postings behind every figure",
      )
      .argument("<roleA>", 'a role name, label or alias, e.g. "Research Engineer"')
      .argument("<roleB>", 'another role, e.g. "Applied ML Engineer"'),
  ).action(async (a: string, b: string, flags: ReportFlags) => {
    const queries = [a, b].map((query) => ({ query, role: requireRole(query) }));
    write(io.stdout, await runReport(queries, flags, io));
    done(0);
  });
  withReportOptions(
    program
      .command("role")
      .description("One role's page: the same sections, the role against all postings")
      .argument("<name>", 'a role name, label or alias, e.g. "ML Engineer"'),
  ).action(async (name: string, flags: ReportFlags) => {
    write(io.stdout, await runReport([{ query: name, role: requireRole(name) }], flags, io));
    done(0);
  });
}
