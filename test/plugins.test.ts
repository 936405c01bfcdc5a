// Local rules and shared configurations, as a user writes them: an ES module in the territory's repository that
// imports `defineRule` from the installed package, loaded through `plugins:`, reported in every format; a shared
// configuration reused through `extends:`; and the author's mistakes said clearly (at load time, at run time, and
// by the type checker in their editor).
import { describe, expect, it, beforeAll } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "execa";
import ts from "typescript";
import { ROOT } from "./helpers.js";
import { loadConfig } from "../src/validate/config.js";
import { resolveRules } from "../src/audit/engine.js";

const BIN = join(ROOT, "bin", "gouvnum.js");

/** The documented template (docs/modeles/regle-locale/), as a newcomer copies it into the territory's repository. */
const TEMPLATE = join(ROOT, "docs", "modeles", "regle-locale");
const RULE = readFileSync(join(TEMPLATE, "effectif-absent.mjs"), "utf8");
const PAGE = readFileSync(join(TEMPLATE, "effectif-absent.md"), "utf8");

let dir: string;

function run(args: string[], cwd = dir) {
  return execa(process.execPath, [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: "1" } });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gouvnum-plugin-"));
  cpSync(join(ROOT, "examples", "minimal"), join(dir, "territoire"), { recursive: true });
  // The package as a territory's repository has it: node_modules/gouvnum (here the built project itself).
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "gouvnum"), "dir");
  mkdirSync(join(dir, "territoire", "regles"));
  writeFileSync(join(dir, "territoire", "regles", "effectif-absent.mjs"), RULE);
  writeFileSync(join(dir, "territoire", "regles", "effectif-absent.md"), PAGE);
  const config = readFileSync(join(dir, "territoire", "gouvnum.config.yaml"), "utf8");
  writeFileSync(join(dir, "territoire", "gouvnum.config.yaml"), `${config.trimEnd()}\nplugins:\n  - ./regles/effectif-absent.mjs\n`);
  // One établissement without its effectif.
  const etab = join(dir, "territoire", "etablissements");
  const files = readFileSync(join(ROOT, "examples", "minimal", "etablissements", "0350017D.yaml"), "utf8");
  writeFileSync(join(etab, "0350017D.yaml"), files.replace(/^effectif: .*\n/m, ""));
});

