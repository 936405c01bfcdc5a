// Load: the helper thread of ./read-ahead.ts — reads files in order, a batch at a time, never more than the engine's
// thread allows ahead of it, and sends their bytes (moved, not copied).
import { parentPort, workerData } from "node:worker_threads";
import { readBounded, type BoundedRead } from "../read.js";
import type { ReadAheadReply, ReadAheadStart } from "./read-ahead.js";

const { files, from, limit, batch, upTo } = workerData as ReadAheadStart;
let next = from;
let allowed = upTo;

function pump(): void {
  while (next < files.length && next < allowed) {
    const first = next;
    const reads: Array<BoundedRead | null> = [];
    const moved: ArrayBuffer[] = [];
    for (const end = Math.min(first + batch, files.length); next < end; next++) {
      try {
        const r = readBounded(files[next], limit);
        if ("bytes" in r) {
          // Small buffers share a pooled slab: each file gets its own copy, which can be moved.
          const own = new Uint8Array(r.bytes);
          moved.push(own.buffer);
          reads.push({ bytes: own });
        } else reads.push(r);
      } catch {
        reads.push(null); // read again on the engine's thread, which reports the error
      }
    }
    parentPort!.postMessage({ from: first, reads } satisfies ReadAheadReply, moved);
  }
}

parentPort!.on("message", (upToNow: number) => {
  allowed = upToNow;
  pump();
});
pump();
