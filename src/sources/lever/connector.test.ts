import { describe, expect, it } from "vitest";
import type { CrawlBoard } from "../connector.ts";
import { lever } from "./connector.ts";

const board: CrawlBoard = { ats: "lever", board: "mistral", company: "Mistral AI", industry: "ai-lab" };

/** A posting in the shape api.lever.co/v0/postings/{company}?mode=json returns. */
const posting = {
  id: "5c1b5b5e-7c1a-4f55-9d52-2b0b0f0e0e0e",
  text: "Machine Learning Engineer, Inference",
  categories: {
    commitment: "Full-time",
    department: "Science",
    location: "Paris",
    team: "Inference",
    allLocations: ["Paris", "London"],
  },
  country: "FR",
  createdAt: 1735725600000,
  description: "<div>Serve models fast.</div>",
  descriptionPlain: "Serve models fast.",
  lists: [{ text: "What you will do", content: "<li>Write CUDA kernels</li><li>Profile</li>" }],
  additional: "<div>Benefits</div>",
  additionalPlain: "Benefits",
  hostedUrl: "https://jobs.lever.co/mistral/5c1b5b5e-7c1a-4f55-9d52-2b0b0f0e0e0e",
  applyUrl: "https://jobs.lever.co/mistral/5c1b5b5e-7c1a-4f55-9d52-2b0b0f0e0e0e/apply",
  workplaceType: "on-site",
  salaryRange: { currency: "EUR", interval: "per-year-salary", min: 90000, max: 140000 },
  salaryDescriptionPlain: "",
};

describe("lever connector", () => {
  it("maps a posting with team, department, locations, workplace, commitment, date and url", () => {
    const { postings, issues } = lever.readPayload([posting], { board });
    expect(issues).toEqual([]);
    expect(postings[0]).toMatchObject({
      id: "lever:mistral:5c1b5b5e-7c1a-4f55-9d52-2b0b0f0e0e0e",
      title: "Machine Learning Engineer, Inference",
      team: "Inference",
      department: "Science",
      locationRaw: "Paris",
      locations: ["Paris", "London"],
      workplace: "onsite",
      employmentType: "Full-time",
      publishedAt: "2025-01-01T10:00:00.000Z",
      url: "https://jobs.lever.co/mistral/5c1b5b5e-7c1a-4f55-9d52-2b0b0f0e0e0e",
    });
  });

  it("joins the description, its lists and the closing into text", () => {
    const [p] = lever.readPayload([posting], { board }).postings;
    expect(p?.descriptionText).toBe("Serve models fast.\n\nWhat you will do\nWrite CUDA kernels\nProfile\n\nBenefits");
  });

  it("reads salaryRange with its currency and interval as stated", () => {
    const [p] = lever.readPayload([posting], { board }).postings;
    expect(p?.payStructured[0]).toMatchObject({
      min: 90000,
      max: 140000,
      currency: "EUR",
      period: "year",
      kind: "base",
    });
  });

  it("rejects an object where the API returns an array", () => {
    expect(() => lever.readPayload({ ok: false, error: "Document not found" }, { board })).toThrow(
      /not a lever job list/,
    );
  });
});
