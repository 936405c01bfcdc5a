// Audit: what the per-file stage checks in each document it reads (on the engine's thread or in a worker thread, see
// src/load/stage): its schema violations and its suppression comments — plain data, kept with the file's result.
import type { LoadedDocument } from "../load/document.js";
import type { DocResult as StageDoc, DocumentCheck, FileResult as StageFile } from "../load/stage/index.js";
import { validateDocument, type Violation } from "../validate/schema.js";
import { findSuppressions, type SuppressionData } from "./suppressions.js";

/** What the per-file stage finds in a document for the audit. */
export interface DocChecks {
  /** Schema violations (documents of a known kind), with their raw-text hints already filled. */
  violations: Violation[];
  suppressions: SuppressionData[];
}

export type DocResult = StageDoc<DocChecks>;
export type FileResult = StageFile<DocChecks>;

/** The check itself (worker threads import this module and call it, see `DocumentCheck`). */
export function checkDocument(doc: LoadedDocument, _config: unknown): DocChecks {
  return { violations: doc.kind ? validateDocument(doc) : [], suppressions: findSuppressions(doc) };
}

/** The audit's check, as the per-file stage takes it. */
export const documentCheck: DocumentCheck<DocChecks> = {
  run: checkDocument,
  needsPositions: (d) => d.violations.length > 0,
  module: new URL("./document-check.js", import.meta.url).href,
  config: null,
};
