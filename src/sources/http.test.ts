import { describe, expect, it } from "vitest";
import { RoledexError } from "../domain/errors.ts";
import { type FetchLike, getText, KeyedLimiter, parseRetryAfter } from "./http.ts";

type Answer = { status: number; body?: string; headers?: Record<string, string> } | Error;

/** A hand-written fake: answers in order, records what was asked and how long the client slept. */
function fakeFetch(answers: Answer[]) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    if (next instanceof Error) throw next;
    return {
      status: next.status,
      headers: { get: (name: string) => next.headers?.[name.toLowerCase()] ?? null },
      text: async () => next.body ?? "",
    };
  };
  return { fetch, calls };
}

const sleeps: number[] = [];
const base = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 1, baseDelayMs: 100 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (e) {
    return e instanceof RoledexError ? e.code : `other: ${String(e)}`;
  }
}

describe("getText", () => {
  it("returns the body of a 2xx answer", async () => {
    const { fetch } = fakeFetch([{ status: 200, body: '{"jobs":[]}' }]);
    expect(await getText("http://x/a", { ...base, fetch })).toBe('{"jobs":[]}');
  });

  it("retries 503 and 429 and honours Retry-After in seconds", async () => {
    sleeps.length = 0;
    const { fetch, calls } = fakeFetch([
      { status: 503 },
      { status: 429, headers: { "retry-after": "3" } },
      { status: 200, body: "[]" },
    ]);
    expect(await getText("http://x/a", { ...base, fetch })).toBe("[]");
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 3000]); // exponential backoff first, then the server's Retry-After
  });

  it("fails a 404 at once with E_BOARD_NOT_FOUND", async () => {
    const { fetch, calls } = fakeFetch([{ status: 404, body: "{}" }]);
    expect(await codeOf(getText("http://x/a", { ...base, fetch }))).toBe("E_BOARD_NOT_FOUND");
    expect(calls).toHaveLength(1);
  });

  it("gives up after the retries with E_SOURCE_HTTP naming the attempts", async () => {
    const { fetch } = fakeFetch([{ status: 500 }, { status: 502 }, { status: 503 }]);
    const error = (await getText("http://x/a", { ...base, fetch, retries: 2 }).catch((e) => e)) as RoledexError;
    expect(error.code).toBe("E_SOURCE_HTTP");
    expect(error.message).toBe("HTTP 503 (after 3 attempts)");
  });

  it("does not wait for a Retry-After longer than the cap", async () => {
    const { fetch, calls } = fakeFetch([{ status: 429, headers: { "retry-after": "3600" } }]);
    expect(await codeOf(getText("http://x/a", { ...base, fetch, maxRetryAfterMs: 60_000 }))).toBe("E_SOURCE_HTTP");
    expect(calls).toHaveLength(1);
  });

  it("reports an unreachable host as E_NETWORK with the system's reason", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const { fetch } = fakeFetch([refused, refused]);
    const error = (await getText("http://127.0.0.1:9/a", { ...base, fetch, retries: 1 }).catch(
      (e) => e,
    )) as RoledexError;
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toBe("cannot reach 127.0.0.1:9: ECONNREFUSED (after 2 attempts)");
  });

  it("reports a timeout as E_TIMEOUT", async () => {
    const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError" });
    const { fetch } = fakeFetch([timeout]);
    expect(await codeOf(getText("http://x/a", { ...base, fetch, retries: 0, timeoutMs: 5 }))).toBe("E_TIMEOUT");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe("KeyedLimiter", () => {
  it("never runs more than the limit at once for one key, and does not hold back other keys", async () => {
    const limiter = new KeyedLimiter(2);
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const task = (key: string) =>
      limiter.run(key, async () => {
        running.set(key, (running.get(key) ?? 0) + 1);
        peak.set(key, Math.max(peak.get(key) ?? 0, running.get(key) ?? 0));
        await new Promise((r) => setTimeout(r, 5));
        running.set(key, (running.get(key) ?? 1) - 1);
      });
    await Promise.all([...Array(7)].map(() => task("a")).concat([...Array(3)].map(() => task("b"))));
    expect(peak.get("a")).toBe(2);
    expect(peak.get("b")).toBe(2);
  });
});
