// Audit: runs the rules' checks on the model. Under a memo (watch mode, language server), entity-scoped rules run
// again only where a change can reach and their other findings are carried over (see ./incremental.ts).
import { GouvnumError } from "../core/errors.js";
import type { LoadedDocument } from "../load/document.js";
import type { Territory } from "../model/territory.js";
import type { ReportDescriptor, RuleContext, RuleDefinition } from "./rule.js";
import type { RuleRun } from "./resolve-rules.js";
import { copyFinding, type Findings } from "./findings.js";
import { affectedDocuments, restrictedTerritory, type IncrementalState, type Recorded } from "./incremental.js";

/** A rule's check threw: a bug, reported with the rule and the file it was reading. */
export class RuleCrash extends GouvnumError {}

export interface RulesInput {
  mode: "validate" | "audit";
  date: string;
  documents: LoadedDocument[];
  territory: Territory;
  /** The previous run's state of a long-lived caller, and where to keep this run's (undefined: no memo). */
  memo?: { state?: IncrementalState };
}

/** Runs every rule that is on (group A only when validating), adding their findings. */
export async function runRules(runs: readonly RuleRun[], input: RulesInput, findings: Findings): Promise<void> {
  const { mode, date, documents, territory, memo } = input;
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
    await runOne(run, scope, date, findings, record);
  }
  if (memo) memo.state = { key: stateKey, territory, documents: new Set(documents), byRule: recorded, affected: affected?.size };
}

/** One rule's check over a set of documents; a crash names the rule and the file it was reading. */
async function runOne(run: RuleRun, scope: { documents: readonly LoadedDocument[]; territory: Territory }, date: string, findings: Findings, record?: Recorded[]): Promise<void> {
  let current: LoadedDocument | undefined;
  const ctx: RuleContext = {
    documents: scope.documents,
    territory: scope.territory,
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
  if (rule.messages) {
    const { pluginOf } = await import("./plugins.js");
    return new RuleCrash("regleLocaleEnErreur", { regle: rule.id, plugin: pluginOf(rule.id) ?? "?", fichier, detail });
  }
  return new RuleCrash("regleEnErreur", { regle: rule.id, fichier, detail });
}
