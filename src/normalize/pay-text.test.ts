import { describe, expect, it } from "vitest";
import type { Pay } from "../domain/posting.ts";
import { parsePayText } from "./pay.ts";
import { type PayTextContext, readPayFigures } from "./pay-text.ts";

/** The figures of a text, without `raw` and the annual values, for compact expectations. */
const read = (text: string, context: PayTextContext = {}) =>
  parsePayText(text, context).pays.map(({ min, max, currency, period, kind }) => ({
    min,
    max,
    currency,
    period,
    kind,
  }));
const one = (text: string, context: PayTextContext = {}): Pay => {
  const { pays } = parsePayText(text, context);
  expect(pays, `one figure in ${JSON.stringify(text)}`).toHaveLength(1);
  return pays[0] as Pay;
};
const codes = (text: string, context: PayTextContext = {}) => parsePayText(text, context).issues.map((i) => i.code);

describe("parsePayText: forms stated in the corpus", () => {
  it("reads a yearly range with `per year` (LinkedIn snippet)", () => {
    expect(read("Salary Range: $120,000 - $140,000 per year About Us:We are a distinguished fine dining")).toEqual([
      { min: 120000, max: 140000, currency: "USD", period: "year", kind: "base" },
    ]);
  });

  it("reads listing pay `$75/hr` and `$172k/yr`", () => {
    expect(read("$75/hr")).toEqual([{ min: 75, max: 75, currency: "USD", period: "hour", kind: "base" }]);
    expect(read("$172k/yr")).toEqual([{ min: 172000, max: 172000, currency: "USD", period: "year", kind: "base" }]);
  });

  it("reads `$18-20/hour`, the second end inheriting the currency", () => {
    expect(read("Job Type: Full-time Pay: $18-20/hour Expected hours: 35 – 45 per week")).toEqual([
      { min: 18, max: 20, currency: "USD", period: "hour", kind: "base" },
    ]);
  });

  it("reads `150k–200k` with an en dash and no currency as yearly with currency null", () => {
    expect(read("150k–200k")).toEqual([{ min: 150000, max: 200000, currency: null, period: "year", kind: "base" }]);
  });

  it("keeps the currency null when the recorder lost the € of a Dublin pay", () => {
    const pay = one("142K – 180K • Offers Equity", { location: "Dublin, Ireland", defaultPeriod: "year" });
    expect(pay).toMatchObject({ min: 142000, max: 180000, currency: null, period: "year", equity: true });
  });

  it("reads Ashby summaries: equity flag, hourly and monthly lines, multiple ranges, commission", () => {
    const ashby = { location: "San Francisco", defaultPeriod: "year" } as const;
    expect(one("$260K – $385K • Offers Equity", ashby)).toMatchObject({
      min: 260000,
      max: 385000,
      currency: "USD",
      period: "year",
      annualMin: 260000,
      annualMax: 385000,
      kind: "base",
      equity: true,
      raw: "$260K – $385K",
    });
    expect(one("$50 – $60 per hour", ashby)).toMatchObject({ min: 50, max: 60, period: "hour", annualMin: 104000 });
    expect(one("$18.3K per month", ashby)).toMatchObject({ min: 18300, period: "month", annualMax: 219600 });
    expect(one("$91.36 per hour • Offers Equity", ashby)).toMatchObject({ min: 91.36, max: 91.36, period: "hour" });
    expect(one("$292.5K – $405K • Offers Equity • Multiple Ranges", ashby)).toMatchObject({ min: 292500, max: 405000 });
    expect(one("$293K – $325K • Offers Equity • Offers Commission", ashby)).toMatchObject({
      kind: "base",
      equity: true,
    });
  });

  it("follows Ashby's convention that a summary with no period is yearly, as the gold set labels it", () => {
    expect(one("$62.98 – $69.71 • Offers Equity", { defaultPeriod: "year" })).toMatchObject({ period: "year" });
    // The summary's bullets name the source when the caller does not.
    expect(one("$62.98 – $69.71 • Offers Equity")).toMatchObject({ period: "year" });
    // Without them the magnitude says hourly.
    expect(one("$62.98 – $69.71")).toMatchObject({ period: "hour" });
  });

  it("reads R$ as BRL", () => {
    expect(read("R$1,134,000 – R$1,260,000 • Offers Equity", { location: "So Paulo", defaultPeriod: "year" })).toEqual([
      { min: 1134000, max: 1260000, currency: "BRL", period: "year", kind: "base" },
    ]);
  });

  it("splits a salary range followed by an equity range, with or without the bullet", () => {
    const restored = read("$347,000 – $405,000 – $1,980,000 – $2,420,000 Equity", { defaultPeriod: "year" });
    expect(restored).toEqual([
      { min: 347000, max: 405000, currency: "USD", period: "year", kind: "base" },
      { min: 1980000, max: 2420000, currency: "USD", period: "year", kind: "equity" },
    ]);
    const [, equity] = parsePayText("$260K – $385K • $1M – $2M Equity").pays;
    // An equity grant states no period: no yearly value is made up for it.
    expect(equity).toMatchObject({ kind: "equity", min: 1000000, max: 2000000, annualMin: null, annualMax: null });
  });

  it("reads equity percentages as equity figures without a currency", () => {
    expect(read("Equity: 0.1% - 0.25%")).toEqual([
      { min: 0.1, max: 0.25, currency: null, period: "year", kind: "equity" },
    ]);
    expect(read("Equity included 100% medical, dental and vision insurance coverage")).toEqual([]);
  });

  it("reads Glassdoor estimates apart from the employer's figures", () => {
    expect(one("$63K-$112K (Glassdoor est.)")).toMatchObject({ min: 63000, max: 112000, kind: "estimate" });
    expect(one("$21-$34 Per Hour(Glassdoor est.)")).toMatchObject({
      min: 21,
      max: 34,
      period: "hour",
      kind: "estimate",
    });
    // Glassdoor's "Employer est." and "Employer Provided Salary" are the employer's own range.
    expect(one("$82K-$129K(Employer est.)")).toMatchObject({ kind: "base" });
    expect(one("Employer Provided Salary:$150K-$160K")).toMatchObject({ min: 150000, max: 160000, kind: "base" });
    expect(codes("-1")).toEqual(["pay.unparsable"]);
  });

  it("reads OTE as total and the base stated beside it as base; a commission range is not pay", () => {
    expect(read("Compensation: $180-230k OTE Base: $90k-115k Commission: $90k-115k on target commission")).toEqual([
      { min: 180000, max: 230000, currency: "USD", period: "year", kind: "total" },
      { min: 90000, max: 115000, currency: "USD", period: "year", kind: "base" },
    ]);
    expect(
      read("Base salary starting at $49,920 with uncapped commissions and on-target earnings (OTE) of $80,000+."),
    ).toEqual([
      { min: 49920, max: null, currency: "USD", period: "year", kind: "base" },
      { min: 80000, max: null, currency: "USD", period: "year", kind: "total" },
    ]);
  });

  it("reads `up to $X` as min null and `from $X`, `starting at $X`, `$X+` as max null", () => {
    expect(one("which could cost up to $14,000 a year.")).toMatchObject({ min: null, max: 14000, annualMin: null });
    expect(one("Salary: From $22 per hour")).toMatchObject({ min: 22, max: null, period: "hour" });
    expect(one("Pay: From $80,000.00 plus bonuses per year")).toMatchObject({ min: 80000, max: null, period: "year" });
    expect(one("$150,000+")).toMatchObject({ min: 150000, max: null });
    expect(one("starts at $22/hr.")).toMatchObject({ min: 22, max: null });
  });

  it("reads periods stated after the figure", () => {
    const periodOf = (text: string) => one(text).period;
    expect(periodOf("pay range $90,000 – $110,000 annually. To apply")).toBe("year");
    expect(periodOf("anticipated to range between $420,000 to $435,000 per annum.")).toBe("year");
    expect(periodOf("Pay: $70,000 - $100,000 range / year salary, depending on skills")).toBe("year");
    expect(periodOf("Salary Range: $205,398 - $274,206 Annual The City of Tempe")).toBe("year");
    expect(periodOf("Payment $7,000-9,000 monthly contract (6 months with possibility of extension)")).toBe("month");
    expect(periodOf("Anticipated pay range is $14 - $20 an hour commensurate")).toBe("hour");
    expect(periodOf("$2500-$3500/week")).toBe("week");
    expect(periodOf("$1,500/wk")).toBe("week");
    expect(periodOf("Wage: $ 100 USD /one day(Good performance will have extra bonus)")).toBe("day");
    expect(periodOf("Day rate: £500 daily")).toBe("day");
    expect(periodOf("$3,000 biweekly")).toBe("biweek");
    expect(periodOf("$3,000 bi-weekly")).toBe("biweek");
    expect(periodOf("$5,000/mo")).toBe("month");
    expect(periodOf("$172k/yr")).toBe("year");
  });

  it("reads a period adjective of a pay word before the figure, not an unrelated `per week`", () => {
    expect(one("Position Type: F/T 40 hours per weekHourly Rate: $25Schedule: Monday")).toMatchObject({
      min: 25,
      period: "hour",
    });
    expect(one("Hourly Pay Rate based on experience:$18-34 Pay rate will fluctuate")).toMatchObject({
      min: 18,
      max: 34,
      period: "hour",
    });
    expect(
      one("Classification: Full-time (40 hours per week), Exempt, Management Salary Range: $95,000-107,000 About us"),
    ).toMatchObject({ min: 95000, max: 107000, period: "year" });
  });

  it("infers the period from magnitude only where unambiguous, else drops the figure with an issue", () => {
    expect(one("Pay rate: $25 - $27Job Summary")).toMatchObject({ period: "hour" });
    expect(one("Salary Range: $161,000 - $241,400 The above salary range")).toMatchObject({ period: "year" });
    expect(read("Salary of $4,200")).toEqual([]);
    expect(codes("Salary of $4,200")).toEqual(["pay.period_unknown"]);
    expect(codes("$2,500 - $3,000 semi-monthly")).toEqual(["pay.period_unsupported"]);
  });

  it("reads `$40 - $45K`, `$200-400k` and `$50-$55k`, carrying the multiplier to the smaller end", () => {
    expect(one("Salary: $40 - $45K per year")).toMatchObject({ min: 40000, max: 45000 });
    expect(one("Potential to earn $200-400k first year")).toMatchObject({ min: 200000, max: 400000 });
    expect(one("salary range of $50-$55k, 401k plan with company match")).toMatchObject({ min: 50000, max: 55000 });
  });

  it("reads `between $X and $Y` and `from $X to $Y` as ranges", () => {
    expect(one("will be between $35,000 and $85,000 per year at the commencement")).toMatchObject({
      min: 35000,
      max: 85000,
    });
    expect(one("The annual base salary range for this position is from $150,000 to $190,000.")).toMatchObject({
      min: 150000,
      max: 190000,
      period: "year",
    });
  });

  it("returns every range of a text that states several locations", () => {
    expect(read("San Francisco: $150,000-$200,000; New York: $140,000-$190,000")).toEqual([
      { min: 150000, max: 200000, currency: "USD", period: "year", kind: "base" },
      { min: 140000, max: 190000, currency: "USD", period: "year", kind: "base" },
    ]);
  });

  it("returns a figure stated twice once", () => {
    expect(
      read("Job Position: Registered Nurse $56.41 per hour  Location: Murrieta, CA  Pay Rate: $56.41/hr."),
    ).toEqual([{ min: 56.41, max: 56.41, currency: "USD", period: "hour", kind: "base" }]);
  });

  it("keeps `raw` as the exact substring the figure was read from", () => {
    const text = "Compensation:$55,000-$75,000/year  ";
    const pay = one(text);
    expect(pay.raw).toBe("$55,000-$75,000/year");
    expect(text).toContain(pay.raw);
    expect(one("Job Type: Full-time \ufeffPay: $110,000.00 - $125,000.00 per year Benefits").raw).toBe(
      "$110,000.00 - $125,000.00 per year",
    );
  });
});

