import { RoledexError } from "../../domain/errors.ts";

/** A commander option parser for a whole number ≥ min. */
export const wholeNumber =
  (min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new RoledexError("E_USAGE", `expected a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
