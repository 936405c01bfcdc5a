// Audit: `--compare` — the territory as it was (a git revision, or a saved `-f json` result) against the current
// audit: every current finding new or persisting (unchanged / updated), every old one gone fixed. Matched by
// fingerprint (src/core/fingerprint.ts), never by line or file.
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { GouvnumError } from "../core/errors.js";
import type { Finding, Severity } from "../core/finding.js";
import { contentHash, fingerprint, matchByKeys, type Keys } from "../core/fingerprint.js";
import { readRevisionFiles, resolveRevision } from "../load/git.js";
import type { AuditOptions, AuditResult } from "./engine.js";

/** A finding as a saved `-f json` result records it (older results lack the last fields). */
export interface SavedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  pointer: string;
  entity: string;
  messageId?: string;
  data?: Record<string, string | number>;
  fingerprint?: string;
  content?: string;
  suppressed?: { reason: string };
  /** Known by the baseline (`--baseline`). */
  known?: boolean;
}

/** An indicator as a saved result records it (the report's indicators: numerator over denominator). */
export interface SavedIndicator {
  id: string;
  numerateur: number;
  denominateur: number;
  sens: "plus" | "moins";
}

/** The state compared with. */
export interface PreviousState {
  kind: "git" | "json";
  /** What the user gave (`HEAD~1`, `resultats/2026-06.json`). */
  ref: string;
  /** The date of that state: the commit's date, or the saved result's audit date. */
  date: string;
  findings: SavedFinding[];
  /** Recorded in a saved result; for a git revision, computed from `result` by the caller. */
  indicators?: SavedIndicator[];
  /** The audit of a git revision (its territory, for the report). */
  result?: AuditResult;
}

export interface Comparison {
  previous: PreviousState;
  /** Findings of the previous state that are no longer there. */
  fixed: SavedFinding[];
  counts: { new: number; unchanged: number; updated: number; fixed: number };
}

/**
 * A finding in the saved form: what `-f json` writes for each finding (src/report/formatters/json.ts, key order
 * included), what `--compare` reads back.
 */
export function toSaved(f: Finding): SavedFinding {
  const o: SavedFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    pointer: f.pointer,
    entity: f.entity,
  };
  // Assigned, not spread: spreading into each of 50,000 findings made every one a slow object.
  if (f.suppressed) o.suppressed = { reason: f.suppressed.reason };
  if (f.known) o.known = true;
  // The stable identity, the content, the message's data.
  o.messageId = f.messageId;
  o.data = f.data;
  o.fingerprint = fingerprint(f);
  o.content = contentHash(f);
  return o;
}

function savedKeys(f: SavedFinding): Keys {
  // A result saved by this version carries its keys; an older one is fingerprinted from what it has.
  if (f.fingerprint && f.content) return { fp: f.fingerprint, content: f.content };
  const fp = fingerprint(f);
  return { fp, content: f.data ? contentHash(f) : `${fp}\u0000${f.message}` };
}

/**
 * Classifies the current findings against the previous state (sets `status` on each finding that is not
 * suppressed) and returns what was fixed. Suppressed findings are decisions, not gaps: on neither side.
 */
export function compareWith(result: AuditResult, previous: PreviousState): Comparison {
  const current = result.findings.filter((f) => !f.suppressed);
  const before = previous.findings.filter((f) => !f.suppressed);
  const m = matchByKeys(before, current, savedKeys, (f) => ({ fp: fingerprint(f), content: contentHash(f) }));
  for (const [, f] of m.unchanged) f.status = "unchanged";
  for (const [, f] of m.updated) f.status = "updated";
  for (const f of m.added) f.status = "new";
  const fixed = [...m.removed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : 1)));
  const comparison: Comparison = {
    previous,
    fixed,
    counts: { new: m.added.length, unchanged: m.unchanged.length, updated: m.updated.length, fixed: fixed.length },
  };
  result.comparison = comparison;
  return comparison;
}

const SEVERITIES = new Set(["error", "warning", "info"]);

function isSavedFinding(v: unknown): v is SavedFinding {
  const f = v as SavedFinding;
  return (
    typeof f === "object" && f !== null && typeof f.ruleId === "string" && SEVERITIES.has(f.severity) && typeof f.message === "string" &&
    typeof f.file === "string" && typeof f.line === "number" && typeof f.pointer === "string" && typeof f.entity === "string"
  );
}

