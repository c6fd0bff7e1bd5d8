/**
 * Errors with a stable code. The CLI maps codes to exit codes and one-line messages, the API to HTTP
 * statuses; nothing ever matches on message text.
 */
export const ERROR_CODES = {
  E_USAGE: "bad command-line usage",
  E_INPUT: "bad input file or value",
  E_UNKNOWN_ROLE: "role name not in the taxonomy",
  E_BOARD_NOT_FOUND: "job board not found at its ATS",
  E_SOURCE_MALFORMED: "a source answered with something that is not its API's shape",
  E_SOURCE_HTTP: "a source answered with an HTTP error",
  E_NETWORK: "a source could not be reached",
  E_TIMEOUT: "a source did not answer in time",
  E_DB_LOCKED: "the database file is held by another process",
  E_DB_OPEN: "the database file cannot be opened or created",
  E_DB: "a database operation failed",
  E_CRAWL_PARTIAL: "some boards failed to crawl",
  E_NOT_FOUND: "no such resource",
  E_CONFLICT: "the request conflicts with work in progress",
  E_RATE_LIMITED: "too many requests",
  E_BODY_TOO_LARGE: "request body too large",
  E_INTERNAL: "an unexpected internal error",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class RoledexError extends Error {
  override readonly name = "RoledexError";
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

export const isRoledexError = (e: unknown): e is RoledexError => e instanceof RoledexError;

/** A problem with one record: data, not an exception (zod's issue shape plus a code). */
export interface RecordIssue {
  code: string;
  path: (string | number)[];
  message: string;
  input?: unknown;
}
