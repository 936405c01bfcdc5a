// Load: read a file, never more than the size limit (a device or a pipe reports size 0 and may never end).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export type BoundedRead = { bytes: Uint8Array } | { tooBig: number };

/** Read size for devices and pipes, whose size is unknown. */
const CHUNK = 64 * 1024;

/** Reads at most `limit + 1` bytes: past the limit, the size read so far is enough to refuse the file. */
export function readBounded(path: string, limit: number): BoundedRead {
  const fd = openSync(path, "r");
  try {
    const st = fstatSync(fd);
    if (st.isFile() && st.size > limit) return { tooBig: st.size };
    const chunks: Buffer[] = [];
    let total = 0;
    const size = st.isFile() && st.size > 0 ? Math.min(st.size + 1, limit + 1) : CHUNK;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(size, limit + 1 - total) || 1);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) return { tooBig: total };
      if (st.isFile() && n < buf.length) break; // a short read of a regular file: its end
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}
