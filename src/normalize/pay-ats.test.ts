import { describe, expect, it } from "vitest";
import type { RecordIssue } from "../domain/errors.ts";
import { FX_TABLE_DATE, usdRate } from "./fx.ts";
import {
  parseGreenhouseContentPay,
  payFromAshbyCompensation,
  payFromGreenhouseRanges,
  payFromLeverSalaryRange,
  payFromRange,
} from "./pay.ts";

/** Greenhouse's list endpoint escapes the description's HTML once more than HTML needs. */
const escapeHtml = (html: string) =>
  html.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const PAY_BLOCK = [
  '<div class="content-pay-transparency"><div class="pay-input">',
  '<div class="description"><p>The base salary range for this full-time position is listed below.</p></div>',
  '<div class="title">San Francisco Salary Range</div>',
  '<div class="pay-range"><span>$200,000</span><span class="divider">&mdash;</span><span>$250,000 USD</span></div>',
  "</div>",
  '<div class="pay-input"><div class="title">Canada Salary Range</div>',
  '<div class="pay-range"><span>$180,000</span><span class="divider">&mdash;</span><span>$220,000 CAD</span></div>',
  "</div></div>",
].join("");

describe("payFromRange", () => {
  it("annualises a structured figure and keeps its raw text", () => {
    expect(payFromRange({ min: 50, max: 60, currency: "USD", period: "hour", raw: "{}" })).toEqual({
      min: 50,
      max: 60,
      currency: "USD",
      period: "hour",
      annualMin: 104000,
      annualMax: 124800,
      annualMinUsd: 104000,
      annualMaxUsd: 124800,
      fx: { rate: 1, date: FX_TABLE_DATE, source: "stated in USD" },
      kind: "base",
      equity: false,
      raw: "{}",
    });
    expect(payFromRange({ min: 3000, max: null, currency: "EUR", period: "biweek", raw: "x" })).toMatchObject({
      annualMin: 78000,
      annualMax: null,
    });
    expect(
      payFromRange({ min: 5000, max: 6000, currency: null, period: "day", kind: "total", raw: "x" }),
    ).toMatchObject({
      annualMin: 1300000,
      kind: "total",
    });
  });

  it("reads a range written high to low as low to high and an amount of zero as unknown", () => {
    expect(payFromRange({ min: 90, max: 60, currency: "USD", period: "week", raw: "x" })).toMatchObject({
      min: 60,
      max: 90,
    });
    expect(payFromRange({ min: 0, max: 100000, currency: "USD", period: "year", raw: "x" })).toMatchObject({
      min: null,
      annualMin: null,
      max: 100000,
    });
  });

  it("leaves the yearly value of an equity grant with no interval null", () => {
    expect(
      payFromRange({
        min: 1e6,
        max: 2e6,
        currency: "USD",
        period: "year",
        kind: "equity",
        periodStated: false,
        raw: "x",
      }),
    ).toMatchObject({ annualMin: null, annualMax: null, kind: "equity", equity: true });
  });
});

describe("payFromGreenhouseRanges", () => {
  it("reads the docs' pay_input_ranges (cents) as a yearly USD range", () => {
    const ranges = [
      {
        min_cents: 5000000,
        max_cents: 7500000,
        currency_type: "USD",
        title: "NYC Salary Range",
        blurb: "In order to provide transparency...",
      },
    ];
    expect(payFromGreenhouseRanges(ranges)).toEqual([
      {
        min: 50000,
        max: 75000,
        currency: "USD",
        period: "year",
        annualMin: 50000,
        annualMax: 75000,
        annualMinUsd: 50000,
        annualMaxUsd: 75000,
        fx: { rate: 1, date: FX_TABLE_DATE, source: "stated in USD" },
        kind: "base",
        equity: false,
        raw: JSON.stringify(ranges[0]),
      },
    ]);
  });

  it("reads the period from the title, else from magnitude (Robinhood-style hourly zones)", () => {
    const pays = payFromGreenhouseRanges([
      { min_cents: 4400, max_cents: 4400, currency_type: "USD", title: "Zone 1" },
      { min_cents: 600000, max_cents: 800000, currency_type: "MXN", title: "Mexico Monthly Pay Range" },
      { min_cents: 9000000, max_cents: 11000000, currency_type: "cad", title: "Canada Annual Pay Range" },
    ]);
    expect(pays.map((p) => [p.min, p.currency, p.period])).toEqual([
      [44, "USD", "hour"],
      [6000, "MXN", "month"],
      [90000, "CAD", "year"],
    ]);
  });

  it("skips a range it cannot place and a malformed item, with issues, and never throws", () => {
    const issues: RecordIssue[] = [];
    const pays = payFromGreenhouseRanges(
      [
        { min_cents: 500000, max_cents: 600000, currency_type: "USD", title: "Stipend" },
        { min_cents: "lots", currency_type: "USD" },
        null,
        { min_cents: 10000000, max_cents: 12000000, currency_type: "USD", title: "US" },
      ],
      { issues },
    );
    expect(pays.map((p) => p.min)).toEqual([100000]);
    expect(issues.map((i) => i.code)).toEqual(["pay.period_unknown", "pay.bad_shape", "pay.bad_shape"]);
    for (const bad of [null, "x", 42, { min_cents: 1 }, undefined]) {
      const sink: RecordIssue[] = [];
      expect(payFromGreenhouseRanges(bad, { issues: sink })).toEqual([]);
      expect(sink.map((i) => i.code)).toEqual(["pay.bad_shape"]);
    }
  });
});

