// Report: the `sarif` format — SARIF 2.1.0 for code scanning; relative URIs, 1-based regions, fingerprints that survive line moves.
import type { Finding, Severity } from "../../core/finding.js";
import type { AuditResult, RuleRun } from "../../audit/engine.js";
import { fingerprint, uniqueFingerprints } from "../../core/fingerprint.js";
import { docSection, ruleDoc, ruleDocUrl } from "../../rules/docs.js";
import { formatMessage } from "../../core/format-message.js";
import { catalogue } from "../../messages/index.js";
import type { ChunkedFormatter, Formatter } from "../types.js";
import { jsonChunks, joinChunks, Streamed } from "../json-stream.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/gouvnum/gouvnum";
const SRCROOT = "%SRCROOT%";

type Level = "error" | "warning" | "note";
const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };

/** `uai-invalide` → `uaiInvalide`. */
export function camelCase(id: string): string {
  return id.replace(/-+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * A relative path as a URI reference: every segment percent-encoded (spaces, non-ASCII as UTF-8,
 * `:` so that a first segment is never read as a scheme, `#`/`?` so nothing becomes a fragment or a query).
 */
export function pathToUri(file: string): string {
  return file.split("/").map((s) => encodeURIComponent(s)).join("/");
}

/** Markdown of our own doc pages as plain text, for the `text` fields. */
function plain(md: string): string {
  return md
    .replace(/^```[^\n]*\n?/gm, "")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: Level; enabled: true };
  properties: { tags: string[] };
}

/** « Pour corriger », then the compliant example, as one help section. */
function fixText(md: string): string | undefined {
  const parts = [docSection(md, "Pour corriger"), docSection(md, "Exemple conforme")].filter((s): s is string => !!s);
  return parts.length ? parts.join("\n\n") : undefined;
}

function describeRule(id: string, severity: Severity, group: string | undefined, appliesTo: readonly string[]): SarifRule {
  const c = catalogue.cli;
  const summary = catalogue.rules[id]?.summary ?? id;
  const url = ruleDocUrl(id);
  const md = ruleDoc(id);
  const what = md ? docSection(md, "Ce que vérifie la règle") : undefined;
  const sections: Array<[string, string | undefined]> = md
    ? [
        [c["sarif.pourquoi"], docSection(md, "Pourquoi")],
        [c["sarif.corriger"], fixText(md)],
        [c["sarif.references"], docSection(md, "Références")],
      ]
    : [];
  const present = sections.filter((s): s is [string, string] => !!s[1]);
  const docLine = formatMessage(c["sarif.documentation"], { url });
  const text = [summary, ...present.map(([t, body]) => `${t}\n${plain(body)}`), docLine].join("\n\n");
  const markdown = [summary, ...present.map(([t, body]) => `## ${t}\n\n${body}`), formatMessage(c["sarif.documentation"], { url: `<${url}>` })].join("\n\n");
  const tags = ["gouvnum", ...(group ? [`groupe-${group}`] : []), ...appliesTo];
  return {
    id,
    name: camelCase(id),
    shortDescription: { text: summary },
    fullDescription: { text: what ? plain(what) : summary },
    help: { text, markdown },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[severity], enabled: true },
    properties: { tags },
  };
}

function region(f: Finding) {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  let endLine = Math.max(startLine, f.endLine || startLine);
  let endColumn = Math.max(1, f.endColumn || startColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

/** A result's location: the file and region, and the entity as its logical location. */
function locationOf(f: { file: string; entity: string }, r: ReturnType<typeof region>): Record<string, unknown> {
  const location: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(f.file), uriBaseId: SRCROOT },
      region: r,
    },
  };
  if (f.entity) location.logicalLocations = [{ name: f.entity, fullyQualifiedName: f.entity, kind: "object" }];
  return location;
}

/** The rules' descriptors: every rule that can report (not off), in registry order; then any other rule id a finding carries. */
function rulesOf(result: AuditResult): { rules: SarifRule[]; index: Map<string, number> } {
  const runs: RuleRun[] = result.rules.filter((r) => r.severity !== "off");
  const rules: SarifRule[] = runs.map((r) => describeRule(r.rule.id, r.severity as Severity, r.rule.group, r.rule.appliesTo));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of [...result.findings, ...(result.comparison?.fixed ?? [])]) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push(describeRule(f.ruleId, f.severity, undefined, []));
    }
  }
  return { rules, index };
}

/** The results, made one at a time as they are written: each finding, then (with --compare) each fixed one. */
function* resultsOf(result: AuditResult, index: Map<string, number>): Generator<Record<string, unknown>> {
  // A baseline was used when a finding is known: known findings are "unchanged", the other counted ones "new".
  // Suppressed findings never enter a baseline, so they get no baselineState.
  const baselineUsed = result.summary.known > 0 || result.findings.some((f) => f.known);

  const fingerprints = uniqueFingerprints(result.findings);
  for (let i = 0; i < result.findings.length; i++) {
    const f = result.findings[i];
    const out: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [locationOf(f, region(f))],
      partialFingerprints: { "gouvnum/v2": fingerprints[i] },
    };
    if (f.status && !f.suppressed) out.baselineState = f.status;
    else if (baselineUsed && !f.suppressed) out.baselineState = f.known ? "unchanged" : "new";
    if (f.suppressed) out.suppressions = [{ kind: "inSource", justification: f.suppressed.reason }];
    const properties: Record<string, unknown> = { pointer: f.pointer, documentIndex: f.documentIndex };
    if (f.entity) properties.entity = f.entity;
    out.properties = properties;
    yield out;
  }

  // With --compare, the findings fixed since are results too, « absent » (SARIF § 3.27.24), where they were.
  for (const f of result.comparison?.fixed ?? []) {
    yield {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [locationOf(f, region({ line: f.line, column: f.column, endLine: f.endLine ?? f.line, endColumn: f.endColumn ?? f.column } as Finding))],
      partialFingerprints: { "gouvnum/v2": f.fingerprint ?? fingerprint(f) },
      baselineState: "absent",
      properties: { pointer: f.pointer, ...(f.entity ? { entity: f.entity } : {}) },
    };
  }
}

/** The SARIF log in pieces: the results (a national audit: 120 MB of them) made and written one after the other. */
export const chunks: ChunkedFormatter = function* (result, ctx) {
  const { rules, index } = rulesOf(result);
  const sarif = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "gouvnum",
            version: ctx.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // No absolute path: the root is described, never given, so the output is the same on every machine.
        originalUriBaseIds: { [SRCROOT]: { description: { text: catalogue.cli["sarif.racine"] } } },
        columnKind: "utf16CodeUnits",
        results: new Streamed(resultsOf(result, index)),
        properties: { date: result.date, mode: result.mode },
      },
    ],
  };
  yield* jsonChunks(sarif);
  yield "\n";
};

export const format: Formatter = (result, ctx) => joinChunks(chunks(result, ctx));
