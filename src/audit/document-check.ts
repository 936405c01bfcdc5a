// Audit: what the per-file stage checks in each document it reads (on the engine's thread or in a worker thread, see
// src/load/stage): its schema violations, its suppression comments, its compact facts (src/model/compact) and what
// the `document`-phase rules find in it (./document-phase.ts) — plain data, kept with the file's result. Every finding
// the stage makes is located there, while the document's value and positions are at hand: after the stage, the engine
// needs neither to turn them into findings.
import { isPlainObject, place, placeRange, type LoadedDocument, type Place } from "../load/document.js";
import { KINDS } from "../core/domain.js";
import { didYouMean } from "../core/similar.js";
import type { DocResult as StageDoc, DocumentCheck, FileResult as StageFile } from "../load/stage/index.js";
import { describeValue, validateDocument, type Violation } from "../validate/schema.js";
import { extractFacts, projectValue, type DocFacts } from "../model/compact/index.js";
import { findSuppressions, type SuppressionData } from "./suppressions.js";
import { registryRuns, runDocumentRules, type DocPhaseConfig, type DocPhaseFound } from "./document-phase.js";

/** A schema violation located in its file. */
export type PlacedViolation = Violation & { place: Place };

/** Why a document has none of the four kinds (`kind-inconnu`): message, data, pointer, and where. */
export type KindProblem = [messageId: string, data: Record<string, string | number>, pointer: string, place: Place];

/** What the per-file stage finds in a document for the audit. */
export interface DocChecks {
  /** A document of none of the four kinds: why (then it has no schema violations). */
  kindProblem?: KindProblem;
  /** Schema violations (documents of a known kind), with their raw-text hints already filled, each located. */
  violations: PlacedViolation[];
  /** Suppression comments, each located. */
  suppressions: Array<SuppressionData & { place: Place }>;
  /** The document's compact facts (absent from results cached by an older gouvnum: the engine extracts them then). */
  facts?: DocFacts;
  /** What the document-phase rules found (absent, or under another key: the engine runs them again). */
  found?: DocPhaseFound;
  /** When the run keeps only facts: the document's value projected to them, which replaces its value in the stage's result. */
  value?: unknown;
}

/** The settings of the audit's check: the document-phase rules (null: none) and whether only facts are kept of each value. */
export interface CheckConfig {
  rules: DocPhaseConfig | null;
  project: boolean;
}

export type DocResult = StageDoc<DocChecks>;
export type FileResult = StageFile<DocChecks>;

/** The check itself (worker threads import this module and call it, see `DocumentCheck`). */
export function checkDocument(doc: LoadedDocument, { rules, project }: CheckConfig): DocChecks {
  const violations = doc.kind ? validateDocument(doc) : [];
  const placed = violations as PlacedViolation[];
  for (const v of placed) v.place = place(doc, v.pointer, v.at);
  const suppressions = findSuppressions(doc).map((s) => ({ ...s, place: placeRange(doc.source, s.range) }));
  const checks: DocChecks = { violations: placed, suppressions, facts: extractFacts(doc) };
  if (!doc.kind) checks.kindProblem = kindProblem(doc);
  if (rules) checks.found = runDocumentRules(doc, doc.kind !== undefined && violations.length === 0, runsOf(rules), rules.date, rules.key);
  // Last: everything above read the whole value.
  if (project) checks.value = projectValue(doc.kind, doc.value);
  return checks;
}

/** Why a document's kind is not one of the four: not a mapping, no `kind`, an empty one, not a text, an unknown one. */
function kindProblem(doc: LoadedDocument): KindProblem {
  const problem = (messageId: string, data: Record<string, string | number>, pointer: string): KindProblem => [messageId, data, pointer, place(doc, pointer)];
  if (!isPlainObject(doc.value)) return problem("pasUnMapping", { trouve: describeValue(doc.value) }, "");
  const k = doc.value.kind;
  if (k === undefined) return problem("absent", {}, "");
  if (k === null || k === "") return problem("vide", {}, "/kind");
  if (typeof k !== "string") return problem("pasUnTexte", { trouve: describeValue(k) }, "/kind");
  return problem("inconnu", { valeur: k, suggestion: didYouMean(k, KINDS) }, "/kind");
}

/** The registry's rules of the last configuration seen (every document of a run has the same). */
let cached: { config: DocPhaseConfig; runs: ReturnType<typeof registryRuns> } | undefined;
function runsOf(config: DocPhaseConfig): ReturnType<typeof registryRuns> {
  if (cached?.config.key !== config.key) cached = { config, runs: registryRuns(config) };
  return cached.runs;
}

/** The audit's check, as the per-file stage takes it, for a run's document-phase rules (null: none). */
export function documentCheck(rules: DocPhaseConfig | null, project = false): DocumentCheck<DocChecks> {
  const config: CheckConfig = { rules, project };
  return {
    run: checkDocument,
    // What the document-phase rules found under other settings (another date, the other mode) is computed again by
    // the engine from the document's value; when only facts are kept of it, the file must be read again instead.
    reusable: project ? (d) => !rules || d.found?.key === rules.key : undefined,
    module: new URL("./document-check.js", import.meta.url).href,
    config,
  };
}
