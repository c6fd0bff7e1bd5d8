import { createInterface } from "node:readline";
import type { Command } from "commander";
import { normalizeInput, normalizeRecord } from "../../normalize/record.ts";
import { ALIASES_OPTION, loadAliases } from "../aliases.ts";
import { type Io, write } from "../io.ts";

/**
 * NDJSON in, NDJSON out, one line per line and in order: the evaluation entry point. A line that is not
 * a JSON object gets `{"error": {code, message}}` in its place, the rest go on, and the exit code says so.
 */
export function registerNormalize(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("normalize")
    .description(
      "Read NDJSON on stdin ({title, team, company, location, payText, descriptionHtml, descriptionText}) and write the normalized fields as NDJSON",
    )
    .option(...ALIASES_OPTION)
    .action(async (flags: { aliases?: string }) => {
      const aliases = loadAliases(flags.aliases, io);
      const context = aliases ? { aliases } : {};
      let bad = 0;
      let lines = 0;
      const out: string[] = [];
      const flush = () => {
        if (out.length) io.stdout.write(`${out.join("\n")}\n`);
        out.length = 0;
      };
      for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
        lines++;
        if (!line.trim()) continue;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          json = undefined;
        }
        const parsed = normalizeInput.safeParse(json);
        if (!parsed.success || typeof json !== "object" || json === null) {
          bad++;
          out.push(
            JSON.stringify({
              error: { code: "E_INPUT", message: `line ${lines} is not a JSON object with string fields` },
            }),
          );
        } else {
          out.push(JSON.stringify(normalizeRecord(parsed.data, context)));
        }
        if (out.length >= 256) flush();
      }
      flush();
      if (bad > 0)
        write(io.stderr, `roledex: E_INPUT ${bad} of ${lines} lines could not be read; each got an error line`);
      done(bad > 0 ? 2 : 0);
    });
}
