// Load: a worker thread running the per-file stage on batches of files sent by the engine's thread.
import { parentPort } from "node:worker_threads";
import { contentHash, processFile, readInput, type CheckModule, type FileResult } from "./file.js";
import type { GouvnumError } from "../../core/errors.js";
import type { Limits } from "../document.js";

export interface WorkerBatch {
  files: Array<{ abs: string; display: string }>;
  limits: Limits;
  /** Write the block path's position logs, and keep them in the results (see processFile). */
  log: boolean;
  keepLog: boolean;
  /** Give each result its bytes' digest (`contentHash`): the caller stores the results in a cache. */
  hash?: boolean;
  /** The caller's check of each document: the module to import (a URL) and its configuration (see `DocumentCheck`). */
  check: { module: string; config: unknown };
}

export type WorkerReply = { results: FileResult[] } | { error: { display: string; code: string } };

/** The check module, imported with the first batch (every batch of a run names the same one). */
let checkModule: Promise<CheckModule> | undefined;

// Batches are answered in the order they came: each waits for the same import, then runs to its end.
parentPort?.on("message", async (batch: WorkerBatch) => {
  checkModule ??= import(batch.check.module) as Promise<CheckModule>;
  const { checkDocument } = await checkModule;
  const check = (doc: Parameters<CheckModule["checkDocument"]>[0]) => checkDocument(doc, batch.check.config);
  const results: FileResult[] = [];
  for (const f of batch.files) {
    let input: Uint8Array | FileResult;
    try {
      input = readInput(f.abs, f.display, batch.limits);
    } catch (e) {
      parentPort!.postMessage({ error: { display: f.display, code: String((e as GouvnumError).data?.detail ?? e) } } satisfies WorkerReply);
      return;
    }
    if (!(input instanceof Uint8Array)) {
      results.push(input);
      continue;
    }
    const r = processFile(f.display, input, batch.limits, check, { log: batch.log, keepLog: batch.keepLog });
    if (batch.hash) r.hash = contentHash(input);
    results.push(r);
  }
  parentPort!.postMessage({ results } satisfies WorkerReply);
});
