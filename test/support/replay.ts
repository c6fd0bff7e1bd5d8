import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { sharedPath } from "./shared.ts";

export interface Replay {
  url: string;
  env: Record<string, string>;
  state(): Promise<{ asOf: string; boards: { ats: string; board: string; company: string; live: number }[] }>;
  setAsOf(asOf: string): Promise<void>;
  stop(): Promise<void>;
}

/** Start ../shared/tools/ats-replay/server.mjs on a free port and point the three API variables at it. */
export async function startReplay(args: string[] = []): Promise<Replay> {
  const child: ChildProcess = spawn(
    process.execPath,
    [sharedPath("tools/ats-replay/server.mjs"), "--port", "0", ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = (await Promise.race([
    once(child.stdout as NodeJS.ReadableStream, "data"),
    once(child, "exit").then(() => {
      throw new Error("replay server exited before listening");
    }),
  ])) as [Buffer];
  const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line.toString());
  if (!match) throw new Error(`replay server said: ${line.toString()}`);
  const url = `http://127.0.0.1:${match[1]}`;
  return {
    url,
    env: {
      ROLEDEX_GREENHOUSE_API: `${url}/greenhouse`,
      ROLEDEX_ASHBY_API: `${url}/ashby`,
      ROLEDEX_LEVER_API: `${url}/lever`,
    },
    state: async () => (await fetch(`${url}/_replay/state`)).json() as ReturnType<Replay["state"]>,
    setAsOf: async (asOf) => {
      const res = await fetch(`${url}/_replay/as-of`, { method: "POST", body: JSON.stringify({ asOf }) });
      if (!res.ok) throw new Error(`as-of ${asOf}: HTTP ${res.status}`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    },
  };
}
