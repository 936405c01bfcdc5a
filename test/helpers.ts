// Test helpers: run the engine in process on texts and files, read `# attendu:` markers.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runAudit, type AuditResult, type Mode, type StageMemo, type StageResult } from "../src/audit/engine.js";
import { emptyConfig } from "../src/validate/config.js";
import type { ConfiguredSeverity } from "../src/core/finding.js";
import { rules } from "../src/rules/index.js";

export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
/** The date every fixture and doc example is audited on. */
export const FIXTURE_DATE = "2026-09-01";

export interface RunOptions {
  mode?: Mode;
  date?: string;
  /** Only these rules (besides group A, which cannot be turned off) run. */
  only?: string[];
  rules?: Record<string, ConfiguredSeverity>;
}

function severities(o: RunOptions): Record<string, ConfiguredSeverity> {
  const out: Record<string, ConfiguredSeverity> = { ...(o.rules ?? {}) };
  if (o.only) for (const r of rules) if (r.group !== "A" && !o.only.includes(r.id)) out[r.id] = "off";
  return out;
}

/** Audits one YAML text given as a file named `name`. */
export function runText(text: string | Uint8Array, o: RunOptions = {}, name = "fixture.yaml"): Promise<AuditResult> {
  return runAudit([{ name, text }], {
    mode: o.mode ?? "audit",
    date: o.date ?? FIXTURE_DATE,
    today: FIXTURE_DATE,
    cwd: ROOT,
    config: emptyConfig(ROOT),
    ruleSeverities: severities(o),
  });
}

/** Audits paths relative to the project root. */
export function runPaths(paths: string[], o: RunOptions = {}): Promise<AuditResult> {
  return runAudit(paths, {
    mode: o.mode ?? "audit",
    date: o.date ?? FIXTURE_DATE,
    today: FIXTURE_DATE,
    cwd: ROOT,
    config: emptyConfig(ROOT),
    ruleSeverities: severities(o),
  });
}

/** `# attendu: a, b` markers: the rules expected to report a finding starting on that line (repeat an id for two). */
/** The `# attendu: <rule>` or `# attendu: <rule>/<messageId>` markers of a text (several: comma-separated). */
export function markers(text: string): Array<{ line: number; ruleId: string; messageId?: string }> {
  const out: Array<{ line: number; ruleId: string; messageId?: string }> = [];
  text.split("\n").forEach((l, i) => {
    const m = /#\s*attendu\s*:\s*([A-Za-z0-9_.,/ -]+)/.exec(l);
    if (!m) return;
    for (const item of m[1].split(/[,\s]+/).filter(Boolean)) {
      const [ruleId, messageId] = item.split("/");
      out.push(messageId ? { line: i + 1, ruleId, messageId } : { line: i + 1, ruleId });
    }
  });
  return out;
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/** A generated académie corpus (bench/corpus.mjs, about 4,800 files) in a new temporary folder; returns its path. */
export async function generatedAcademie(seed: number, prefix: string): Promise<string> {
  const gen = (await import(pathToFileURL(join(ROOT, "bench/corpus.mjs")).href)) as { generate(o: { scale: string; seed: number; out: string }): unknown };
  const out = join(mkdtempSync(join(tmpdir(), prefix)), "corpus");
  gen.generate({ scale: "academie", seed, out });
  return out;
}

/** A memo that keeps every file's per-file stage result (and its documents): what the stage computed, to look at and reuse. */
export class KeptMemo implements StageMemo {
  readonly results = new Map<string, StageResult>();
  get(abs: string) {
    return this.results.get(abs);
  }
  set(abs: string, r: StageResult) {
    this.results.set(abs, r);
  }
  overlay() {
    return undefined;
  }
}
