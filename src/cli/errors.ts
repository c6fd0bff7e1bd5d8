import { type ErrorCode, isRoledexError } from "../domain/errors.ts";

/** Exit codes by error family: 2 bad input, 3 some boards failed, 4 database, 1 anything else. */
export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case "E_USAGE":
    case "E_INPUT":
    case "E_UNKNOWN_ROLE":
      return 2;
    case "E_CRAWL_PARTIAL":
      return 3;
    case "E_DB":
    case "E_DB_LOCKED":
    case "E_DB_OPEN":
      return 4;
    default:
      return 1;
  }
}

/** One line: `roledex: E_CODE message`. Never a stack trace for a known error. */
export function errorLine(error: unknown): { line: string; exitCode: number } {
  if (isRoledexError(error)) {
    return {
      line: `roledex: ${error.code} ${error.message.replace(/\s*\n\s*/g, " ")}`,
      exitCode: exitCodeOf(error.code),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: `roledex: E_INTERNAL ${message.replace(/\s*\n\s*/g, " ")} (please report this)`, exitCode: 1 };
}
