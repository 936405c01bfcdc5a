// Audit: runs the rules' checks on the model. `document`-phase rules ran in the per-file stage: their reports become
// findings here (see ./document-phase.ts). Cross-document rules run after every file is read; those that declare
// their facts see only the compact facts model. Under a memo (watch mode, language server), entity-scoped rules run
// again only where a change can reach and their other findings are carried over (see ./incremental.ts).
import { createHash } from "node:crypto";
import { GouvnumError } from "../core/errors.js";
import type { LoadedDocument } from "../load/document.js";
import type { Territory } from "../model/territory.js";
import type { FactsModel } from "../model/compact/index.js";
import type { ReportDescriptor, RuleContext, RuleDefinition } from "./rule.js";
import type { RuleRun } from "./resolve-rules.js";
import { copyFinding, type Findings } from "./findings.js";
import { inRegistry, registryRuns, runDocumentRules, type DocPhaseConfig, type DocPhaseFound } from "./document-phase.js";
import { affectedDocuments, restrictedTerritory, type IncrementalState, type Recorded } from "./incremental.js";

/** A rule's check threw: a bug, reported with the rule and the file it was reading. */
export class RuleCrash extends GouvnumError {}

export interface RulesInput {
  mode: "validate" | "audit";
  date: string;
  documents: LoadedDocument[];
  territory: Territory;
  facts: FactsModel;
  /** The previous run's state of a long-lived caller, and where to keep this run's (undefined: no memo). */
  memo?: { state?: IncrementalState };
}

/** Which rules run where in a run (see `phase` in ./rule.ts). */
export interface Phases {
  /** The registry's document-phase rules that are on, for the per-file stage (null: none). */
  config: DocPhaseConfig | null;
  /** Document-phase rules the worker threads cannot import (local and library rules): run per document on this thread. */
  onThread: Array<{ rule: RuleDefinition; options: RuleRun["options"] }>;
  /** The rules that run once every file is read. */
  later: RuleRun[];
}

/** Splits a run's rules by phase; `twoPhase` false: every rule runs once every file is read (tests compare both). */
export function planPhases(runs: readonly RuleRun[], mode: RulesInput["mode"], date: string, twoPhase: boolean): Phases {
  const on = (r: RuleRun) => r.rule.check && r.severity !== "off" && (mode === "audit" || r.rule.group === "A");
  const document = twoPhase ? runs.filter((r) => r.rule.phase === "document" && on(r)) : [];
  const inStage = document.filter((r) => inRegistry(r.rule));
  const rules = inStage.map((r): [string, RuleRun["options"]] => [r.rule.id, r.options]);
  return {
    // The key is kept with every document's result: a digest, not the settings (2 KB a document at national scale).
    config: rules.length > 0 ? { key: createHash("sha1").update(JSON.stringify([mode, date, rules])).digest("base64"), date, rules } : null,
    onThread: document.filter((r) => !inRegistry(r.rule)).map((r) => ({ rule: r.rule, options: r.options })),
    later: runs.filter((r) => !document.includes(r)),
  };
}

/**
 * The findings of the document-phase rules: as the per-file stage found them (computed again here when the stage's
 * result was made under other settings: an older cache, another date). A report a rule made through the territory
 * is kept only for the document the whole territory holds as that entity (not a duplicate's second document).
 * `keep`: leave the reports in the stage's results (a memo reuses them).
 */
export async function addDocumentFindings(
  phases: Phases,
  documents: readonly LoadedDocument[],
  stage: ReadonlyMap<LoadedDocument, { found?: DocPhaseFound }>,
  keep: boolean,
  territory: Territory,
  findings: Findings,
): Promise<void> {
  const { config, onThread } = phases;
  if (!config && onThread.length === 0) return;
  const runs = config ? registryRuns(config) : [];
  for (const doc of documents) {
    const result = stage.get(doc);
    let found = config ? result?.found : undefined;
    // Once they are findings, the reports go (unless a memo keeps them for the next run).
    if (result && !keep) result.found = undefined;
    if (config && found?.key !== config.key) found = runDocumentRules(doc, doc.valid, runs, config.date, config.key);
    const local = onThread.length > 0 ? runDocumentRules(doc, doc.valid, onThread, config?.date ?? "", "") : undefined;
    for (const f of [found, local]) {
      if (!f) continue;
      if (f.crash) throw await crash(f.crash.detail, [...runs, ...onThread].find((r) => r.rule.id === f.crash!.ruleId)!.rule, doc);
      const entity = territory.byRef.get(doc.entity)?.doc === doc;
      // Located as they were reported, while the document's positions were at hand: no walk later.
      for (const [ruleId, messageId, data, pointer, , ref, viaTerritory, where] of f.reported) {
        if (viaTerritory && !entity) continue;
        findings.placed(doc, ruleId, messageId, data, pointer, where, ref);
      }
    }
  }
}

