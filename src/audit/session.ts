// Audit: a long-lived audit of one territory (watch mode, language server). Each file's per-file stage result, line
// index and computed positions are kept until the file changes; an edited buffer's unsaved text replaces the file's.
// Each run re-reads only what changed, then runs the model and every rule on the whole territory, so cross-document
// findings (an établissement's convention removed elsewhere) are always right.
import { resolve } from "node:path";
import { compareFindings, type Finding } from "../core/finding.js";
import type { IncrementalState } from "./incremental.js";
import type { Listing } from "../load/files.js";
import { runAudit, type AuditInput, type AuditOptions, type AuditResult, type StageMemo, type StageResult } from "./engine.js";

/** What changed between two runs: findings that appeared and findings that disappeared. */
export interface AuditChange {
  added: Finding[];
  removed: Finding[];
}

export class AuditSession implements StageMemo {
  private readonly kept = new Map<string, StageResult>();
  private readonly buffers = new Map<string, string>();
  /** The territory's folders as last listed: a folder whose modification time has not moved is not read again. */
  readonly listings = new Map<string, Listing>();
  private last: AuditResult | undefined;
  /** What the engine keeps between runs (see incremental.ts). */
  state?: IncrementalState;

  constructor(
    private readonly inputs: readonly AuditInput[],
    /** `jobs`: threads of the first run (later runs read only what changed, on this thread). */
    private readonly options: Omit<AuditOptions, "memo" | "cache">,
  ) {}

  get(abs: string): StageResult | undefined {
    return this.kept.get(abs);
  }

  set(abs: string, r: StageResult): void {
    this.kept.set(abs, r);
  }

  overlay(abs: string): string | undefined {
    return this.buffers.get(abs);
  }

  /** A file was written, created or removed: it is read again on the next run. */
  fileChanged(path: string): void {
    this.kept.delete(resolve(this.options.cwd, path));
  }

  /** An editor's buffer for `path` (undefined: closed, the file on disk counts again). */
  setBuffer(path: string, text: string | undefined): void {
    const abs = resolve(this.options.cwd, path);
    if (text === undefined) this.buffers.delete(abs);
    else if (this.buffers.get(abs) === text) return;
    else this.buffers.set(abs, text);
    this.kept.delete(abs);
  }

  /** The previous run's result, if any. */
  get result(): AuditResult | undefined {
    return this.last;
  }

  /** Audits the territory again; only the files that changed since the last run are read and parsed. `onProgress`: as files are read (see `AuditOptions`). */
  async run(o: Pick<AuditOptions, "onProgress"> = {}): Promise<{ result: AuditResult; change: AuditChange }> {
    const before = this.last;
    const result = await runAudit(this.inputs, { ...this.options, ...o, memo: this });
    // Files that are gone from the territory are forgotten. Every file read is kept: only when more are kept than
    // were read is one of them gone (the paths resolved again each run were 0.1 s of a national re-check).
    if (this.kept.size > result.files.length) {
      const read = new Set(result.files.map((f) => resolve(this.options.cwd, f)));
      for (const abs of this.kept.keys()) if (!read.has(abs)) this.kept.delete(abs);
    }
    this.last = result;
    return { result, change: diffFindings(before?.findings ?? [], result.findings) };
  }
}

/** Whether two findings say the same thing at the same place. */
function same(a: Finding, b: Finding): boolean {
  return (
    a.line === b.line &&
    a.column === b.column &&
    a.endLine === b.endLine &&
    a.endColumn === b.endColumn &&
    a.ruleId === b.ruleId &&
    a.file === b.file &&
    a.message === b.message &&
    a.severity === b.severity &&
    !a.suppressed === !b.suppressed &&
    !a.known === !b.known
  );
}

/** Findings added and removed between two runs; both lists are in `compareFindings` order, as `runAudit` returns them. */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): AuditChange {
  const added: Finding[] = [];
  const removed: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (same(before[i], after[j])) {
      i++;
      j++;
      continue;
    }
    const c = compareFindings(before[i], after[j]);
    if (c < 0) removed.push(before[i++]);
    else if (c > 0) added.push(after[j++]);
    else {
      removed.push(before[i++]);
      added.push(after[j++]);
    }
  }
  while (i < before.length) removed.push(before[i++]);
  while (j < after.length) added.push(after[j++]);
  return { added, removed };
}
