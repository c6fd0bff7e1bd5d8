import { describe, expect, it } from "vitest";
import type { SourcePosting } from "../domain/posting.ts";
import { contentHash, normalizePosting } from "./posting.ts";

const source: SourcePosting = {
  id: "greenhouse:acme:1",
  ats: "greenhouse",
  board: "acme",
  sourceId: "1",
  company: "Ac\u00e9 \u2603 \u{1f600}",
  title: "Research Engineer",
  team: null,
  department: "R&D",
  locationRaw: "London",
  locations: ["London"],
  workplace: "hybrid",
  employmentType: null,
  url: "https://x/1",
  publishedAt: null,
  sourceUpdatedAt: null,
  descriptionText: "Build things.\nWith \u00fcmlauts \u{1f600}",
  payText: "\u00a370K",
  payStructured: [],
  raw: null,
};

describe("contentHash", () => {
  it("is stable across releases, so an upgrade does not mark every stored posting updated", () => {
    // The digest the first release computed for this posting (one hash update per field).
    expect(contentHash(source)).toBe("d47b8c16bf1ce529852b1d4fc89d4be8debe7efc");
  });

  it("changes with any stated field and tells field boundaries apart", () => {
    expect(contentHash({ ...source, title: "Research Engineer II" })).not.toBe(contentHash(source));
    const a = contentHash({ ...source, team: "ab", department: "c" });
    const b = contentHash({ ...source, team: "a", department: "bc" });
    expect(a).not.toBe(b);
    expect(contentHash({ ...source, team: "" })).not.toBe(contentHash(source));
  });

  it("ignores what the board does not state (raw, source update time)", () => {
    expect(contentHash({ ...source, raw: { any: 1 }, sourceUpdatedAt: "2026-01-01" })).toBe(contentHash(source));
  });
});

describe("normalizePosting", () => {
  it("keeps the source fields and adds role, pay, places, skills and the hash", () => {
    const p = normalizePosting({ ...source, descriptionText: "We use PyTorch. 3+ years of experience." });
    expect(p.title).toBe("Research Engineer");
    expect(p.role).toBe("research-engineer");
    expect(p.pay?.currency).toBe("GBP");
    expect(p.places[0]?.country).toBe("GB");
    expect(p.skills).toContain("pytorch");
    expect(p.experienceYears?.min).toBe(3);
    expect(p.contentHash).toMatch(/^[0-9a-f]{40}$/);
  });
});
