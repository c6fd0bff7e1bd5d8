import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";
import { RoledexError } from "../domain/errors.ts";
import { ATS_KINDS, INDUSTRIES } from "../domain/vocab.ts";
import type { CrawlBoard as BoardRef } from "../sources/connector.ts";

const token = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, "a board token has only letters, digits, '.', '_' and '-'");

const boardEntry = z.object({
  ats: z.enum(ATS_KINDS),
  board: token,
  company: z.string().trim().min(1).nullish(),
  industry: z.enum(INDUSTRIES).nullish(),
});

export const boardList = z.array(boardEntry);

const toRef = (b: z.infer<typeof boardEntry>): BoardRef => ({
  ats: b.ats,
  board: b.board,
  company: b.company ?? null,
  industry: b.industry ?? null,
});

/** `greenhouse:anthropic` → a BoardRef. */
export function parseBoardArg(arg: string): BoardRef {
  const [ats, board, ...rest] = arg.split(":");
  const parsed = boardEntry.safeParse({ ats, board });
  if (rest.length > 0 || !parsed.success) {
    throw new RoledexError("E_USAGE", `--board takes ATS:TOKEN with ATS one of ${ATS_KINDS.join(", ")}, got "${arg}"`);
  }
  return toRef(parsed.data);
}

/** Boards from JSON text (the shape of ../shared/corpus/replay/boards.json), validated. */
export function parseBoardList(text: string, source: string): BoardRef[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new RoledexError("E_INPUT", `${source} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = boardList.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") || "root" : "root";
    throw new RoledexError(
      "E_INPUT",
      `${source} is not a list of {ats, board, company?, industry?}: at ${where}: ${issue?.message}`,
    );
  }
  return parsed.data.map(toRef);
}

export function readBoardFile(path: string): BoardRef[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new RoledexError(
      "E_INPUT",
      `cannot read boards file ${path}: ${(cause as NodeJS.ErrnoException).code ?? cause}`,
      { cause },
    );
  }
  return parseBoardList(text, path);
}

const PRESETS_DIR = new URL("../../data/presets/", import.meta.url);

/** The presets shipped in data/presets/, by file name. */
export function presetNames(): string[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function readPreset(name: string): BoardRef[] {
  if (!presetNames().includes(name)) {
    throw new RoledexError("E_USAGE", `unknown preset "${name}"; presets: ${presetNames().join(", ")}`);
  }
  return parseBoardList(readFileSync(new URL(`${name}.json`, PRESETS_DIR), "utf8"), `preset ${name}`);
}
