import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ROLES } from "../domain/vocab.ts";
import { parseCsvRecords } from "../normalize/csv.ts";
import { parseEducation } from "../normalize/education.ts";
import { industryFromDescription, industryOfLabel } from "../normalize/industry.ts";
import { parseLocation } from "../normalize/location.ts";
import { normalizeRecord } from "../normalize/record.ts";
import { matchSkills } from "../normalize/skills.ts";
import { goldPayFromRecord, scorePay } from "./pay.ts";
import { goldTitleFromRecord, scoreTitles } from "./titles.ts";

/**
 * `npm run eval`: every parser scored on labelled real data, printed as one table, with the role
 * confusion matrix. Gold sets are read from ../shared/corpus (absent in a user's clone: then it says so).
 *
 *   npm run eval [-- --titles FILE.csv --salary FILE.csv]   (e.g. a decrypted hold-out set)
 */

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
const DATA = new URL("../../data/", import.meta.url);
const argOf = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const csv = (path: string) => parseCsvRecords(readFileSync(path, "utf8"));
const pct = (x: number) => (Number.isNaN(x) ? "n/a" : `${(x * 100).toFixed(1)}%`);

interface Row {
  parser: string;
  set: string;
  n: number;
  metric: string;
  value: string;
  target: string;
}
const rows: Row[] = [];
const add = (row: Row) => rows.push(row);

function titles(path: string) {
  const gold = csv(path).map((r, i) => goldTitleFromRecord(r, i + 2));
  const s = scoreTitles(gold, { maxErrors: 10 });
  const set = path.replace(CORPUS, "");
  add({
    parser: "role",
    set: `${set} (high+medium)`,
    n: s.n,
    metric: "accuracy",
    value: pct(s.roleAccuracy),
    target: "≥ 95%",
  });
  add({
    parser: "seniority",
    set: `${set} (high+medium)`,
    n: s.n,
    metric: "accuracy",
    value: pct(s.seniorityAccuracy),
    target: "≥ 97%",
  });
  add({
    parser: "role",
    set: `${set} (low, apart)`,
    n: s.lowConfidence.n,
    metric: "accuracy",
    value: pct(s.lowConfidence.roleAccuracy),
    target: "",
  });
  add({
    parser: "seniority",
    set: `${set} (low, apart)`,
    n: s.lowConfidence.n,
    metric: "accuracy",
    value: pct(s.lowConfidence.seniorityAccuracy),
    target: "",
  });
  return s;
}

function pay(path: string) {
  const gold = csv(path).flatMap((r) => goldPayFromRecord(r) ?? []);
  // Through the `roledex normalize` entry point: the text and its location, nothing else.
  const s = scorePay(gold, {
    maxErrors: 10,
    parse: (row) => {
      const out = normalizeRecord({ payText: row.text, location: row.location }).pay;
      return out ? [{ ...out, annualMin: null, annualMax: null, fx: null, raw: row.text }] : [];
    },
  });
  const set = path.replace(CORPUS, "");
  add({
    parser: "pay",
    set,
    n: s.n,
    metric: "min, max, period, currency exact",
    value: pct(s.exactRate),
    target: "≥ 99%",
  });
  add({ parser: "pay", set, n: s.n, metric: "kind right", value: `${s.kindRight}/${s.n}`, target: "every row" });
  add({
    parser: "pay",
    set,
    n: s.n,
    metric: "currency the text does not support",
    value: String(s.wrongCurrency),
    target: "0",
  });
  return s;
}

function skills() {
  const sample = JSON.parse(readFileSync(new URL("skills/eval-sample-v1.json", DATA), "utf8")) as {
    file: string;
    row: number;
    skills: string[];
  }[];
  const cache = new Map<string, Record<string, string>[]>();
  let matched = 0;
  let right = 0;
  let labelled = 0;
  for (const s of sample) {
    const records = cache.get(s.file) ?? csv(`${CORPUS}${s.file}`);
    cache.set(s.file, records);
    const r = records[s.row] ?? {};
    const text = r["Job Description"] ?? r.description ?? "";
    const got = matchSkills(text);
    const truth = new Set(s.skills);
    matched += got.length;
    right += got.filter((id) => truth.has(id)).length;
    labelled += truth.size;
  }
  add({
    parser: "skills",
    set: "hand-labelled descriptions",
    n: sample.length,
    metric: "precision",
    value: pct(right / matched),
    target: "≥ 0.9",
  });
  add({
    parser: "skills",
    set: "hand-labelled descriptions",
    n: sample.length,
    metric: "recall",
    value: pct(right / labelled),
    target: "",
  });
}

