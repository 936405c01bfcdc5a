// Audit: runs the per-file stage on worker threads for large territories; results come back in file order.
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { GouvnumError } from "../core/errors.js";
import type { Limits } from "../load/document.js";
import type { FileResult } from "./file-stage.js";
import type { WorkerBatch, WorkerReply } from "./worker.js";

/** Below this many files, one thread that keeps position indexes beats workers that cannot hand them back (measured on 2 cores). */
export const WORKER_THRESHOLD = 10_000;
const BATCH = 250;

const WORKER_URL = new URL("./worker.js", import.meta.url);

/** How many workers to use: `jobs` if given, else one per core for large runs; 0 or 1 = in the engine's own thread. */
export function workerCount(files: number, jobs: number | undefined): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 0; // running from sources (tests): no compiled worker
  const n = jobs ?? (files >= WORKER_THRESHOLD ? availableParallelism() : 1);
  return n > 1 ? Math.min(n, Math.ceil(files / BATCH)) : 0;
}

/** Processes every file on `count` workers; calls `onResult` in the original file order. */
export async function processInWorkers(
  files: Array<{ abs: string; display: string }>,
  limits: Limits,
  count: number,
  onResult: (r: FileResult) => void,
): Promise<void> {
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ files: files.slice(i, i + BATCH), limits });
  const done: Array<FileResult[] | undefined> = new Array(batches.length);
  let next = 0;
  let emitted = 0;
  const flush = () => {
    while (emitted < batches.length && done[emitted]) {
      for (const r of done[emitted]!) onResult(r);
      done[emitted] = []; // release the batch once consumed
      emitted++;
    }
  };
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (w: Worker) => {
        if (next >= batches.length) {
          if (--running === 0) resolve();
          return;
        }
        const id = next++;
        w.once("message", (reply: WorkerReply) => {
          if ("error" in reply) {
            reject(new GouvnumError("lectureImpossible", { chemin: reply.error.display, detail: reply.error.code }));
            return;
          }
          done[id] = reply.results;
          flush();
          feed(w);
        });
        w.postMessage(batches[id]);
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(WORKER_URL);
        workers.push(w);
        w.on("error", (e) => reject(e));
        running++;
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