describe("parsePayText: currencies", () => {
  const currencyOf = (text: string, location?: string) => one(text, { location: location ?? null }).currency;

  it("reads symbols that name one currency", () => {
    expect(currencyOf("£60,000")).toBe("GBP");
    expect(currencyOf("€80.000 - €95.000")).toBe("EUR");
    expect(currencyOf("80.000 € brutto")).toBe("EUR");
    expect(currencyOf("R$12,000 per month")).toBe("BRL");
    expect(currencyOf("₹12,00,000 per annum")).toBe("INR");
    expect(currencyOf("C$95,000")).toBe("CAD");
    expect(currencyOf("CA$95,000")).toBe("CAD");
    expect(currencyOf("A$130k")).toBe("AUD");
    expect(currencyOf("AU$130k")).toBe("AUD");
    expect(currencyOf("S$8,000 per month")).toBe("SGD");
    expect(currencyOf("NZ$110,000")).toBe("NZD");
    expect(currencyOf("HK$50,000 per month")).toBe("HKD");
  });

  it("reads ISO codes before or after the figure, and lets a code beat a symbol", () => {
    expect(currencyOf("USD 120,000 - 150,000")).toBe("USD");
    expect(currencyOf("120,000 USD")).toBe("USD");
    expect(currencyOf("CAD 90,000 - 110,000")).toBe("CAD");
    expect(currencyOf("CHF 120'000")).toBe("CHF");
    expect(currencyOf("$180,000 — $220,000 CAD")).toBe("CAD");
    expect(currencyOf("$150,000 - $190,000 per year (USD)", "Toronto, ON")).toBe("USD");
  });

  it("reads `$` as the dollar of the posting's country, USD in the US or with no location", () => {
    expect(currencyOf("$120,000 - $140,000", "Toronto, ON")).toBe("CAD");
    expect(currencyOf("$120,000 - $140,000", "Remote, Canada")).toBe("CAD");
    expect(currencyOf("$120,000 - $140,000", "Sydney, Australia")).toBe("AUD");
    expect(currencyOf("$120,000 - $140,000", "Singapore")).toBe("SGD");
    expect(currencyOf("$120,000 - $140,000", "Auckland, New Zealand")).toBe("NZD");
    expect(currencyOf("$900,000 - $1,100,000", "Mexico City, Mexico")).toBe("MXN");
    expect(currencyOf("$900,000 - $1,100,000", "Hong Kong")).toBe("HKD");
    expect(currencyOf("$120,000 - $140,000", "Vancouver, WA")).toBe("USD");
    expect(currencyOf("$120,000 - $140,000", "Albuquerque, New Mexico")).toBe("USD");
    expect(currencyOf("$120,000 - $140,000", "San Francisco")).toBe("USD");
    expect(currencyOf("$120,000 - $140,000")).toBe("USD");
    expect(currencyOf("US$120,000", "Toronto, ON")).toBe("USD");
  });

  it("leaves `$` null where the location makes it ambiguous", () => {
    expect(currencyOf("$120,000 - $140,000", "New York City; Toronto")).toBeNull();
    expect(currencyOf("$4,000,000 - $6,000,000 per year", "Buenos Aires, Argentina")).toBeNull();
    // A `$` that may be pesos says nothing about the period either.
    expect(codes("$4,000,000 - $6,000,000", { location: "Buenos Aires, Argentina" })).toEqual(["pay.period_unknown"]);
  });

  it("reads `¥` and `kr` by location, else null", () => {
    expect(currencyOf("¥8,000,000", "Tokyo, Japan")).toBe("JPY");
    expect(currencyOf("¥500,000 per year", "Shanghai, China")).toBe("CNY");
    expect(currencyOf("¥500,000 per year")).toBeNull();
    expect(currencyOf("45 000 kr per month", "Stockholm, Sweden")).toBe("SEK");
    expect(currencyOf("45 000 kr per month", "Oslo")).toBe("NOK");
  });

  it("never assumes a currency the text does not state", () => {
    expect(currencyOf("Compensation: 165,000-185,000 Apply now")).toBeNull();
    expect(currencyOf("150k–200k")).toBeNull();
  });
});

