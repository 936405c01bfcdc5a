// Core: expected failures as values. Their French wording lives in the message catalogue.
import { formatMessage } from "./format-message.js";
// Only the terminal's part of the catalogue: loading every rule's texts would slow `--help` and usage errors.
import { terminalTexts } from "../messages/terminal.js";

/** An expected failure (usage, I/O, configuration): exit code 2 with a French message. */
export class GouvnumError extends Error {
  readonly code: string;
  readonly data: Record<string, string | number>;
  constructor(code: string, data: Record<string, string | number> = {}) {
    super(formatMessage(terminalTexts.errors[code] ?? code, data));
    this.name = "GouvnumError";
    this.code = code;
    this.data = data;
  }
}

/**
 * What a system error means, in French, with its code for searching: « accès refusé, EACCES ». A code the
 * catalogue does not know is shown alone; an error without a code shows its message.
 */
export function systemDetail(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return String((e as Error | undefined)?.message ?? e);
  const fr = terminalTexts.errors[`systeme.${code}`];
  return fr ? `${fr}, ${code}` : code;
}
