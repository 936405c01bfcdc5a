// CLI: `gouvnum lsp` — the language server on standard input and output.
import type { CliIO } from "../io.js";
import { isoDay } from "./options.js";

export async function lspCommand(io: CliIO): Promise<number> {
  if (!io.raw) return 2;
  const { startLanguageServer } = await import("../../lsp/server.js");
  await startLanguageServer({ input: io.raw.stdin, output: io.raw.stdout, today: () => isoDay(io.now()) });
  return 0;
}
