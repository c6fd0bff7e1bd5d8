/** Numbers as people write them: $220K, $1.2M, $95/hr never; 37%; "1 posting", "2 postings". */

export function money(value: number, currency = "USD"): string {
  const symbol = currency === "USD" ? "$" : `${currency} `;
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  if (abs >= 999_500) return `${sign}${symbol}${trim((abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1))}M`;
  if (abs >= 1000) return `${sign}${symbol}${Math.round(abs / 1000)}K`;
  return `${sign}${symbol}${Math.round(abs)}`;
}

const trim = (fixed: string) => fixed.replace(/\.0$/, "");

/** A whole number with thousands separators: 1,004. */
export const num = (n: number) => n.toLocaleString("en-US");

export function percent(share: number): string {
  const p = share * 100;
  return p > 0 && p < 1 ? "under 1%" : `${Math.round(p)}%`;
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "unknown");
