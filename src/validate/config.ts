// Validate: find, read and check `gouvnum.config.yaml` against its schema; an invalid config is a usage error.
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve, relative } from "node:path";
import type { ConfiguredSeverity } from "../core/finding.js";
import type { GouvnumConfig } from "../generated/types.js";
import { GouvnumError, systemDetail } from "../core/errors.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { decode, makeSource, linePos } from "../load/source.js";
import { parseFile, locate, isPlainObject, type Limits } from "../load/document.js";
import { toPosix } from "../load/files.js";
import { validatorFor } from "./ajv.js";
import { toViolations } from "./schema.js";

export const CONFIG_NAMES = ["gouvnum.config.yaml", "gouvnum.config.yml"];

export interface RuleConfig {
  severity?: ConfiguredSeverity;
  options?: Record<string, unknown>;
}

/** The `report:` settings, typed from the config schema. */
export type ReportConfig = NonNullable<GouvnumConfig["report"]>;

export interface GouvnumConfigLoaded {
  /** The config file as shown to users, when there is one. */
  file?: string;
  /** Folder the config's `ignore` globs are relative to. */
  dir: string;
  auditDate?: string;
  rules: Record<string, RuleConfig>;
  ignore: string[];
  report: ReportConfig;
  limits: Partial<Limits>;
  /** Where each rule's setting is written, for messages about it. */
  ruleLines?: Record<string, { line: number; column: number }>;
}

export function emptyConfig(dir: string): GouvnumConfigLoaded {
  return { dir, rules: {}, ignore: [], report: {}, limits: {} };
}

/** The nearest config file from `start` (a file or folder) upwards, if any. */
export async function findConfig(start: string): Promise<string | undefined> {
  let dir = resolve(start);
  try {
    if (!(await stat(dir)).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      try {
        if ((await stat(p)).isFile()) return p;
      } catch {
        /* keep looking upwards */
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads and checks a config file. Every problem is a GouvnumError naming the file and line. */
export async function loadConfig(path: string, cwd: string): Promise<GouvnumConfigLoaded> {
  const display = toPosix(relative(cwd, path)) || path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new GouvnumError("configIllisible", { fichier: display, detail: systemDetail(e) });
  }
  const decoded = decode(bytes);
  if (!decoded.ok) throw new GouvnumError("configInvalide", { fichier: display, ligne: decoded.line, colonne: 1, detail: "le fichier n'est pas en UTF-8" });
  const source = makeSource(display, decoded.text);
  const parsed = parseFile(source);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    const loc = linePos(source, p.offset[0]);
    const template = catalogue.rules["yaml-syntaxe"].messages[p.messageId] ?? catalogue.rules["yaml-syntaxe"].messages.autre;
    throw new GouvnumError("configInvalide", { fichier: display, ligne: loc.line, colonne: loc.column, detail: formatMessage(template, { code: "", limite: "", nombre: "", detail: "", ...p.data }) });
  }
  const doc = parsed.documents[0];
  const value = doc?.value ?? {};
  if (parsed.documents.length > 1 || !isPlainObject(value)) {
    throw new GouvnumError("configInvalide", { fichier: display, ligne: 1, colonne: 1, detail: "la configuration doit être un seul ensemble de clés" });
  }
  const validate = validatorFor("config");
  if (!validate(value)) {
    const v = toViolations(validate.errors ?? [], doc, "la configuration")[0];
    const loc = doc ? locate(doc, v.pointer, v.at) : { line: 1, column: 1 };
    const template = catalogue.rules.schema.messages[v.messageId];
    throw new GouvnumError("configInvalide", { fichier: display, ligne: loc.line, colonne: loc.column, detail: formatMessage(template, v.data) });
  }
  const rules: Record<string, RuleConfig> = {};
  const ruleLines: Record<string, { line: number; column: number }> = {};
  for (const [id, setting] of Object.entries((value.rules as Record<string, unknown>) ?? {})) {
    const at = locate(doc!, `/rules/${id.replace(/~/g, "~0").replace(/\//g, "~1")}`, "key");
    ruleLines[id] = { line: at.line, column: at.column };
    if (Array.isArray(setting)) rules[id] = { severity: setting[0] as ConfiguredSeverity, options: (setting[1] as Record<string, unknown>) ?? {} };
    else rules[id] = { severity: setting as ConfiguredSeverity };
  }
  return {
    file: display,
    dir: dirname(path),
    auditDate: value.auditDate as string | undefined,
    rules,
    ignore: (value.ignore as string[]) ?? [],
    report: (value.report as ReportConfig) ?? {},
    limits: (value.limits as Partial<Limits>) ?? {},
    ruleLines,
  };
}
