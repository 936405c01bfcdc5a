// Audit: a worker thread running the per-file stage on batches of files sent by the engine.
import { parentPort } from "node:worker_threads";
import { processFile, readInput, type FileResult } from "./file-stage.js";
import type { GouvnumError } from "../core/errors.js";
import type { Limits } from "../load/document.js";

export interface WorkerBatch {
  files: Array<{ abs: string; display: string }>;
  limits: Limits;
  /** Write the block path's position logs (see processFile). */
  log: boolean;
}

export type WorkerReply = { results: FileResult[] } | { error: { display: string; code: string } };

parentPort?.on("message", (batch: WorkerBatch) => {
  const results: FileResult[] = [];
  for (const f of batch.files) {
    let input: Uint8Array | FileResult;
    try {
      input = readInput(f.abs, f.display, batch.limits);
    } catch (e) {
      parentPort!.postMessage({ error: { display: f.display, code: String((e as GouvnumError).data?.detail ?? e) } } satisfies WorkerReply);
      return;
    }
    results.push(input instanceof Uint8Array ? processFile(f.display, input, batch.limits, { log: batch.log }) : input);
  }
  parentPort!.postMessage({ results } satisfies WorkerReply);
});