describe("parsePayText: what is not pay", () => {
  it("ignores bonuses, perks, revenue, funding and benefit caps", () => {
    for (const text of [
      "HIRING IMMEDIATELY!!! $200 Sign-On Bonus!!!",
      "we manage over $20 billion in client assets.",
      "reach $100M+ in sales. With our proprietary IP",
      "revenues in excess of $15 million in a nonprofit environment.",
      "operating revenue of $600,000 or higher annual revenue",
      "Basic Life Insurance up to $50,000.Career Training",
      "Medical, with up to $2,000 employer-funded reimbursement card",
      "Lead technicians can expect to make $500-$1000+ a month in tips in addition to regular wages.",
      "Experience selling in deal size of $35k-75k ARR",
      "If you make less than $50,000 a month right now",
      "Utilize the PO systems for all purchases over $200 and for non-emergency repairs",
      "The position also includes a monthly $350 healthcare stipend",
      "Tuition Reimbursement; $6,000/year",
      "long-term disability (60% of salary up to $10,000.00/month)",
      "Employee Referral Bonus:\nRefer a friend and receive $2,000 per year",
      "401(k) with 4% employer match after one year",
      "Expected hours: 32 – 36 per week",
      "Schedule:8 hour shiftMonday to Friday",
      "Competitive salary",
    ]) {
      expect(read(text), text).toEqual([]);
    }
  });

  it("reads pay stated next to a commission or a bonus it is paid with", () => {
    expect(one("Compensation & Benefits· $80,000 - $125,000 along with commission· Renewable income")).toMatchObject({
      min: 80000,
      max: 125000,
    });
    expect(one("Annual base salary of $80,000 - $90,000 (DOE) + commission, car allowance")).toMatchObject({
      min: 80000,
    });
    expect(one("Starting salary of $60,000 to $80,000, plus potential bonus.")).toMatchObject({ max: 80000 });
  });

  it("says equity is offered only when it is, not for internal or private equity", () => {
    expect(one("$150k–$200k with equity").equity).toBe(true);
    expect(one("$120k + equity + benefits")).toMatchObject({ kind: "base", equity: true });
    expect(
      one("pays between $18-$25 per hour, depending on experience, qualifications, and internal equity.").equity,
    ).toBe(false);
    expect(one("Salary: $90,000. Our Diversity, Equity & Inclusion council").equity).toBe(false);
    expect(one("Salary: $90,000; RSUs and stock options").equity).toBe(true);
  });
});

