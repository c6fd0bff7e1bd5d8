import { parentPort } from "node:worker_threads";
import { type BoardTask, readBoard } from "./read-board.ts";

/** A worker thread of the ReaderPool: reads boards it is handed, one message each. */
parentPort?.on("message", (message: { id: number; task: BoardTask }) => {
  parentPort?.postMessage({ id: message.id, reading: readBoard(message.task) });
});