describe("payFromLeverSalaryRange", () => {
  it("maps each Lever interval to a period", () => {
    const periodOf = (interval: string) =>
      payFromLeverSalaryRange({ currency: "USD", interval, min: 100, max: 120 })[0]?.period;
    expect(periodOf("per-year-salary")).toBe("year");
    expect(periodOf("per-month-salary")).toBe("month");
    expect(periodOf("per-week-salary")).toBe("week");
    expect(periodOf("per-day-wage")).toBe("day");
    expect(periodOf("per-hour-wage")).toBe("hour");
  });

  it("reads a real-shaped salaryRange", () => {
    const range = { currency: "EUR", interval: "per-year-salary", min: 70000, max: 90000 };
    expect(payFromLeverSalaryRange(range)).toEqual([
      {
        min: 70000,
        max: 90000,
        currency: "EUR",
        period: "year",
        annualMin: 70000,
        annualMax: 90000,
        annualMinUsd: Math.round(70000 * (usdRate("EUR")?.rate ?? Number.NaN)),
        annualMaxUsd: Math.round(90000 * (usdRate("EUR")?.rate ?? Number.NaN)),
        fx: usdRate("EUR"),
        kind: "base",
        equity: false,
        raw: JSON.stringify(range),
      },
    ]);
  });

  it("refuses one-time and unknown intervals, empty and malformed ranges with an issue", () => {
    const cases: [unknown, string][] = [
      [{ currency: "USD", interval: "one-time", min: 5000, max: 5000 }, "pay.unsupported_interval"],
      [{ currency: "USD", interval: "per-fortnight-mystery", min: 1, max: 2 }, "pay.unsupported_interval"],
      [{ currency: "USD", interval: "per-year-salary", min: null, max: null }, "pay.empty"],
      [{ currency: "USD", interval: "per-year-salary", min: "100k" }, "pay.bad_shape"],
      ["100k", "pay.bad_shape"],
      [null, "pay.bad_shape"],
    ];
    for (const [range, code] of cases) {
      const issues: RecordIssue[] = [];
      expect(payFromLeverSalaryRange(range, { issues })).toEqual([]);
      expect(issues.map((i) => i.code)).toEqual([code]);
    }
  });

  it("keeps a range with a currency that is not an ISO code, with a null currency and an issue", () => {
    const issues: RecordIssue[] = [];
    const [pay] = payFromLeverSalaryRange(
      { currency: "dollars", interval: "per-year-salary", min: 1e5, max: 2e5 },
      { issues },
    );
    expect(pay?.currency).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(["pay.bad_currency"]);
  });
});

