import { describe, expect, it } from "vitest";
import { planBoardSync } from "../crawl/lifecycle.ts";
import { isRoledexError } from "../domain/errors.ts";
import type { NormalizedPosting } from "../domain/posting.ts";
import type { SurveySalary } from "../domain/survey.ts";
import type { BoardRef } from "../sources/connector.ts";
import type { CrawlRun, Store } from "./store.ts";

/** A complete normalized posting with every field set, so a round trip checks them all. */
export function samplePosting(sourceId: string, overrides: Partial<NormalizedPosting> = {}): NormalizedPosting {
  return {
    id: `greenhouse:acme:${sourceId}`,
    ats: "greenhouse",
    board: "acme",
    sourceId,
    company: "Acme AI",
    title: `Research Engineer ${sourceId}`,
    team: "Pretraining",
    department: "Research",
    locationRaw: "San Francisco, CA; New York, NY",
    locations: ["San Francisco, CA; New York, NY", "Remote - US"],
    workplace: "hybrid",
    employmentType: "FullTime",
    url: `https://job-boards.greenhouse.io/acme/jobs/${sourceId}`,
    publishedAt: "2025-11-11T04:54:21-05:00",
    sourceUpdatedAt: "2025-12-06T22:55:31-05:00",
    descriptionText: 'Train <large> models & write "evals".',
    payText: "$200K – $300K • Offers Equity",
    payStructured: [],
    pay: {
      min: 200000,
      max: 300000,
      currency: "USD",
      period: "year",
      annualMin: 200000,
      annualMax: 300000,
      annualMinUsd: 200000,
      annualMaxUsd: 300000,
      fx: { rate: 1, date: "2025-02-28", source: "stated in USD" },
      kind: "base",
      equity: true,
      raw: "$200K – $300K • Offers Equity",
    },
    role: "research-engineer",
    roleConfidence: 0.95,
    seniority: "unspecified",
    evidence: ['title:"research engineer"'],
    taxonomyVersion: "1",
    places: [
      { city: "San Francisco", region: "CA", country: "US", remote: false, raw: "San Francisco, CA" },
      { city: null, region: null, country: "US", remote: true, raw: "Remote - US" },
    ],
    metros: ["sf-bay-area"],
    skills: ["python", "pytorch"],
    education: { required: "bachelor", preferred: "phd" },
    experienceYears: { min: 3, max: null },
    industry: "ai-lab",
    industrySource: "preset",
    issues: [{ code: "pay.period_unknown", path: ["payText"], message: "no period" }],
    normalizerVersion: "1",
    contentHash: `hash-${sourceId}`,
    raw: { id: Number(sourceId), title: `Research Engineer ${sourceId}`, nested: { ok: true } },
    ...overrides,
  };
}

/** A complete survey answer with every field set. */
export function sampleSurveySalary(overrides: Partial<SurveySalary> = {}): SurveySalary {
  return {
    source: "aijobs",
    workYear: 2024,
    experienceLevel: "senior",
    employmentType: "full-time",
    jobTitle: "Machine Learning Engineer",
    salaryUsd: 185000.5,
    salary: 185000.5,
    salaryCurrency: "USD",
    employeeResidence: "US",
    companyLocation: "US",
    remoteRatio: 50,
    companySize: "medium",
    role: "ml-engineer",
    seniority: "unspecified",
    taxonomyVersion: "1",
    ...overrides,
  };
}

const board: BoardRef = { ats: "greenhouse", board: "acme", company: "Acme AI", industry: "ai-lab" };

let runs = 0;
function runRecord(status: "ok" | "failed", at: string): CrawlRun {
  runs++;
  return {
    id: `run-${runs}`,
    ats: board.ats,
    board: board.board,
    startedAt: at,
    finishedAt: at,
    status,
    counts: status === "ok" ? { fetched: 0, new: 0, updated: 0, reopened: 0, closed: 0, unchanged: 0 } : null,
    issues: 0,
    errorCode: status === "ok" ? null : "E_BOARD_NOT_FOUND",
    errorMessage: status === "ok" ? null : "board not found (HTTP 404)",
  };
}