/** A saved `-f json` result as a previous state; anything else is a clear usage error. */
export function parseSavedResult(text: string, shown: string): PreviousState {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new GouvnumError("compareJsonIllisible", { chemin: shown, detail: "JSON invalide" });
  }
  const r = v as { tool?: { name?: string }; date?: unknown; findings?: unknown; indicators?: unknown };
  if (typeof r !== "object" || r === null || r.tool?.name !== "gouvnum" || !Array.isArray(r.findings) || typeof r.date !== "string") {
    throw new GouvnumError("compareJsonIllisible", { chemin: shown, detail: "ce n'est pas un résultat « gouvnum audit -f json »" });
  }
  const bad = r.findings.findIndex((f) => !isSavedFinding(f));
  if (bad >= 0) throw new GouvnumError("compareJsonIllisible", { chemin: shown, detail: `constat n° ${bad + 1} incomplet` });
  const indicators = Array.isArray(r.indicators)
    ? (r.indicators as SavedIndicator[]).filter((i) => typeof i?.id === "string" && typeof i.numerateur === "number" && typeof i.denominateur === "number")
    : undefined;
  return { kind: "json", ref: shown, date: r.date, findings: r.findings as SavedFinding[], ...(indicators ? { indicators } : {}) };
}

/** Whether `--compare` names a saved result (a `.json` file, or any existing file) rather than a git revision. */
export async function isSavedResultPath(spec: string, cwd: string): Promise<boolean> {
  if (/\.json$/i.test(spec)) return true;
  return stat(resolve(cwd, spec)).then(
    (s) => s.isFile(),
    () => false,
  );
}

export interface LoadPreviousOptions {
  /** The paths given on the command line (findings outside them are not compared). */
  paths: readonly string[];
  /** The audit's options (date, configuration, rules, territory root): the previous state is audited the same way. */
  audit: AuditOptions;
  run: (inputs: Array<{ name: string; text: Uint8Array }>, opts: AuditOptions) => Promise<AuditResult>;
}

/**
 * The previous state named by `--compare`: a saved result, read as is; or a git revision, whose territory is
 * read from git's objects and audited with the current configuration, rules and audit date — so that only
 * what changed in the territory differs (a saved result keeps its own date and settings).
 */
export async function loadPrevious(spec: string, o: LoadPreviousOptions): Promise<PreviousState> {
  const cwd = o.audit.cwd;
  if (await isSavedResultPath(spec, cwd)) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, spec), "utf8");
    } catch (e) {
      throw new GouvnumError("compareJsonIllisible", { chemin: spec, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    return parseSavedResult(text, spec);
  }
  const rev = await resolveRevision(spec, cwd);
  const select = { cwd, ignore: o.audit.config?.ignore, ignoreBase: o.audit.config?.dir };
  const root = o.audit.territory;
  const given = await readRevisionFiles(rev, o.paths, select);
  const whole = root !== undefined ? await readRevisionFiles(rev, [root], select) : given;
  const names = new Set(given.map((g) => g.name));
  const inputs = [...whole.filter((w) => !names.has(w.name)), ...given];
  const result = await o.run(inputs, { ...o.audit, territory: undefined, baseline: undefined, cache: undefined, onProgress: undefined });
  // The whole territory was audited; only the findings of the paths given are compared, as now.
  const findings = result.findings.filter((f) => names.has(f.file)).map(toSaved);
  return { kind: "git", ref: spec, date: rev.date, findings, result };
}

/** One audit of a history: its date, its name and its indicators (see `loadHistory`). */
export interface HistoryEntry {
  date: string;
  libelle: string;
  indicators: SavedIndicator[];
}

/**
 * The audits of `--history`: the saved `-f json` results of a folder (one per audit date), or with `git` every
 * tag of the repository, each audited on its commit's date. `indicators` computes an audit's indicators.
 */
export async function loadHistory(
  spec: string,
  o: LoadPreviousOptions & { indicators: (r: AuditResult) => SavedIndicator[] },
): Promise<HistoryEntry[]> {
  const cwd = o.audit.cwd;
  if (spec === "git") {
    const { listTags } = await import("../load/git.js");
    const tags = await listTags(cwd);
    if (tags.length === 0) throw new GouvnumError("historiqueSansEtiquette");
    const out: HistoryEntry[] = [];
    for (const tag of tags) {
      const rev = await resolveRevision(tag, cwd);
      const prev = await loadPrevious(tag, { ...o, audit: { ...o.audit, date: rev.date } });
      out.push({ date: rev.date, libelle: tag, indicators: prev.result ? o.indicators(prev.result) : [] });
    }
    return out;
  }
  const { readdir } = await import("node:fs/promises");
  const dir = resolve(cwd, spec);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.json$/i.test(n)).sort();
  } catch (e) {
    throw new GouvnumError("historiqueIllisible", { chemin: spec, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (names.length === 0) throw new GouvnumError("historiqueVide", { chemin: spec });
  const out: HistoryEntry[] = [];
  for (const n of names) {
    const shown = `${spec.replace(/\/+$/, "")}/${n}`;
    const state = parseSavedResult(await readFile(resolve(dir, n), "utf8"), shown);
    out.push({ date: state.date, libelle: n.replace(/\.json$/i, ""), indicators: state.indicators ?? [] });
  }
  return out;
}
