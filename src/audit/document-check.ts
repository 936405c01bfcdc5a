// Audit: what the per-file stage checks in each document it reads (on the engine's thread or in a worker thread, see
// src/load/stage): its schema violations, its suppression comments, its compact facts (src/model/compact) and what
// the `document`-phase rules find in it (./document-phase.ts) — plain data, kept with the file's result.
import type { LoadedDocument } from "../load/document.js";
import type { DocResult as StageDoc, DocumentCheck, FileResult as StageFile } from "../load/stage/index.js";
import { validateDocument, type Violation } from "../validate/schema.js";
import { extractFacts, type DocFacts } from "../model/compact/index.js";
import { findSuppressions, type SuppressionData } from "./suppressions.js";
import { registryRuns, runDocumentRules, type DocPhaseConfig, type DocPhaseFound } from "./document-phase.js";

/** What the per-file stage finds in a document for the audit. */
export interface DocChecks {
  /** Schema violations (documents of a known kind), with their raw-text hints already filled. */
  violations: Violation[];
  suppressions: SuppressionData[];
  /** The document's compact facts (absent from results cached by an older gouvnum: the engine extracts them then). */
  facts?: DocFacts;
  /** What the document-phase rules found (absent, or under another key: the engine runs them again). */
  found?: DocPhaseFound;
}

export type DocResult = StageDoc<DocChecks>;
export type FileResult = StageFile<DocChecks>;

/** The check itself (worker threads import this module and call it, see `DocumentCheck`). */
export function checkDocument(doc: LoadedDocument, config: DocPhaseConfig | null): DocChecks {
  const violations = doc.kind ? validateDocument(doc) : [];
  const checks: DocChecks = { violations, suppressions: findSuppressions(doc), facts: extractFacts(doc) };
  if (config) checks.found = runDocumentRules(doc, doc.kind !== undefined && violations.length === 0, runsOf(config), config.date, config.key);
  return checks;
}

/** The registry's rules of the last configuration seen (every document of a run has the same). */
let cached: { config: DocPhaseConfig; runs: ReturnType<typeof registryRuns> } | undefined;
function runsOf(config: DocPhaseConfig): ReturnType<typeof registryRuns> {
  if (cached?.config.key !== config.key) cached = { config, runs: registryRuns(config) };
  return cached.runs;
}

/** The audit's check, as the per-file stage takes it, for a run's document-phase rules (null: none). */
export function documentCheck(config: DocPhaseConfig | null): DocumentCheck<DocChecks> {
  return {
    run: checkDocument,
    needsPositions: (d) => d.violations.length > 0 || (d.found?.reported.length ?? 0) > 0,
    module: new URL("./document-check.js", import.meta.url).href,
    config,
  };
}
