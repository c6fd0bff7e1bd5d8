import { existsSync, readFileSync } from "node:fs";
import { parseCsvRecords } from "../normalize/csv.ts";

/**
 * A generated corpus of realistic postings for the ingest benchmark, in the shapes the Greenhouse and
 * Ashby APIs return. Titles, locations, pay lines and descriptions are drawn from the recorded corpus in
 * ../shared when it is there (real text, recombined), else from small built-in pools.
 */

const SHARED = new URL("../../../shared/corpus/", import.meta.url);

interface Pools {
  titles: string[];
  locations: string[];
  payLines: string[];
  descriptions: string[];
  fromCorpus: boolean;
}

const FALLBACK: Pools = {
  titles: [
    "Research Engineer, Pre-training",
    "Senior Machine Learning Engineer",
    "Staff Software Engineer, Inference",
    "Data Scientist, Product Analytics",
    "Applied Scientist II",
    "AI Engineer, Agents",
    "Engineering Manager, ML Platform",
    "Account Executive, Enterprise",
  ],
  locations: ["San Francisco, CA", "New York City; Palo Alto; San Francisco", "Remote - US", "London, UK", "Zurich"],
  payLines: ["$260K – $385K • Offers Equity", "$50 – $60 per hour", "£70K – £95K", "$180K"],
  descriptions: [
    "About the role\nYou will train and evaluate large language models with PyTorch and JAX on thousands of GPUs.\nRequirements\n5+ years of experience in Python and C++. MS or PhD in Computer Science preferred.\nThe annual base salary for this role is $200,000 - $300,000 USD.",
  ],
  fromCorpus: false,
};

function loadPools(): Pools {
  if (!existsSync(new URL("README.md", SHARED))) return FALLBACK;
  const csv = (path: string) => parseCsvRecords(readFileSync(new URL(path, SHARED), "utf8"));
  const labs = csv("ai-labs/postings.csv");
  const glassdoor = [...csv("descriptions/glassdoor-ds-2020.csv"), ...csv("descriptions/glassdoor-ds-2021.csv")];
  const linkedin = csv("descriptions/linkedin-2024-sample.csv");
  const pick = (rows: Record<string, string>[], ...keys: string[]) =>
    rows.map((r) => keys.map((k) => r[k]).find((v) => v?.trim() && v !== "-1") ?? "").filter(Boolean);
  const replay = readFileSync(new URL("replay/postings.ndjson", SHARED), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { item: { compensation?: { compensationTierSummary?: string } | null } });
  return {
    titles: pick(labs, "title"),
    locations: pick(labs, "location"),
    payLines: replay.map((r) => r.item.compensation?.compensationTierSummary ?? "").filter(Boolean),
    descriptions: [...pick(glassdoor, "Job Description"), ...pick(linkedin, "description")],
    fromCorpus: true,
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run ingests the same corpus. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A description as employers' HTML: paragraphs, and lists where lines look like bullets. */
function toHtml(text: string): string {
  return text
    .split(/\n+/)
    .map((line) =>
      /^\s*[-•*]/.test(line)
        ? `<ul><li>${escapeHtml(line.replace(/^\s*[-•*]\s*/, ""))}</li></ul>`
        : `<p>${escapeHtml(line)}</p>`,
    )
    .join("");
}

export interface GeneratedBoard {
  ats: "greenhouse" | "ashby";
  board: string;
  /** The API response body, as text: what a crawl parses. */
  body: string;
  postings: number;
}

/** `boards` boards of `perBoard` postings each; 60% Greenhouse (content entity-escaped), 40% Ashby. */
export function generateCorpus(
  boards: number,
  perBoard: number,
  seed = 1,
): { boards: GeneratedBoard[]; fromCorpus: boolean } {
  const pools = loadPools();
  const rand = random(seed);
  const any = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: GeneratedBoard[] = [];
  let id = 1_000_000;
  for (let b = 0; b < boards; b++) {
    const ats = b % 5 < 3 ? "greenhouse" : "ashby";
    const jobs = [];
    for (let j = 0; j < perBoard; j++) {
      const title = any(pools.titles);
      const location = any(pools.locations);
      const text = any(pools.descriptions);
      const html = toHtml(text);
      id++;
      if (ats === "greenhouse") {
        const pay =
          rand() < 0.5
            ? `<div class="content-pay-transparency"><div class="pay-range"><span>$${150 + (id % 100)},000</span><span class="divider">&mdash;</span><span>$${250 + (id % 150)},000 USD</span></div></div>`
            : "";
        jobs.push({
          id,
          title,
          updated_at: "2026-01-20T10:00:00-05:00",
          location: { name: location },
          absolute_url: `https://job-boards.greenhouse.io/bench${b}/jobs/${id}`,
          content: escapeHtml(html + pay),
          departments: [{ id: 1, name: "Research" }],
          offices: [{ id: 2, name: location }],
          first_published: "2025-11-01T10:00:00-05:00",
          company_name: `Bench ${b}`,
        });
      } else {
        jobs.push({
          id: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
          title,
          department: "Research",
          team: "Research",
          employmentType: "FullTime",
          location,
          secondaryLocations: [],
          isListed: true,
          isRemote: false,
          workplaceType: null,
          // Ashby sends both forms; the plain one is what the connector reads.
          descriptionHtml: html,
          descriptionPlain: text,
          publishedAt: "2025-11-01",
          jobUrl: `https://jobs.ashbyhq.com/bench${b}/${id}`,
          compensation: rand() < 0.8 ? { compensationTierSummary: any(pools.payLines) } : null,
        });
      }
    }
    const body = JSON.stringify(
      ats === "greenhouse" ? { jobs, meta: { total: jobs.length } } : { apiVersion: "1", jobs },
    );
    out.push({ ats, board: `bench${b}`, body, postings: jobs.length });
  }
  return { boards: out, fromCorpus: pools.fromCorpus };
}
