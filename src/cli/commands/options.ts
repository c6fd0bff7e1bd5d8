import { RoledexError } from "../../domain/errors.ts";

/** A whole number option ≥ min (default 1). */
export function positiveInt(value: string, min: number | unknown = 1): number {
  const floor = typeof min === "number" ? min : 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < floor)
    throw new RoledexError("E_USAGE", `expected a whole number ≥ ${floor}, got "${value}"`);
  return n;
}
