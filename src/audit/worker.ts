// Audit: a worker thread running the per-file stage on batches of files sent by the engine.
import { parentPort } from "node:worker_threads";
import { readBounded } from "../load/read.js";
import { processFile, tooBig, type FileResult } from "./file-stage.js";
import type { Limits } from "../load/document.js";

export interface WorkerBatch {
  files: Array<{ abs: string; display: string }>;
  limits: Limits;
}

export type WorkerReply = { results: FileResult[] } | { error: { display: string; code: string } };

parentPort?.on("message", (batch: WorkerBatch) => {
  const results: FileResult[] = [];
  for (const f of batch.files) {
    let bytes: Uint8Array;
    try {
      const r = readBounded(f.abs, batch.limits.maxFileBytes);
      if ("tooBig" in r) {
        results.push({ file: f.display, problems: [], docs: [], unreadable: tooBig(r.tooBig, batch.limits) });
        continue;
      }
      bytes = r.bytes;
    } catch (e) {
      parentPort!.postMessage({ error: { display: f.display, code: (e as NodeJS.ErrnoException).code ?? String(e) } } satisfies WorkerReply);
      return;
    }
    results.push(processFile(f.display, bytes, batch.limits));
  }
  parentPort!.postMessage({ results } satisfies WorkerReply);
});
