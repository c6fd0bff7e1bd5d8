/**
 * Scores the title classifier against labelled titles (shared/corpus/gold/titles-*.csv). Pure: rows in, numbers
 * out; reading the file and printing are the caller's business (the gold test, a later `npm run eval`).
 * Accuracy counts `high` and `medium` rows, as the gold README asks; `low` rows are scored apart.
 */
import { ROLES, type Role, SENIORITIES, type Seniority } from "../domain/vocab.ts";
import { classifyTitle } from "../normalize/classify-title.ts";

export type GoldConfidence = "high" | "medium" | "low";

export interface GoldTitle {
  title: string;
  team: string | null;
  role: Role;
  seniority: Seniority;
  confidence: GoldConfidence;
}

export interface TitleError {
  title: string;
  team: string | null;
  confidence: GoldConfidence;
  expected: { role: Role; seniority: Seniority };
  got: { role: Role; seniority: Seniority; evidence: string[] };
}

export interface Accuracy {
  n: number;
  roleAccuracy: number;
  seniorityAccuracy: number;
}

export interface TitleScore extends Accuracy {
  /** The same measures on `low` rows, which a careful reader could label otherwise. */
  lowConfidence: Accuracy;
  /** Counts on high and medium rows: confusion[expected][predicted]. */
  confusion: Record<Role, Record<Role, number>>;
  /** The first misclassified high/medium rows (role or seniority wrong), in input order. */
  errors: TitleError[];
}

function emptyConfusion(): Record<Role, Record<Role, number>> {
  const zeros = () => Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  return Object.fromEntries(ROLES.map((r) => [r, zeros()])) as Record<Role, Record<Role, number>>;
}

/** Role and seniority accuracy of `classifyTitle` on labelled rows (NaN when a group has no rows). */
export function scoreTitles(rows: readonly GoldTitle[], options: { maxErrors?: number } = {}): TitleScore {
  const maxErrors = options.maxErrors ?? 50;
  const confusion = emptyConfusion();
  const errors: TitleError[] = [];
  const main = { n: 0, role: 0, seniority: 0 };
  const low = { n: 0, role: 0, seniority: 0 };
  for (const row of rows) {
    const got = classifyTitle({ title: row.title, team: row.team });
    const roleOk = got.role === row.role;
    const seniorityOk = got.seniority === row.seniority;
    const tally = row.confidence === "low" ? low : main;
    tally.n++;
    if (roleOk) tally.role++;
    if (seniorityOk) tally.seniority++;
    if (row.confidence === "low") continue;
    confusion[row.role][got.role]++;
    if ((!roleOk || !seniorityOk) && errors.length < maxErrors) {
      errors.push({
        title: row.title,
        team: row.team,
        confidence: row.confidence,
        expected: { role: row.role, seniority: row.seniority },
        got: { role: got.role, seniority: got.seniority, evidence: got.evidence },
      });
    }
  }
  const acc = (t: { n: number; role: number; seniority: number }): Accuracy => ({
    n: t.n,
    roleAccuracy: t.n === 0 ? Number.NaN : t.role / t.n,
    seniorityAccuracy: t.n === 0 ? Number.NaN : t.seniority / t.n,
  });
  return { ...acc(main), lowConfidence: acc(low), confusion, errors };
}

const CONFIDENCES: readonly GoldConfidence[] = ["high", "medium", "low"];

/** A gold CSV record (source, title, team, role, seniority, confidence, note) as a row; throws on a label outside the taxonomy. */
export function goldTitleFromRecord(r: Record<string, string>, line: number): GoldTitle {
  const row = {
    title: r.title ?? "",
    team: r.team ? r.team : null,
    role: r.role as Role,
    seniority: r.seniority as Seniority,
    confidence: r.confidence as GoldConfidence,
  };
  if (!ROLES.includes(row.role) || !SENIORITIES.includes(row.seniority) || !CONFIDENCES.includes(row.confidence)) {
    throw new Error(`gold row ${line} has a label outside the taxonomy: ${JSON.stringify(r)}`);
  }
  return row;
}
