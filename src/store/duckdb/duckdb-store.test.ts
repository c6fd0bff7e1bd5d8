import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RoledexError } from "../../domain/errors.ts";
import { runStoreContract } from "../contract.ts";
import { DuckDBStore } from "./duckdb-store.ts";
import { MIGRATIONS } from "./migrations.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

runStoreContract("duckdb in memory", () => DuckDBStore.open(":memory:"));
runStoreContract("duckdb file", () => DuckDBStore.open(join(dir, `contract-${++files}.duckdb`)));

async function errorOf(promise: Promise<unknown>): Promise<RoledexError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RoledexError)) throw new Error(`expected a RoledexError, got ${String(error)}`);
  return error;
}

describe("DuckDBStore", () => {
  it("applies each migration once and records it", async () => {
    const path = join(dir, "migrate.duckdb");
    await (await DuckDBStore.open(path)).close();
    const store = await DuckDBStore.open(path); // a second open must not re-run migration 1
    await store.close();
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(path);
    const rows = (await (await instance.connect()).runAndReadAll("SELECT version FROM schema_migrations")).getRows();
    instance.closeSync();
    expect(rows.map((r) => Number(r[0]))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("says E_DB_OPEN for a path in a missing folder", async () => {
    const error = await errorOf(DuckDBStore.open(join(dir, "missing", "x.duckdb")));
    expect(error.code).toBe("E_DB_OPEN");
    expect(error.message).toMatch(/^cannot open database .*missing\/x\.duckdb: /);
  });

  it.skipIf(process.getuid?.() === 0)("says E_DB_OPEN for a folder it cannot write", async () => {
    const locked = join(dir, "readonly");
    (await import("node:fs")).mkdirSync(locked);
    chmodSync(locked, 0o500);
    const error = await errorOf(DuckDBStore.open(join(locked, "x.duckdb")));
    expect(error.code).toBe("E_DB_OPEN");
  });
});