function education() {
  const sample = JSON.parse(readFileSync(new URL("eval/education-sample-v1.json", DATA), "utf8")) as {
    file: string;
    row: number;
    required: string | null;
    preferred: string | null;
  }[];
  const byFile = new Map<string, Record<string, string>[]>();
  let required = 0;
  let preferred = 0;
  for (const s of sample) {
    const records = byFile.get(s.file) ?? csv(`${CORPUS}${s.file}`);
    byFile.set(s.file, records);
    const got = parseEducation(records[s.row]?.["Job Description"] ?? "").education;
    if (got.required === s.required) required++;
    if (got.preferred === s.preferred) preferred++;
  }
  const set = "hand-labelled Glassdoor descriptions";
  add({
    parser: "education",
    set,
    n: sample.length,
    metric: "required degree right",
    value: pct(required / sample.length),
    target: "≥ 85%",
  });
  add({
    parser: "education",
    set,
    n: sample.length,
    metric: "preferred degree right",
    value: pct(preferred / sample.length),
    target: "≥ 85%",
  });
}

function industry() {
  const seen = new Set<string>();
  let n = 0;
  let given = 0;
  let right = 0;
  for (const file of ["descriptions/glassdoor-ds-2020.csv", "descriptions/glassdoor-ds-2021.csv"]) {
    for (const r of csv(`${CORPUS}${file}`)) {
      const truth = industryOfLabel(r.Sector);
      const text = r["Job Description"] ?? "";
      if (truth === null || seen.has(text)) continue;
      seen.add(text);
      n++;
      const got = industryFromDescription(text);
      if (got) given++;
      if (got?.industry === truth) right++;
    }
  }
  const set = "Glassdoor sectors (description cues only)";
  add({ parser: "industry", set, n, metric: "precision", value: pct(right / given), target: "≥ 80%" });
  add({ parser: "industry", set, n, metric: "coverage", value: pct(given / n), target: "" });
}

function locations() {
  const strings = new Set<string>();
  for (const r of csv(`${CORPUS}ai-labs/postings.csv`)) if (r.location) strings.add(r.location);
  for (const r of csv(`${CORPUS}listings/intern-newgrad-ai-2024-2026.csv`)) if (r.location) strings.add(r.location);
  let withCountry = 0;
  for (const s of strings) if (parseLocation({ text: s }).places.some((p) => p.country !== null)) withCountry++;
  add({
    parser: "location",
    set: "distinct ai-labs + listings strings",
    n: strings.size,
    metric: "read to a place with a country",
    value: pct(withCountry / strings.size),
    target: "",
  });
}

function printTable() {
  const header = ["parser", "set", "n", "metric", "value", "target"];
  const cells = rows.map((r) => [r.parser, r.set, String(r.n), r.metric, r.value, r.target]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const c of cells) console.log(line(c));
}

function main() {
  const titlesPath = argOf("titles") ?? `${CORPUS}gold/titles-dev.csv`;
  const salaryPath = argOf("salary") ?? `${CORPUS}gold/salary-dev.csv`;
  if (!existsSync(titlesPath) || !existsSync(salaryPath)) {
    console.log(
      `no gold sets at ${titlesPath} and ${salaryPath}: the evaluation needs ../shared/corpus beside the repository (or --titles/--salary)`,
    );
    process.exitCode = 2;
    return;
  }
  const t = titles(titlesPath);
  pay(salaryPath);
  if (existsSync(`${CORPUS}descriptions`)) {
    skills();
    education();
    industry();
    locations();
  }
  console.log("roledex evaluation: every parser on labelled real data\n");
  printTable();
  console.log("\nRole confusion matrix on high+medium title rows (rows: gold label, columns: predicted)\n");
  const short = ROLES.map((r) =>
    r.replace("research-", "res-").replace("-engineer", "-eng").replace("-scientist", "-sci"),
  );
  const w = Math.max(...short.map((s) => s.length)) + 1;
  console.log(`${"".padEnd(w)}${short.map((s) => s.padStart(w)).join("")}`);
  ROLES.forEach((gold, i) => {
    console.log(`${(short[i] ?? "").padEnd(w)}${ROLES.map((p) => String(t.confusion[gold][p]).padStart(w)).join("")}`);
  });
  if (t.errors.length) {
    console.log("\nFirst misclassified titles:");
    for (const e of t.errors)
      console.log(`  "${e.title}" → ${e.got.role}/${e.got.seniority}, gold ${e.expected.role}/${e.expected.seniority}`);
  }
}

main();
