import { RoledexError } from "../domain/errors.ts";

/** The subset of `fetch` the crawler uses, so tests can hand in a fake. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface HttpOptions {
  fetch?: FetchLike;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first one, for 429, 5xx, timeouts and network errors. */
  retries?: number;
  /** First backoff delay; doubles each attempt, with jitter, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After we wait for before giving up. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Hears about each retry, for progress output. */
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
  userAgent?: string;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export const USER_AGENT = "roledex/0.1 (+https://github.com/roledex/roledex; job-market research)";

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const retryable = (status: number) => status === 429 || status === 408 || status >= 500;

/**
 * GET a URL and return its body, retrying what is worth retrying. Throws RoledexError:
 * E_BOARD_NOT_FOUND on 404, E_SOURCE_HTTP on other 4xx or exhausted 5xx/429, E_TIMEOUT, E_NETWORK.
 */
export async function getText(url: string, options: HttpOptions = {}): Promise<string> {
  const opts = { ...DEFAULTS, ...options };
  const doFetch: FetchLike = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const headers = { accept: "application/json", "user-agent": options.userAgent ?? USER_AGENT };

  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(url, doFetch, headers, opts.timeoutMs);
    if ("value" in outcome) return outcome.value;
    const { failure } = outcome;
    const backoff = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt) * (0.5 + random() / 2);
    const delayMs = outcome.retryAfterMs ?? backoff;
    const giveUp = !outcome.retryable || attempt >= opts.retries || delayMs > opts.maxRetryAfterMs;
    if (giveUp) {
      throw attempt === 0
        ? failure
        : new RoledexError(failure.code, `${failure.message} (after ${attempt + 1} attempts)`, {
            cause: failure.cause,
            details: failure.details,
          });
    }
    options.onRetry?.({ url, attempt: attempt + 1, delayMs, reason: failure.message });
    await sleep(delayMs);
  }
}

type Outcome = { value: string } | { failure: RoledexError; retryable: boolean; retryAfterMs: number | null };

async function attemptOnce(
  url: string,
  doFetch: FetchLike,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Outcome> {
  let res: Awaited<ReturnType<FetchLike>>;
  let body: string;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers });
    body = await res.text();
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      const failure = new RoledexError("E_TIMEOUT", `no answer within ${timeoutMs} ms`, {
        cause: error,
        details: { url },
      });
      return { failure, retryable: true, retryAfterMs: null };
    }
    const failure = new RoledexError("E_NETWORK", `cannot reach ${new URL(url).host}: ${describeNetworkError(error)}`, {
      cause: error,
      details: { url },
    });
    return { failure, retryable: true, retryAfterMs: null };
  }
  if (res.status >= 200 && res.status < 300) return { value: body };
  if (res.status === 404) {
    const failure = new RoledexError("E_BOARD_NOT_FOUND", "board not found (HTTP 404)", {
      details: { url, status: 404 },
    });
    return { failure, retryable: false, retryAfterMs: null };
  }
  const failure = new RoledexError("E_SOURCE_HTTP", `HTTP ${res.status}`, { details: { url, status: res.status } });
  return { failure, retryable: retryable(res.status), retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) };
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Bounded concurrency per key (a host): at most `limit` tasks run at once for one key. */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RoledexError("E_USAGE", "concurrency must be a whole number ≥ 1");
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.active.get(key) ?? 0;
    if (running < this.limit) {
      this.active.set(key, running + 1);
    } else {
      // Wait for a finishing task to hand its slot over (the count stays as it is).
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key) ?? [];
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.get(key)?.shift();
      if (next) next();
      else this.active.set(key, (this.active.get(key) ?? 1) - 1);
    }
  }
}
