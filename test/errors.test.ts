import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../src/store/duckdb/duckdb-store.ts";
import { runCli } from "./support/cli.ts";
import { type Replay, startReplay } from "./support/replay.ts";
import { HAS_SHARED, noteSkip } from "./support/shared.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake ATS host that answers every request with the same body. */
async function serve(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function count(db: string): Promise<number> {
  const store = await DuckDBStore.open(db);
  try {
    return (await store.postings({ activeOnly: false })).length;
  } finally {
    await store.close();
  }
}

/** A loopback port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

const oneLine = (stderr: string) =>
  stderr
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("roledex: "));

describe("bad input gets a one-line error with a code, a non-zero exit, and nothing half-written", () => {
  it("an unknown role names the nearest roles", async () => {
    const db = join(dir, "roles.duckdb");
    await (await DuckDBStore.open(db)).close();
    const result = await runCli(["compare", "Reserch Enginer", "Applied ML Engineer", "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^roledex: E_UNKNOWN_ROLE unknown role "Reserch Enginer"; nearest: "Research Engineer" \(research-engineer\)/,
    );
  });

  it("a database path that cannot be created fails before any fetch", async () => {
    const result = await runCli(["crawl", "--board", "greenhouse:anthropic", "--db", "/dev/null/roledex.duckdb"], {
      ROLEDEX_GREENHOUSE_API: "http://127.0.0.1:1",
    });
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toMatch(/^roledex: E_DB_OPEN cannot open database \/dev\/null\/roledex\.duckdb: /);
    expect(result.stderr).not.toMatch(/retry|\[1\/1\]/);
  });

  it("a database held by another process says so with E_DB_LOCKED", async () => {
    const db = join(dir, "locked.duckdb");
    await (await DuckDBStore.open(db)).close();
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `require("@duckdb/node-api").DuckDBInstance.create(${JSON.stringify(db)}).then(() => { console.log("held"); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await once(holder.stdout, "data");
      const result = await runCli(["compare", "Research Engineer", "ML Engineer", "--db", db]);
      expect(result.code).toBe(4);
      expect(result.stderr.trim()).toMatch(
        /^roledex: E_DB_LOCKED .*locked\.duckdb is in use by another process \(PID \d+\); DuckDB allows one process per database file/,
      );
    } finally {
      holder.kill();
    }
  });

  it("compare on a database that does not exist does not create one", async () => {
    const db = join(dir, "nope.duckdb");
    const result = await runCli(["compare", "Research Engineer", "ML Engineer", "--db", db]);
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toBe(
      `roledex: E_DB_OPEN no database at ${db}; run \`roledex crawl\` first, or pass --db`,
    );
  });

  it("an unreachable host fails that board with E_NETWORK and writes no postings", async () => {
    const db = join(dir, "unreachable.duckdb");
    const port = await closedPort();
    const result = await runCli(["crawl", "--board", "lever:acme", "--db", db, "--retries", "1"], {
      ROLEDEX_LEVER_API: `http://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(3);
    expect(oneLine(result.stderr)).toEqual([
      `roledex: E_NETWORK lever:acme: cannot reach 127.0.0.1:${port}: ECONNREFUSED (after 2 attempts)`,
    ]);
    expect(await count(db)).toBe(0);
  });

  it("bad --board and --boards values are usage errors", async () => {
    const a = await runCli(["crawl", "--board", "workday:acme", "--db", join(dir, "u.duckdb")]);
    expect([a.code, a.stderr.trim()]).toEqual([
      2,
      'roledex: E_USAGE --board takes ATS:TOKEN with ATS one of greenhouse, ashby, lever, got "workday:acme"',
    ]);
    const b = await runCli(["crawl", "--boards", join(dir, "missing.json"), "--db", join(dir, "u.duckdb")]);
    expect([b.code, b.stderr.trim()]).toEqual([
      2,
      `roledex: E_INPUT cannot read boards file ${join(dir, "missing.json")}: ENOENT`,
    ]);
    const c = await runCli(["crawl", "--db", join(dir, "u.duckdb")]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^roledex: E_USAGE name boards to crawl/);
    const d = await runCli(["crawl", "--nope"]);
    expect([d.code, d.stderr.trim()]).toEqual([2, "roledex: E_USAGE unknown option '--nope' (see roledex --help)"]);
  });

  describe.skipIf(!HAS_SHARED)("against the replay server", () => {
    noteSkip("the replay-server error cases");
    let replay: Replay;
    beforeAll(async () => {
      replay = await startReplay(["--as-of", "2025-12-11"]);
    });
    afterAll(() => replay?.stop());

    it("an unknown board costs one 'board not found' line; the other boards are crawled", async () => {
      const db = join(dir, "404.duckdb");
      const result = await runCli(
        ["crawl", "--board", "greenhouse:no-such-board", "--board", "greenhouse:runwayml", "--db", db],
        replay.env,
      );
      expect(result.code).toBe(3);
      expect(oneLine(result.stderr)).toEqual([
        "roledex: E_BOARD_NOT_FOUND greenhouse:no-such-board: board not found (HTTP 404)",
      ]);
      expect(result.stdout).toMatch(/greenhouse:runwayml .* ok/);
      const store = await DuckDBStore.open(db);
      const boards = await store.boards();
      const postings = await store.postings();
      await store.close();
      expect(postings.length).toBeGreaterThan(0);
      expect(postings.every((p) => p.board === "runwayml")).toBe(true);
      expect(boards.find((b) => b.board === "no-such-board")).toMatchObject({
        lastStatus: "failed",
        lastSuccessAt: null,
      });
    });

    it("malformed JSON from a source fails that board and leaves its postings exactly as they were", async () => {
      const db = join(dir, "malformed.duckdb");
      expect((await runCli(["crawl", "--board", "greenhouse:runwayml", "--db", db], replay.env)).code).toBe(0);
      const before = await count(db);
      const broken = await serve(200, '{"jobs": [ {"id": 1, "title": "Research Eng');
      try {
        const result = await runCli(["crawl", "--board", "greenhouse:runwayml", "--db", db], {
          ROLEDEX_GREENHOUSE_API: broken.url,
        });
        expect(result.code).toBe(3);
        expect(oneLine(result.stderr)).toEqual([
          "roledex: E_SOURCE_MALFORMED greenhouse:runwayml: answered with a body that is not JSON",
        ]);
      } finally {
        broken.server.close();
      }
      const store = await DuckDBStore.open(db);
      const active = await store.postings();
      await store.close();
      expect(active).toHaveLength(before); // nothing closed by a failed crawl
    });

    it("JSON of the wrong shape is E_SOURCE_MALFORMED too", async () => {
      const wrong = await serve(200, '{"error": "maintenance"}');
      try {
        const result = await runCli(["crawl", "--board", "ashby:openai", "--db", join(dir, "shape.duckdb")], {
          ROLEDEX_ASHBY_API: wrong.url,
        });
        expect(result.code).toBe(3);
        expect(oneLine(result.stderr)[0]).toMatch(
          /^roledex: E_SOURCE_MALFORMED ashby:openai: payload is not a ashby job list/,
        );
      } finally {
        wrong.server.close();
      }
    });
  });
});

describe("crawl options", () => {
  it("take whole numbers and name the bad one", async () => {
    const ok = await runCli(
      ["crawl", "--board", "lever:acme", "--timeout", "3000", "--retries", "0", "--db", ":memory:"],
      {
        ROLEDEX_LEVER_API: "http://127.0.0.1:9/",
      },
    );
    expect(ok.stderr).not.toMatch(/E_USAGE/);
    const bad = await runCli(["crawl", "--board", "lever:acme", "--concurrency", "0"]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'roledex: E_USAGE expected a whole number ≥ 1, got "0"']);
  });
});

describe("report options", () => {
  it("refuse a bad filter or format with a usage error naming what is accepted", async () => {
    const db = join(dir, "report-options.duckdb");
    await (await DuckDBStore.open(db)).close();
    const cases: [string[], string][] = [
      [["--country", "USA"], 'roledex: E_USAGE --country takes a two-letter ISO code such as US or GB, got "USA"'],
      [["--since", "last week"], 'roledex: E_USAGE --since takes a date YYYY-MM-DD, got "last week"'],
      [["--format", "pdf"], "roledex: E_USAGE --format is md, html or json"],
      [["--min-n", "0"], 'roledex: E_USAGE expected a whole number ≥ 1, got "0"'],
    ];
    for (const [flags, line] of cases) {
      const result = await runCli(["compare", "Research Engineer", "ML Engineer", "--db", db, ...flags]);
      expect([result.code, result.stderr.trim()]).toEqual([2, line]);
    }
    const industry = await runCli(["role", "ML Engineer", "--db", db, "--industry", "crypto"]);
    expect(industry.stderr).toMatch(/^roledex: E_USAGE --industry is one of ai-lab, big-tech, /);
  });
});
