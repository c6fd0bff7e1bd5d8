import { describe, expect, it } from "vitest";
import { RoledexError } from "../../domain/errors.ts";
import type { CrawlBoard } from "../connector.ts";
import { greenhouse } from "./connector.ts";

const board: CrawlBoard = { ats: "greenhouse", board: "deepmind", company: "Google DeepMind", industry: "ai-lab" };

/** A list item in the shape boards-api.greenhouse.io returns with ?content=true (content is entity-escaped HTML). */
const item = {
  absolute_url: "https://job-boards.greenhouse.io/deepmind/jobs/7386040",
  data_compliance: [{ type: "gdpr", requires_consent: false, retention_period: null }],
  internal_job_id: 3292258,
  location: { name: "Mountain View, California, US" },
  metadata: [{ id: 90484, name: "Website Grouping", value: "Engineering", value_type: "single_select" }],
  id: 7386040,
  updated_at: "2025-12-06T22:55:31-05:00",
  requisition_id: "2467",
  title: "  Research Engineer, Gemini Post-Training ",
  company_name: "DeepMind",
  first_published: "2025-11-11T04:54:21-05:00",
  language: "en",
  content:
    "&lt;p&gt;You will &lt;strong&gt;train&lt;/strong&gt; large models.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;" +
    "&lt;div class=&quot;content-pay-transparency&quot;&gt;&lt;div class=&quot;pay-input&quot;&gt;" +
    "&lt;div class=&quot;title&quot;&gt;US Base Salary Range&lt;/div&gt;&lt;div class=&quot;pay-range&quot;&gt;" +
    "&lt;span&gt;$166,000&lt;/span&gt;&lt;span class=&quot;divider&quot;&gt;&amp;mdash;&lt;/span&gt;&lt;span&gt;$244,000 USD&lt;/span&gt;" +
    "&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;",
  departments: [{ id: 4019233002, name: "Research", child_ids: [], parent_id: null }],
  offices: [
    { id: 4045601002, name: "Mountain View, California, US", location: "Mountain View, California, United States" },
  ],
};

describe("greenhouse connector", () => {
  it("maps a list item to a posting with id, board, trimmed title, department, location and url", () => {
    const { postings, issues } = greenhouse.readPayload({ jobs: [item], meta: { total: 1 } }, { board });
    expect(issues).toEqual([]);
    const [p] = postings;
    expect(p).toMatchObject({
      id: "greenhouse:deepmind:7386040",
      ats: "greenhouse",
      board: "deepmind",
      sourceId: "7386040",
      company: "Google DeepMind",
      title: "Research Engineer, Gemini Post-Training",
      department: "Research",
      locationRaw: "Mountain View, California, US",
      locations: ["Mountain View, California, US"],
      workplace: null,
      url: "https://job-boards.greenhouse.io/deepmind/jobs/7386040",
      publishedAt: "2025-11-11T04:54:21-05:00",
    });
    // the raw item is kept as sent, less its description body, which is kept as text
    const { content: _content, ...rest } = item;
    expect(p?.raw).toEqual(rest);
  });

  it("decodes escaped content to text without script content and reads the pay-transparency block", () => {
    const [p] = greenhouse.readPayload({ jobs: [item] }, { board }).postings;
    expect(p?.descriptionText).toContain("You will train large models.");
    expect(p?.descriptionText).not.toContain("alert(1)");
    expect(p?.payStructured).toHaveLength(1);
    expect(p?.payStructured[0]).toMatchObject({
      min: 166000,
      max: 244000,
      currency: "USD",
      period: "year",
      kind: "base",
    });
  });

  it("reads pay_input_ranges (cents) of the single-job endpoint", () => {
    const single = {
      ...item,
      content: "",
      pay_input_ranges: [
        { min_cents: 5000000, max_cents: 7500000, currency_type: "USD", title: "NYC Salary Range", blurb: "..." },
      ],
    };
    const [p] = greenhouse.readPayload({ jobs: [single] }, { board }).postings;
    expect(p?.payStructured[0]).toMatchObject({
      min: 50000,
      max: 75000,
      currency: "USD",
      period: "year",
      kind: "base",
    });
  });

  it("keeps a bad item as an issue and its id as still listed, mapping the rest", () => {
    const read = greenhouse.readPayload({ jobs: [item, { id: 99, title: 42 }, "junk"] }, { board });
    expect(read.postings.map((p) => p.sourceId)).toEqual(["7386040"]);
    expect(read.unreadableIds).toEqual(["greenhouse:deepmind:99"]);
    expect(read.issues.map((i) => i.code)).toEqual(["source.item_invalid", "source.item_invalid"]);
    expect(read.issues[0]?.path).toEqual([1, "title"]);
  });

  it("rejects a payload that is not a job list with E_SOURCE_MALFORMED", () => {
    const attempt = () => greenhouse.readPayload({ error: "nope" }, { board });
    expect(attempt).toThrow(RoledexError);
    expect(attempt).toThrow(/not a greenhouse job list/);
  });

  it("builds the list URL with content and an encoded token", () => {
    expect(greenhouse.boardUrl("http://127.0.0.1:9/greenhouse/", "deepmind")).toBe(
      "http://127.0.0.1:9/greenhouse/v1/boards/deepmind/jobs?content=true",
    );
  });
});
