#!/usr/bin/env node
// The only place that touches process: argv, streams, environment and the exit code.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