/** Runs every rule that is on (group A only when validating), adding their findings. */
export async function runRules(runs: readonly RuleRun[], input: RulesInput, findings: Findings): Promise<void> {
  const { mode, date, documents, territory, facts, memo } = input;
  const stateKey = memo ? JSON.stringify([mode, date, runs.map((r) => [r.rule.id, r.severity, r.options])]) : "";
  const prev = memo?.state?.key === stateKey ? memo.state : undefined;
  const affected = prev ? affectedDocuments(prev, territory, documents) : undefined;
  const restricted = affected ? { documents: documents.filter((d) => affected.has(d)), territory: restrictedTerritory(territory, affected) } : undefined;
  const recorded = new Map<string, Recorded[]>();
  for (const run of runs) {
    if (!run.rule.check || run.severity === "off") continue;
    if (mode === "validate" && run.rule.group !== "A") continue;
    const record: Recorded[] | undefined = memo && run.rule.scope === "entity" ? [] : undefined;
    const carried = record && restricted ? prev?.byRule.get(run.rule.id) : undefined;
    if (record) recorded.set(run.rule.id, record);
    if (carried && affected) {
      for (const r of carried) {
        if (affected.has(r.doc)) continue;
        const f = findings.add(copyFinding(r.finding), r.doc, r.at);
        record!.push({ doc: r.doc, finding: f, at: r.at });
      }
    }
    const scope = carried ? restricted! : { documents, territory };
    await runOne(run, { ...scope, facts }, date, findings, record);
  }
  if (memo) memo.state = { key: stateKey, territory, documents: new Set(documents), byRule: recorded, affected: affected?.size };
}

/** One rule's check over a set of documents; a crash names the rule and the file it was reading. */
async function runOne(run: RuleRun, scope: { documents: readonly LoadedDocument[]; territory: Territory; facts: FactsModel }, date: string, findings: Findings, record?: Recorded[]): Promise<void> {
  let current: LoadedDocument | undefined;
  // A territory-phase rule that declares its facts reads them (ctx.facts, the territory of projected values) only:
  // the documents and their values are not its to read.
  const factsOnly = run.rule.phase === "territory" && run.rule.facts !== undefined;
  const refuse = (what: string) => () => {
    throw new Error(`règle de phase « territory » déclarant ses faits : ctx.${what} lu`);
  };
  const ctx: RuleContext = {
    documents: scope.documents,
    territory: scope.territory,
    facts: scope.facts,
    date,
    options: run.options,
    report: (d: ReportDescriptor) => {
      current = d.on.doc;
      const at = d.at ?? "value";
      const f = findings.at(d.on.doc, run.rule.id, d.messageId, d.data ?? {}, d.pointer ?? "", at, d.on.ref ?? d.on.doc.entity);
      record?.push({ doc: d.on.doc, finding: f, at });
    },
    each(list, fn) {
      for (const e of list) {
        current = e.doc;
        fn(e);
      }
    },
  };
  if (factsOnly) Object.defineProperty(ctx, "documents", { get: refuse("documents") });
  try {
    run.rule.check!(ctx);
  } catch (e) {
    throw await crash(e, run.rule, current);
  }
}

async function crash(e: unknown, rule: RuleDefinition, current: LoadedDocument | undefined): Promise<unknown> {
  if (e instanceof GouvnumError) return e;
  const detail = String((e as Error)?.message ?? e);
  const fichier = current?.source.file ?? "?";
  // Built-in rules carry their messages too: a local (or library) rule is one the registry does not hold.
  if (rule.messages && !inRegistry(rule)) {
    const { pluginOf } = await import("./plugins.js");
    return new RuleCrash("regleLocaleEnErreur", { regle: rule.id, plugin: pluginOf(rule.id) ?? "?", fichier, detail });
  }
  return new RuleCrash("regleEnErreur", { regle: rule.id, fichier, detail });
}
