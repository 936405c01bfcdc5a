// `gouvnum import annuaire`: the real extract, drifting exports, edge rows, merges that keep users' edits, idempotence.
import { describe, expect, it, beforeAll, vi } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync, existsSync, mkdirSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";
import { parseCsv, detectDelimiter, decodeCsv } from "../src/import/csv.js";
import { mapColumns, normalizeColumn, readRow } from "../src/import/columns.js";
import { classifyType } from "../src/import/classify.js";
import { normalizeAcademie, normalizeDepartement } from "../src/import/geo.js";
import { mergeEtablissement, type OwnedFields } from "../src/import/merge.js";
import { planImport } from "../src/import/plan.js";
import { makeProgress } from "../src/cli/commands/import.js";
import type { CliIO } from "../src/cli/io.js";

function fakeIO(): CliIO {
  return { stdout: { write: () => true }, stderr: { write: () => true }, readStdin: async () => new Uint8Array(), cwd: ROOT, env: {}, now: () => new Date() };
}

const FIXTURES = join(ROOT, "test/fixtures/annuaire");
const REAL = join(FIXTURES, "fr-en-annuaire-education-035.csv");
const fixture = (name: string) => join(FIXTURES, name);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "gouvnum-import-"));
}

/** Every file under `dir` (relative path → bytes and mtime), hidden folders included. */
function snapshot(dir: string): Map<string, { bytes: string; mtime: number }> {
  const out = new Map<string, { bytes: string; mtime: number }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p.slice(dir.length + 1), { bytes: readFileSync(p, "latin1"), mtime: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

function etablissements(dir: string): Array<Record<string, unknown>> {
  const d = join(dir, "etablissements");
  return readdirSync(d)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => parse(readFileSync(join(d, f), "utf8")) as Record<string, unknown>);
}

describe("lecture du CSV (RFC 4180, séparateur ;)", () => {
  it("champs entre guillemets avec ; , guillemets doublés et sauts de ligne ; CRLF, LF, CR ; BOM ; lignes vides", () => {
    const text = '\uFEFFa;b;c\r\n"x;y";"il a dit ""oui""";"ligne 1\r\nligne 2"\r\n\r\n1;;3\n4;5;6\r7;8;9';
    const records = parseCsv(text, ";");
    expect(records.map((r) => r.fields)).toEqual([
      ["a", "b", "c"],
      ["x;y", 'il a dit "oui"', "ligne 1\r\nligne 2"],
      ["1", "", "3"],
      ["4", "5", "6"],
      ["7", "8", "9"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 6, 7]);
  });

  it("séparateur : ; comme publié, sinon , ou tabulation", () => {
    expect(detectDelimiter("a;b,c\n1;2")).toBe(";");
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
  });

  it("UTF-8 avec ou sans BOM ; sinon Windows-1252", () => {
    expect(decodeCsv(new TextEncoder().encode("\uFEFFÉcole")).text).toBe("École");
    const latin = Buffer.from("École privée", "latin1");
    expect(decodeCsv(latin)).toEqual({ text: "École privée", encoding: "windows-1252" });
  });

  it("noms de colonnes qui dérivent : Code postal / Code_postal / API en minuscules", () => {
    expect(normalizeColumn("\uFEFFCode postal")).toBe("code_postal");
    expect(normalizeColumn("Code_postal")).toBe("code_postal");
    expect(normalizeColumn("Identifiant_de_l_établissement")).toBe("identifiant_de_l_etablissement");
    const a = mapColumns(["Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive", "Code_commune"]);
    const b = mapColumns(["identifiant_de_l_etablissement", "nom_etablissement", "type_etablissement", "statut_public_prive", "code_commune"]);
    expect(a).toEqual(b);
    expect(readRow(["0350017D", " Collège ", "Collège", "Public", "35001"], a)).toMatchObject({ uai: "0350017D", nom: "Collège", codeCommune: "35001", etat: "" });
  });

  it("départements : 35, 035, 2A, 02A, 2a, 974 ; académies : code ou nom", () => {
    expect(["35", "035", " 35 "].map(normalizeDepartement)).toEqual(["35", "35", "35"]);
    expect(["2A", "02A", "2a", "620"].map(normalizeDepartement)).toEqual(["2A", "2A", "2A", "2A"]);
    expect(["2B", "02B"].map(normalizeDepartement)).toEqual(["2B", "2B"]);
    expect(["974", "0974", "976"].map(normalizeDepartement)).toEqual(["974", "974", "976"]);
    expect(["20", "99", "975", "x"].map(normalizeDepartement)).toEqual([undefined, undefined, undefined, undefined]);
    expect(["14", "014", "Rennes", "rennes", "Aix-Marseille", "aix marseille", "La Réunion", "05", "21"].map(normalizeAcademie)).toEqual([
      "14", "14", "14", "14", "02", "02", "28", "70", "70",
    ]);
    expect(normalizeAcademie("99")).toBeUndefined();
  });

  it("types : lycée professionnel (320) et lycées (300, 302, 306), sections (334), EREA, type vide lu par le code nature", () => {
    const row = (type: string, codeNature: string, extra: Record<string, string> = {}) =>
      ({ type, codeNature, libelleNature: "", rattachement: "", nom: "", ...extra }) as never;
    expect(classifyType(row("Lycée", "320"))).toEqual({ type: "lycee_professionnel" });
    for (const n of ["300", "302", "306"]) expect(classifyType(row("Lycée", n))).toEqual({ type: "lycee" });
    expect(classifyType(row("Lycée", "334"))).toEqual({ reason: "section" });
    expect(classifyType(row("EREA", "370"))).toEqual({ type: "erea" });
    expect(classifyType(row("Ecole", "101"))).toEqual({ type: "ecole" });
    expect(classifyType(row("Collège", "340"))).toEqual({ type: "college" });
    expect(classifyType(row("", "340"))).toEqual({ type: "college" });
    expect(classifyType(row("", "400"))).toEqual({ reason: "typeInconnu" });
    expect(classifyType(row("Service Administratif", "809"))).toEqual({ reason: "nonScolaire" });
    expect(classifyType(row("Médico-social", "240"))).toEqual({ reason: "nonScolaire" });
    expect(classifyType(row("Lycée", "", { nom: "Lycée professionnel Jean Jaurès" }))).toEqual({ type: "lycee_professionnel" });
  });
});

/** Counts computed from the CSV without gouvnum's code: split lines and fields (the extract has no quotes). */
function independentCounts(path: string) {
  const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(";");
  const col = (name: string) => header.indexOf(name);
  const [uai, type, etat, nature, tutelle] = ["Identifiant_de_l_etablissement", "Type_etablissement", "etat", "code_nature", "ministere_tutelle"].map(col);
  const sets: Record<string, Set<string>> = { ecole: new Set(), college: new Set(), lycee: new Set(), lycee_professionnel: new Set(), erea: new Set() };
  for (const l of lines.slice(1)) {
    const f = l.split(";");
    if (f[etat] !== "OUVERT") continue;
    // Units under another ministry (agriculture, mer…) are not imported by default.
    if (f[tutelle] !== "MINISTERE DE L'EDUCATION NATIONALE" && ["Lycée", "Collège", "Ecole", "EREA"].includes(f[type])) continue;
    if (f[type] === "Ecole") sets.ecole.add(f[uai]);
    else if (f[type] === "Collège") sets.college.add(f[uai]);
    else if (f[type] === "EREA") sets.erea.add(f[uai]);
    else if (f[type] === "Lycée" && f[nature] === "320") sets.lycee_professionnel.add(f[uai]);
    else if (f[type] === "Lycée" && ["300", "302", "306"].includes(f[nature])) sets.lycee.add(f[uai]);
  }
  return { rows: lines.length - 1, counts: Object.fromEntries(Object.entries(sets).map(([k, s]) => [k, s.size])), all: lines.slice(1).map((l) => l.split(";")[uai]) };
}

describe("l'extrait réel de l'annuaire (Ille-et-Vilaine, 996 lignes)", () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    dir = tmp();
    first = await cli(["import", "annuaire", REAL, "--out", dir]);
  }, 60_000);

  it("s'importe (code 0) et chaque fichier écrit passe gouvnum validate sans aucun constat", async () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
    const v = await cli(["validate", dir, "-f", "json"]);
    const out = JSON.parse(v.stdout);
    expect(out.findings).toEqual([]);
    expect(v.code).toBe(0);
    expect(out.summary.documents).toBe(readdirSync(join(dir, "etablissements")).length + readdirSync(join(dir, "collectivites")).length);
  });

  it("les nombres d'écoles, collèges, lycées, lycées professionnels et EREA sont ceux du CSV", () => {
    const expected = independentCounts(REAL);
    const got: Record<string, number> = { ecole: 0, college: 0, lycee: 0, lycee_professionnel: 0, erea: 0 };
    for (const e of etablissements(dir)) got[e.type as string]++;
    expect(got).toEqual(expected.counts);
    expect(got).toEqual({ ecole: 684, college: 116, lycee: 39, lycee_professionnel: 20, erea: 2 });
    expect(first.stdout).toContain("684 écoles, 116 collèges, 39 lycées, 20 lycées professionnels, 2 EREA");
  });

  it("rattachements : école → sa commune, collège → département, lycée/LP/EREA → région ; privés sans collectivité", () => {
    const list = etablissements(dir);
    for (const e of list) {
      if (e.statut === "prive") {
        expect(e.collectivite, String(e.uai)).toBeUndefined();
        continue;
      }
      expect(e.statut).toBe("public");
      const expected = e.type === "ecole" ? `commune-${(e.commune as { code_insee: string }).code_insee}` : e.type === "college" ? "dep-35" : "region-53";
      expect(e.collectivite, String(e.uai)).toBe(expected);
    }
    expect(list.filter((e) => e.statut === "prive").length).toBeGreaterThan(300);
    const lp = parse(readFileSync(join(dir, "etablissements/0350031U.yaml"), "utf8"));
    expect(lp).toMatchObject({ type: "lycee_professionnel", collectivite: "region-53", academie: "14", commune: { code_insee: "35238", nom: "Rennes" } });
  });

  it("chaque ligne non importée est citée avec sa raison", () => {
    const imported = new Set(etablissements(dir).map((e) => e.uai as string));
    const { all } = independentCounts(REAL);
    const notImported = all.filter((u) => !imported.has(u));
    // 135 rows skipped, 3 of them second rows of an établissement that is imported.
    expect(notImported.length).toBe(132);
    for (const u of notImported) expect(first.stdout, u).toMatch(new RegExp(`ligne \\d+  ${u}  `));
    expect(first.stdout).toContain("Ignorés : 135 lignes de l'annuaire");
    expect(first.stdout).toMatch(/Unité d'un autre ministère que l'Éducation nationale : la gouvernance de l'académie ne l'atteint pas \(--toutes-tutelles pour l'importer\) — 13 :/);
    expect(first.stdout).toMatch(/ligne \d+ {2}0351953H {2}.* \(ministère de tutelle : AGRICULTURE\)/);
    expect(first.stdout).toMatch(/Pas une école ni un établissement du second degré — 97 :/);
    expect(first.stdout).toMatch(/Section d'un lycée \(SEP, SEGT\), décrite avec son lycée — 12 :/);
    expect(first.stdout).toMatch(/Type d'établissement absent ou inconnu — 9 :/);
    expect(first.stdout).toMatch(/Autre ligne d'un établissement sur plusieurs sites \(même UAI\) — 3 :/);
    expect(first.stdout).toMatch(/Unité fermée ou en cours de fermeture — 1 :\n {4}ligne \d+ {2}0351383N/);
  });

  it("les fichiers créés portent la ligne $schema vers les schémas copiés dans le dépôt", () => {
    const text = readFileSync(join(dir, "etablissements/0350122T.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../.gouvnum/schemas/etablissement.schema.json");
    expect(readFileSync(join(dir, ".gouvnum/schemas/etablissement.schema.json"), "utf8")).toBe(readFileSync(join(ROOT, "schemas/etablissement.schema.json"), "utf8"));
    expect(existsSync(join(dir, ".gouvnum/schemas/defs.schema.json"))).toBe(true);
    expect(readFileSync(join(dir, "collectivites/dep-35.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../.gouvnum/schemas/collectivite.schema.json",
    );
  });

  it("un second import identique ne change aucun octet ni aucune date de modification", async () => {
    const before = snapshot(dir);
    const again = await cli(["import", "annuaire", REAL, "--out", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Créés : 0 fichier.");
    expect(again.stdout).toContain("Mis à jour : 0 fichier.");
    expect(again.stdout).toContain("Inchangés : 1093 fichiers (861 établissements, 232 collectivités).");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("réimport : les modifications des utilisateurs survivent", () => {
  const ORIGINAL_NOM = "Ecole primaire publique les Lucioles";
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    expect((await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college"])).code).toBe(0);
  }, 60_000);

  it("clé ajoutée, commentaires, nom changé : la clé et les commentaires restent, le nom revient à l'annuaire", async () => {
    const path = join(dir, "etablissements/0350122T.yaml");
    const original = readFileSync(path, "utf8");
    const edited = original
      .replace("kind: etablissement", "# Fiche tenue par la circonscription de Bruz.\nkind: etablissement")
      .replace(`nom: ${ORIGINAL_NOM}`, "nom: École des Lucioles   # nom d'usage, pas celui de l'annuaire")
      .concat("referent_technique:\n  nom: Karim Benali   # arrivé en 2025\n  employeur: collectivite\n\n# fin de fiche\n");
    writeFileSync(path, edited);
    const r = await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Mis à jour : 1 fichier (1 établissement).");
    expect(r.stdout).toContain("etablissements/0350122T.yaml (nom)");
    // Exactly one change: the value of `nom`, its comment and spacing kept.
    expect(readFileSync(path, "utf8")).toBe(edited.replace("nom: École des Lucioles   #", `nom: ${ORIGINAL_NOM}   #`));
    const again = await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college"]);
    expect(again.stdout).toContain("Mis à jour : 0 fichier.");
  });

  it("type, académie, commune modifiés, statut retiré, collectivité changée : l'annuaire reprend ses champs, la collectivité reste celle de l'utilisateur", async () => {
    const path = join(dir, "etablissements/0350003N.yaml");
    expect(existsSync(path)).toBe(true);
    const doc = parse(readFileSync(path, "utf8"));
    const text = [
      "kind: etablissement",
      `uai: '0350003N'`,
      `nom: "${doc.nom}"`,
      "type: lycee",
      "academie: '14'",
      "commune: { code_insee: \"35999\" }  # code faux",
      "collectivite: epci-243500139   # compétence transférée",
      "",
    ].join("\r\n");
    writeFileSync(path, text);
    await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college"]);
    const after = readFileSync(path, "utf8");
    expect(after).toContain("\r\ncollectivite: epci-243500139   # compétence transférée\r\n");
    expect(after).toContain(`commune: { code_insee: "${doc.commune.code_insee}", nom: ${doc.commune.nom} }  # code faux`);
    expect(after).toContain("type: college\r\n");
    expect(after).toContain("uai: '0350003N'");
    expect(after).not.toMatch(/[^\r]\n/);
    // `statut` absent means public: nothing to add.
    const { statut, ...rest } = doc;
    expect(statut).toBe("public");
    expect(parse(after)).toEqual({ ...rest, collectivite: "epci-243500139" });
  });

  it("un fichier YAML illisible au chemin d'un établissement est laissé tel quel avec la raison (code 1) ; --force le remplace", async () => {
    const path = join(dir, "etablissements/0350017D.yaml");
    const broken = "kind: etablissement\nuai: [\n";
    writeFileSync(path, broken);
    const r = await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Fichiers du dépôt laissés tels quels :");
    expect(r.stdout).toMatch(/etablissements\/0350017D\.yaml : YAML illisible .*--force/);
    expect(readFileSync(path, "utf8")).toBe(broken);
    const forced = await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college", "--force"]);
    expect(forced.code).toBe(0);
    expect(parse(readFileSync(path, "utf8"))).toMatchObject({ kind: "etablissement", uai: "0350017D", type: "college" });
  });

  it("un fichier qui décrit autre chose au chemin d'un établissement n'est pas écrasé", async () => {
    const path = join(dir, "etablissements/0351795L.yaml");
    const other = "kind: collectivite\nid: commune-35000\ntype: commune\nnom: X\ncode_insee: \"35000\"\nacademie: \"14\"\n";
    writeFileSync(path, other);
    const r = await cli(["import", "annuaire", REAL, "--out", dir, "--departement", "35", "--types", "ecole,college"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("etablissements/0351795L.yaml : ne décrit pas l'établissement 0351795L");
    expect(readFileSync(path, "utf8")).toBe(other);
    writeFileSync(path, "");
  });
});

describe("dépôt existant organisé autrement", () => {
  it("l'établissement déjà décrit dans un fichier à plusieurs documents est mis à jour là ; la région déjà décrite sous un autre id est reprise", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "territoire"), { recursive: true });
    const region = '# La région\nkind: collectivite\nid: region-bretagne\ntype: region\nnom: Région Bretagne\ncode_insee: "53"\nacademie: "14"\n';
    const lycees = [
      "# Nos lycées",
      "kind: etablissement",
      'uai: "0350005R"',
      "nom: Ancien nom",
      "type: lycee",
      'academie: "14"',
      "collectivite: region-bretagne",
      "referent_numerique: { fonction: professeur documentaliste }",
      "---",
      "kind: etablissement",
      'uai: "0350062C"',
      "nom: LP Maupertuis",
      "type: lycee_professionnel",
      "statut: public",
      'academie: "14"',
      "",
    ].join("\n");
    writeFileSync(join(dir, "territoire/region.yaml"), region);
    writeFileSync(join(dir, "territoire/lycees.yml"), lycees);
    const r = await cli(["import", "annuaire", REAL, "--out", dir, "--types", "lycee,lycee_professionnel,erea"]);
    expect(r.code, r.stdout).toBe(0);
    expect(existsSync(join(dir, "collectivites/region-53.yaml"))).toBe(false);
    expect(existsSync(join(dir, "etablissements/0350005R.yaml"))).toBe(false);
    expect(r.stdout).toContain("territoire/lycees.yml (nom, commune, effectif, localisation, contact, collectivite)");
    const docs = readFileSync(join(dir, "territoire/lycees.yml"), "utf8").split("---\n").map((d) => parse(d));
    expect(docs[0]).toMatchObject({ uai: "0350005R", collectivite: "region-bretagne", referent_numerique: { fonction: "professeur documentaliste" } });
    expect(docs[0].nom).not.toBe("Ancien nom");
    // The annuaire's version 2 fields, added after the keys the user wrote.
    expect(docs[0]).toMatchObject({
      effectif: 493,
      localisation: { latitude: 48.625013434415614, longitude: -2.0576197264393032 },
      contact: { courriel: "Ce.0350005r@ac-rennes.fr", telephone: "02 99 16 80 80" },
    });
    expect(docs[0].education_prioritaire).toBeUndefined();
    expect(readFileSync(join(dir, "territoire/lycees.yml"), "utf8").startsWith("# Nos lycées\n")).toBe(true);
    for (const e of etablissements(dir)) if (e.statut === "public") expect(e.collectivite).toBe("region-bretagne");
    const v = await cli(["validate", dir, "-f", "json"]);
    expect(JSON.parse(v.stdout).findings).toEqual([]);
  });
});

describe("exports inhabituels et cas limites", () => {
  it("cas-limites.csv : fermés, services, médico-social, type vide, UAI faux, statut vide, sections, doublon de sites, Corse, Paris, La Réunion", async () => {
    const dir = tmp();
    const r = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Établissements retenus : 17 — 4 écoles, 5 collèges, 5 lycées, 2 lycées professionnels, 1 EREA (publics : 13, privés : 4).");
    const byUai = Object.fromEntries(etablissements(dir).map((e) => [e.uai, e]));
    expect(Object.keys(byUai).sort()).toEqual(
      ["0359001U", "0359002V", "0359003W", "0359004X", "0359005Y", "0359006Z", "0359007A", "0359008B", "0359015J", "0359017L", "0359018M", "0359019N", "6200001G", "6200002H", "6200003J", "0751001F", "9740001H"].sort(),
    );
    expect(byUai["0359001U"]).toMatchObject({ type: "ecole", statut: "public", collectivite: "commune-35238" });
    expect(byUai["0359002V"]).toMatchObject({ type: "ecole", statut: "prive" });
    expect(byUai["0359002V"].collectivite).toBeUndefined();
    expect(byUai["0359004X"]).toMatchObject({ type: "lycee_professionnel", collectivite: "region-53" });
    expect(byUai["0359018M"]).toMatchObject({ type: "lycee_professionnel", statut: "prive" });
    for (const u of ["0359005Y", "0359006Z", "0359007A"]) expect(byUai[u]).toMatchObject({ type: "lycee", collectivite: "region-53" });
    expect(byUai["0359008B"]).toMatchObject({ type: "erea", collectivite: "region-53" });
    expect(byUai["0359015J"]).toMatchObject({ type: "college", collectivite: "dep-35" });
    expect(byUai["0359019N"]).toMatchObject({ nom: "Collège Saint-Joseph", commune: { code_insee: "35047", nom: "Bruz" } });
    expect(byUai["6200001G"]).toMatchObject({ academie: "27", collectivite: "commune-2a004", commune: { code_insee: "2A004" } });
    expect(byUai["6200002H"]).toMatchObject({ collectivite: "ctu-94" });
    expect(byUai["6200003J"]).toMatchObject({ collectivite: "ctu-94" });
    // Paris: the Ville de Paris has the écoles and collèges (commune and département at once).
    expect(byUai["0751001F"]).toMatchObject({ academie: "01", collectivite: "ville-de-paris", commune: { code_insee: "75115" } });
    expect(byUai["9740001H"]).toMatchObject({ academie: "28", collectivite: "dep-974" });
    expect(parse(readFileSync(join(dir, "collectivites/ctu-94.yaml"), "utf8"))).toEqual({
      kind: "collectivite", id: "ctu-94", type: "collectivite_unique", nom: "Collectivité de Corse", code_insee: "94", academie: "27",
    });
    expect(parse(readFileSync(join(dir, "collectivites/ville-de-paris.yaml"), "utf8"))).toEqual({
      kind: "collectivite", id: "ville-de-paris", type: "collectivite_unique", nom: "Ville de Paris", code_insee: "75056", academie: "01", competences: ["ecoles", "colleges"],
    });
    for (const [uai, reason] of [
      ["0359009C", "code nature 334, lycée 0359006Z"],
      ["0359010D", "etat : A FERMER"],
      ["0359011E", "etat : FERME"],
      ["0359012F", "Service Administratif"],
      ["0359013G", "Médico-social"],
      ["0359014H", "type (vide), code nature 400"],
      ["0359016A", "lettre de contrôle attendue « K »"],
      ["035901", "7 chiffres et une lettre attendus"],
      ["0359020P", "statut (vide)"],
      ["0359021R", "Autre"],
      ["0359022S", "Information et orientation"],
      ["0359019N", "ligne retenue : Collège Saint-Joseph"],
    ]) {
      expect(r.stdout, uai).toMatch(new RegExp(`  ${uai}  .*\\(${reason.replace(/[()]/g, "\\$&")}\\)`));
    }
    const a = await cli(["audit", dir, "-f", "json", "--date", "2026-09-01"]);
    const ids = new Set(JSON.parse(a.stdout).findings.map((f: { ruleId: string }) => f.ruleId));
    for (const id of ["schema", "reference-inconnue", "rattachement-incompetent", "uai-invalide", "uai-departement-incoherent", "academie-inconnue", "identifiant-duplique"]) {
      expect(ids.has(id), id).toBe(false);
    }
  });

  it("filtres : --departement 2A, 02A ou 2a ; --academie par nom ; --statut ; --types", async () => {
    for (const d of ["2A", "02A", "2a"]) {
      const dir = tmp();
      const r = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", dir, "--departement", d]);
      expect(r.code).toBe(0);
      expect(etablissements(dir).map((e) => e.uai).sort()).toEqual(["6200001G", "6200002H", "6200003J"]);
      expect(r.stdout).toContain("dont 26 hors des filtres");
    }
    const dir = tmp();
    await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", dir, "--academie", "Rennes", "--statut", "prive", "--types", "lycee,lycee_professionnel"]);
    expect(etablissements(dir).map((e) => e.uai).sort()).toEqual(["0359017L", "0359018M"]);
  });

  it("filtres invalides : code 2, message en français", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--departement", "20"], /Département inconnu « 20 »/],
      [["--academie", "05x"], /Académie inconnue « 05x »/],
      [["--types", "college,lyce"], /Type inconnu « lyce » pour --types \(vouliez-vous dire « lycee » \?\)/],
      [["--statut", "associatif"], /Statut inconnu « associatif »/],
    ];
    for (const [args, re] of cases) {
      const r = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", tmp(), ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
    }
    const notADir = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", fixture("cas-limites.csv")]);
    expect(notADir.code).toBe(2);
    expect(notADir.stderr).toMatch(/existe et n'est pas un dossier : --out attend le dossier du dépôt/);
  });

  it("colonnes d'un export plus ancien (Code_postal, sans etat ni code_nature), sans BOM, LF", async () => {
    const dir = tmp();
    const r = await cli(["import", "annuaire", fixture("derive-colonnes.csv"), "--out", dir]);
    expect(r.code).toBe(0);
    const byUai = Object.fromEntries(etablissements(dir).map((e) => [e.uai, e]));
    expect(byUai["0359004X"].type).toBe("lycee_professionnel");
    expect(byUai["0359006Z"].type).toBe("lycee");
    expect(JSON.parse((await cli(["validate", dir, "-f", "json"])).stdout).findings).toEqual([]);
  });

  it("noms de l'API en minuscules, CRLF, champs entre guillemets contenant ; et des guillemets", async () => {
    const dir = tmp();
    const r = await cli(["import", "annuaire", fixture("api-minuscules.csv"), "--out", dir]);
    expect(r.code).toBe(0);
    const byUai = Object.fromEntries(etablissements(dir).map((e) => [e.uai, e]));
    expect(byUai["0359001U"].nom).toBe('École "Les Tilleuls"');
    expect(byUai["0359003W"].nom).toBe("Collège Anne de Bretagne : site principal");
    expect(byUai["0359004X"]).toMatchObject({ nom: "Lycée professionnel Coëtlogon", type: "lycee_professionnel" });
    expect(byUai["0359005Y"].nom).toBe("Lycée Chateaubriand; lycée général");
    expect(JSON.parse((await cli(["validate", dir, "-f", "json"])).stdout).findings).toEqual([]);
  });

  it("un export réenregistré en Windows-1252 est lu, et l'utilisateur en est averti", async () => {
    const dir = tmp();
    const csv = join(dir, "annuaire-tableur.csv");
    writeFileSync(csv, Buffer.from(readFileSync(fixture("derive-colonnes.csv"), "utf8"), "latin1"));
    const r = await cli(["import", "annuaire", csv, "--out", join(dir, "depot")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("lu comme du Windows-1252");
    expect(parse(readFileSync(join(dir, "depot/etablissements/0359004X.yaml"), "utf8")).nom).toBe("Lycée professionnel Coëtlogon");
  });

  it("un CSV qui n'est pas l'annuaire : code 2 et les colonnes manquantes ; un chemin introuvable : code 2", async () => {
    const r = await cli(["import", "annuaire", fixture("pas-un-annuaire.csv"), "--out", tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Colonnes introuvables dans l'export : identifiant de l'établissement (UAI)");
    expect(r.stderr).toContain("Colonnes lues : nom ; prenom ; ville");
    const missing = await cli(["import", "annuaire", "absent.csv", "--out", tmp()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Impossible de lire l'export « absent.csv » (fichier ou dossier introuvable, ENOENT)");
  });

  it("--dry-run n'écrit rien et dit ce qu'il ferait ; l'alias importer", async () => {
    const dir = join(tmp(), "depot");
    const r = await cli(["importer", "annuaire", fixture("cas-limites.csv"), "--out", dir, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(existsSync(dir)).toBe(false);
    expect(r.stdout).toContain("Simulation (--dry-run) : aucun fichier n'a été écrit.");
    expect(r.stdout).toContain("À créer : 30 fichiers (17 établissements, 7 collectivités, 6 schémas).");
  });

  it("--quiet : les totaux et les raisons, sans la liste des lignes ; pas de progression hors terminal", async () => {
    const r = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", tmp(), "--quiet"]);
    expect(r.stdout).toContain("Unité fermée ou en cours de fermeture — 2 :");
    expect(r.stdout).not.toContain("0359010D");
    expect(r.stderr).toBe("");
  });

  it("progression : sur un terminal seulement, après une seconde, jamais en CI ni avec --quiet, effacée à la fin", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2026-09-01T10:00:00"));
      const run = (o: { tty: boolean; env?: Record<string, string>; quiet?: boolean }) => {
        let err = "";
        const io = { ...fakeIO(), stderr: { write: (x: string) => (err += x), isTTY: o.tty }, env: o.env ?? {} };
        const p = makeProgress({ quiet: o.quiet }, io);
        p.update("import.progression.lecture", 10, 1000);
        vi.advanceTimersByTime(1500);
        p.update("import.progression.lecture", 600, 1000);
        p.done();
        return err;
      };
      expect(run({ tty: true })).toBe("\r\u001b[2KLecture de l'annuaire : 600/1000 lignes…\r\u001b[2K");
      expect(run({ tty: false })).toBe("");
      expect(run({ tty: true, env: { CI: "true" } })).toBe("");
      expect(run({ tty: true, quiet: true })).toBe("");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("fusion (merge) au niveau du texte", () => {
  const fields: OwnedFields = { nom: "Collège du Querpon", type: "college", statut: "public", academie: "14", commune: { code_insee: "35168", nom: "Val d'Anast" }, collectivite: "dep-35" };

  it("déjà à jour : inchangé ; styles de guillemets conservés ; pas de fin de ligne finale", () => {
    const text = `kind: etablissement\nuai: '0350017D'\nnom: "Collège du Querpon"\ntype: college\nacademie: "14"\ncommune: { code_insee: "35168", nom: Val d'Anast }\ncollectivite: dep-35`;
    expect(mergeEtablissement(text, "0350017D", fields)).toEqual({ status: "unchanged" });
    const r = mergeEtablissement(text.replace('"Collège du Querpon"', '"Ancien"').replace("nom: Val d'Anast", "nom: Anast"), "0350017D", fields);
    expect(r).toEqual({ status: "updated", text: text + "\n", changed: ["nom", "commune.nom"] });
  });

  it("clés manquantes ajoutées à leur place (statut, commune), sans toucher au reste", () => {
    const text = "kind: etablissement  # fiche\nuai: \"0350017D\"\nnom: Collège du Querpon\ntype: college\nacademie: \"14\"\n# rôles\ndirection:\n  chef: { vacant: true }\n";
    const r = mergeEtablissement(text, "0350017D", { ...fields, statut: "prive", collectivite: undefined });
    expect(r.status).toBe("updated");
    expect((r as { text: string }).text).toBe(
      "kind: etablissement  # fiche\nuai: \"0350017D\"\nnom: Collège du Querpon\ntype: college\nstatut: prive\nacademie: \"14\"\ncommune:\n  code_insee: \"35168\"\n  nom: Val d'Anast\n# rôles\ndirection:\n  chef: { vacant: true }\n",
    );
  });

  it("nom en bloc littéral : l'API Document prend le relais, le résultat est vérifié", () => {
    const text = "kind: etablissement\nuai: \"0350017D\"\nnom: |\n  Ancien\ntype: college\nacademie: \"14\"\ncommune: { code_insee: \"35168\", nom: Val d'Anast }\ncollectivite: dep-35\n";
    const r = mergeEtablissement(text, "0350017D", fields);
    expect(r.status).toBe("updated");
    expect(parse((r as { text: string }).text).nom).toBe("Collège du Querpon");
  });

  it("plusieurs documents : seul celui de l'UAI change ; UAI absente ; YAML illisible", () => {
    const text = "kind: academie\ncode: \"14\"\nnom: X\n---\nkind: etablissement\nuai: \"0350017D\"\nnom: Autre\ntype: college\nacademie: \"14\"\ncollectivite: dep-35\n";
    const r = mergeEtablissement(text, "0350017D", fields);
    expect(r.status).toBe("updated");
    expect((r as { text: string }).text).toBe(text.replace("nom: Autre", "nom: Collège du Querpon").replace("collectivite: dep-35", "commune:\n  code_insee: \"35168\"\n  nom: Val d'Anast\ncollectivite: dep-35"));
    expect(mergeEtablissement(text, "0350022J", fields)).toEqual({ status: "failed", reason: "absent" });
    expect(mergeEtablissement("a: [\n", "0350017D", fields)).toMatchObject({ status: "failed", reason: "illisible" });
  });
});

describe("planImport (bibliothèque)", () => {
  it("décrit sans écrire : dossier inexistant, rien n'est créé", async () => {
    const root = join(tmp(), "nouveau");
    const plan = await planImport(readFileSync(fixture("cas-limites.csv")), { root, filters: {} });
    expect(plan.rows).toBe(29);
    expect(plan.etablissements).toHaveLength(17);
    expect(plan.skipped.map((s) => s.reason).sort()).toEqual(
      ["ferme", "ferme", "ligneSecondaire", "nonScolaire", "nonScolaire", "nonScolaire", "nonScolaire", "section", "statutInconnu", "typeInconnu", "uaiInvalide", "uaiInvalide"].sort(),
    );
    expect(existsSync(root)).toBe(false);
  });

  it("copie de dépôt : les fichiers d'exemple ne sont pas touchés par un import qui ne les concerne pas", async () => {
    const dir = tmp();
    cpSync(join(ROOT, "examples/minimal"), dir, { recursive: true });
    const before = snapshot(dir);
    // The example describes académie 14: Corsica's rows (académie 27) are refused, nothing is written…
    const refused = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", dir, "--departement", "2A"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Corse (27) : 3 ligne(s)");
    expect(snapshot(dir)).toEqual(before);
    // …unless the académie is named.
    const r = await cli(["import", "annuaire", fixture("cas-limites.csv"), "--out", dir, "--departement", "2A", "--academie", "27"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "etablissements/6200001G.yaml"))).toBe(true);
    const after = snapshot(dir);
    for (const [p, v] of before) expect(after.get(p), p).toEqual(v);
  });
});
