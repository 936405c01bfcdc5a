// collect export / import: workbooks written (checked as XML by a parser), read back (by SheetJS, which also plays
// the person editing them), merged into the YAML value by value, with conflicts, validation and a dry-run diff.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { cli } from "./cli-helpers.js";
import { editWorkbook, snapshot, territoryCopy } from "./collect-helpers.js";
import { mergePaths } from "../src/import/merge.js";

const YAML = "etablissements/0350002M.yaml";
const DEP = "collecte-dep-35";

async function exported(format: "ods" | "xlsx" | "csv" = "xlsx", extra: string[] = []) {
  const t = territoryCopy();
  const r = await cli(["collect", "export", ".", "--out", t.out, "--format", format, "--echeance", "2027-01-15", ...extra], { cwd: t.terr });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return t;
}

function yamlFiles(terr: string): string[] {
  return ["etablissements", "collectivites", "conventions"].flatMap((d) => readdirSync(join(terr, d)).map((f) => `${d}/${f}`));
}

describe("collect export", () => {
  it("writes one ODS workbook per collectivité, with lists, locked identifiers, real dates and the hidden record", async () => {
    const t = await exported("ods");
    const files = readdirSync(t.out).sort();
    expect(files).toEqual(["collecte-commune-35115.ods", "collecte-commune-35238.ods", "collecte-commune-35288.ods", "collecte-dep-35.ods", "collecte-region-bretagne.ods"]);
    const zip = unzipSync(readFileSync(join(t.out, `${DEP}.ods`)));
    expect(Object.keys(zip)[0]).toBe("mimetype");
    expect(strFromU8(zip.mimetype)).toBe("application/vnd.oasis.opendocument.spreadsheet");
    const content = strFromU8(zip["content.xml"]);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(content);
    const sheet = xml["office:document-content"]["office:body"]["office:spreadsheet"];
    const tables = sheet["table:table"] as Array<Record<string, unknown>>;
    expect(tables.map((x) => x["@table:name"])).toEqual(["Mode d'emploi", "Rôles", "Instances et sécurité", "Maintenance", "Équipements", "Conventions", "gouvnum"]);
    expect(tables.find((x) => x["@table:name"] === "gouvnum")!["@table:style-name"]).toBe("taHidden");
    expect(tables.find((x) => x["@table:name"] === "Rôles")!["@table:protected"]).toBe("true");
    const validations = sheet["table:content-validations"]["table:content-validation"] as Array<Record<string, string>>;
    expect(validations.some((v) => v["@table:condition"].includes('"Technicien de la collectivité"'))).toBe(true);
    expect(validations.some((v) => v["@table:condition"].includes('"oui";"non"'))).toBe(true);
    expect(content).toContain('office:value-type="date" office:date-value="2025-11-20"');
    expect(content).not.toContain("table:formula");
    expect(strFromU8(zip["settings.xml"])).toContain('config:name="VerticalSplitPosition" config:type="int">1<');
    const guide = content.slice(content.indexOf("Mode d'emploi"), content.indexOf('table:name="Rôles"'));
    expect(guide).toContain("15/01/2027");
  });

  it("writes XLSX with drop-down lists, a protected sheet, a frozen header and hidden sheets", async () => {
    const t = await exported("xlsx");
    const zip = unzipSync(readFileSync(join(t.out, `${DEP}.xlsx`)));
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const wbXml = parser.parse(strFromU8(zip["xl/workbook.xml"]));
    const sheets = wbXml.workbook.sheets.sheet as Array<Record<string, string>>;
    expect(sheets.filter((s) => s["@state"] === "hidden").map((s) => s["@name"])).toEqual(["gouvnum", "listes"]);
    const roles = parser.parse(strFromU8(zip["xl/worksheets/sheet2.xml"])).worksheet;
    expect(roles.sheetProtection["@sheet"]).toBe("1");
    expect(roles.sheetViews.sheetView.pane["@state"]).toBe("frozen");
    const dv = roles.dataValidations.dataValidation as Array<Record<string, string>>;
    expect(dv.filter((d) => d["@type"] === "list").length).toBe(6);
    expect(strFromU8(zip["xl/worksheets/sheet2.xml"])).not.toContain("<f>");
  });

  it("neutralises cell values that start with = + - @ (text cells in ODS/XLSX, a quote in CSV)", async () => {
    const t = territoryCopy();
    const file = join(t.terr, YAML);
    writeFileSync(file, readFileSync(file, "utf8").replace("fonction: technicien de proximité", 'fonction: "=HYPERLINK(\\"http://x\\")"'));
    for (const format of ["xlsx", "ods", "csv"] as const) {
      const r = await cli(["collect", "export", ".", "--out", join(t.dir, format), "--format", format, "--scope", "collectivite:dep-35"], { cwd: t.terr });
      expect(r.code).toBe(0);
    }
    const xlsx = strFromU8(unzipSync(readFileSync(join(t.dir, "xlsx", `${DEP}.xlsx`)))["xl/worksheets/sheet2.xml"]);
    expect(xlsx).toContain('t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;)</t>');
    const ods = strFromU8(unzipSync(readFileSync(join(t.dir, "ods", `${DEP}.ods`)))["content.xml"]);
    expect(ods).toContain('office:value-type="string"><text:p>=HYPERLINK(&quot;http://x&quot;)</text:p>');
    const csv = readFileSync(join(t.dir, "csv", `${DEP}-roles.csv`), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    // And the round trip gives the value back unchanged.
    for (const f of [join(t.dir, "xlsx", `${DEP}.xlsx`), join(t.dir, "ods", `${DEP}.ods`)]) {
      const r = await cli(["collect", "import", f], { cwd: t.terr });
      expect(r.stdout).toContain("Aucun fichier YAML modifié");
      expect(r.code).toBe(0);
    }
  });

  it("refuses a bad --by, --format, --echeance and an existing workbook without --force", async () => {
    const t = await exported("ods");
    expect((await cli(["collect", "export", ".", "--out", t.out, "--by", "region"], { cwd: t.terr })).stderr).toContain("--by vaut « region »");
    expect((await cli(["collect", "export", ".", "--out", t.out, "--format", "xls"], { cwd: t.terr })).stderr).toContain("--format vaut « xls »");
    expect((await cli(["collect", "export", ".", "--out", t.out, "--echeance", "2027-02-30"], { cwd: t.terr })).code).toBe(2);
    const again = await cli(["collect", "exporter", ".", "--out", t.out], { cwd: t.terr });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/existe/);
    expect((await cli(["collecte", "exporter", ".", "--out", t.out, "--force"], { cwd: t.terr })).code).toBe(0);
  });

  it("writes one workbook per établissement with --by etablissement, limited by --scope", async () => {
    const t = await exported("xlsx", ["--by", "etablissement", "--scope", "collectivite:dep-35"]);
    const files = readdirSync(t.out);
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((f) => /^collecte-0\d{6}[A-Z]\.xlsx$/.test(f))).toBe(true);
  });
});