describe("parsePayText: hostile input", () => {
  it("returns an issue, never a throw, for empty, non-string and binary input", () => {
    expect(parsePayText("")).toEqual({
      pays: [],
      issues: [{ code: "pay.empty", path: [], message: "pay text is empty" }],
    });
    expect(codes("   \n\t ")).toEqual(["pay.empty"]);
    expect(codes(null as unknown as string)).toEqual(["pay.unparsable"]);
    expect(codes(12345 as unknown as string)).toEqual(["pay.unparsable"]);
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    expect(codes(binary)).toEqual(["pay.binary"]);
  });

  it("refuses a 1 MB string quickly", () => {
    const started = performance.now();
    const result = parsePayText("1-".repeat(500_000));
    expect(result.pays).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(["pay.too_long"]);
    expect(performance.now() - started).toBeLessThan(2_000); // a guard against runaway backtracking, not a speed target
  });

  it("reads the longest accepted text of digits, dashes and symbols in bounded time", () => {
    for (const text of [
      "12-".repeat(65_000),
      "$1-".repeat(65_000),
      "$12K – ".repeat(28_000),
      `$${"1,".repeat(95_000)}`,
      "1.".repeat(95_000),
      "per hour per year ".repeat(10_000),
      `Salary ${"a ".repeat(95_000)}$5`,
      `${"(".repeat(90_000)}$100,000`,
    ]) {
      const started = performance.now();
      const result = parsePayText(text);
      const elapsed = performance.now() - started;
      expect(Array.isArray(result.pays)).toBe(true);
      expect(elapsed, `${text.slice(0, 12)}… took ${elapsed.toFixed(0)} ms`).toBeLessThan(1_000);
    }
  });

  it("reads numbers too long to be money as no money", () => {
    expect(read(`$${"9".repeat(400)}`)).toEqual([]);
    expect(read(`Salary: $${"9".repeat(25)} per year`)).toEqual([]);
  });
});

