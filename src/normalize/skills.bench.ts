/**
 * Throughput of the skills matcher over the 1,628 Glassdoor descriptions of ../shared/corpus (3.6 KB on
 * average): `npx vitest bench --run src/normalize/skills`. One bench iteration is one pass over all of them,
 * so descriptions/s = hz x 1,628. Without the corpus it times a built-in paragraph instead.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bench, describe } from "vitest";
import { parseCsvRecords } from "./csv.ts";
import { matchSkills } from "./skills.ts";

const corpus = (path: string) => fileURLToPath(new URL(`../../../shared/corpus/${path}`, import.meta.url));
const FILES = ["descriptions/glassdoor-ds-2020.csv", "descriptions/glassdoor-ds-2021.csv"];

const FALLBACK = [
  "We are looking for a Data Scientist with 3+ years of Python, R and SQL, experience with Spark, Airflow and " +
    "AWS (S3, EMR, Redshift), and a strong grasp of statistics: regression, hypothesis testing, A/B testing. " +
    "Experience with PyTorch or TensorFlow, scikit-learn and pandas; Tableau or Looker dashboards a plus. To " +
    "excel in this role you go to market with our product teams in an agile environment with CI/CD.",
];

const descriptions = existsSync(corpus(FILES[0] as string))
  ? FILES.flatMap((f) => parseCsvRecords(readFileSync(corpus(f), "utf8")).map((r) => r["Job Description"] ?? ""))
  : FALLBACK;

describe(`matchSkills, one pass over ${descriptions.length} descriptions`, () => {
  bench(
    "matchSkills",
    () => {
      for (const d of descriptions) matchSkills(d);
    },
    { time: 3_000 },
  );
});
