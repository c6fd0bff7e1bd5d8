import { describe, expect, it } from "vitest";
import { contentHash } from "../normalize/posting.ts";
import { readBoard } from "./read-board.ts";

const board = { ats: "greenhouse" as const, board: "acme", company: "Acme", industry: "ai-lab" as const };

describe("readBoard", () => {
  it("reads a board's answer into normalized postings with the board's industry", () => {
    const reading = readBoard({
      board,
      body: JSON.stringify({ jobs: [{ id: 7, title: "Senior Research Engineer", location: { name: "London, UK" } }] }),
    });
    expect(reading).toMatchObject({
      ok: true,
      postings: [{ id: "greenhouse:acme:7", role: "research-engineer", seniority: "senior", industry: "ai-lab" }],
    });
  });

  it("does not normalize again a posting listed with the hash it is stored with", () => {
    const jobs = [7, 8].map((id) => ({ id, title: "Senior Research Engineer", location: { name: "London, UK" } }));
    const first = readBoard({ board, body: JSON.stringify({ jobs }) });
    if (!first.ok) throw new Error(first.message);
    const [seven, eight] = first.postings;
    const known = { [String(seven?.id)]: String(seven?.contentHash), [String(eight?.id)]: "a-stale-hash" };
    expect(seven?.contentHash).toBe(contentHash(seven as NonNullable<typeof seven>));
    const again = readBoard({ board, body: JSON.stringify({ jobs }), known });
    expect(again).toMatchObject({
      ok: true,
      unchanged: ["greenhouse:acme:7"],
      postings: [{ id: "greenhouse:acme:8" }],
    });
  });

  it("reports a body that is not JSON as E_SOURCE_MALFORMED, as a value", () => {
    expect(readBoard({ board, body: "<html>maintenance</html>" })).toEqual({
      ok: false,
      code: "E_SOURCE_MALFORMED",
      message: "answered with a body that is not JSON",
    });
  });
});
