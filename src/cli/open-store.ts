import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { RoledexError } from "../domain/errors.ts";
import { DuckDBStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import type { Io } from "./io.ts";

export const DEFAULT_DB = "roledex.duckdb";

/** The database path: --db, else ROLEDEX_DB, else ./roledex.duckdb. */
export function dbPath(option: string | undefined, io: Io): string {
  const path = option ?? io.env.ROLEDEX_DB ?? DEFAULT_DB;
  return path === ":memory:" ? path : resolve(io.cwd, path);
}

/** Open the store; `mustExist` for commands that only read, so a typo in --db does not create an empty file. */
export async function openStore(path: string, mode: { mustExist: boolean }): Promise<Store> {
  if (mode.mustExist && path !== ":memory:" && !existsSync(path)) {
    throw new RoledexError("E_DB_OPEN", `no database at ${path}; run \`roledex crawl\` first, or pass --db`);
  }
  return DuckDBStore.open(path);
}
