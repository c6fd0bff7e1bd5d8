import type { BoardSync, StoredState, SyncCounts } from "../crawl/lifecycle.ts";
import type { ErrorCode } from "../domain/errors.ts";
import type { NormalizedPosting } from "../domain/posting.ts";
import type { SurveySalary } from "../domain/survey.ts";
import type { Industry, Role, Seniority, SourceKind } from "../domain/vocab.ts";
import type { BoardRef } from "../sources/connector.ts";

/** A posting as stored: its normalization, its board's industry and its lifecycle. */
export interface StoredPosting extends NormalizedPosting {
  /** The industry its board was crawled with (a preset's or a boards file's), if any. */
  boardIndustry: string | null;
  firstSeen: string;
  lastSeen: string;
  closedAt: string | null;
}

export interface PostingFilter {
  /** Only postings listed by the latest successful crawl of their board (default true). */
  activeOnly?: boolean;
  roles?: readonly Role[];
  ats?: SourceKind;
  board?: string;
  /** Include each posting's raw payload (default false: it is large). */
  withRaw?: boolean;
}

/** A page of postings matching filters, as the postings explorer and the API ask for them. */
export interface PostingSearch {
  /** Default true. */
  activeOnly?: boolean;
  role?: Role;
  seniority?: Seniority;
  /** ISO 3166-1 alpha-2: a posting with any place in the country. */
  country?: string;
  /** The employer, compared without case. */
  company?: string;
  industry?: Industry;
  /** YYYY-MM-DD: published on or after (where not stated, first seen). */
  since?: string;
  /** Words to find, without case, in the title, the employer or the description. */
  text?: string;
  limit: number;
  offset: number;
}

/** One attempt at crawling one board, successful or not. */
export interface CrawlRun {
  id: string;
  ats: SourceKind;
  board: string;
  startedAt: string;
  finishedAt: string;
  status: "ok" | "failed";
  counts: SyncCounts | null;
  issues: number;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
}

export interface BoardStatus extends BoardRef {
  lastCrawlAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: "ok" | "failed" | null;
  lastError: string | null;
  activePostings: number;
}

export interface SurveyFilter {
  source?: string;
  roles?: readonly Role[];
  /** ISO 3166-1 alpha-2 of the employer (`companyLocation`), any case. */
  country?: string;
  /** Only answers for this work year or later. */
  yearFrom?: number;
}

/**
 * Storage of postings and their lifecycle, and of salary-survey answers (kept apart). One interface, one contract suite (contract.ts) that every
 * backend passes; DuckDB is the embedded default.
 */
export interface Store {
  readonly backend: string;
  /** Lifecycle state of every posting of a board, open or closed. */
  boardState(ats: SourceKind, board: string): Promise<StoredState[]>;
  /** Apply a successful crawl atomically: the postings' changes, the board's status and the run record. */
  applyBoardSync(board: BoardRef, sync: BoardSync, run: CrawlRun): Promise<void>;
  /** Record a failed crawl: the board's postings are left exactly as they were. */
  recordFailedCrawl(board: BoardRef, run: CrawlRun): Promise<void>;
  postings(filter?: PostingFilter): Promise<StoredPosting[]>;
  posting(id: string): Promise<StoredPosting | null>;
  /** Matching postings, newest first, one page of them, with the total count. Every filter is a bound parameter. */
  searchPostings(search: PostingSearch): Promise<{ total: number; items: StoredPosting[] }>;
  boards(): Promise<BoardStatus[]>;
  crawlRuns(limit?: number): Promise<CrawlRun[]>;
  /**
   * Replace every survey answer of `source` with `rows`, atomically: a failure leaves the previous rows.
   * Every row's `source` must be `source`. Returns the number of rows stored.
   */
  replaceSurvey(source: string, rows: readonly SurveySalary[]): Promise<number>;
  /** Survey answers matching every given filter, in the order they were imported. */
  surveySalaries(filter?: SurveyFilter): Promise<SurveySalary[]>;
  close(): Promise<void>;
}