describe("payFromAshbyCompensation", () => {
  // The shape of `compensation` in api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true.
  const compensation = {
    compensationTierSummary: "£91K – £115K • Offers Equity",
    scrapeableCompensationSalarySummary: "£91K - £115K",
    compensationTiers: [
      {
        id: "d670ac0f-be2b-48ad-ae80-3aa57463baf0",
        tierSummary: "£91K – £115K • Offers Equity",
        title: "GBR - Level 3",
        additionalInformation: null,
        components: [
          {
            id: "cbbbd2da-85a8-4ddb-a59a-ed6f6688efa3",
            summary: "£91K – £115K",
            compensationType: "Salary",
            interval: "1 YEAR",
            currencyCode: "GBP",
            minValue: 91000,
            maxValue: 115000,
          },
          {
            id: "e1558e68-1023-42fd-af2e-ae6db81815e0",
            summary: "Offers Equity",
            compensationType: "EquityPercentage",
            interval: "NONE",
            currencyCode: null,
            minValue: null,
            maxValue: null,
          },
        ],
      },
    ],
    summaryComponents: [
      { compensationType: "Salary", interval: "1 YEAR", currencyCode: "GBP", minValue: 91000, maxValue: 115000 },
      { compensationType: "EquityPercentage", interval: "NONE", currencyCode: null, minValue: null, maxValue: null },
    ],
  };

  it("reads the structured Salary component, with the equity flag from the equity component", () => {
    const pays = payFromAshbyCompensation(compensation);
    expect(pays).toHaveLength(1);
    expect(pays[0]).toMatchObject({
      min: 91000,
      max: 115000,
      currency: "GBP",
      period: "year",
      annualMin: 91000,
      kind: "base",
      equity: true,
    });
    expect(JSON.parse(pays[0]?.raw ?? "{}")).toMatchObject({ compensationType: "Salary", minValue: 91000 });
  });

  it("reads one range per tier, hourly and biweekly intervals, equity values; skips commission and bonus", () => {
    const pays = payFromAshbyCompensation({
      compensationTiers: [
        {
          title: "Zone A",
          components: [
            { compensationType: "Salary", interval: "1 HOUR", currencyCode: "USD", minValue: 50, maxValue: 60 },
            { compensationType: "Commission", interval: "1 YEAR", currencyCode: "USD", minValue: 1e4, maxValue: 2e4 },
            { compensationType: "Bonus", interval: "1 YEAR", currencyCode: "USD", minValue: 5e3, maxValue: 5e3 },
          ],
        },
        {
          title: "Zone B",
          components: [
            { compensationType: "Salary", interval: "2 WEEK", currencyCode: "USD", minValue: 3000, maxValue: 3500 },
            {
              compensationType: "EquityCashValue",
              interval: "NONE",
              currencyCode: "USD",
              minValue: 1e5,
              maxValue: 2e5,
            },
            {
              compensationType: "EquityPercentage",
              interval: "NONE",
              currencyCode: null,
              minValue: 0.1,
              maxValue: 0.2,
            },
          ],
        },
      ],
    });
    expect(pays.map((p) => [p.kind, p.min, p.max, p.currency, p.period, p.annualMax])).toEqual([
      ["base", 50, 60, "USD", "hour", 124800],
      ["base", 3000, 3500, "USD", "biweek", 91000],
      ["equity", 1e5, 2e5, "USD", "year", null],
      ["equity", 0.1, 0.2, null, "year", null],
    ]);
    expect(pays.every((p) => p.equity)).toBe(true);
  });

  it("parses the summary line when no component states a figure, as the AI-lab replay serves it", () => {
    expect(payFromAshbyCompensation({ compensationTierSummary: "$405K • Offers Equity" })).toEqual([
      {
        min: 405000,
        max: 405000,
        currency: "USD",
        period: "year",
        annualMin: 405000,
        annualMax: 405000,
        annualMinUsd: 405000,
        annualMaxUsd: 405000,
        fx: { rate: 1, date: FX_TABLE_DATE, source: "stated in USD" },
        kind: "base",
        equity: true,
        raw: "$405K",
      },
    ]);
    expect(payFromAshbyCompensation({ compensationTierSummary: "$50 – $60 per hour" })[0]).toMatchObject({
      period: "hour",
      equity: false,
    });
    expect(
      payFromAshbyCompensation({ scrapeableCompensationSalarySummary: "$200K - $300K", compensationTiers: [] })[0],
    ).toMatchObject({ min: 200000, max: 300000 });
    expect(payFromAshbyCompensation({ compensationTierSummary: "142K – 180K • Offers Equity" })[0]).toMatchObject({
      currency: null,
    });
  });

  it("yields [] and an issue for a compensation object that is not Ashby's shape", () => {
    for (const bad of [null, "oops", 7, { compensationTiers: "many" }, { summaryComponents: [{ minValue: 1 }] }]) {
      const issues: RecordIssue[] = [];
      expect(payFromAshbyCompensation(bad, { issues })).toEqual([]);
      expect(issues.map((i) => i.code)).toEqual(["pay.bad_shape"]);
    }
    const issues: RecordIssue[] = [];
    const odd = { compensationType: "Salary", interval: "6 MONTH", currencyCode: "USD", minValue: 1, maxValue: 2 };
    expect(payFromAshbyCompensation({ summaryComponents: [odd] }, { issues })).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["pay.unsupported_interval"]);
    expect(payFromAshbyCompensation({})).toEqual([]);
  });
});

