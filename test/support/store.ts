import { planBoardSync } from "../../src/crawl/lifecycle.ts";
import { DuckDBStore } from "../../src/store/duckdb/duckdb-store.ts";
import type { StoredPosting } from "../../src/store/store.ts";
import { FIXTURE_NOW, fixturePostings } from "./fixtures.ts";

/** A DuckDB store (a file, or ":memory:") holding the given postings, as a crawl of one board would leave it. */
export async function fixtureStore(
  path = ":memory:",
  postings: readonly StoredPosting[] = fixturePostings(),
): Promise<DuckDBStore> {
  const store = await DuckDBStore.open(path);
  const board = { ats: "greenhouse" as const, board: "fixture", company: "Fixture", industry: null };
  const sync = planBoardSync({ at: FIXTURE_NOW, stored: [], fetched: postings });
  await store.applyBoardSync(board, sync, {
    id: "fixture-run",
    ats: "greenhouse",
    board: "fixture",
    startedAt: FIXTURE_NOW,
    finishedAt: FIXTURE_NOW,
    status: "ok",
    counts: sync.counts,
    issues: 0,
    errorCode: null,
    errorMessage: null,
  });
  return store;
}

/** The fixture postings with one whose title and employer are an attack, to check every page shows them as text. */
export const HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
export const HOSTILE_COMPANY = '"><script>alert(2)</script>';
export function hostilePostings(): StoredPosting[] {
  return fixturePostings().map((p) =>
    p.id === "greenhouse:fixture:13"
      ? {
          ...p,
          title: `${HOSTILE_TITLE} Machine Learning Engineer`,
          company: HOSTILE_COMPANY,
          url: "javascript:alert(3)",
        }
      : p,
  );
}