describe("parsePayText: the cheap refusals read what the full reading does", () => {
  it("finds the pay among a description's other numbers", () => {
    const text =
      "We have 5 offices, 300 people and 12 teams; 401k match, 20% off. " +
      "Salary range: $120,000 - $150,000 per year, plus equity.";
    expect(read(text)).toEqual([{ min: 120_000, max: 150_000, currency: "USD", period: "year", kind: "base" }]);
    expect(one(text).equity).toBe(true);
    expect(read("Team of 40, 99% uptime, 10% bonus. Hourly Rate: 25 - 30")).toEqual([
      { min: 25, max: 30, currency: null, period: "hour", kind: "base" },
    ]);
    expect(codes("Join 2,000 engineers in 12 countries.")).toEqual(["pay.unparsable"]);
  });

  it("reads a percentage as an equity share only where equity labels it", () => {
    expect(read("RSUs: 0.05%-0.1%")).toEqual([{ min: 0.05, max: 0.1, currency: null, period: "year", kind: "equity" }]);
    expect(read("100% remote. 0.5% equity after a year")).toEqual([
      { min: 0.5, max: 0.5, currency: null, period: "year", kind: "equity" },
    ]);
    expect(read("100% remote, 20% travel, 5% annual raise")).toEqual([]);
  });

  it("reads currencies and multipliers written apart from the number", () => {
    expect(one("Pay: Rs. 12,00,000 per annum")).toMatchObject({ min: 1_200_000, currency: "INR", period: "year" });
    expect(one("Base salary of $1.2 million per year")).toMatchObject({ min: 1_200_000, raw: "$1.2 million per year" });
    expect(one("Salary range: 150 thousand - 180 thousand USD per year")).toMatchObject({
      min: 150_000,
      max: 180_000,
      currency: "USD",
    });
  });

  it("reads text with no-break and zero-width spaces, keeping `raw` an exact substring", () => {
    expect(one("Salary:\u00a0$120,000\u200b - $150,000 per year")).toMatchObject({
      min: 120_000,
      max: 150_000,
      raw: "$120,000  - $150,000 per year",
    });
    expect(one("\ufeffCompensation: $95,000 – $120,000 USD")).toMatchObject({ min: 95_000, currency: "USD" });
  });

  it("marks equity the same whether or not the caller asks for it without figures", () => {
    for (const text of [
      "Salary: $150,000 - $180,000 per year + equity",
      "Salary: $150,000 - $180,000 per year. Our work on pay equity",
      "We offer RSUs and a 401k.",
      "Diversity, Equity & Inclusion",
    ]) {
      expect(parsePayText(text).pays, text).toEqual(readPayFigures(text).figures.map((f) => f.pay));
    }
    expect(readPayFigures("We offer RSUs and a 401k.").equity).toBe(true);
    expect(readPayFigures("Diversity, Equity & Inclusion").equity).toBe(false);
  });
});