async function sync(store: Store, at: string, fetched: NormalizedPosting[]) {
  const plan = planBoardSync({ at, stored: await store.boardState(board.ats, board.board), fetched });
  await store.applyBoardSync(board, plan, runRecord("ok", at));
  return plan.counts;
}

const T1 = "2025-12-11T09:00:00.000Z";
const T2 = "2026-01-22T09:00:00.000Z";
const T3 = "2026-02-01T09:00:00.000Z";

/** The behaviour every Store backend must have. Call it from each backend's test file. */
export function runStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const withStore = (test: (store: Store) => Promise<void>) => async () => {
      const store = await open();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    };

    it(
      "starts empty",
      withStore(async (store) => {
        expect(await store.postings()).toEqual([]);
        expect(await store.boards()).toEqual([]);
        expect(await store.crawlRuns()).toEqual([]);
        expect(await store.surveySalaries()).toEqual([]);
      }),
    );

    it(
      "round-trips every field of a posting, with its board's industry and its lifecycle",
      withStore(async (store) => {
        const p = samplePosting("1");
        await sync(store, T1, [p]);
        const { raw: _raw, ...rest } = p;
        const [stored] = await store.postings();
        expect(stored).toEqual({
          ...rest,
          raw: undefined,
          boardIndustry: "ai-lab",
          firstSeen: T1,
          lastSeen: T1,
          closedAt: null,
        });
        expect((await store.posting(p.id))?.raw).toEqual(p.raw);
        expect(await store.posting("greenhouse:acme:nope")).toBeNull();
      }),
    );

    it(
      "keeps null pay as null, not zero",
      withStore(async (store) => {
        await sync(store, T1, [samplePosting("1", { pay: null, payText: null })]);
        const [stored] = await store.postings();
        expect(stored?.pay).toBeNull();
        expect(stored?.payText).toBeNull();
      }),
    );

    it(
      "closes what the board stopped listing, keeps first_seen, moves last_seen, and reopens what comes back",
      withStore(async (store) => {
        await sync(store, T1, [samplePosting("1"), samplePosting("2")]);
        expect(await sync(store, T2, [samplePosting("1")])).toMatchObject({ closed: 1, unchanged: 1 });
        expect((await store.postings()).map((p) => p.id)).toEqual(["greenhouse:acme:1"]);
        const all = await store.postings({ activeOnly: false });
        expect(all.map((p) => [p.id, p.firstSeen, p.lastSeen, p.closedAt])).toEqual([
          ["greenhouse:acme:1", T1, T2, null],
          ["greenhouse:acme:2", T1, T1, T2],
        ]);
        expect(await sync(store, T3, [samplePosting("1"), samplePosting("2")])).toMatchObject({ reopened: 1 });
        const reopened = await store.posting("greenhouse:acme:2");
        expect([reopened?.firstSeen, reopened?.lastSeen, reopened?.closedAt]).toEqual([T1, T3, null]);
      }),
    );

    it(
      "rewrites a changed posting in place",
      withStore(async (store) => {
        await sync(store, T1, [samplePosting("1")]);
        const changed = samplePosting("1", {
          title: "Senior Research Engineer",
          contentHash: "hash-changed",
          seniority: "senior",
        });
        expect(await sync(store, T2, [changed])).toMatchObject({ updated: 1 });
        const stored = await store.posting("greenhouse:acme:1");
        expect([stored?.title, stored?.seniority, stored?.firstSeen, stored?.lastSeen]).toEqual([
          "Senior Research Engineer",
          "senior",
          T1,
          T2,
        ]);
      }),
    );

    it(
      "records a failed crawl without touching the board's postings or its last success",
      withStore(async (store) => {
        await sync(store, T1, [samplePosting("1")]);
        await store.recordFailedCrawl(board, runRecord("failed", T2));
        const [p] = await store.postings();
        expect([p?.lastSeen, p?.closedAt]).toEqual([T1, null]);
        const [status] = await store.boards();
        expect(status).toMatchObject({
          lastSuccessAt: T1,
          lastCrawlAt: T2,
          lastStatus: "failed",
          lastError: "E_BOARD_NOT_FOUND: board not found (HTTP 404)",
          activePostings: 1,
        });
        expect((await store.crawlRuns()).map((r) => r.status)).toEqual(["failed", "ok"]);
      }),
    );

    it(
      "filters by role, ats and board",
      withStore(async (store) => {
        await sync(store, T1, [samplePosting("1"), samplePosting("2", { role: "ml-engineer" })]);
        expect((await store.postings({ roles: ["ml-engineer"] })).map((p) => p.id)).toEqual(["greenhouse:acme:2"]);
        expect(await store.postings({ ats: "lever" })).toEqual([]);
        expect(await store.postings({ board: "acme" })).toHaveLength(2);
      }),
    );

    it(
      "searches postings by bound filters and words, newest first, a page at a time, with the total",
      withStore(async (store) => {
        await sync(store, T1, [
          samplePosting("1"),
          samplePosting("2", {
            role: "ml-engineer",
            seniority: "senior",
            company: "Beta ML",
            title: "Senior ML Engineer 50%_off",
          }),
          samplePosting("3", {
            role: "ml-engineer",
            places: [{ city: "London", region: null, country: "GB", remote: false, raw: "London" }],
            industry: "finance",
            publishedAt: "2026-02-01",
          }),
        ]);
        const search = (q: Partial<Parameters<Store["searchPostings"]>[0]>) =>
          store.searchPostings({ limit: 10, offset: 0, ...q }).then((r) => [r.total, r.items.map((p) => p.sourceId)]);
        expect(await search({})).toEqual([3, ["1", "2", "3"]]);
        expect(await search({ role: "ml-engineer" })).toEqual([2, ["2", "3"]]);
        expect(await search({ role: "ml-engineer", seniority: "senior" })).toEqual([1, ["2"]]);
        expect(await search({ country: "gb" })).toEqual([1, ["3"]]);
        expect(await search({ country: "US" })).toEqual([2, ["1", "2"]]);
        expect(await search({ company: "  beta ml " })).toEqual([1, ["2"]]);
        expect(await search({ industry: "finance" })).toEqual([1, ["3"]]);
        expect(await search({ since: "2026-01-01" })).toEqual([1, ["3"]]);
        expect(await search({ text: "evals" })).toEqual([3, ["1", "2", "3"]]);
        expect(await search({ text: "50%_" })).toEqual([1, ["2"]]);
        expect(await search({ text: "%" })).toEqual([1, ["2"]]);
        expect(await search({ text: "' OR 1=1 --" })).toEqual([0, []]);
        expect(await search({ limit: 2, offset: 2 })).toEqual([3, ["3"]]);
        await sync(store, T2, [samplePosting("1")]);
        expect(await search({ activeOnly: false, role: "ml-engineer" })).toEqual([2, ["2", "3"]]);
        expect(await search({ role: "ml-engineer" })).toEqual([0, []]);
      }),
    );

    it(
      "writes nothing of a sync that fails half-way",
      withStore(async (store) => {
        await sync(store, T1, [samplePosting("1")]);
        const broken = samplePosting("3", { title: null as unknown as string }); // violates NOT NULL
        const error = await sync(store, T2, [samplePosting("2"), broken]).catch((e: unknown) => e);
        expect(isRoledexError(error) && error.code).toBe("E_DB");
        expect((await store.postings({ activeOnly: false })).map((p) => [p.id, p.lastSeen])).toEqual([
          ["greenhouse:acme:1", T1],
        ]);
        expect(await store.crawlRuns()).toHaveLength(1);
      }),
    );

    const gbp = sampleSurveySalary({
      workYear: 2023,
      experienceLevel: "mid",
      employmentType: "contract",
      jobTitle: "Data Scientist",
      salaryUsd: 87500,
      salary: 70000,
      salaryCurrency: "GBP",
      employeeResidence: "GB",
      companyLocation: "GB",
      remoteRatio: 100,
      companySize: "large",
      role: "data-scientist",
      seniority: "unspecified",
    });

    it(
      "round-trips every field of survey answers, in import order, identical answers included",
      withStore(async (store) => {
        const rows = [sampleSurveySalary(), gbp, sampleSurveySalary()];
        expect(await store.replaceSurvey("aijobs", rows)).toBe(3);
        expect(await store.surveySalaries()).toEqual(rows);
        expect(await store.postings()).toEqual([]);
      }),
    );

    it(
      "replaces a survey's rows on re-import, and the same import twice stores them once",
      withStore(async (store) => {
        await store.replaceSurvey("aijobs", [sampleSurveySalary(), gbp]);
        expect(await store.replaceSurvey("aijobs", [gbp])).toBe(1);
        expect(await store.surveySalaries()).toEqual([gbp]);
        expect(await store.replaceSurvey("aijobs", [gbp])).toBe(1);
        expect(await store.surveySalaries()).toEqual([gbp]);
      }),
    );

    it(
      "replaces only the named source's rows",
      withStore(async (store) => {
        const other = sampleSurveySalary({ source: "other-survey" as SurveySalary["source"] });
        await store.replaceSurvey("aijobs", [gbp]);
        await store.replaceSurvey("other-survey", [other]);
        expect(await store.surveySalaries()).toEqual([gbp, other]);
        expect(await store.replaceSurvey("other-survey", [])).toBe(0);
        expect(await store.surveySalaries()).toEqual([gbp]);
      }),
    );

    it(
      "keeps the previous survey rows when a replace fails half-way",
      withStore(async (store) => {
        const before = [sampleSurveySalary(), gbp];
        await store.replaceSurvey("aijobs", before);
        const broken = sampleSurveySalary({ jobTitle: null as unknown as string }); // violates NOT NULL
        const error = await store.replaceSurvey("aijobs", [gbp, broken]).catch((e: unknown) => e);
        expect(isRoledexError(error) && error.code).toBe("E_DB");
        expect(await store.surveySalaries()).toEqual(before);
        const stray = await store.replaceSurvey("other-survey", [gbp]).catch((e: unknown) => e);
        expect(isRoledexError(stray) && stray.code).toBe("E_INPUT");
        expect(await store.surveySalaries()).toEqual(before);
      }),
    );

    it(
      "filters survey answers by source, role, employer country (any case) and first work year",
      withStore(async (store) => {
        const us2022 = sampleSurveySalary({ workYear: 2022 });
        const us2025 = sampleSurveySalary({ workYear: 2025, role: "research-scientist", jobTitle: "AI Researcher" });
        const de2024 = sampleSurveySalary({ companyLocation: "DE", employeeResidence: "DE" });
        await store.replaceSurvey("aijobs", [us2022, gbp, us2025, de2024]);
        expect(await store.surveySalaries({ source: "aijobs" })).toEqual([us2022, gbp, us2025, de2024]);
        expect(await store.surveySalaries({ source: "other-survey" })).toEqual([]);
        expect(await store.surveySalaries({ roles: ["ml-engineer"] })).toEqual([us2022, de2024]);
        expect(await store.surveySalaries({ roles: ["ml-engineer", "data-scientist"] })).toEqual([us2022, gbp, de2024]);
        expect(await store.surveySalaries({ country: "us" })).toEqual([us2022, us2025]);
        expect(await store.surveySalaries({ yearFrom: 2024 })).toEqual([us2025, de2024]);
        expect(await store.surveySalaries({ roles: ["ml-engineer"], country: "US", yearFrom: 2023 })).toEqual([]);
        expect(await store.surveySalaries({ roles: ["ml-engineer"], country: "DE", yearFrom: 2023 })).toEqual([de2024]);
      }),
    );
  });
}
