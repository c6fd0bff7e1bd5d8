import cliProgress from "cli-progress";
import type { BoardResult, CrawlEvent } from "../crawl/crawl.ts";
import { type Io, write } from "./io.ts";

const label = (r: BoardResult) => `${r.board.ats}:${r.board.board}`;

export function describeResult(r: BoardResult): string {
  if (r.status === "failed" || !r.counts) return `failed: ${r.error?.code} ${r.error?.message}`;
  const c = r.counts;
  const extra = [
    c.reopened ? `${c.reopened} reopened` : "",
    r.issues.length ? `${r.issues.length} unreadable items` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `${c.fetched} fetched, ${c.new} new, ${c.updated} updated, ${c.closed} closed${extra ? `, ${extra}` : ""}`;
}

/** A progress bar on a terminal, one plain line per board otherwise; both on stderr. */
export function crawlProgress(io: Io): (event: CrawlEvent) => void {
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: io.stderr,
        format: "crawling {bar} {value}/{total} boards | {last}",
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    return (event) => {
      if (event.type === "start") bar.start(event.total, 0, { last: "" });
      if (event.type === "board") {
        bar.update(event.done, { last: `${label(event.result)} ${event.result.status}` });
        if (event.done === event.total) bar.stop();
      }
    };
  }
  return (event) => {
    if (event.type === "board") {
      write(
        io.stderr,
        `[${event.done}/${event.total}] ${label(event.result)}: ${describeResult(event.result)} (${(event.result.ms / 1000).toFixed(1)}s)`,
      );
    }
    if (event.type === "retry") {
      write(
        io.stderr,
        `  retry ${event.attempt} for ${event.board.ats}:${event.board.board} in ${(event.delayMs / 1000).toFixed(1)}s: ${event.reason}`,
      );
    }
  };
}
