/**
 * Self-reported salaries from public salary surveys, kept apart from postings: a survey answer is what one
 * person says they earn, not what an employer offers, so it never enters a posting aggregate. Reports show
 * it beside posted pay under its own label.
 */
import type { Role, Seniority } from "./vocab.ts";

/** Survey sources roledex can import. */
export const SURVEY_SOURCES = ["aijobs"] as const;
export type SurveySource = (typeof SURVEY_SOURCES)[number];

/** The survey's own experience band (aijobs: EN, MI, SE, EX), distinct from the seniority a title states. */
export const EXPERIENCE_LEVELS = ["entry", "mid", "senior", "executive"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

/** aijobs: FT, PT, CT, FL. */
export const SURVEY_EMPLOYMENT_TYPES = ["full-time", "part-time", "contract", "freelance"] as const;
export type SurveyEmploymentType = (typeof SURVEY_EMPLOYMENT_TYPES)[number];

/** aijobs: S (under 50 employees), M (50 to 250), L (over 250). */
export const COMPANY_SIZES = ["small", "medium", "large"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** One survey answer: the respondent's pay for one year, with the taxonomy role and seniority of their title. */
export interface SurveySalary {
  source: SurveySource;
  workYear: number;
  experienceLevel: ExperienceLevel;
  employmentType: SurveyEmploymentType;
  /** The title as the respondent wrote it. */
  jobTitle: string;
  /** Gross yearly pay in US dollars, converted by the survey itself. */
  salaryUsd: number;
  /** Gross yearly pay as reported, in `salaryCurrency`. */
  salary: number;
  /** ISO 4217. */
  salaryCurrency: string;
  /** ISO 3166-1 alpha-2 of where the respondent lives. */
  employeeResidence: string;
  /** ISO 3166-1 alpha-2 of the employer's main office or contracting branch. */
  companyLocation: string;
  /** Share of the work done remotely: 0, 50 or 100. */
  remoteRatio: number;
  companySize: CompanySize;
  /** Role and seniority of `jobTitle` by classifyTitle, under `taxonomyVersion`. */
  role: Role;
  seniority: Seniority;
  taxonomyVersion: string;
}
