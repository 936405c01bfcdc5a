// The `junit` formatter as it was before its output was written in pieces (commit 8932887), one whole string: the oracle
// the streamed output is compared with, byte for byte (test/output-stream.test.ts). A deliberate change of the format changes both.
// Report: the `junit` format — Ant/Jenkins junit.xsd shape (plus the `file` attribute GitLab and Jenkins read), one
// testsuite per file, for CI test report viewers (GitLab's merge-request test widget among them).
import type { Finding } from "../../src/core/finding.js";
import { formatMessage } from "../../src/core/format-message.js";
import { catalogue } from "../../src/messages/index.js";
import { ruleDocUrl } from "../../src/rules/docs.js";
import { failing, isCounted, SEVERITY_LABEL } from "../../src/report/counted.js";
import type { Formatter } from "../../src/report/types.js";

/** Characters XML 1.0 forbids (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF): stripped. */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: `&`, `<`, `>` as entities (quotes need none there), illegal characters removed. */
export function xmlText(s: string): string {
  // Line breaks become character references: a value with "\n::error::…" must not put a line starting with
  // `::` in a CI log, where GitHub Actions would run it as a workflow command. XML parsers read them back.
  return s
    .replace(ILLEGAL_XML, "")
    .replace(/[&<>]/g, (c) => ENTITY[c])
    .replace(/\r?\n|\r/g, "&#10;");
}

/** Attribute value: quotes too, and tab/LF/CR as character references, which attribute normalisation would otherwise turn into spaces. */
export function xmlAttr(s: string): string {
  return s
    .replace(ILLEGAL_XML, "")
    .replace(/[&<>"']/g, (c) => ENTITY[c])
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join("");
}

function describe(f: Finding): string {
  const c = catalogue.cli;
  const lines = [
    `${c["junit.severite"]} : ${SEVERITY_LABEL[f.severity]}`,
    `${c["junit.position"]} : ${f.file}:${f.line}:${f.column}`,
  ];
  if (f.entity) lines.push(`${c["junit.entite"]} : ${f.entity}`);
  lines.push(`${c["junit.regle"]} : ${f.ruleId}`, "", f.message, "", `${c["junit.documentation"]} : ${ruleDocUrl(f.ruleId)}`);
  return lines.join("\n");
}

/**
 * Per file: one failing testcase per counted finding at or above `--fail-on`; one skipped testcase per
 * suppressed (`# gouvnum-ignore`) or known (baseline) finding, so that masking stays visible in the CI's
 * test view without failing it; and, when nothing fails, one passing testcase. Counted findings below the
 * threshold are not tests: they are listed in the testsuite's `<system-out>`.
 */
export const format: Formatter = (result, ctx) => {
  const c = catalogue.cli;
  const failures = new Set(failing(result.findings, ctx.failOn));
  const files = [...new Set([...result.sources.keys(), ...result.findings.map((f) => f.file)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byFile = new Map<string, Finding[]>(files.map((f) => [f, []]));
  for (const f of result.findings) byFile.get(f.file)!.push(f);

  const where = (file: string) => (ctx.repositoryPath ? ctx.repositoryPath(file) : file);
  const suites: string[] = [];
  let tests = 0;
  let failed = 0;
  let skipped = 0;
  files.forEach((file, id) => {
    const cases: string[] = [];
    const below: string[] = [];
    let nFail = 0;
    let nSkip = 0;
    for (const f of byFile.get(file)!) {
      // GitLab's test report lists a case by its name alone: the name carries the place, as `path:line:col rule`
      // (the text format's order), and `file` fills its « Fichier » column with the path from the repository root.
      const head = attrs({ classname: file, name: `${f.file}:${f.line}:${f.column} ${f.ruleId}`, file: where(f.file) });
      if (failures.has(f)) {
        nFail++;
        cases.push(`    <testcase${head}>\n      <failure${attrs({ message: f.message, type: f.ruleId })}>${xmlText(describe(f))}</failure>\n    </testcase>`);
      } else if (!isCounted(f)) {
        nSkip++;
        const why = f.suppressed ? formatMessage(c["junit.masque"], { raison: f.suppressed.reason }) : c["junit.connu"];
        cases.push(`    <testcase${head}>\n      <skipped${attrs({ message: why })}/>\n    </testcase>`);
      } else {
        below.push(`${f.file}:${f.line}:${f.column} ${SEVERITY_LABEL[f.severity]} ${f.message} (${f.ruleId})`);
      }
    }
    if (nFail === 0) cases.unshift(`    <testcase${attrs({ classname: file, name: `${file} ${c["junit.reussi"]}`, file: where(file) })}/>`);
    const n = cases.length;
    tests += n;
    failed += nFail;
    skipped += nSkip;
    const out = below.length > 0 ? [`    <system-out>${xmlText([formatMessage(c["junit.sousLeSeuil"], { seuil: ctx.failOn }), ...below].join("\n"))}</system-out>`] : [];
    suites.push(
      [`  <testsuite${attrs({ name: file, id, tests: n, failures: nFail, errors: 0, skipped: nSkip })}>`, ...cases, ...out, "  </testsuite>"].join("\n"),
    );
  });

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: "gouvnum", tests, failures: failed, errors: 0, skipped })}>`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
};
