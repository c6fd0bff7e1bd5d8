import { createHash } from "node:crypto";
import { z } from "zod";
import { RoledexError } from "../domain/errors.ts";
import { ROLES, type Role } from "../domain/vocab.ts";

/** A user's own title phrases per role, e.g. `{"ml-engineer": ["ML Ninja"], "ml-infra-engineer": ["Sonar Platform"]}`. */
export type RoleAliases = Readonly<Partial<Record<Role, readonly string[]>>>;

const aliasFile = z.partialRecord(z.enum(ROLES), z.array(z.string().trim().min(1).max(200)).max(10_000));

/** Aliases from a JSON file's text, validated: an unknown role or a non-string phrase is an E_INPUT error. */
export function parseRoleAliases(text: string, source: string): RoleAliases {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new RoledexError("E_INPUT", `${source} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = aliasFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RoledexError(
      "E_INPUT",
      `${source} must map role slugs (${ROLES.join(", ")}) to lists of title phrases: at ${first?.path.join(".") || "root"}: ${first?.message}`,
    );
  }
  return parsed.data;
}

/** The taxonomy version a classification made with these aliases records: the base version plus a hash of them. */
export function versionWithAliases(base: string, aliases: RoleAliases | undefined): string {
  if (!aliases || Object.keys(aliases).length === 0) return base;
  const canonical = JSON.stringify(Object.entries(aliases).sort(([a], [b]) => a.localeCompare(b)));
  return `${base}+aliases.${createHash("sha1").update(canonical).digest("hex").slice(0, 8)}`;
}
