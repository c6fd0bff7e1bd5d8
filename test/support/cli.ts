import { PassThrough, Readable } from "node:stream";
import { main } from "../../src/cli/main.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured, non-terminal streams and the given environment. */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
  input = "",
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const code = await main(args, { stdin: Readable.from([input]), stdout, stderr, env, cwd });
  return { code, stdout: out.join(""), stderr: err.join("") };
}
