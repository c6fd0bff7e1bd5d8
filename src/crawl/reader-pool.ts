import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type BoardReading, type BoardTask, readBoard } from "./read-board.ts";

/**
 * Reads boards (parse, map, normalize) on worker threads, one per core, so normalization of one board
 * runs while another is fetched or written. Where the compiled worker is not available (running from
 * TypeScript sources, as the unit tests do) or one thread is asked for, boards are read on the calling
 * thread by the same function.
 */
export class ReaderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; task: BoardTask }[] = [];
  private readonly pending = new Map<number, (reading: BoardReading) => void>();
  private nextId = 0;

  constructor(threads = availableParallelism()) {
    const script = new URL("./read-board-worker.js", import.meta.url);
    if (threads < 2 || !existsSync(fileURLToPath(script))) return;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script);
      worker.unref();
      worker.on("message", (m: { id: number; reading: BoardReading }) => {
        this.pending.get(m.id)?.(m.reading);
        this.pending.delete(m.id);
        this.dispatch(worker);
      });
      worker.on("error", (error) => {
        for (const [id, resolve] of this.pending) {
          resolve({ ok: false, code: "E_INTERNAL", message: `reader thread failed: ${error.message}` });
          this.pending.delete(id);
        }
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  get threads(): number {
    return Math.max(1, this.workers.length);
  }

  read(task: BoardTask): Promise<BoardReading> {
    if (this.workers.length === 0) return Promise.resolve(readBoard(task));
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.queue.push({ id, task });
      const worker = this.idle.pop();
      if (worker) this.dispatch(worker);
    });
  }

  private dispatch(worker: Worker): void {
    const next = this.queue.shift();
    if (next) worker.postMessage(next);
    else this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
