import type { Store } from "./store.ts";

/**
 * A Store whose calls run one at a time, in arrival order. The server shares one store between page
 * requests and a background crawl: each call (a crawl's whole board transaction included) finishes before
 * the next begins, so a page never reads a board half-written.
 */
export function serialized(store: Store): Store {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => queue(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
