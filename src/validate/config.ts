// Validate: find, read and check `gouvnum.config.yaml` against its schema; an invalid config is a usage error.
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve, relative } from "node:path";
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

/** A local rule module as a configuration file names it (`plugins:`): the specifier and where it is resolved from. */
export interface PluginRef {
  specifier: string;
  /** The configuration file that names it, as shown to users. */
  from: string;
  /** Its folder: relative paths and packages are resolved from there. */
  dir: string;
}

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
  /** The `collect:` settings (collection campaigns). */
  collect?: { contact?: string };
  limits: Partial<Limits>;
  /** Where each rule's setting is written, for messages about it. */
  ruleLines?: Record<string, { line: number; column: number }>;
  /** Local rules to load (`plugins:`), from this file and the ones it extends. */
  plugins?: PluginRef[];
  /** The configuration files this one extends, in the order they apply (`extends:`). */
  extended?: string[];
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

/**
 * Reads and checks a config file and the files it extends (`extends:`, applied first; this file's keys win).
 * Every problem is a GouvnumError naming the file and line; a cycle names the chain.
 */
export async function loadConfig(path: string, cwd: string, chain: readonly string[] = []): Promise<GouvnumConfigLoaded> {
  const abs = resolve(path);
  if (chain.includes(abs)) {
    const shown = [...chain, abs].map((p) => toPosix(relative(cwd, p)) || p);
    throw new GouvnumError("configBoucle", { chaine: shown.join(" → ") });
  }
  const own = await loadOne(abs, cwd);
  if (own.extendsRefs.length === 0) return own.config;
  let merged: GouvnumConfigLoaded | undefined;
  for (const ref of own.extendsRefs) {
    const base = await loadConfig(locateExtended(ref, dirname(abs), own.config.file!), cwd, [...chain, abs]);
    merged = merged ? mergeConfigs(merged, base) : base;
  }
  const result = mergeConfigs(merged!, own.config);
  result.extended = [...(merged!.extended ?? []), ...own.extendsRefs.map((r) => r)];
  return result;
}

/** `base` then `over`: rules, report and limits key by key; ignore and plugins added; the rest from `over` when set. */
function mergeConfigs(base: GouvnumConfigLoaded, over: GouvnumConfigLoaded): GouvnumConfigLoaded {
  return {
    file: over.file,
    dir: over.dir,
    auditDate: over.auditDate ?? base.auditDate,
    rules: { ...base.rules, ...over.rules },
    ignore: [...base.ignore, ...over.ignore],
    report: { ...base.report, ...over.report },
    limits: { ...base.limits, ...over.limits },
    ruleLines: over.ruleLines,
    plugins: [...(base.plugins ?? []), ...(over.plugins ?? [])],
    extended: base.extended,
  };
}

/** `extends:` names a file (relative to the configuration's folder) or an npm package holding a gouvnum.config.yaml. */
function locateExtended(spec: string, dir: string, from: string): string {
  if (spec.startsWith(".") || isAbsolute(spec)) return resolve(dir, spec);
  const req = createRequire(join(dir, "gouvnum.config.yaml"));
  try {
    if (/\.ya?ml$/.test(spec)) return req.resolve(spec);
    return join(dirname(req.resolve(`${spec}/package.json`)), "gouvnum.config.yaml");
  } catch {
    throw new GouvnumError("configIllisible", { fichier: spec, detail: `paquet introuvable depuis ${from} (npm install ?)` });
  }
}

async function loadOne(path: string, cwd: string): Promise<{ config: GouvnumConfigLoaded; extendsRefs: string[] }> {
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
  const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
  const config: GouvnumConfigLoaded = {
    file: display,
    dir: dirname(path),
    auditDate: value.auditDate as string | undefined,
    rules,
    ignore: (value.ignore as string[]) ?? [],
    report: (value.report as ReportConfig) ?? {},
    collect: (value.collect as { contact?: string }) ?? {},
    limits: (value.limits as Partial<Limits>) ?? {},
    ruleLines,
    plugins: list(value.plugins).map((specifier) => ({ specifier, from: display, dir: dirname(path) })),
  };
  return { config, extendsRefs: list(value.extends) };
}
