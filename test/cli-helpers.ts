// Test helpers: run the CLI in process through `main(argv, io)` with captured output.
import { main } from "../src/cli/main.js";
import type { CliIO } from "../src/cli/io.js";
import { ROOT } from "./helpers.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], o: { cwd?: string; stdin?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: o.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: o.tty ?? false },
    readStdin: async (limit: number) => new TextEncoder().encode(o.stdin ?? "").slice(0, limit + 1),
    cwd: o.cwd ?? ROOT,
    env: o.env ?? {},
    now: () => new Date("2026-09-01T10:00:00"),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
