import { type RecordIssue, RoledexError } from "../../domain/errors.ts";
import { parseCsv } from "../../normalize/csv.ts";

export const IMPORT_FORMATS = ["csv", "ndjson", "json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ImportRecord = Record<string, unknown>;

/** The format named by a file's extension, or the one asked for. */
export function formatOf(path: string, asked?: string): ImportFormat {
  const format = asked ?? /\.(csv|ndjson|jsonl|json|jsonld)$/i.exec(path)?.[1]?.toLowerCase();
  if (format === "jsonl") return "ndjson";
  if (format === "jsonld") return "json";
  if (format === "csv" || format === "ndjson" || format === "json") return format;
  throw new RoledexError("E_USAGE", `cannot tell the format of ${path}; pass --format csv, ndjson or json`);
}

const isObject = (v: unknown): v is ImportRecord => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON documents hold an array of records, one record, or a JSON-LD graph (`@graph`) of them. */
function recordsOfJson(json: unknown): unknown[] {
  if (Array.isArray(json))
    return json.flatMap((item) => (isObject(item) && Array.isArray(item["@graph"]) ? item["@graph"] : [item]));
  if (isObject(json) && Array.isArray(json["@graph"])) return json["@graph"];
  return [json];
}

/**
 * Records of a file's text. Pure. A CSV's header names the fields; an NDJSON line or JSON item that is not
 * an object becomes an issue and the rest go on; text that is not the format at all is an E_INPUT error.
 */
export function readRecords(
  text: string,
  format: ImportFormat,
  source: string,
): { records: ImportRecord[]; issues: RecordIssue[] } {
  const issues: RecordIssue[] = [];
  const records: ImportRecord[] = [];
  const take = (value: unknown, index: number) => {
    if (isObject(value)) records.push(value);
    else issues.push({ code: "import.not_an_object", path: [index], message: "a record must be a JSON object" });
  };
  if (format === "csv") {
    let rows: string[][];
    try {
      rows = parseCsv(text);
    } catch (cause) {
      throw new RoledexError("E_INPUT", `${source} is not valid CSV: ${(cause as Error).message}`, { cause });
    }
    const [header, ...body] = rows;
    if (!header) throw new RoledexError("E_INPUT", `${source} is empty`);
    body.forEach((cells, i) => {
      records.push(Object.fromEntries(header.map((name, c) => [name, cells[c] ?? ""])));
      if (cells.length !== header.length) {
        issues.push({
          code: "import.ragged_row",
          path: [i],
          message: `row has ${cells.length} fields, header ${header.length}`,
        });
      }
    });
  } else if (format === "ndjson") {
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        take(JSON.parse(line), i);
      } catch {
        issues.push({ code: "import.bad_json_line", path: [i], message: "line is not JSON", input: line.slice(0, 80) });
      }
    });
    if (records.length === 0 && issues.length > 0) throw new RoledexError("E_INPUT", `${source} has no JSON lines`);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new RoledexError("E_INPUT", `${source} is not JSON: ${(cause as Error).message}`, { cause });
    }
    recordsOfJson(json).forEach(take);
  }
  return { records, issues };
}
