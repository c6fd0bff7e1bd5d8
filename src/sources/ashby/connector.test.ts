import { describe, expect, it } from "vitest";
import type { CrawlBoard } from "../connector.ts";
import { ashby } from "./connector.ts";

const board: CrawlBoard = { ats: "ashby", board: "openai", company: "OpenAI", industry: "ai-lab" };

/** A job in the shape api.ashbyhq.com/posting-api/job-board/{name}?includeCompensation=true returns. */
const job = {
  id: "f705c8d4-aa17-469f-80bf-23923a167ed2",
  title: "Research Engineer, Pretraining",
  department: "Research",
  team: "Pretraining",
  employmentType: "FullTime",
  location: "San Francisco",
  secondaryLocations: [{ location: "New York City", address: { postalAddress: { addressLocality: "New York" } } }],
  publishedAt: "2025-07-29T17:00:00.000+00:00",
  isListed: true,
  isRemote: false,
  workplaceType: "Hybrid",
  address: { postalAddress: { addressLocality: "San Francisco", addressRegion: "California", addressCountry: "USA" } },
  jobUrl: "https://jobs.ashbyhq.com/openai/f705c8d4-aa17-469f-80bf-23923a167ed2",
  applyUrl: "https://jobs.ashbyhq.com/openai/f705c8d4-aa17-469f-80bf-23923a167ed2/application",
  descriptionHtml: "<p>Train <b>frontier</b> models.</p>",
  descriptionPlain: "Train frontier models.",
  shouldDisplayCompensationOnJobPostings: true,
  compensation: { compensationTierSummary: "$260K – $385K • Offers Equity" },
};

describe("ashby connector", () => {
  it("maps a job with team, department, all locations, workplace and url", () => {
    const { postings, issues } = ashby.readPayload({ apiVersion: "1", jobs: [job] }, { board });
    expect(issues).toEqual([]);
    expect(postings[0]).toMatchObject({
      id: "ashby:openai:f705c8d4-aa17-469f-80bf-23923a167ed2",
      title: "Research Engineer, Pretraining",
      team: "Pretraining",
      department: "Research",
      locationRaw: "San Francisco",
      locations: ["San Francisco", "New York City"],
      workplace: "hybrid",
      employmentType: "FullTime",
      descriptionText: "Train frontier models.",
      payText: "$260K – $385K • Offers Equity",
    });
  });

  it("reads the compensation summary into a yearly USD base range with equity", () => {
    const [p] = ashby.readPayload({ jobs: [job] }, { board }).postings;
    expect(p?.payStructured[0]).toMatchObject({
      min: 260000,
      max: 385000,
      currency: "USD",
      period: "year",
      annualMin: 260000,
      annualMax: 385000,
      kind: "base",
      equity: true,
    });
  });

  it("treats isRemote as remote when workplaceType is absent, and no compensation as no pay", () => {
    const remote = { ...job, workplaceType: null, isRemote: true, compensation: null, secondaryLocations: [] };
    const [p] = ashby.readPayload({ jobs: [remote] }, { board }).postings;
    expect(p?.workplace).toBe("remote");
    expect(p?.payText).toBeNull();
    expect(p?.payStructured).toEqual([]);
  });

  it("falls back to the HTML description when the plain one is empty", () => {
    const [p] = ashby.readPayload({ jobs: [{ ...job, descriptionPlain: "" }] }, { board }).postings;
    expect(p?.descriptionText).toBe("Train frontier models.");
  });

  it("rejects a payload without a jobs array", () => {
    expect(() => ashby.readPayload({ success: false, errors: ["Job board not found"] }, { board })).toThrow(
      /not a ashby job list/,
    );
  });
});
