import { describe, expect, it } from "vitest";
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

  it("reports a body that is not JSON as E_SOURCE_MALFORMED, as a value", () => {
    expect(readBoard({ board, body: "<html>maintenance</html>" })).toEqual({
      ok: false,
      code: "E_SOURCE_MALFORMED",
      message: "answered with a body that is not JSON",
    });
  });
});