describe("parseGreenhouseContentPay", () => {
  it("reads the same figures from the block alone when the caller gives the description's text", () => {
    const html = `<p>Build models. Equity is offered.</p>${PAY_BLOCK}`;
    const whole = parseGreenhouseContentPay(html);
    const blockOnly = parseGreenhouseContentPay(html, { prose: "Build models. Equity is offered." });
    expect(blockOnly.pays).toEqual(whole.pays);
    expect(blockOnly.pays.length).toBeGreaterThan(0);
    expect(blockOnly.text).toBe(whole.text);
  });

  it("reads every range of an entity-escaped pay-transparency block, the ISO code beating `$`", () => {
    const { pays, text, issues } = parseGreenhouseContentPay(escapeHtml(`<p>About the role</p>${PAY_BLOCK}`));
    expect(pays.map((p) => [p.min, p.max, p.currency, p.period, p.kind])).toEqual([
      [200000, 250000, "USD", "year", "base"],
      [180000, 220000, "CAD", "year", "base"],
    ]);
    expect(text).toBe(
      "San Francisco Salary Range: $200,000 – $250,000 USD\nCanada Salary Range: $180,000 – $220,000 CAD",
    );
    expect(issues).toEqual([]);
  });

  it("reads HTML already unescaped the same way", () => {
    expect(parseGreenhouseContentPay(PAY_BLOCK).pays.map((p) => p.currency)).toEqual(["USD", "CAD"]);
  });

  it("reads `$` in a block titled with a country as that country's dollar", () => {
    const html = `<div class="content-pay-transparency"><div class="pay-input"><div class="title">Canada Annual Pay Range</div><div class="pay-range"><span>$150,000</span><span class="divider">—</span><span>$180,000</span></div></div></div>`;
    expect(parseGreenhouseContentPay(html).pays[0]).toMatchObject({ currency: "CAD", period: "year" });
    expect(parseGreenhouseContentPay(html, { location: "New York" }).pays[0]?.currency).toBe("CAD");
  });

  it("takes the period from the block's description when the range states none", () => {
    const html = `<div class="content-pay-transparency"><div class="pay-input"><div class="description"><p>This role is paid hourly.</p></div><div class="title">Zone A:</div><div class="pay-range"><span>$400</span><span class="divider">—</span><span>$500 USD</span></div></div></div>`;
    expect(parseGreenhouseContentPay(html).pays[0]).toMatchObject({ min: 400, max: 500, period: "hour" });
  });

  it("reads pay stated as prose in the description when there is no block", () => {
    const html = escapeHtml(
      "<p>We build frontier models.</p><p>The annual base salary for this role is $150,000&mdash;$190,000 USD. We also offer equity.</p><p>Apply now.</p>",
    );
    const { pays, text } = parseGreenhouseContentPay(html);
    expect(pays).toHaveLength(1);
    expect(pays[0]).toMatchObject({ min: 150000, max: 190000, currency: "USD", period: "year", equity: true });
    expect(text).toBe("The annual base salary for this role is $150,000—$190,000 USD. We also offer equity.");
  });

  it("returns no pay and a null text for a description that states none", () => {
    expect(parseGreenhouseContentPay(escapeHtml("<p>Join our 401(k)-matching team of 5,000 people.</p>"))).toEqual({
      pays: [],
      text: null,
      issues: [],
    });
    expect(parseGreenhouseContentPay("")).toEqual({ pays: [], text: null, issues: [] });
  });

  it("never throws on broken, deeply nested or huge content", () => {
    for (const broken of [
      '<div class="content-pay-transparency"><div class="pay-range"><span>$1',
      "<<<>>><div class=><span></div></span></p></p></p>&amp;&lt;&#xZZ;",
      '<div class="pay-range"><span>$120,000</span><span class="divider">',
      "</div></div></div><script>var x = '$100,000 per year';</script>",
      "\u0000\u0001\u0002<div>\ufffd</div>",
    ]) {
      const result = parseGreenhouseContentPay(broken);
      expect(Array.isArray(result.pays), broken).toBe(true);
    }
    const started = performance.now();
    const nested = parseGreenhouseContentPay(`${"<div>".repeat(100_000)}$100,000 per year${"</div>".repeat(50_000)}`);
    expect(nested.pays).toEqual([]);
    expect(nested.issues.map((i) => i.code)).toEqual(["pay.too_deep"]);
    const churn = `${"<div>".repeat(250)}${"</div>".repeat(250)}`.repeat(300);
    expect(parseGreenhouseContentPay(churn).pays).toEqual([]);
    expect(parseGreenhouseContentPay("<p>".repeat(1_000_001)).issues.map((i) => i.code)).toEqual(["pay.too_long"]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
