// Audit: `document`-phase rules (see `phase` in ./rule.ts) — rules that look at one document at a time. They run in the
// per-file stage as each document is parsed (./document-check.ts, on the engine's thread or in a worker thread), on
// a territory of that one document; what they report comes back as plain data with the file's result (kept by the
// cache and the memo, so an unchanged file's findings are not computed again). The engine then turns it into findings,
// leaving out what a rule found through the territory in a document the whole territory does not hold as an entity
// (the second document of a duplicated id), exactly as if the rule had run on the whole territory.
import { place, type LoadedDocument, type Place } from "../load/document.js";
import { OneEntityTerritory, type Territory } from "../model/territory.js";
import { extractFacts, FactsModel } from "../model/compact/index.js";
import type { ReportDescriptor, RuleContext, RuleDefinition } from "./rule.js";
import { rules as registry } from "../rules/index.js";

/**
 * A report of a document-phase rule as plain data: rule, message, data, pointer, side, entity, whether the rule read it
 * through the territory, and where it is in the file (located as it is reported, while the document's positions are at hand).
 */
export type Reported = [ruleId: string, messageId: string, data: Record<string, string | number>, pointer: string, at: "value" | "key", ref: string, viaTerritory: boolean, place: Place];

/** What the document-phase rules found in one document, under the settings `key` names. */
export interface DocPhaseFound {
  key: string;
  reported: Reported[];
  /** A rule's check threw: its id and the error's text (the engine raises RuleCrash with the file). */
  crash?: { ruleId: string; detail: string };
}

/** The settings of a run's document-phase rules, as plain data for the per-file stage (worker threads included). */
export interface DocPhaseConfig {
  /** What the findings depend on besides the document: mode, date, the rules and their options. */
  key: string;
  date: string;
  /** Rules of the registry, by id, with their options. */
  rules: Array<[id: string, options: Record<string, number | string | boolean>]>;
}

interface DocRuleRun {
  rule: RuleDefinition;
  options: Record<string, number | string | boolean>;
}

/** The registry's rules of a configuration (worker threads know rules by id). */
export function registryRuns(config: DocPhaseConfig): DocRuleRun[] {
  return config.rules.map(([id, options]) => ({ rule: registry.find((r) => r.id === id)!, options }));
}

/** Whether a rule is one of the registry's (worker threads can import it), not a local or library rule. */
export function inRegistry(rule: RuleDefinition): boolean {
  return registry.includes(rule);
}

/**
 * Runs document-phase rules on one document: those whose `appliesTo` names its kind. `valid`: the document passed its kind and schema checks (rules reading
 * the territory see it only then, as on the whole territory). The document's `valid` is set to it.
 */
export function runDocumentRules(doc: LoadedDocument, valid: boolean, runs: readonly DocRuleRun[], date: string, key: string): DocPhaseFound {
  const found: DocPhaseFound = { key, reported: [] };
  const kind = doc.kind;
  // A rule looks at the kinds of its `appliesTo` only; a document of no known kind is no rule's (kind-inconnu's, a stage's).
  if (runs.length === 0 || kind === undefined) return found;
  doc.valid = valid;
  const ctx = new OneDocument(doc, date, found.reported);
  for (const run of runs) {
    if (!run.rule.appliesTo.includes(kind)) continue;
    ctx.start(run);
    try {
      run.rule.check!(ctx);
    } catch (e) {
      found.crash = { ruleId: run.rule.id, detail: String((e as Error)?.message ?? e) };
      return found;
    }
  }
  return found;
}

/**
 * The context of a document-phase rule: one document, and a territory of that document alone (made the first time a
 * rule asks for it: a OneEntityTerritory, src/model/territory.ts). One object for every rule run on the document (a context a rule and a document, with its
 * accessors, was measured 0.27 s of CPU on the académie corpus).
 */
class OneDocument implements RuleContext {
  readonly documents: readonly LoadedDocument[];
  options: Record<string, number | string | boolean> = {};
  private ruleId = "";
  /** The rule being run read the territory (its reports are about the document as an entity). */
  private viaTerritory = false;
  private graph: Territory | undefined;
  private model: FactsModel | undefined;

  constructor(
    private readonly doc: LoadedDocument,
    readonly date: string,
    private readonly reported: Reported[],
  ) {
    this.documents = [doc];
  }

  start(run: DocRuleRun): void {
    this.ruleId = run.rule.id;
    this.options = run.options;
    this.viaTerritory = false;
  }

  get territory(): Territory {
    this.viaTerritory = true;
    // Territory's public API for one document (it checks `valid` as Territory does), without Territory's maps.
    return (this.graph ??= new OneEntityTerritory(this.doc) as unknown as Territory);
  }

  get facts(): FactsModel {
    return (this.model ??= new FactsModel([[this.doc, extractFacts(this.doc)]]));
  }

  report(d: ReportDescriptor): void {
    const pointer = d.pointer ?? "";
    const at = d.at ?? "value";
    this.reported.push([this.ruleId, d.messageId, d.data ?? {}, pointer, at, d.on.ref ?? d.on.doc.entity, this.viaTerritory, place(this.doc, pointer, at)]);
  }

  each<E extends { doc: LoadedDocument }>(list: readonly E[], fn: (e: E) => void): void {
    for (const e of list) fn(e);
  }
}
