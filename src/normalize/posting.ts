import { createHash } from "node:crypto";
import type { NormalizedPosting, SourcePosting } from "../domain/posting.ts";
import { classifyTitle } from "./classify-title.ts";
import { parsePayText, pickBasePay } from "./pay.ts";

/** Bumped whenever normalization would give a different result for the same source posting. */
export const NORMALIZER_VERSION = "1";

/** Hash of the fields a board states: a change in any of them makes the posting "updated". */
export function contentHash(p: SourcePosting): string {
  const stated = [
    p.company,
    p.title,
    p.team,
    p.department,
    p.locationRaw,
    p.locations,
    p.workplace,
    p.employmentType,
    p.url,
    p.publishedAt,
    p.descriptionText,
    p.payText,
    p.payStructured,
  ];
  return createHash("sha1").update(JSON.stringify(stated)).digest("hex");
}

/** Pure: a source posting with its role, seniority and base pay. */
export function normalizePosting(p: SourcePosting): NormalizedPosting {
  const classification = classifyTitle({
    title: p.title,
    team: p.team,
    department: p.department,
    description: p.descriptionText,
  });
  const pays =
    p.payStructured.length > 0
      ? p.payStructured
      : p.payText
        ? parsePayText(p.payText, { location: p.locationRaw }).pays
        : [];
  return {
    ...p,
    ...classification,
    pay: pickBasePay(pays),
    normalizerVersion: NORMALIZER_VERSION,
    contentHash: contentHash(p),
  };
}
