// CLI: parsing and checking of option values shared by commands (French usage errors, exit 2).
import { resolve } from "node:path";
import { GouvnumError } from "../../core/errors.js";
import type { ConfiguredSeverity } from "../../core/finding.js";
import { findConfig, loadConfig, emptyConfig, type GouvnumConfigLoaded } from "../../validate/config.js";
import type { CliIO } from "../io.js";
import type { AuditInput } from "../../audit/engine.js";

export interface GlobalOptions {
  config?: string;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export function choice<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new GouvnumError("severiteInconnue", { valeur: value, option, valeurs: allowed.join(", ") });
  }
  return value as T;
}

export function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new GouvnumError("entierInvalide", { option, valeur: value });
  return Number(value);
}

export function parseRuleOverrides(values: readonly string[] = []): Record<string, ConfiguredSeverity> {
  const out: Record<string, ConfiguredSeverity> = {};
  for (const v of values) {
    const m = /^([a-z0-9-]+)=(.+)$/.exec(v.trim());
    if (!m) throw new GouvnumError("regleOptionInvalide", { valeur: v });
    out[m[1]] = choice(m[2], ["error", "warning", "info", "off"] as const, `--rule ${m[1]}`);
  }
  return out;
}

/** The config given with --config, else the nearest one from the first path upwards, else none. */
export async function resolveConfig(g: GlobalOptions, paths: readonly string[], io: CliIO): Promise<GouvnumConfigLoaded> {
  if (g.config) return loadConfig(resolve(io.cwd, g.config), io.cwd);
  const first = paths.find((p) => p !== "-") ?? ".";
  const found = await findConfig(resolve(io.cwd, first));
  return found ? loadConfig(found, io.cwd) : emptyConfig(io.cwd);
}

/** `--fail-on`: the English values and their French words. */
const FAIL_ON = { error: "error", warning: "warning", info: "info", never: "never", erreur: "error", avertissement: "warning", jamais: "never" } as const;

export function failOnValue(value: string): (typeof FAIL_ON)[keyof typeof FAIL_ON] {
  return FAIL_ON[choice(value, Object.keys(FAIL_ON) as Array<keyof typeof FAIL_ON>, "--fail-on")];
}

/** `--format` names with their other spelling (`md` for `markdown`, as `report` has it). */
const FORMAT_ALIASES: Record<string, string> = { md: "markdown" };

export function formatAlias(value: string): string {
  return Object.hasOwn(FORMAT_ALIASES, value) ? FORMAT_ALIASES[value] : value;
}

/** The territory root: the directory of the configuration file in use; without one, the paths given are the territory. */
export function territoryRoot(config: GouvnumConfigLoaded): string | undefined {
  return config.file ? config.dir : undefined;
}

/** Colours: never with --no-color or NO_COLOR; FORCE_COLOR forces; else only on a TTY. */
export function useColor(g: GlobalOptions, io: CliIO, stream: { isTTY?: boolean }): boolean {
  if (g.color === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true;
}

/** Local date `YYYY-MM-DD`. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The paths to read, `-` being standard input (read here, within the size limit; nothing at all is a usage error). */
export async function auditInputs(paths: readonly string[], maxFileBytes: number, io: CliIO): Promise<AuditInput[]> {
  const inputs: AuditInput[] = [];
  for (const p of paths) {
    if (p !== "-") {
      inputs.push(p);
      continue;
    }
    const bytes = await io.readStdin(maxFileBytes);
    // Nothing at all on stdin is a broken pipe upstream (`cat absent | gouvnum validate -`), not an empty territory.
    if (bytes.length === 0) throw new GouvnumError("stdinVide");
    inputs.push({ name: "<stdin>", text: bytes });
  }
  return inputs;
}
