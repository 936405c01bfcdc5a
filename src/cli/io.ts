// CLI: the process boundary, injected so that tests run the CLI in process.

export interface Stream {
  write(s: string): unknown;
  /** Bytes already encoded, when the stream takes them (large outputs: TextEncoder is faster than the stream's own conversion). */
  writeBytes?(b: Uint8Array): unknown;
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
