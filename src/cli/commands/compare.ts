import type { Command } from "commander";
import { compareRoles } from "../../analytics/compare.ts";
import { RoledexError } from "../../domain/errors.ts";
import type { Role } from "../../domain/vocab.ts";
import { resolveRole, roleLabel } from "../../normalize/taxonomy.ts";
import { renderCompareMarkdown } from "../../report/compare-md.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { json } from "../output.ts";

/** A role name as a user typed it → its slug, or an E_UNKNOWN_ROLE error naming the nearest roles. */
export function roleOrThrow(query: string): Role {
  const resolved = resolveRole(query);
  if (resolved.role !== null) return resolved.role;
  const nearest = resolved.nearest.map((r) => `"${roleLabel(r)}" (${r})`).join(", ");
  throw new RoledexError("E_UNKNOWN_ROLE", `unknown role "${query}"; nearest: ${nearest}`);
}

export function registerCompare(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("compare")
    .description("Compare two roles: active postings and median base pay, with the postings behind each figure")
    .argument("<roleA>", 'a role name, label or alias, e.g. "Research Engineer"')
    .argument("<roleB>", 'another role, e.g. "Applied ML Engineer"')
    .option("--format <format>", "md or json", "md")
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .action(async (a: string, b: string, flags: { format: string; db?: string }) => {
      if (!["md", "json"].includes(flags.format)) throw new RoledexError("E_USAGE", "--format is md or json");
      const queries = [a, b].map((query) => ({ query, role: roleOrThrow(query) }));
      const store = await openStore(dbPath(flags.db, io), { mustExist: true });
      try {
        const active = await store.postings({ activeOnly: true, roles: queries.map((q) => q.role) });
        const boards = await store.boards();
        const dataAsOf =
          boards
            .map((x) => x.lastSuccessAt)
            .filter((d): d is string => d !== null)
            .sort()
            .at(-1) ?? null;
        const comparison = compareRoles(queries, active, dataAsOf);
        write(io.stdout, flags.format === "json" ? json(comparison) : renderCompareMarkdown(comparison));
        done(0);
      } finally {
        await store.close();
      }
    });
}
