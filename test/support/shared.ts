import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared beside the repository: present in CI and on engineers' machines, absent in a user's clone. */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const HAS_SHARED = existsSync(`${SHARED}corpus/README.md`);
export const sharedPath = (relative: string) => `${SHARED}${relative}`;

export function noteSkip(what: string): void {
  if (!HAS_SHARED)
    console.warn(`skipping ${what}: ../shared (the recorded corpus and replay server) is not beside the repository`);
}
