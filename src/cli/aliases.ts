import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { RoledexError } from "../domain/errors.ts";
import { parseRoleAliases, type RoleAliases } from "../normalize/aliases.ts";
import type { Io } from "./io.ts";

export const ALIASES_OPTION = [
  "--aliases <file>",
  'your own title phrases per role, a JSON object like {"ml-engineer": ["ML Ninja"]} (default: $ROLEDEX_ALIASES)',
] as const;

/** The user's role aliases from --aliases or ROLEDEX_ALIASES, or none. */
export function loadAliases(option: string | undefined, io: Io): RoleAliases | undefined {
  const path = option ?? io.env.ROLEDEX_ALIASES;
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), "utf8");
  } catch (cause) {
    throw new RoledexError(
      "E_INPUT",
      `cannot read aliases file ${path}: ${(cause as NodeJS.ErrnoException).code ?? cause}`,
      { cause },
    );
  }
  return parseRoleAliases(text, path);
}
