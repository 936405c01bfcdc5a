// Load: runs the per-file stage on worker threads for large territories; results come back in file order.
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { GouvnumError } from "../../core/errors.js";
import type { Limits } from "../document.js";
import type { FileResult } from "./file.js";
import type { WorkerBatch, WorkerReply } from "./worker.js";

/**
 * From this many files, the engine's thread reads its share and helper threads read the rest. Measured on 2 cores:
 * the académie corpus (4,772 files) takes 1.44 s on one thread and 1.54 s with a helper (starting it and copying
 * its values back cost more than it saves); the national corpus (103,776 files) 15.8 s and 14.6 s.
 */
export const WORKER_THRESHOLD = 10_000;
const BATCH = 100;

const WORKER_URL = new URL("./worker.js", import.meta.url);

/**
 * How many threads read files, the engine's own included: `jobs` if given, else one per core for large runs.
 * 1 = the engine's thread alone.
 */
export function threadCount(files: number, jobs: number | undefined): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1; // running from sources (tests): no compiled worker
  const n = jobs ?? (files >= WORKER_THRESHOLD ? availableParallelism() : 1);
  return Math.max(1, Math.min(n, Math.ceil(files / BATCH)));
}

/**
 * Processes every file on the engine's thread (`here`) and `threads - 1` helper threads, batch by batch from one
 * queue; calls `onResult` in the original file order, whichever thread read the file.
 */
export async function processShared<R>(
  files: Array<{ abs: string; display: string }>,
  limits: Limits,
  positions: Pick<WorkerBatch, "log" | "keepLog" | "hash">,
  check: WorkerBatch["check"],
  threads: number,
  here: (f: { abs: string; display: string }) => R,
  fromWorker: (r: FileResult) => R,
  onResult: (r: R) => void,
): Promise<void> {
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ files: files.slice(i, i + BATCH), limits, ...positions, check });
  const done: Array<R[] | undefined> = new Array(batches.length);
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
  let failure: unknown;
  try {
    let running = 0;
    let settle: (() => void) | undefined;
    const helpersDone = new Promise<void>((resolve, reject) => {
      settle = resolve;
      const fail = (e: unknown) => {
        failure ??= e;
        reject(e);
      };
      // Two batches in flight per helper: it never waits for the engine's thread to be between two batches.
      const feed = (w: Worker, queue: number[]) => {
        while (queue.length < 2 && failure === undefined && next < batches.length) {
          const id = next++;
          queue.push(id);
          w.postMessage(batches[id]);
        }
        if (queue.length === 0 && --running === 0) resolve();
      };
      for (let i = 1; i < threads; i++) {
        const w = new Worker(WORKER_URL);
        const queue: number[] = [];
        workers.push(w);
        w.on("error", fail);
        w.on("message", (reply: WorkerReply) => {
          const id = queue.shift()!;
          if ("error" in reply) {
            fail(new GouvnumError("lectureImpossible", { chemin: reply.error.display, detail: reply.error.code }));
            return;
          }
          done[id] = reply.results.map(fromWorker);
          flush();
          feed(w, queue);
        });
        running++;
        feed(w, queue);
      }
    });
    helpersDone.catch(() => undefined); // observed below; never an unhandled rejection
    // The engine's thread takes batches from the same queue, letting the helpers' replies in between two.
    while (next < batches.length && failure === undefined) {
      const id = next++;
      done[id] = batches[id].files.map(here);
      flush();
      await new Promise<void>((r) => setImmediate(r));
    }
    if (running === 0) settle?.();
    await helpersDone;
    if (failure !== undefined) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
