// Audit: findings as the engine collects them — each with its French message, located by the per-file stage or once
// every finding is known.
import type { Finding, Location } from "../core/finding.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { locate, type LoadedDocument, type Place } from "../load/document.js";
import type { SourceFile } from "../load/source.js";

/** Where a finding is, before or without its line and column. */
export type Where = Omit<Finding, "ruleId" | "messageId" | "data" | "message" | "severity">;

/** Builds a finding with its French message; an unknown message id or unfilled placeholder is a bug and throws. */
export function makeFinding(ruleId: string, messageId: string, data: Record<string, string | number>, where: Where): Finding {
  const texts = catalogue.rules[ruleId];
  const template = texts?.messages[messageId];
  if (template === undefined) throw new Error(`message inconnu ${ruleId}/${messageId}`);
  // Every field written out, in one order: a spread here made each finding a slow (dictionary) object —
  // measured 9 µs a finding, 0.45 s for 50,000, against 1.6 µs written out.
  return {
    ruleId,
    severity: "error",
    messageId,
    data,
    message: formatMessage(template, data),
    file: where.file,
    line: where.line,
    column: where.column,
    endLine: where.endLine,
    endColumn: where.endColumn,
    pointer: where.pointer,
    entity: where.entity,
    documentIndex: where.documentIndex,
  };
}

/** Where a finding will be, before `locateAll` computes its line and column. */
export function unlocated(file: string, pointer: string, entity: string, documentIndex: number): Where {
  return { file, line: 0, column: 0, endLine: 0, endColumn: 0, pointer, entity, documentIndex };
}

/** A fresh, unlocated copy of a finding carried over from the previous run of a memo. */
export function copyFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    severity: "error",
    messageId: f.messageId,
    data: f.data,
    message: f.message,
    file: f.file,
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    pointer: f.pointer,
    entity: f.entity,
    documentIndex: f.documentIndex,
  };
}

/**
 * The findings of a run, in the order they were made. What the per-file stage found (schema, kind, the `document`-phase
 * rules, syntax problems) comes located from it (`placed`, `located`). A finding of a cross-document rule is located
 * only at the end (`locateAll`), once it is known to be shown: files whose position indexes were not kept are read
 * again once each then, and only for the findings shown.
 */
export class Findings {
  readonly list: Finding[] = [];
  private readonly pending = new Map<Finding, { doc: LoadedDocument; at: "value" | "key" }>();

  /** A finding already located (a file's encoding, a syntax problem, a suppression comment). */
  located(ruleId: string, messageId: string, data: Record<string, string | number>, where: Location & Partial<Where>): Finding {
    const f = makeFinding(ruleId, messageId, data, { pointer: "", entity: "", documentIndex: 0, ...where });
    this.list.push(f);
    return f;
  }

  /** A finding about a pointer of a document, already located by the per-file stage (see `place` in src/load/document.ts). */
  placed(doc: LoadedDocument, ruleId: string, messageId: string, data: Record<string, string | number>, pointer: string, where: Place, entity = doc.entity): Finding {
    const [line, column, endLine, endColumn] = where;
    const f = makeFinding(ruleId, messageId, data, { file: doc.source.file, line, column, endLine, endColumn, pointer, entity, documentIndex: doc.index });
    this.list.push(f);
    return f;
  }

  /** A finding about a pointer of a document, located later. */
  at(doc: LoadedDocument, ruleId: string, messageId: string, data: Record<string, string | number>, pointer: string, at: "value" | "key" = "value", entity = doc.entity): Finding {
    return this.add(makeFinding(ruleId, messageId, data, unlocated(doc.source.file, pointer, entity, doc.index)), doc, at);
  }

  /** Adds a finding made elsewhere (carried over from a previous run), located later in `doc`. */
  add(f: Finding, doc: LoadedDocument, at: "value" | "key"): Finding {
    this.list.push(f);
    this.pending.set(f, { doc, at });
    return f;
  }

  /**
   * Positions are computed once every finding is known, file by file: a file whose documents' position
   * indexes were not kept is parsed again once, its findings located, and the index dropped — memory stays
   * that of the values, whatever the size of the territory.
   */
  locateAll(findings: readonly Finding[]): void {
    const bySource = new Map<SourceFile, Finding[]>();
    for (const f of findings) {
      const p = this.pending.get(f);
      if (!p) continue;
      const list = bySource.get(p.doc.source);
      if (list) list.push(f);
      else bySource.set(p.doc.source, [f]);
    }
    for (const [source, list] of bySource) {
      // Under a memo (watch mode, language server) a file's positions are kept while it is unchanged.
      const located = source.located;
      for (const f of list) {
        const p = this.pending.get(f)!;
        if (!located) {
          Object.assign(f, locate(p.doc, f.pointer, p.at));
          continue;
        }
        const key = `${p.doc.index}\u0000${p.at}\u0000${f.pointer}`;
        let at = located.get(key);
        if (!at) located.set(key, (at = locate(p.doc, f.pointer, p.at)));
        Object.assign(f, at);
      }
      if (!located) source.asts = undefined;
    }
    this.pending.clear();
  }
}
