// The CLI in process: commands, formats, exit codes, French messages, never a stack trace.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, readFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-helpers.js";

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const ETAB_TYPO = `kind: etablissement
uai: "0350017D"
nom: Collège du Querpon
type: college
academie: "14"
collectivite: dep-35
referent_tecnique: { vacant: true }
`;

describe("gouvnum validate", () => {
  it("examples/minimal : aucun constat, code 0", async () => {
    const r = await cli(["validate", "examples/minimal"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 constat");
    expect(r.stderr).toBe("");
  });

  it("alias français valider", async () => {
    expect((await cli(["valider", "examples/minimal"])).code).toBe(0);
  });

  it("clé mal orthographiée : constat à la ligne et la colonne de la clé, clé proche proposée, code 1", async () => {
    const dir = tmp({ "e.yaml": ETAB_TYPO + "---\nkind: collectivite\nid: dep-35\ntype: departement\nnom: Ille-et-Vilaine\ncode_insee: \"35\"\nacademie: \"14\"\n" });
    const r = await cli(["validate", dir, "-f", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const f = out.findings.find((x: { ruleId: string }) => x.ruleId === "schema");
    expect(f).toMatchObject({ line: 7, column: 1, endLine: 7, endColumn: 18, pointer: "/referent_tecnique", entity: "etablissement:0350017D", file: expect.stringMatching(/e\.yaml$/) });
    expect(f.message).toContain("referent_technique");
  });

  it("code département non cité : indication de guillemets ; lettre UAI fausse : lettre attendue", async () => {
    const dir = tmp({
      "e.yaml": `kind: etablissement\nuai: "0350017E"\nnom: X\ntype: college\nacademie: "14"\ncommune: { code_insee: 35001 }\nstatut: prive\n`,
    });
    const r = await cli(["validate", dir, "-f", "json"]);
    const out = JSON.parse(r.stdout);
    const quote = out.findings.find((x: { pointer: string }) => x.pointer === "/commune/code_insee");
    expect(quote.ruleId).toBe("schema");
    expect(quote.message).toContain("mettez le code entre guillemets");
    expect(quote.message).toContain('"35001"');
    const uai = out.findings.find((x: { ruleId: string }) => x.ruleId === "uai-invalide");
    expect(uai.message).toContain("« D »");
    expect(uai).toMatchObject({ line: 2, column: 6 });
  });

  it("les erreurs d'un document ne cachent pas celles des autres", async () => {
    const dir = tmp({ "multi.yaml": `kind: academie\ncode: "14"\nnom: Rennes\nfoo: 1\n---\nkind: [\n---\nkind: academie\ncode: "05"\nnom: Caen\nbar: 2\n` });
    const r = await cli(["validate", dir, "-f", "json"]);
    const out = JSON.parse(r.stdout);
    const rules = out.findings.map((x: { ruleId: string; line: number }) => `${x.ruleId}@${x.line}`);
    expect(rules).toContain("schema@4");
    expect(rules).toContain("schema@11");
    expect(rules).toContain("academie-inconnue@9");
    expect(rules.some((x: string) => x.startsWith("yaml-syntaxe"))).toBe(true);
  });

  it("format json : champs de CLI.md, triés, positions à partir de 1", async () => {
    const r = await cli(["validate", "examples/minimal", "-f", "json"]);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["tool", "date", "summary", "findings"]);
    expect(out.tool.name).toBe("gouvnum");
    expect(Object.keys(out.summary)).toEqual(["files", "documents", "errors", "warnings", "infos", "suppressed"]);
    expect(out.summary.files).toBe(6);
  });

  it("fichier vide, fichier de commentaires : rien ; fichier binaire : constat encodage", async () => {
    const dir = tmp({ "vide.yaml": "", "commentaire.yaml": "# rien\n", "binaire.yaml": "kind\u0000\u0001\u0002" });
    const r = await cli(["validate", dir, "-f", "json"]);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((x: { ruleId: string; file: string }) => `${x.ruleId} ${x.file.split("/").pop()}`)).toEqual(["encodage binaire.yaml"]);
    expect(r.code).toBe(1);
  });

  it("chemin introuvable : code 2, message français, pas de pile", async () => {
    const r = await cli(["validate", "nulle-part"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Chemin introuvable : « nulle-part »");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("option inconnue, format inconnu, sévérité inconnue : code 2 en français", async () => {
    const a = await cli(["validate", "--frmat", "json"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("option inconnue « --frmat »");
    const b = await cli(["validate", "-f", "yaml", "examples/minimal"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("Format inconnu « yaml »");
    const c = await cli(["validate", "--fail-on", "grave", "examples/minimal"]);
    expect(c.code).toBe(2);
    const d = await cli(["validate", "--rule", "schema=off", "examples/minimal"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("ne peut pas être désactivée");
  });

  it("--fail-on : warning seul fait échouer avec warning, pas avec error", async () => {
    const dir = tmp({ "e.yaml": `kind: etablissement\nuai: "0350017D"\nnom: X\ntype: college\nacademie: "14"\nstatut: prive\ncommune: { code_insee: "29019" }\n` });
    expect((await cli(["validate", dir])).code).toBe(0);
    expect((await cli(["validate", dir, "--fail-on", "warning"])).code).toBe(1);
    expect((await cli(["validate", dir, "--max-warnings", "0"])).code).toBe(1);
    expect((await cli(["validate", dir, "--rule", "uai-departement-incoherent=error"])).code).toBe(1);
  });

  it("entrée standard avec -", async () => {
    const r = await cli(["validate", "-", "-f", "json"], { stdin: ETAB_TYPO });
    const out = JSON.parse(r.stdout);
    expect(out.findings.some((f: { file: string; ruleId: string }) => f.file === "<stdin>" && f.ruleId === "schema")).toBe(true);
  });

  it("configuration découverte depuis le chemin ; configuration invalide : code 2 avec fichier et ligne", async () => {
    const dir = tmp({ "gouvnum.config.yaml": "auditDate: \"2026-09-01\"\nregles: {}\n", "a.yaml": "kind: academie\ncode: \"14\"\nnom: Rennes\n" });
    const r = await cli(["validate", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Configuration invalide : .*gouvnum\.config\.yaml:2:1/);
    expect(r.stderr).toContain("regles");
  });

  it("ignore de la configuration", async () => {
    const dir = tmp({ "gouvnum.config.yaml": "ignore: [\"brouillons/**\"]\n", "brouillons/x.yaml": "kind: nimporte\n", "a.yaml": "kind: academie\ncode: \"14\"\nnom: Rennes\n" });
    const r = await cli(["validate", dir, "-f", "json"]);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });

  it("-o écrit le fichier de façon atomique et refuse d'écraser sans --force ou d'écrire sur une entrée", async () => {
    const dir = tmp({ "a.yaml": "kind: academie\ncode: \"14\"\nnom: Rennes\n" });
    const out = join(dir, "sortie", "r.json");
    expect((await cli(["validate", join(dir, "a.yaml"), "-f", "json", "-o", out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).summary.documents).toBe(1);
    const again = await cli(["validate", join(dir, "a.yaml"), "-f", "json", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--force");
    expect((await cli(["validate", join(dir, "a.yaml"), "-f", "json", "-o", out, "--force"])).code).toBe(0);
    const self = await cli(["validate", join(dir, "a.yaml"), "-f", "json", "-o", join(dir, "a.yaml"), "--force"]);
    expect(self.code).toBe(2);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toContain("kind: academie");
  });

  it("plusieurs formats en une exécution", async () => {
    const dir = tmp({ "a.yaml": "kind: academie\ncode: \"14\"\nnom: Rennes\n" });
    const r = await cli(["validate", dir, "-f", "text", "-f", "json", "-o", "-", "-o", join(dir, "out.json")]);
    expect(r.stdout).toContain("0 constat");
    expect(existsSync(join(dir, "out.json"))).toBe(true);
  });

  it("couleurs : jamais hors TTY, FORCE_COLOR les force, NO_COLOR et --no-color les retirent", async () => {
    const dir = tmp({ "a.yaml": "kind: academie\ncode: \"99\"\nnom: X\n" });
    expect((await cli(["validate", dir])).stdout).not.toContain("\u001b[");
    expect((await cli(["validate", dir], { env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001b[");
    expect((await cli(["validate", dir], { tty: true })).stdout).toContain("\u001b[");
    expect((await cli(["validate", dir], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
    expect((await cli(["--no-color", "validate", dir], { tty: true })).stdout).not.toContain("\u001b[");
  });
});

describe("gouvnum schema, rules, --version, --help", () => {
  it("schema etablissement imprime un schéma JSON", async () => {
    const r = await cli(["schema", "etablissement"]);
    expect(JSON.parse(r.stdout).$id).toBe("etablissement.schema.json");
  });
  it("schema --out écrit tous les schémas ; kind inconnu : code 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gouvnum-schemas-"));
    expect((await cli(["schema", "--out", join(dir, "s")])).code).toBe(0);
    for (const k of ["defs", "academie", "collectivite", "etablissement", "convention", "config"]) expect(existsSync(join(dir, "s", `${k}.schema.json`))).toBe(true);
    expect((await cli(["schema", "--out", join(dir, "s")])).code).toBe(0); // identical: nothing to overwrite
    expect((await cli(["schema", "ecole"])).code).toBe(2);
  });
  it("rules liste les règles ; rules <id> affiche la documentation ; id inconnu : code 2 avec suggestion", async () => {
    const r = await cli(["rules"]);
    expect(r.stdout).toContain("uai-invalide");
    const d = await cli(["regles", "uai-invalide"]);
    expect(d.stdout).toMatch(/^# uai-invalide/);
    const u = await cli(["rules", "uai-invalid"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("uai-invalide");
  });
  it("--version et --help", async () => {
    expect((await cli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await cli(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("Utilisation :");
    expect(h.stdout).toContain("valider");
  });
  it("help <commande> affiche l'aide de la commande ; help <inconnue> : code 2 avec suggestion", async () => {
    const a = await cli(["help", "audit"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain("gouvnum audit");
    const f = await cli(["help", "auditer"]);
    expect(f.code).toBe(0);
    const u = await cli(["help", "audti"]);
    expect(u.code).toBe(2);
    expect(u.stdout).toBe("");
    expect(u.stderr).toBe("gouvnum : commande inconnue « audti » (vouliez-vous dire audit ?).\nVoir « gouvnum --help ».\n");
  });
});

describe("parcours des dossiers", () => {
  it("les dossiers cachés (.github, .vscode, .gouvnum) ne font pas partie du territoire ; node_modules non plus", async () => {
    const dir = tmp({
      "a.yaml": "kind: academie\ncode: \"14\"\nnom: Rennes\n",
      ".github/workflows/ci.yml": "on: push\njobs: {}\n",
      ".gouvnum/x.yaml": "pas: un territoire\n",
      "node_modules/p/x.yaml": "kind: inconnu\n",
    });
    const r = await cli(["validate", dir, "-f", "json"]);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
    expect(r.code).toBe(0);
  });

  it("les fichiers cachés d'outillage (.gitlab-ci.yml, .pre-commit-config.yaml) non plus, sauf nommés sur la ligne de commande", async () => {
    const dir = tmp({
      "a.yaml": "kind: academie\ncode: \"14\"\nnom: Rennes\n",
      ".gitlab-ci.yml": "stages: [test]\naudit:\n  script: npx gouvnum audit .\n",
      ".pre-commit-config.yaml": "repos: []\n",
    });
    const r = await cli(["audit", dir, "-f", "json"]);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
    expect(JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === "kind-inconnu")).toEqual([]);
    const named = await cli(["validate", join(dir, ".gitlab-ci.yml"), "-f", "json"]);
    expect(JSON.parse(named.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain("kind-inconnu");
  });
});
