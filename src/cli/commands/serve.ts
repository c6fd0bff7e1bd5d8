import { serve } from "@hono/node-server";
import type { Command } from "commander";
import { createApp } from "../../server/app.ts";
import { Service } from "../../server/service.ts";
import { baseUrls } from "../../sources/registry.ts";
import { serialized } from "../../store/serialized.ts";
import { type Io, write } from "../io.ts";
import { dbPath, openStore } from "../open-store.ts";
import { wholeNumber } from "./options.ts";

export function registerServe(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("serve")
    .description(
      "Serve the JSON API (OpenAPI at /openapi.json) and the web pages; crawls started through the API run in this process",
    )
    .option("--port <n>", "port to listen on", wholeNumber(0), 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--db <path>", "database file (default: $ROLEDEX_DB or ./roledex.duckdb)")
    .action(async (flags: { port: number; host: string; db?: string }) => {
      const store = serialized(await openStore(dbPath(flags.db, io), { mustExist: false }));
      const service = new Service(store, baseUrls(io.env));
      const app = createApp({ service });
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, port: flags.port, hostname: flags.host }, (info) => {
          write(
            io.stderr,
            `roledex serving http://${flags.host}:${info.port} (API at /api, OpenAPI at /openapi.json); Ctrl-C stops`,
          );
        });
        server.on("error", (error: NodeJS.ErrnoException) =>
          reject(new Error(error.code === "EADDRINUSE" ? `port ${flags.port} is in use` : error.message)),
        );
        const stop = () => {
          server.close(() => resolve());
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await service.close();
      await store.close();
      done(0);
    });
}
