import { parse } from "csv-parse/sync";

/**
 * CSV (RFC 4180: quoted fields may hold commas, line breaks and doubled quotes; a UTF-8 byte-order mark is
 * dropped) read by csv-parse. Pure: text in, rows out.
 */

/** Rows of fields, blank lines skipped. */
export function parseCsv(text: string): string[][] {
  return parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n", "\r"],
  }) as string[][];
}

/** Records keyed by the header row; a short row's missing fields are empty strings. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  if (header === undefined) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}
