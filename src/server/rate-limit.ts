/**
 * A fixed-window request limit per client: at most `limit` requests in each window of `windowMs`.
 * `take` answers 0 when the request may go on, else how many milliseconds until the window resets.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(client: string): number {
    const now = this.now();
    let w = this.windows.get(client);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear(); // never grow without bound
      w = { start: now, count: 0 };
      this.windows.set(client, w);
    }
    w.count++;
    return w.count <= this.limit ? 0 : w.start + this.windowMs - now;
  }
}
