// Load: a one-thread run's files read ahead on a helper thread. The engine's thread still decodes, parses and checks
// every file, in order; it no longer waits on open, fstat, read and close (measured: a sixth of a validation of the
// académie corpus on its thread), which the helper does on the other core meanwhile. Each read is `readBounded`'s,
// the same limit and the same result; a file the helper could not read is read again on the engine's thread, whose
// error is the one reported. Without the compiled helper (running from sources), every file is read on the thread.
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BoundedRead } from "../read.js";

/** From this many files: below, starting a thread costs more than the reads it would take over. */
export const READ_AHEAD_FROM = 500;
/** Files read by the engine's thread itself while the helper starts (measured: about 25 ms to start it). */
const HEAD = 128;
const BATCH = 64;
/** Batches read ahead of the engine's thread at most (bytes waiting in memory). */
const WINDOW = 16;

const HELPER_URL = new URL("./read-worker.js", import.meta.url);

export interface ReadAheadStart {
  files: readonly string[];
  from: number;
  limit: number;
  batch: number;
  upTo: number;
}

/** A batch of reads, from file `from` on: each `readBounded`'s result, or null when it threw. */
export type ReadAheadReply = { from: number; reads: Array<BoundedRead | null> };

/**
 * Calls `each(i, read)` for every file in order: `read` is the file's bytes (or its size when too big) as read on the
 * helper thread, or undefined when the engine's thread must read it itself.
 */
export async function readAhead(files: readonly string[], limit: number, each: (i: number, read: BoundedRead | undefined) => void): Promise<void> {
  if (files.length < READ_AHEAD_FROM || !existsSync(fileURLToPath(HELPER_URL))) {
    for (let i = 0; i < files.length; i++) each(i, undefined);
    return;
  }
  const start: ReadAheadStart = { files, from: HEAD, limit, batch: BATCH, upTo: HEAD + WINDOW * BATCH };
  const helper = new Worker(HELPER_URL, { workerData: start });
  const ready: ReadAheadReply[] = [];
  let waiting: (() => void) | undefined;
  let failed = false;
  const wake = () => {
    const w = waiting;
    waiting = undefined;
    w?.();
  };
  helper.on("message", (m: ReadAheadReply) => {
    ready.push(m);
    wake();
  });
  // A helper that fails or stops early leaves the rest of the files to the engine's thread.
  helper.on("error", () => ((failed = true), wake()));
  helper.on("exit", () => ((failed = true), wake()));
  try {
    let i = 0;
    for (; i < Math.min(HEAD, files.length); i++) each(i, undefined);
    while (i < files.length) {
      const batch = ready.shift();
      if (batch) {
        for (const r of batch.reads) each(i++, r ?? undefined);
        helper.postMessage(i + WINDOW * BATCH);
        continue;
      }
      if (failed) {
        for (; i < files.length; i++) each(i, undefined);
        break;
      }
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  } finally {
    helper.removeAllListeners("exit");
    void helper.terminate();
  }
}