describe("collect import", () => {
  it("changes nothing for untouched workbooks, in every format", async () => {
    for (const format of ["ods", "xlsx", "csv"] as const) {
      const t = await exported(format);
      const before = snapshot(t.terr, yamlFiles(t.terr));
      const files = readdirSync(t.out).map((f) => join(t.out, f));
      const r = await cli(["collect", "import", ...files], { cwd: t.terr });
      expect(r.stdout).toContain("Aucun fichier YAML modifié");
      expect(r.stdout).not.toMatch(/refusée\(s\), [1-9]|[1-9]\d* refusée/);
      expect(r.code).toBe(0);
      expect(snapshot(t.terr, yamlFiles(t.terr))).toEqual(before);
    }
  });

  it("writes exactly the values the person changed, keeps everything else, and a second import changes nothing", async () => {
    const t = await exported("xlsx");
    const edited = join(t.dir, "rempli.xlsx");
    editWorkbook(join(t.out, `${DEP}.xlsx`), edited, [
      { sheet: "Rôles", id: "0350002M", column: "Référent technique — courriel", value: "romain.lefeuvre@ille-et-vilaine.fr" },
      { sheet: "Maintenance", id: "0350002M", column: "Niveau 1 — qui", value: "Agent du bâtiment" },
      { sheet: "Équipements", id: "0350002M", id3: "Postes fixes", column: "Nombre", value: 99 },
    ]);
    const before = readFileSync(join(t.terr, YAML), "utf8");
    const others = snapshot(t.terr, yamlFiles(t.terr).filter((f) => f !== YAML));
    const r = await cli(["collect", "import", edited], { cwd: t.terr });
    expect(r.stdout).toContain("3 valeur(s) modifiée(s)");
    expect(r.stdout).toContain("1 fichier(s) YAML modifié(s) : etablissements/0350002M.yaml");
    expect(r.stdout).toMatch(/etablissement:0350002M : 0 constat\(s\) \(avant : 1\) ; réglés : maintenance-niveau-flou/);
    expect(r.code).toBe(0);
    const after = readFileSync(join(t.terr, YAML), "utf8");
    const expected = before
      .replace("courriel: r.lefeuvre@ille-et-vilaine.fr", "courriel: romain.lefeuvre@ille-et-vilaine.fr")
      .replace("{ categorie: poste_fixe, nombre: 80,", "{ categorie: poste_fixe, nombre: 99,")
      // A key the file did not have is added at the end of its document.
      .concat("maintenance:\n  niveau_1:\n    acteur: agent_batiment\n");
    expect(after).toBe(expected);
    expect(snapshot(t.terr, yamlFiles(t.terr).filter((f) => f !== YAML))).toEqual(others);
    const again = await cli(["collect", "import", edited], { cwd: t.terr });
    expect(again.stdout).toContain("0 valeur(s) modifiée(s)");
    expect(again.stdout).toContain("Aucun fichier YAML modifié");
    expect(readFileSync(join(t.terr, YAML), "utf8")).toBe(after);
  });

  it("shows a diff with --dry-run and writes nothing", async () => {
    const t = await exported("xlsx");
    const edited = join(t.dir, "rempli.xlsx");
    editWorkbook(join(t.out, `${DEP}.xlsx`), edited, [{ sheet: "Rôles", id: "0350002M", column: "Référent technique — courriel", value: "r2@ille-et-vilaine.fr" }]);
    const before = readFileSync(join(t.terr, YAML), "utf8");
    const r = await cli(["collect", "import", edited, "--dry-run"], { cwd: t.terr });
    expect(r.stdout).toContain("--- a/etablissements/0350002M.yaml");
    expect(r.stdout).toContain("-  courriel: r.lefeuvre@ille-et-vilaine.fr\n+  courriel: r2@ille-et-vilaine.fr\n");
    expect(readFileSync(join(t.terr, YAML), "utf8")).toBe(before);
  });

  it("lists a conflict when the YAML changed since the export, and takes the workbook's value with --force", async () => {
    const t = await exported("xlsx");
    const edited = join(t.dir, "rempli.xlsx");
    editWorkbook(join(t.out, `${DEP}.xlsx`), edited, [{ sheet: "Rôles", id: "0350002M", column: "Référent technique — courriel", value: "classeur@ille-et-vilaine.fr" }]);
    const file = join(t.terr, YAML);
    writeFileSync(file, readFileSync(file, "utf8").replace("r.lefeuvre@ille-et-vilaine.fr", "yaml@ille-et-vilaine.fr"));
    const changed = readFileSync(file, "utf8");
    const r = await cli(["collect", "import", edited], { cwd: t.terr });
    expect(r.stdout).toContain("1 en conflit");
    expect(r.stdout).toContain("Rôles, ligne 2, colonne « Référent technique — courriel » : le classeur dit « classeur@ille-et-vilaine.fr », mais le YAML a changé depuis l'export (« r.lefeuvre@ille-et-vilaine.fr » → « yaml@ille-et-vilaine.fr »)");
    expect(r.code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(changed);
    const forced = await cli(["collect", "import", edited, "--force"], { cwd: t.terr });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(changed.replace("yaml@ille-et-vilaine.fr", "classeur@ille-et-vilaine.fr"));
  });

  it("checks every value before writing: place and reason in French, nothing written without --partial", async () => {
    const t = await exported("xlsx");
    const edited = join(t.dir, "rempli.xlsx");
    editWorkbook(join(t.out, `${DEP}.xlsx`), edited, [
      { sheet: "Rôles", id: "0350002M", column: "Référent technique — courriel", value: "pas un courriel" },
      { sheet: "Rôles", id: "0350002M", column: "Référent technique — employeur", value: "Mairie" },
      { sheet: "Rôles", id: "0350002M", column: "Référent numérique — nom", value: { f: "A1&B1" } },
      { sheet: "Instances et sécurité", id: "0350002M", column: "Filtrage", value: "peut-être" },
      { sheet: "Équipements", id: "0350002M", id3: "Imprimantes", column: "Nombre", value: 4 },
      { sheet: "Maintenance", id: "0350002M", column: "Niveau 2 — délai (heures)", value: 24 },
      { sheet: "Maintenance", id: "0350002M", column: "Niveau 2 — qui", value: "Technicien de la collectivité" },
    ]);
    const before = snapshot(t.terr, yamlFiles(t.terr));
    const r = await cli(["collect", "import", edited], { cwd: t.terr });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("2 valeur(s) modifiée(s), 306 inchangée(s), 5 refusée(s), 0 en conflit.");
    expect(r.stdout).toContain("Rôles, ligne 2, colonne « Référent technique — courriel » : « referent_technique.courriel » a un format invalide");
    expect(r.stdout).toContain("Rôles, ligne 2, colonne « Référent technique — employeur » : « Mairie » ne fait pas partie des valeurs proposées (État, Collectivité, Établissement, Prestataire).");
    expect(r.stdout).toContain("Rôles, ligne 2, colonne « Référent numérique — nom » : la cellule contient une formule (« =A1&B1 »)");
    expect(r.stdout).toContain("Instances et sécurité, ligne 2, colonne « Filtrage » : « peut-être » n'est ni oui ni non.");
    expect(r.stdout).toMatch(/Équipements, ligne \d+, colonne « Nombre » : Clé obligatoire « annee_mise_en_service » absente/);
    expect(r.stdout).toContain("Rien n'est écrit pour ce classeur");
    expect(snapshot(t.terr, yamlFiles(t.terr))).toEqual(before);
    const partial = await cli(["collect", "import", edited, "--partial"], { cwd: t.terr });
    expect(partial.code).toBe(1);
    const after = readFileSync(join(t.terr, YAML), "utf8");
    const added = "maintenance:\n  niveau_2:\n    acteur: technicien_collectivite\n    delai_intervention_heures: 24\n";
    expect(after).toContain(added);
    expect(after.replace(added, "")).toBe(before[YAML]);
  });

  it("reads the CSV files an online form gives back", async () => {
    const t = await exported("csv");
    const roles = join(t.out, `${DEP}-roles.csv`);
    writeFileSync(roles, readFileSync(roles, "utf8").replace("r.lefeuvre@ille-et-vilaine.fr", "formulaire@ille-et-vilaine.fr"));
    const r = await cli(["collect", "import", roles], { cwd: t.terr });
    expect(r.stdout).toContain("1 valeur(s) modifiée(s)");
    expect(readFileSync(join(t.terr, YAML), "utf8")).toContain("courriel: formulaire@ille-et-vilaine.fr");
    const alone = join(t.dir, "seul-roles.csv");
    writeFileSync(alone, readFileSync(roles));
    const lost = await cli(["collect", "import", alone], { cwd: t.terr });
    expect(lost.stdout).toContain("le fichier « seul-gouvnum.csv » enregistré à l'export est introuvable");
    expect(lost.code).toBe(1);
  });
});

describe("mergePaths", () => {
  const text = "# en-tête\nkind: etablissement\nuai: \"0350002M\" # le code\nreferent_technique: { vacant: true }\nequipements:\n  - categorie: tablette\n    nombre: 3\n    annee_mise_en_service: 2020\n";
  const isIt = (v: unknown) => (v as { uai?: string }).uai === "0350002M";

  it("adds keys inside a flow mapping and list items in the list's own style, comments kept", () => {
    const r = mergePaths(text, isIt, [
      { path: ["referent_technique", "nom"], value: "Karim Benali" },
      { path: ["equipements", { key: "categorie", equals: "tablette" }, "nombre"], value: 30 },
      { path: ["equipements", { key: "categorie", equals: "imprimante" }, "nombre"], value: 2 },
      { path: ["equipements", { key: "categorie", equals: "imprimante" }, "annee_mise_en_service"], value: 2024 },
    ]);
    expect(r.status).toBe("updated");
    expect((r as { text: string }).text).toBe(
      "# en-tête\nkind: etablissement\nuai: \"0350002M\" # le code\nreferent_technique: { vacant: true, nom: Karim Benali }\nequipements:\n  - categorie: tablette\n    nombre: 30\n    annee_mise_en_service: 2020\n  - { categorie: imprimante, nombre: 2, annee_mise_en_service: 2024 }\n",
    );
  });

  it("says unchanged when the values are already there", () => {
    expect(mergePaths(text, isIt, [{ path: ["referent_technique", "vacant"], value: true }]).status).toBe("unchanged");
    expect(mergePaths(text, () => false, [{ path: ["x"], value: 1 }]).status).toBe("failed");
    expect(existsSync("/nonexistent")).toBe(false);
  });
});
