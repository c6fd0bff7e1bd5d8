import type { Comparison, RoleFigures } from "../analytics/compare.ts";
import { roleLabel, rolePlural } from "../normalize/taxonomy.ts";
import { capitalize, count, day, money } from "./format.ts";

function quickAnswerLine(f: RoleFigures): string {
  const who = `**${capitalize(rolePlural(f.role))}** (\`${f.role}\`)`;
  const s = f.baseSalary;
  if (f.activePostings === 0) return `- ${who}: no active postings.`;
  if (s.n === 0 || s.median === null) {
    return `- ${who}: ${count(f.activePostings, "active posting")}, none of which states base pay.`;
  }
  const of = `${s.n.toLocaleString("en-US")} of ${count(f.activePostings, "active posting")} that ${f.activePostings === 1 ? "states" : "state"} pay`;
  const spread = s.n >= 4 && s.p25 !== null && s.p75 !== null ? ` (middle half ${money(s.p25)}–${money(s.p75)})` : "";
  return `- ${who}: median base **${money(s.median)}** across ${of}${spread}.`;
}

/** The comparison as Markdown; its first section is the quick answer. */
export function renderCompareMarkdown(c: Comparison): string {
  const title = c.roles.map((f) => roleLabel(f.role)).join(" vs ");
  return [
    `# ${title}`,
    "",
    "## Quick answer",
    "",
    ...c.roles.map(quickAnswerLine),
    "",
    `Data as of ${day(c.dataAsOf)}. ${c.method}`,
    "",
  ].join("\n");
}
