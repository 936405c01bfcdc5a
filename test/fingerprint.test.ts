// The stable identity of a finding: the same gap keeps its fingerprint when documents move between files and are re-indented.
import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { runAudit } from "../src/audit/engine.js";
import { loadConfig } from "../src/validate/config.js";
import { contentHash, fingerprint, matchFindings, uniqueFingerprints } from "../src/core/fingerprint.js";
import { discoverFiles } from "../src/load/files.js";
import { FIXTURE_DATE, ROOT } from "./helpers.js";
import type { Finding } from "../src/core/finding.js";

const EXAMPLE = join(ROOT, "examples/academie-exemple");

async function auditDir(dir: string) {
  const config = await loadConfig(join(dir, "gouvnum.config.yaml"), dir);
  return runAudit([dir], { mode: "audit", date: FIXTURE_DATE, today: FIXTURE_DATE, cwd: dir, config });
}

const base = (over: Partial<Finding> = {}): Finding => ({
  ruleId: "equipement-obsolete",
  severity: "warning",
  messageId: "obsoletesDefaut",
  data: { obsoletes: 3, total: 10, part: "30 %", ageMax: 6, anneeLimite: 2020 },
  message: "",
  file: "a.yaml",
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 5,
  pointer: "/equipements",
  entity: "etablissement:0350017D",
  documentIndex: 0,
  ...over,
});

describe("empreinte d'un constat", () => {
  it("ne dépend ni de la ligne, ni du fichier, ni des nombres qui changent ; dépend de l'entité, du pointeur et du sujet", () => {
    const a = base();
    expect(fingerprint(base({ line: 40, file: "autre/b.yaml", documentIndex: 3 }))).toBe(fingerprint(a));
    // « 3 appareils obsolètes » → « 5 » : same finding, changed.
    const five = base({ data: { ...a.data, obsoletes: 5 } });
    expect(fingerprint(five)).toBe(fingerprint(a));
    expect(contentHash(five)).not.toBe(contentHash(a));
    expect(fingerprint(base({ entity: "etablissement:0350018E" }))).not.toBe(fingerprint(a));
    expect(fingerprint(base({ pointer: "/reseau" }))).not.toBe(fingerprint(a));
    // The subject of a finding (here the party) is identity.
    const p1 = base({ ruleId: "convention-non-signee", messageId: "x", data: { partie: "collectivite:dep-35" }, pointer: "/signatures" });
    const p2 = base({ ruleId: "convention-non-signee", messageId: "x", data: { partie: "etablissement:0350017D" }, pointer: "/signatures" });
    expect(fingerprint(p1)).not.toBe(fingerprint(p2));
  });

  it("un document sans identité est reconnu par son fichier", () => {
    const a = base({ entity: "", ruleId: "yaml-syntaxe", data: {} });
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, file: "b.yaml" }));
  });

  it("empreintes uniques dans une liste, quel que soit l'ordre", () => {
    const a = base({ ruleId: "schema", messageId: "type", data: { cle: "x", trouve: "1" }, pointer: "/x" });
    const b = base({ ruleId: "schema", messageId: "type", data: { cle: "x", trouve: "2" }, pointer: "/x" });
    const u1 = uniqueFingerprints([a, b]);
    const u2 = uniqueFingerprints([b, a]);
    expect(new Set(u1).size).toBe(2);
    expect(u1[0]).toBe(u2[1]);
    expect(u1[1]).toBe(u2[0]);
  });

  it("un constat corrigé et un nouveau de la même règle dans le même fichier ne s'annulent pas", () => {
    const old = base({ entity: "etablissement:0350017D" });
    const fresh = base({ entity: "etablissement:0350018E" });
    const m = matchFindings([old], [fresh]);
    expect(m.removed).toEqual([old]);
    expect(m.added).toEqual([fresh]);
    expect(m.unchanged).toEqual([]);
    expect(m.updated).toEqual([]);
    const changed = matchFindings([old], [base({ data: { ...old.data, obsoletes: 5 } })]);
    expect(changed.updated.length).toBe(1);
    expect(changed.added.length + changed.removed.length).toBe(0);
  });

  it("tous les documents déplacés dans d'autres fichiers et réindentés : aucun nouveau, aucun corrigé, aucun modifié", async () => {
    const before = await auditDir(EXAMPLE);
    expect(before.findings.length).toBeGreaterThan(5);
    // Every document of the example, in reverse order, re-indented (4 spaces), two documents per file, in other folders.
    const files = (await discoverFiles([EXAMPLE], { cwd: EXAMPLE })).filter((f) => !f.endsWith("gouvnum.config.yaml"));
    const docs: string[] = [];
    for (const f of files) {
      for (const d of parseAllDocuments(readFileSync(f, "utf8"))) {
        if (!Array.isArray(d)) docs.push(d.toString({ indent: 4, indentSeq: true }));
      }
    }
    docs.reverse();
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-deplace-"));
    writeFileSync(join(dir, "gouvnum.config.yaml"), readFileSync(join(EXAMPLE, "gouvnum.config.yaml")));
    for (let i = 0; i < docs.length; i += 2) {
      const sub = join(dir, `lot-${i % 3}`, `sous-${i}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `documents-${i}.yaml`), "# réorganisé\n\n" + docs.slice(i, i + 2).map((d) => `---\n${d}`).join(""));
    }
    const after = await auditDir(dir);
    const m = matchFindings(before.findings, after.findings);
    const show = (l: Finding[]) => l.map((f) => `${f.ruleId} ${f.entity} ${f.pointer} ${relative(dir, f.file)}`);
    expect(show(m.added)).toEqual([]);
    expect(show(m.removed)).toEqual([]);
    expect(m.updated.map(([, f]) => f.message)).toEqual([]);
    expect(m.unchanged.length).toBe(before.findings.length);
    // And the lines did move.
    expect(m.unchanged.some(([a, b]) => a.line !== b.line)).toBe(true);
  });
});
