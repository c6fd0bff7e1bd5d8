import type { SourcePosting } from "../../src/domain/posting.ts";
import type { Industry } from "../../src/domain/vocab.ts";
import { normalizePosting } from "../../src/normalize/posting.ts";
import type { BoardStatus, StoredPosting } from "../../src/store/store.ts";

/**
 * A small, realistic store's worth of postings for report tests: titles, places, pay lines and
 * descriptions as employers write them, run through the real normalization.
 */

interface Spec {
  id: string;
  title: string;
  company: string;
  location: string;
  pay?: string;
  description?: string;
  industry?: Industry;
}

const RE_TEXT = `About the role
You will train large language models on thousands of GPUs and build evaluation pipelines for research.
Responsibilities
- Train large models with PyTorch and JAX
- Design experiments and evaluate model behaviour
- Build research infrastructure for distributed training
Requirements
- 3+ years of experience in Python
- MS or PhD in Computer Science preferred`;

const MLE_TEXT = `What you'll do
- Deploy models to production and monitor them
- Build data pipelines with Spark and SQL
- Partner with product teams to ship ranking features
What you'll bring
- 5+ years of experience with Python, SQL and Kubernetes
- Bachelor's degree in Computer Science required`;

const SPECS: Spec[] = [
  {
    id: "1",
    title: "Research Engineer, Pre-training",
    company: "Acme AI",
    location: "San Francisco, CA",
    pay: "$300K – $400K",
    description: RE_TEXT,
    industry: "ai-lab",
  },
  {
    id: "2",
    title: "Research Engineer, Evals",
    company: "Acme AI",
    location: "San Francisco, CA",
    pay: "$280K – $360K",
    description: RE_TEXT,
    industry: "ai-lab",
  },
  {
    id: "3",
    title: "Senior Research Engineer",
    company: "Acme AI",
    location: "New York City, NY",
    pay: "$320K – $420K",
    description: RE_TEXT,
    industry: "ai-lab",
  },
  {
    id: "4",
    title: "Staff Research Engineer",
    company: "Beta Labs",
    location: "London, UK",
    pay: "£180,000 - £240,000",
    description: RE_TEXT,
    industry: "ai-lab",
  },
  {
    id: "5",
    title: "Research Engineer, Agents",
    company: "Beta Labs",
    location: "San Francisco, CA",
    pay: "$250K – $350K",
    description: RE_TEXT,
    industry: "ai-lab",
  },
  {
    id: "6",
    title: "Research Engineer, Agents",
    company: "Beta Labs",
    location: "Seattle, WA",
    pay: "$250K – $350K",
    description: RE_TEXT,
    industry: "ai-lab",
  },
  {
    id: "7",
    title: "Research Engineer, Safety",
    company: "Gamma Health",
    location: "Boston, MA",
    pay: "$200K – $260K",
    description: RE_TEXT,
    industry: "healthcare",
  },
  {
    id: "8",
    title: "Research Engineer",
    company: "Gamma Health",
    location: "Remote - US",
    description: RE_TEXT,
    industry: "healthcare",
  },
  {
    id: "11",
    title: "Machine Learning Engineer",
    company: "Delta Pay",
    location: "New York City, NY",
    pay: "$180,000 - $220,000 per year",
    description: MLE_TEXT,
    industry: "finance",
  },
  {
    id: "12",
    title: "Senior Machine Learning Engineer",
    company: "Delta Pay",
    location: "New York City, NY",
    pay: "$210,000 - $260,000 per year",
    description: MLE_TEXT,
    industry: "finance",
  },
  {
    id: "13",
    title: "Machine Learning Engineer, Ranking",
    company: "Epsilon Shop",
    location: "Seattle, WA",
    pay: "$170,000 - $210,000 per year",
    description: MLE_TEXT,
    industry: "retail-consumer",
  },
  {
    id: "14",
    title: "Staff Machine Learning Engineer",
    company: "Epsilon Shop",
    location: "Seattle, WA",
    pay: "$240,000 - $300,000 per year",
    description: MLE_TEXT,
    industry: "retail-consumer",
  },
  {
    id: "15",
    title: "Machine Learning Engineer II",
    company: "Zeta Cloud",
    location: "Austin, TX",
    pay: "$160,000 - $200,000 per year",
    description: MLE_TEXT,
    industry: "software",
  },
  {
    id: "16",
    title: "Senior Machine Learning Engineer",
    company: "Zeta Cloud",
    location: "Remote - US",
    pay: "$200,000 - $250,000 per year",
    description: MLE_TEXT,
    industry: "software",
  },
  {
    id: "17",
    title: "Principal Machine Learning Engineer",
    company: "Zeta Cloud",
    location: "Austin, TX",
    pay: "$280,000 - $340,000 per year",
    description: MLE_TEXT,
    industry: "software",
  },
  {
    id: "18",
    title: "Machine Learning Engineer",
    company: "Eta Bank",
    location: "London, UK",
    pay: "£90,000 - £120,000",
    description: MLE_TEXT,
    industry: "finance",
  },
  {
    id: "21",
    title: "Data Engineer",
    company: "Delta Pay",
    location: "New York City, NY",
    pay: "$150,000 - $180,000 per year",
    industry: "finance",
  },
  { id: "22", title: "Account Executive", company: "Acme AI", location: "San Francisco, CA", industry: "ai-lab" },
];

export const FIXTURE_NOW = "2026-01-22T09:00:00.000Z";

/** The specs twice over, the second time at sister employers, so the groups are large enough to separate. */
const DOUBLED: Spec[] = [...SPECS, ...SPECS.map((s) => ({ ...s, id: `${s.id}b`, company: `${s.company} West` }))];

export function fixturePostings(specs: readonly Spec[] = DOUBLED): StoredPosting[] {
  return specs.map((s) => {
    const source: SourcePosting = {
      id: `greenhouse:fixture:${s.id}`,
      ats: "greenhouse",
      board: "fixture",
      sourceId: s.id,
      company: s.company,
      title: s.title,
      team: null,
      department: null,
      locationRaw: s.location,
      locations: [s.location],
      workplace: null,
      employmentType: null,
      url: `https://example.com/jobs/${s.id}`,
      publishedAt: "2025-12-01",
      sourceUpdatedAt: null,
      descriptionText: s.description ?? null,
      payText: s.pay ?? null,
      payStructured: [],
      raw: null,
    };
    return {
      ...normalizePosting(source, { presetIndustry: s.industry ?? null }),
      boardIndustry: null,
      firstSeen: "2025-12-11T09:00:00.000Z",
      lastSeen: FIXTURE_NOW,
      closedAt: null,
    };
  });
}

export const FIXTURE_BOARDS: BoardStatus[] = [
  {
    ats: "greenhouse",
    board: "fixture",
    company: "Fixture",
    industry: null,
    lastCrawlAt: FIXTURE_NOW,
    lastSuccessAt: FIXTURE_NOW,
    lastStatus: "ok",
    lastError: null,
    activePostings: DOUBLED.length,
  },
];
