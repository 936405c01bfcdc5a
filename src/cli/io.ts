// CLI: the process boundary, injected so that tests run the CLI in process.

export interface Stream {
  /** Writes text; `false` (as a Node stream answers) asks the writer to wait for `whenDrained` before the next piece. */
  write(s: string): unknown;
  /** Bytes already encoded, when the stream takes them (large outputs: TextEncoder is faster than the stream's own conversion). */
  writeBytes?(b: Uint8Array): unknown;
  /** Resolves once the stream has taken what it buffered (after a write answered `false`): a large output is written at the reader's pace. */
  whenDrained?(): Promise<void>;
  /** Bytes written but still held by the stream (0: everything handed on, the last bytes given may be reused). */
  heldBytes?(): number;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: Stream;
  stderr: Stream;
  /** Reads standard input (for `-`), stopping once more than `limit` bytes have come. */
  readStdin: (limit: number) => Promise<Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock, for the default audit date. */
  now: () => Date;
  /** The raw standard streams, for a protocol spoken over them (`gouvnum lsp`). */
  raw?: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream };
  /** Resolves when the person asks to stop (Ctrl+C), for the commands that stay (`--watch`). */
  interrupted?: () => Promise<void>;
}

/** A Node writable's `drain` (or its end: closed or failed, nothing more will be taken), for `Stream.whenDrained`. */
export function drained(w: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      w.off("drain", done);
      w.off("close", done);
      w.off("error", done);
      resolve();
    };
    w.on("drain", done);
    w.on("close", done);
    w.on("error", done);
  });
}
