// CLI: the real process — wires stdio, environment and clock into `main`, sets the exit code.
import { main } from "./main.js";
import { drained } from "./io.js";

/** Standard input up to `limit + 1` bytes: an endless stream (`yes | gouvnum validate -`) is cut, then refused as too big. */
async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    total += (c as Buffer).length;
    if (total > limit) {
      process.stdin.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}

export function run(argv: string[]): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const stdout = process.stdout as typeof process.stdout & { writeBytes(b: Uint8Array): boolean; whenDrained(): Promise<void>; heldBytes(): number };
  stdout.writeBytes = (b) => process.stdout.write(b);
  stdout.whenDrained = () => drained(process.stdout);
  // A file, a pipe or a terminal on Linux is written synchronously: nothing stays pending, the buffer is reused.
  stdout.heldBytes = () => process.stdout.writableLength;
  main(argv, {
    stdout,
    stderr: process.stderr,
    readStdin,
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    raw: { stdin: process.stdin, stdout: process.stdout },
    interrupted: () => new Promise<void>((resolve) => process.once("SIGINT", () => resolve())),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`gouvnum : erreur interne : ${String((e as Error)?.message ?? e)}\n`);
      process.exitCode = 2;
    },
  );
}