describe("règles locales (plugins:)", () => {
  it("s'exécutent comme les règles de gouvnum : texte, JSON, SARIF, rapport, liste des règles", async () => {
    const cwd = join(dir, "territoire");
    const text = await run(["audit", "."], cwd);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(/avertissement +« .+ » \(0350017D\) n'indique pas son effectif .* effectif-absent/);

    const json = JSON.parse((await run(["audit", ".", "-f", "json"], cwd)).stdout);
    const f = json.findings.find((x: { ruleId: string }) => x.ruleId === "effectif-absent");
    expect(f).toMatchObject({ severity: "warning", file: "etablissements/0350017D.yaml", line: 2, entity: "etablissement:0350017D" });

    const sarif = JSON.parse((await run(["audit", ".", "-f", "sarif"], cwd)).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "effectif-absent");
    expect(rule.shortDescription.text).toBe("Chaque établissement public indique son effectif (nombre d'élèves).");
    expect(rule.helpUri).toMatch(/^file:\/\/.*regles\/effectif-absent\.md$/);
    expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === "effectif-absent")).toBe(true);

    const report = await run(["report", ".", "-o", join(dir, "rapport.html"), "--force"], cwd);
    expect(report.exitCode, report.stderr).toBeLessThan(2);
    expect(readFileSync(join(dir, "rapport.html"), "utf8")).toContain("n&#x27;indique pas son effectif");

    const list = await run(["rules", "--json"], cwd);
    expect(JSON.parse(list.stdout).map((r: { id: string }) => r.id)).toContain("effectif-absent");
    const page = await run(["rules", "effectif-absent"], cwd);
    expect(page.stdout).toContain("dimensionner les équipements");
  }, 60_000);

  it("le modèle documenté signale sa fixture non conforme et pas la conforme", async () => {
    const { default: rule } = await import(pathToFileURL(join(TEMPLATE, "effectif-absent.mjs")).href);
    const { runAudit } = await import("../src/audit/engine.js");
    const { loadPlugins } = await import("../src/audit/plugins.js");
    await loadPlugins([{ specifier: join(TEMPLATE, "effectif-absent.mjs"), from: "test", dir: TEMPLATE }]);
    for (const [file, expected] of [["non-conforme.yaml", ["effectif-absent"]], ["conforme.yaml", []]] as const) {
      const text = readFileSync(join(TEMPLATE, "fixtures", file), "utf8");
      const r = await runAudit([{ name: file, text }], { today: "2026-09-01", cwd: TEMPLATE, rules: [rule] });
      expect(r.findings.filter((f) => f.ruleId === "effectif-absent").map((f) => f.ruleId)).toEqual(expected);
      if (expected.length > 0) expect(text).toContain(`# attendu: ${expected[0]}`);
    }
  }, 60_000);

  it("sévérité et options de la configuration, suppressions : comme pour les autres règles", async () => {
    const cwd = join(dir, "territoire");
    const off = await run(["audit", ".", "-f", "json", "--rule", "effectif-absent=off"], cwd);
    expect(JSON.parse(off.stdout).findings.map((x: { ruleId: string }) => x.ruleId)).not.toContain("effectif-absent");
    const err = await run(["audit", ".", "-f", "json", "--rule", "effectif-absent=error"], cwd);
    expect(JSON.parse(err.stdout).findings.find((x: { ruleId: string }) => x.ruleId === "effectif-absent").severity).toBe("error");
    expect(err.exitCode).toBe(1);
  }, 60_000);

  it("une règle locale mal écrite est refusée au chargement, avec le module et la raison", async () => {
    const d = mkdtempSync(join(tmpdir(), "gouvnum-plugin-bad-"));
    cpSync(join(ROOT, "examples", "minimal"), d, { recursive: true });
    writeFileSync(join(d, "sans-messages.mjs"), `export default { id: "x-y", group: "D", severity: "warning", appliesTo: ["etablissement"], summary: "s", check() {} };\n`);
    writeFileSync(join(d, "gouvnum.config.yaml"), `plugins: [./sans-messages.mjs]\n`);
    const r = await run(["audit", "."], d);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("Règle locale « ./sans-messages.mjs » (nommée dans gouvnum.config.yaml) invalide : règle « x-y » : « messages » doit donner au moins un message");
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);

    const etab = join(d, "etablissements", "0350017D.yaml");
    writeFileSync(etab, readFileSync(etab, "utf8").replace(/^effectif: .*\n/m, ""));
    writeFileSync(join(d, "mauvais-id.mjs"), RULE.replace('from "gouvnum"', `from ${JSON.stringify(join(ROOT, "dist", "index.js"))}`).replace('messageId: "absent"', 'messageId: "absnet"'));
    writeFileSync(join(d, "gouvnum.config.yaml"), `plugins: [./mauvais-id.mjs]\n`);
    const crash = await run(["audit", "."], d);
    expect(crash.exitCode).toBe(2);
    expect(crash.stderr).toMatch(/La règle locale « effectif-absent » \(module « \.\/mauvais-id\.mjs » \) a échoué|La règle locale « effectif-absent » \(module « \.\/mauvais-id\.mjs »\) a échoué/);
    expect(crash.stderr).toContain("Corrigez le module de la règle");
    expect(crash.stderr).not.toContain("défaut de gouvnum");

    const missing = await run(["audit", "."], (writeFileSync(join(d, "gouvnum.config.yaml"), `plugins: [./absent.mjs]\n`), d));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("Impossible de charger la règle locale « ./absent.mjs »");
  }, 60_000);

  it("dans l'éditeur de l'auteur, un identifiant de message ou une donnée manquante est une erreur de type", () => {
    const file = join(dir, "regle.ts");
    const src = (id: string, data: string) => `import { defineRule } from ${JSON.stringify(join(ROOT, "src", "audit", "rule.js"))};
export default defineRule({
  id: "ma-regle", group: "D", severity: "warning", appliesTo: ["etablissement"],
  summary: "s",
  messages: { absent: "« {nom} » ({uai}) sans effectif" },
  check(ctx) { ctx.each(ctx.territory.etablissements, (e) => ctx.report({ on: e, messageId: ${JSON.stringify(id)}, data: ${data} })); },
});
`;
    const errors = (code: string) => {
      writeFileSync(file, code);
      const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true });
      return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    };
    expect(errors(src("absent", "{ nom: e.data.nom, uai: e.data.uai }"))).toEqual([]);
    expect(errors(src("absnet", "{ nom: e.data.nom, uai: e.data.uai }")).join("\n")).toMatch(/absnet/);
    expect(errors(src("absent", "{ nom: e.data.nom }")).join("\n")).toMatch(/uai/);
  }, 60_000);
});

describe("configuration partagée (extends:)", () => {
  it("part de la configuration de l'académie ; les clés du dépôt l'emportent ; boucle et fichier absent sont des erreurs claires", async () => {
    const d = mkdtempSync(join(tmpdir(), "gouvnum-extends-"));
    cpSync(join(ROOT, "examples", "minimal"), join(d, "collectivite"), { recursive: true });
    mkdirSync(join(d, "academie"));
    writeFileSync(join(d, "academie", "gouvnum.config.yaml"), `auditDate: "2026-09-01"\nrules:\n  convention-sans-echeance: off\n  equipement-obsolete: error\n`);
    writeFileSync(join(d, "collectivite", "gouvnum.config.yaml"), `extends: ../academie/gouvnum.config.yaml\nrules:\n  equipement-obsolete: info\n`);
    const config = await loadConfig(join(d, "collectivite", "gouvnum.config.yaml"), d);
    expect(config.auditDate).toBe("2026-09-01");
    expect(config.rules["convention-sans-echeance"]).toEqual({ severity: "off" });
    expect(config.rules["equipement-obsolete"]).toEqual({ severity: "info" });
    expect(config.file).toBe("collectivite/gouvnum.config.yaml");
    const runs = resolveRules(config);
    expect(runs.find((x) => x.rule.id === "convention-sans-echeance")?.severity).toBe("off");
    const r = await run(["audit", "."], join(d, "collectivite"));
    expect(r.exitCode, r.stderr).toBe(0);

    writeFileSync(join(d, "academie", "gouvnum.config.yaml"), `extends: ../collectivite/gouvnum.config.yaml\n`);
    const loop = await run(["audit", "."], join(d, "collectivite"));
    expect(loop.exitCode).toBe(2);
    expect(loop.stderr).toContain("Configuration en boucle : gouvnum.config.yaml → ../academie/gouvnum.config.yaml → gouvnum.config.yaml.");

    writeFileSync(join(d, "collectivite", "gouvnum.config.yaml"), `extends: ../nulle-part.yaml\n`);
    const missing = await run(["audit", "."], join(d, "collectivite"));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/Impossible de lire la configuration « .*nulle-part\.yaml »/);
  }, 60_000);
});
