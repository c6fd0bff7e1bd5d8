import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "roledex-normalize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (lines: unknown[], args: string[] = []) =>
  runCli(
    ["normalize", ...args],
    {},
    process.cwd(),
    lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n"),
  );
const outputs = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("roledex normalize", () => {
  it("writes one line per input line, in order, with every normalized field", async () => {
    const result = await run([
      {
        title: "Senior Machine Learning Engineer, Ranking",
        company: "Pinterest",
        location: "San Francisco, CA | New York City, NY",
        payText: "$180,000 - $250,000 per year",
        descriptionHtml:
          "<p>You will build ranking models in <b>PyTorch</b> and Python.</p><ul><li>5+ years of experience</li><li>MS or PhD in Computer Science preferred; BS required</li></ul><p>This role is hybrid, 3 days a week in office.</p>",
      },
      { title: "Research Scientist", location: "So Paulo", payText: "R$1,134,000 – R$1,260,000 • Offers Equity" },
      { title: "Data Analyst Intern", location: "Remote - US", payText: "$25/hr" },
    ]);
    expect(result.code).toBe(0);
    const [a, b, c] = outputs(result.stdout);
    expect(a).toMatchObject({
      role: "ml-engineer",
      seniority: "senior",
      pay: {
        min: 180000,
        max: 250000,
        currency: "USD",
        period: "year",
        annualMinUsd: 180000,
        annualMaxUsd: 250000,
        kind: "base",
        equity: false,
      },
      locations: [
        { city: "San Francisco", region: "CA", country: "US", remote: false },
        { city: "New York City", region: "NY", country: "US", remote: false },
      ],
      workplace: "hybrid",
      skills: expect.arrayContaining(["python", "pytorch"]),
      education: { required: "bachelor", preferred: "phd" },
      experienceYears: { min: 5, max: null },
      industry: "big-tech",
    });
    expect(b).toMatchObject({ role: "research-scientist", pay: { currency: "BRL", period: "year", min: 1134000 } });
    expect((b?.pay as { annualMinUsd: number } | undefined)?.annualMinUsd).toBeGreaterThan(150_000);
    expect(c).toMatchObject({
      role: "data-scientist",
      seniority: "intern",
      pay: { min: 25, period: "hour", annualMinUsd: 52000 },
      locations: [{ city: null, country: "US", remote: true }],
    });
  });

  it("keeps an unknown currency unknown and gives no USD figure", async () => {
    const [out] = outputs(
      (await run([{ title: "Research Engineer", location: "Dublin", payText: "142K – 180K • Offers Equity" }])).stdout,
    );
    expect(out?.pay).toMatchObject({
      min: 142000,
      max: 180000,
      currency: null,
      annualMinUsd: null,
      annualMaxUsd: null,
    });
  });

  it("replaces a line that is not a JSON object with an error line, goes on, and exits 2", async () => {
    const result = await run([
      { title: "Data Engineer" },
      "{not json",
      "[1,2]",
      { title: 42 },
      { title: "AI Engineer" },
    ]);
    expect(result.code).toBe(2);
    const lines = outputs(result.stdout);
    expect(lines.map((l) => (l.error ? "error" : l.role))).toEqual([
      "data-engineer",
      "error",
      "error",
      "error",
      "ai-engineer",
    ]);
    expect(result.stderr.trim()).toBe("roledex: E_INPUT 3 of 5 lines could not be read; each got an error line");
  });

  it("never throws on hostile text: each field yields nothing with an issue code, and the batch goes on", async () => {
    const nested = `${"<div>".repeat(50_000)}x${"</div>".repeat(50_000)}`;
    const binary = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 31) % 256));
    const result = await run([
      {},
      { title: "x".repeat(1_000_000), payText: "9".repeat(1_000_000), location: "y".repeat(1_000_000) },
      { title: binary, payText: binary, location: binary, descriptionText: binary },
      { title: "<script>alert(1)</script>", descriptionHtml: "<p>broken <b>html<script>evil()</script><li>Python" },
      { title: "Engineer", descriptionHtml: nested, payText: "[[[{{{(((" },
      { title: "ML Engineer" },
    ]);
    expect(result.code).toBe(0);
    const lines = outputs(result.stdout);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line.error).toBeUndefined();
    expect(lines[0]).toMatchObject({ role: "other", seniority: "unspecified", pay: null, locations: [], skills: [] });
    const codes = (i: number) => ((lines[i]?.issues ?? []) as { code: string }[]).map((x) => x.code);
    expect(lines[1]).toMatchObject({ pay: null, locations: [] });
    expect(codes(1)).toEqual(expect.arrayContaining(["pay.too_long", "location.too_long"]));
    expect(lines[2]).toMatchObject({ pay: null, locations: [], skills: [] });
    expect(codes(2)).toEqual(expect.arrayContaining(["pay.binary", "location.too_long", "education.binary"]));
    expect(lines[3]?.skills).toContain("python");
    expect(JSON.stringify(lines[3])).not.toContain("evil()");
    expect(lines[5]).toMatchObject({ role: "ml-engineer" });
  });

  it("takes the user's aliases, and records them in the taxonomy version", async () => {
    const aliases = join(dir, "aliases.json");
    writeFileSync(aliases, JSON.stringify({ "ml-engineer": ["Tensor Wrangler"] }));
    const plain = outputs((await run([{ title: "Senior Tensor Wrangler" }])).stdout)[0];
    const withAliases = outputs((await run([{ title: "Senior Tensor Wrangler" }], ["--aliases", aliases])).stdout)[0];
    expect([plain?.role, withAliases?.role, withAliases?.seniority]).toEqual(["other", "ml-engineer", "senior"]);
    expect(plain?.taxonomyVersion).toBe("1");
    expect(withAliases?.taxonomyVersion).toMatch(/^1\+aliases\.[0-9a-f]{8}$/);
  });

  it("refuses an aliases file that names a role outside the taxonomy", async () => {
    const bad = join(dir, "bad-aliases.json");
    writeFileSync(bad, JSON.stringify({ "prompt-whisperer": ["x"] }));
    const result = await run([{ title: "x" }], ["--aliases", bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^roledex: E_INPUT .*bad-aliases\.json must map role slugs/);
  });
});
