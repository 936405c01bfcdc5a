// `import annuaire` and `init`, version 2: the annuaire's fields (effectif, localisation, contact, éducation
// prioritaire, circonscription, bassin), tutelle, the repository's académie, the official list of communes,
// git init, special territories (Paris, Mayotte, Saint-Barthélemy, Saint-Martin, the Pacific).
import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";
import { lambert93ToWgs84, educationPrioritaireOf } from "../src/import/fields.js";
import { loadCommunes, departementOfCommune } from "../src/import/communes.js";
import { mergeEtablissement } from "../src/import/merge.js";
import { COMMUNES, SOURCE } from "../src/generated/communes.js";

const FIXTURES = join(ROOT, "test/fixtures/annuaire");
const REAL = join(FIXTURES, "fr-en-annuaire-education-035.csv");
const VDM = join(FIXTURES, "val-de-marne.csv");
const SPECIAL = join(FIXTURES, "territoires-speciaux.csv");

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "gouvnum-annuaire-v2-"));
}
const yaml = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8")) as Record<string, unknown>;

/** Every file under dir (relative path → content), .git excluded. */
function contents(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== ".git") walk(p);
      } else out.set(p.slice(dir.length + 1), readFileSync(p, "latin1"));
    }
  };
  walk(dir);
  return out;
}

/** The annuaire extract's rows as records (it has no quoted fields). */
function extractRows(): Array<Record<string, string>> {
  const lines = readFileSync(REAL, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(";");
  return lines.slice(1).map((l) => Object.fromEntries(l.split(";").map((v, i) => [header[i], v])));
}

/** A CSV with the extract's columns minus `drop`, and the given rows. */
function csvWithout(rows: Array<Record<string, string>>, drop: string[]): string {
  const header = Object.keys(rows[0]).filter((h) => !drop.includes(h));
  return [header.join(";"), ...rows.map((r) => header.map((h) => r[h]).join(";"))].join("\n") + "\n";
}

describe("les champs de l'annuaire (effectif, localisation, contact, éducation prioritaire, circonscription)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    const r = await cli(["import", "annuaire", REAL, "--out", dir]);
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it("une école : effectif, localisation WGS 84, contact fonctionnel, circonscription — valeurs exactes de l'export", () => {
    const text = readFileSync(join(dir, "etablissements/0350122T.yaml"), "utf8");
    expect(yaml(dir, "etablissements/0350122T.yaml")).toMatchObject({
      effectif: 143,
      localisation: { latitude: 47.98614492070133, longitude: -1.9294895003671315 },
      contact: { courriel: "ecole.0350122T@ac-rennes.fr", telephone: "0299853802" },
      circonscription_nom: "Circonscription d'inspection du 1er degré de Bruz",
    });
    // The telephone stays a string (quoted), the coordinates numbers.
    expect(text).toContain('  telephone: "0299853802"\n');
    expect(text).toContain("  latitude: 47.98614492070133\n");
    expect(yaml(dir, "etablissements/0350122T.yaml").education_prioritaire).toBeUndefined();
  });

  it("éducation prioritaire : REP+ → rep_plus, REP → rep ; autant de fichiers que de lignes REP/REP+ importées", () => {
    expect(yaml(dir, "etablissements/0350944L.yaml").education_prioritaire).toBe("rep_plus");
    const rows = extractRows();
    const files = readdirSync(join(dir, "etablissements")).map((f) => yaml(dir, `etablissements/${f}`));
    const imported = new Set(files.map((f) => f.uai));
    const expected = { rep: 0, rep_plus: 0 };
    for (const r of rows) {
      if (!imported.has(r.Identifiant_de_l_etablissement)) continue;
      if (r.Appartenance_Education_Prioritaire === "REP") expected.rep++;
      if (r.Appartenance_Education_Prioritaire === "REP+") expected.rep_plus++;
    }
    const got = { rep: files.filter((f) => f.education_prioritaire === "rep").length, rep_plus: files.filter((f) => f.education_prioritaire === "rep_plus").length };
    expect(got).toEqual(expected);
    expect(got.rep + got.rep_plus).toBeGreaterThan(40);
    expect(educationPrioritaireOf("REP +", true)).toBe("rep_plus");
    expect(educationPrioritaireOf("", true)).toBeNull();
    expect(educationPrioritaireOf("", false)).toBeUndefined();
  });

  it("chaque établissement dont l'export donne l'effectif et les coordonnées les porte", () => {
    const byUai = new Map(extractRows().map((r) => [r.Identifiant_de_l_etablissement, r]));
    let withLocation = 0;
    for (const f of readdirSync(join(dir, "etablissements"))) {
      const e = yaml(dir, `etablissements/${f}`);
      const r = byUai.get(e.uai as string)!;
      if (/^[0-9]+$/.test(r.Nombre_d_eleves)) expect(e.effectif, f).toBe(Number(r.Nombre_d_eleves));
      else expect(e.effectif, f).toBeUndefined();
      expect(e.localisation, f).toEqual({ latitude: Number(r.latitude), longitude: Number(r.longitude) });
      withLocation++;
    }
    expect(withLocation).toBe(861);
  });

  it("Lambert-93 → WGS 84 : les X/Y de l'export retrouvent ses latitudes et longitudes à 10⁻⁶ degré près (≈ 0,1 m)", () => {
    const rows = extractRows().filter((r) => r.coordonnee_X && r.latitude);
    expect(rows.length).toBeGreaterThan(900);
    let worst = 0;
    for (const r of rows) {
      const p = lambert93ToWgs84(Number(r.coordonnee_X), Number(r.coordonnee_Y));
      worst = Math.max(worst, Math.abs(p.latitude - Number(r.latitude)), Math.abs(p.longitude - Number(r.longitude)));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("un export sans latitude/longitude : la localisation est calculée depuis X/Y (Lambert-93)", async () => {
    const d = tmp();
    const rows = extractRows().filter((r) => ["0350122T", "0350017D"].includes(r.Identifiant_de_l_etablissement));
    const csv = join(d, "xy.csv");
    writeFileSync(csv, csvWithout(rows, ["latitude", "longitude", "position"]));
    const r = await cli(["import", "annuaire", csv, "--out", join(d, "depot")]);
    expect(r.code, r.stderr).toBe(0);
    const e = yaml(join(d, "depot"), "etablissements/0350017D.yaml");
    const loc = e.localisation as { latitude: number; longitude: number };
    expect(Math.abs(loc.latitude - 47.89156984600312)).toBeLessThan(1e-6);
    expect(Math.abs(loc.longitude - -1.9895683290916766)).toBeLessThan(1e-6);
    expect(e.contact).toEqual({ courriel: "Ce.0350017d@ac-rennes.fr", telephone: "02 99 34 93 23" });
  });

  it("réimport : les clés de l'utilisateur et ses commentaires restent ; l'annuaire reprend les siennes, même dans contact", async () => {
    const path = join(dir, "etablissements/0350122T.yaml");
    const original = readFileSync(path, "utf8");
    const edited = original
      .replace("effectif: 143", "effectif: 150 # compté à la rentrée")
      .replace('  telephone: "0299853802"', '  telephone: "0299853802"\n  x_standard: "02 99 00 00 00"')
      .replace("education_prioritaire", "education_prioritaire")
      + "education_prioritaire: rep\nreferent_numerique:\n  fonction: professeur des écoles\n";
    writeFileSync(path, edited);
    const r = await cli(["import", "annuaire", REAL, "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("etablissements/0350122T.yaml (effectif, education_prioritaire)");
    const after = readFileSync(path, "utf8");
    // The export's value back, the comment kept; the user's x_ key inside contact kept; the key the export
    // says does not apply (empty éducation prioritaire cell) removed; the user's own key kept.
    expect(after).toBe(edited.replace("effectif: 150 # compté à la rentrée", "effectif: 143 # compté à la rentrée").replace("education_prioritaire: rep\n", ""));
    const again = await cli(["import", "annuaire", REAL, "--out", dir]);
    expect(again.stdout).toContain("Mis à jour : 0 fichier.");
    expect(readFileSync(path, "utf8")).toBe(after);
  }, 60_000);

  it("fusion (bibliothèque) : une clé imbriquée ajoutée à sa place, un nombre écrit comme un nombre", () => {
    const text = 'kind: etablissement\nuai: "0350122T"\nnom: X\ntype: ecole\nacademie: "14"\ncontact:\n  courriel: a@b.fr\n';
    const m = mergeEtablissement(text, "0350122T", {
      nom: "X",
      type: "ecole",
      statut: "public",
      academie: "14",
      effectif: 12,
      contact: { courriel: "a@b.fr", telephone: "0102030405" },
      bassin: { code: "14001", nom: "Rennes" },
    });
    expect(m).toEqual({
      status: "updated",
      changed: ["effectif", "contact.telephone", "bassin"],
      text: 'kind: etablissement\nuai: "0350122T"\nnom: X\ntype: ecole\nacademie: "14"\neffectif: 12\ncontact:\n  courriel: a@b.fr\n  telephone: "0102030405"\nbassin:\n  code: "14001"\n  nom: Rennes\n',
    });
  });
});

describe("tutelle : les unités d'un autre ministère", () => {
  it("ignorées par défaut avec leur raison ; --toutes-tutelles les importe, marquées tutelle, et le dépôt valide", async () => {
    const dir = tmp();
    const r = await cli(["import", "annuaire", REAL, "--out", dir, "--types", "lycee,lycee_professionnel"]);
    expect(r.stdout).toMatch(/Unité d'un autre ministère que l'Éducation nationale.* — 13 :/);
    expect(r.stdout).toContain("(ministère de tutelle : MER)");
    expect(existsSync(join(dir, "etablissements/0351914R.yaml"))).toBe(false);
    const all = await cli(["import", "annuaire", REAL, "--out", dir, "--types", "lycee,lycee_professionnel", "--toutes-tutelles"]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).not.toContain("autre ministère");
    expect(yaml(dir, "etablissements/0351914R.yaml")).toMatchObject({ nom: "Lycée maritime Florence Arthaud", tutelle: "MER", collectivite: "region-53" });
    expect(yaml(dir, "etablissements/0351953H.yaml")).toMatchObject({ tutelle: "AGRICULTURE" });
    const v = await cli(["validate", dir, "-f", "json"]);
    expect(JSON.parse(v.stdout).findings).toEqual([]);
  }, 60_000);
});

describe("l'académie du dépôt", () => {
  it("un export du Val-de-Marne dans un dépôt de l'académie 14 : refusé (code 2), rien d'écrit ; avec --academie 24 il s'importe", async () => {
    const dir = tmp();
    expect((await cli(["init", dir, "--yes", "--academie", "14", "--no-git"])).code).toBe(0);
    const before = contents(dir);
    const r = await cli(["import", "annuaire", VDM, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Import refusé : ce dépôt décrit l'académie « Rennes » (14), et 4 ligne(s) de l'export relèvent d'une autre académie :");
    expect(r.stderr).toContain("  - Créteil (24) : 4 ligne(s), dont la ligne 2");
    expect(r.stderr).toContain("--academie 24");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(contents(dir)).toEqual(before);

    const ok = await cli(["import", "annuaire", VDM, "--out", dir, "--academie", "24"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(yaml(dir, "etablissements/0949001Y.yaml")).toMatchObject({
      academie: "24",
      collectivite: "commune-94028",
      effectif: 212,
      education_prioritaire: "rep",
      contact: { courriel: "ce.0949001Y@ac-creteil.fr", telephone: "0143000001" },
      localisation: { latitude: 48.7904, longitude: 2.4556 },
    });
    expect(yaml(dir, "etablissements/0949002Z.yaml")).toMatchObject({ collectivite: "dep-94", education_prioritaire: "rep_plus" });
    // Lambert-93 only: converted.
    const loc = yaml(dir, "etablissements/0949003A.yaml").localisation as { latitude: number; longitude: number };
    expect(loc).toEqual(lambert93ToWgs84(657000, 6860000));
    expect(loc.latitude).toBeCloseTo(48.8386, 3);
    expect(yaml(dir, "collectivites/commune-94028.yaml")).toMatchObject({ nom: "Créteil", academie: "24" });
    expect(ok.stdout).toContain("(ministère de tutelle : AGRICULTURE)");
  }, 60_000);

  it("init --academie 14 --annuaire <export de Créteil> : refusé (code 2), rien d'écrit", async () => {
    const dir = join(tmp(), "depot");
    const r = await cli(["init", dir, "--yes", "--academie", "14", "--annuaire", VDM]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ne contient aucun établissement de l'académie de Rennes (14) : académie de Créteil (24) : 3. Rien n'a été écrit.");
    expect(existsSync(dir)).toBe(false);
  });

  it("--academie mal orthographiée : « vouliez-vous dire » (init et import)", async () => {
    const i = await cli(["init", tmp(), "--yes", "--academie", "Renne"]);
    expect(i.code).toBe(2);
    expect(i.stderr).toContain("Académie inconnue « Renne » pour --academie (vouliez-vous dire « Rennes » ?)");
    const m = await cli(["import", "annuaire", VDM, "--out", tmp(), "--academie", "Créteill"]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain("(vouliez-vous dire « Créteil » ?)");
  });
});

describe("la liste officielle des communes", () => {
  it("src/generated/communes.ts reprend exactement @etalab/decoupage-administratif (communes actuelles, arrondissements, déléguées, associées)", async () => {
    const require = createRequire(import.meta.url);
    const pkgPath = require.resolve("@etalab/decoupage-administratif/package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
    expect(SOURCE).toBe(`${pkg.name} ${pkg.version}`);
    const data = JSON.parse(readFileSync(join(pkgPath, "..", "data", "communes.json"), "utf8")) as Array<Record<string, string>>;
    const table = await loadCommunes();
    const actuelles = data.filter((c) => c.type === "commune-actuelle");
    for (const c of actuelles) {
      const got = table.get(c.code);
      expect(got?.nom, c.code).toBe(c.nom);
      expect(got?.departement, c.code).toBe(c.departement);
      expect(departementOfCommune(c.code)).toBe(c.departement);
    }
    const codes = new Set(actuelles.map((a) => a.code));
    for (const c of data.filter((x) => x.type !== "commune-actuelle" && !codes.has(x.code))) {
      expect(table.get(c.code)?.commune?.code, c.code).toBe(c.commune ?? c.chefLieu);
    }
    expect(COMMUNES.split("\n").length).toBe(new Set(data.map((c) => c.code)).size);
    expect(table.get("35238")).toEqual({ code: "35238", nom: "Rennes", departement: "35", academie: "14" });
    expect(table.get("75115")?.commune).toEqual({ code: "75056", nom: "Paris", type: "arrondissement" });
    expect(table.get("35112")?.commune).toMatchObject({ code: "35062" });
    expect(table.get("97701")).toMatchObject({ nom: "Saint-Barthélemy", academie: "32" });
    expect(table.get("98818")).toMatchObject({ nom: "Nouméa", departement: "988" });
    expect(table.get("98818")?.academie).toBeUndefined();
    expect(table.get("03528")).toBeUndefined();
    // The Métropole de Lyon: its members as the package lists them, Lyon's arrondissements through Lyon.
    const epci = JSON.parse(readFileSync(join(pkgPath, "..", "data", "epci.json"), "utf8")) as Array<{ type: string; membres: Array<{ code: string }> }>;
    const membres = epci.filter((e) => e.type === "MET69").flatMap((e) => e.membres.map((m) => m.code));
    expect(membres.length).toBeGreaterThan(50);
    for (const code of membres) expect(table.inMetropoleLyon(code), code).toBe(true);
    expect(table.inMetropoleLyon("69383")).toBe(true);
    expect(table.inMetropoleLyon("69264")).toBe(false);
    expect(table.inMetropoleLyon("35238")).toBe(false);
  }, 60_000);

  it("init : 35238 prend son vrai nom ; 3528 est refusé ; une commune de l'Allier n'entre pas dans l'académie 14", async () => {
    const dir = tmp();
    const r = await cli(["init", dir, "--yes", "--academie", "14", "--collectivite", "commune:35238", "--no-git"]);
    expect(r.code, r.stderr).toBe(0);
    expect(yaml(dir, "collectivites/commune-35238.yaml")).toEqual({ kind: "collectivite", id: "commune-35238", type: "commune", nom: "Rennes", code_insee: "35238", academie: "14" });

    const bad = await cli(["init", tmp(), "--yes", "--academie", "14", "--collectivite", "commune:35238", "--collectivite", "commune:3528"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--collectivite commune:3528 : « 3528 » n'est pas un code de commune de la liste officielle (Code officiel géographique).");

    const allier = await cli(["init", tmp(), "--yes", "--academie", "14", "--collectivite", "commune:3190"]);
    expect(allier.code).toBe(2);
    expect(allier.stderr).toContain("La commune 03190 (Moulins, département 03) relève de l'académie Clermont-Ferrand (06), pas de l'académie Rennes (14) du dépôt.");

    const dep = await cli(["init", tmp(), "--yes", "--academie", "14", "--collectivite", "departement:03"]);
    expect(dep.code).toBe(2);
    expect(dep.stderr).toContain("relève de l'académie Clermont-Ferrand (06), pas de l'académie Rennes (14)");

    // A commune déléguée: the collectivité is the commune nouvelle, and init says so.
    const d2 = tmp();
    const del = await cli(["init", d2, "--yes", "--academie", "14", "--collectivite", "commune:35112", "--no-git"]);
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout).toMatch(/La commune 35112 \(Fleurigné\) est une commune déléguée ou associée : la collectivité est la commune 35062/);
    expect(existsSync(join(d2, "collectivites/commune-35062.yaml"))).toBe(true);
  });

  it("init interactif : la question des communes vérifie la liste officielle et l'académie", async () => {
    const { initCommand } = await import("../src/cli/commands/init.js");
    const answers: unknown[] = [
      "14",
      (q: { choices: Array<{ value: unknown }> }) => q.choices.map((c) => c.value),
      async (q: { validate: (v: string) => unknown }) => {
        expect(await q.validate("3528")).toMatch(/« 3528 » n'est pas un code de commune de la liste officielle/);
        expect(await q.validate("03190")).toMatch(/relève de l'académie Clermont-Ferrand \(06\)/);
        expect(await q.validate("35238, 35047")).toBe(true);
        return "35238, 35047";
      },
      "none",
      false,
      "",
    ];
    const next = async (q: unknown) => {
      const a = answers.shift();
      return typeof a === "function" ? (a as (q: unknown) => unknown)(q) : a;
    };
    const dir = tmp();
    let out = "";
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, readStdin: async () => new Uint8Array(), cwd: dir, env: {}, now: () => new Date() };
    const code = await initCommand(".", { git: false }, io as never, { prompter: { select: next, checkbox: next, input: next, confirm: next } as never });
    expect(code, out).toBe(0);
    expect(yaml(dir, "collectivites/commune-35047.yaml")).toMatchObject({ nom: "Bruz", code_insee: "35047" });
  });

  it("init interactif pour Mayotte : aucune collectivité de collèges et lycées à choisir, la question n'est pas posée", async () => {
    const { initCommand } = await import("../src/cli/commands/init.js");
    const asked: string[] = [];
    const answers: unknown[] = ["43", "97611", "none", false, ""];
    const next = async (q: { message: string }) => {
      asked.push(q.message);
      return answers.shift();
    };
    const dir = tmp();
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, readStdin: async () => new Uint8Array(), cwd: dir, env: {}, now: () => new Date() };
    const code = await initCommand(".", { git: false }, io as never, { prompter: { select: next, checkbox: next, input: next, confirm: next } as never });
    expect(code).toBe(0);
    expect(asked.some((m) => m.startsWith("Collectivités à décrire"))).toBe(false);
    expect(readdirSync(join(dir, "collectivites"))).toEqual(["commune-97611.yaml"]);
    expect(yaml(dir, "collectivites/commune-97611.yaml")).toMatchObject({ nom: "Mamoudzou", academie: "43" });
  });
});

describe("init et git", () => {
  it("hors de tout dépôt : git init, et la sortie le dit ; --no-git : rien ; dans un dépôt existant : pas de dépôt imbriqué", async () => {
    const dir = tmp();
    const r = await cli(["init", dir, "--yes", "--academie", "14"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Dépôt git initialisé (git init) : le dossier n'était dans aucun dépôt git.");
    expect(execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" }).trim()).toBe(execFileSync("realpath", [dir], { encoding: "utf8" }).trim());

    const inside = join(dir, "sous-territoire");
    mkdirSync(inside);
    const r2 = await cli(["init", inside, "--yes", "--academie", "14"]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).not.toContain("git init");
    expect(existsSync(join(inside, ".git"))).toBe(false);

    const plain = tmp();
    const r3 = await cli(["init", plain, "--yes", "--academie", "14", "--no-git"]);
    expect(r3.code).toBe(0);
    expect(r3.stdout).not.toContain("git init");
    expect(existsSync(join(plain, ".git"))).toBe(false);
  });
});

describe("territoires particuliers", () => {
  let dir: string;
  let r: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    dir = tmp();
    r = await cli(["import", "annuaire", SPECIAL, "--out", dir]);
  }, 60_000);

  it("Paris : écoles et collèges → la Ville de Paris (compétences explicites) ; lycées → la Région Île-de-France", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(yaml(dir, "etablissements/0759001B.yaml")).toMatchObject({ type: "ecole", academie: "01", collectivite: "ville-de-paris", commune: { code_insee: "75111" } });
    expect(yaml(dir, "etablissements/0759002C.yaml")).toMatchObject({ type: "college", collectivite: "ville-de-paris" });
    expect(yaml(dir, "etablissements/0759003D.yaml")).toMatchObject({ type: "lycee", collectivite: "region-11" });
    expect(yaml(dir, "collectivites/ville-de-paris.yaml")).toEqual({
      kind: "collectivite",
      id: "ville-de-paris",
      type: "collectivite_unique",
      nom: "Ville de Paris",
      code_insee: "75056",
      academie: "01",
      competences: ["ecoles", "colleges"],
    });
    expect(existsSync(join(dir, "collectivites/dep-75.yaml"))).toBe(false);
    expect(existsSync(join(dir, "collectivites/commune-75056.yaml"))).toBe(false);
  });

  it("Mayotte : collèges et lycées → collectivite: etat, sans collectivité ; écoles → leur commune", () => {
    expect(yaml(dir, "etablissements/9769002F.yaml")).toMatchObject({ type: "college", academie: "43", collectivite: "etat" });
    expect(yaml(dir, "etablissements/9769003G.yaml")).toMatchObject({ type: "lycee", academie: "43", collectivite: "etat" });
    expect(yaml(dir, "etablissements/9769001E.yaml")).toMatchObject({ type: "ecole", collectivite: "commune-97611" });
    expect(yaml(dir, "collectivites/commune-97611.yaml")).toMatchObject({ nom: "Mamoudzou", academie: "43" });
    expect(readdirSync(join(dir, "collectivites")).filter((f) => /ctu-06|dep-976|etat/.test(f))).toEqual([]);
  });

  it("Saint-Barthélemy et Saint-Martin : UAI 971, académie de la Guadeloupe, la collectivité d'outre-mer pour tous les types", () => {
    expect(yaml(dir, "etablissements/9719001G.yaml")).toMatchObject({ type: "ecole", academie: "32", collectivite: "ctu-977", commune: { code_insee: "97701" } });
    expect(yaml(dir, "etablissements/9719002H.yaml")).toMatchObject({ type: "college", academie: "32", collectivite: "ctu-978" });
    expect(yaml(dir, "collectivites/ctu-977.yaml")).toMatchObject({ type: "collectivite_unique", nom: "Collectivité de Saint-Barthélemy", code_insee: "97701", competences: ["ecoles", "colleges", "lycees"] });
    expect(yaml(dir, "collectivites/ctu-978.yaml")).toMatchObject({ nom: "Collectivité de Saint-Martin", code_insee: "97801" });
  });

  it("Alsace : collèges du Bas-Rhin et du Haut-Rhin → la Collectivité européenne d'Alsace (une seule), lycées → la Région Grand Est", () => {
    expect(yaml(dir, "etablissements/0679001V.yaml")).toMatchObject({ type: "college", academie: "15", collectivite: "cea" });
    expect(yaml(dir, "etablissements/0689001P.yaml")).toMatchObject({ type: "college", academie: "15", collectivite: "cea" });
    expect(yaml(dir, "etablissements/0679002W.yaml")).toMatchObject({ type: "lycee", collectivite: "region-44" });
    expect(yaml(dir, "collectivites/cea.yaml")).toEqual({
      kind: "collectivite",
      id: "cea",
      type: "departement",
      nom: "Collectivité européenne d'Alsace",
      code_insee: "6AE",
      academie: "15",
    });
    expect(readdirSync(join(dir, "collectivites")).filter((f) => /dep-6[78]/.test(f))).toEqual([]);
  });

  it("Métropole de Lyon : les collèges de ses communes (arrondissements de Lyon compris) → la Métropole ; ailleurs dans le Rhône → le Département", () => {
    expect(yaml(dir, "etablissements/0699001J.yaml")).toMatchObject({ type: "college", academie: "10", collectivite: "metropole-de-lyon" });
    expect(yaml(dir, "etablissements/0699002K.yaml")).toMatchObject({ type: "college", collectivite: "metropole-de-lyon", commune: { code_insee: "69383" } });
    expect(yaml(dir, "etablissements/0699003L.yaml")).toMatchObject({ type: "college", collectivite: "dep-69" });
    expect(yaml(dir, "etablissements/0699004M.yaml")).toMatchObject({ type: "ecole", collectivite: "commune-69266" });
    expect(yaml(dir, "collectivites/metropole-de-lyon.yaml")).toEqual({
      kind: "collectivite",
      id: "metropole-de-lyon",
      type: "metropole",
      nom: "Métropole de Lyon",
      code_insee: "200046977",
      academie: "10",
    });
  });

  it("Pacifique (UAI 983, 984, 987) : ignoré avec sa raison, sans erreur", () => {
    expect(r.stdout).toContain("Territoire du Pacifique, hors des 30 académies (vice-rectorat) — 3 :");
    expect(r.stdout).toMatch(/9839001S {2}Collège fictif de Nouméa \(Nouvelle-Calédonie\)/);
    expect(r.stdout).toMatch(/9849001L {2}Lycée fictif de Papeete \(Polynésie française\)/);
    expect(r.stdout).toMatch(/9879001V {2}Ecole fictive de Wallis \(Wallis-et-Futuna\)/);
  });

  it("les fichiers écrits passent le schéma et leurs références se résolvent, « collectivite: etat » compris", async () => {
    const v = await cli(["validate", dir, "-f", "json"]);
    const findings = JSON.parse(v.stdout).findings as Array<{ ruleId: string; message: string }>;
    expect(findings).toEqual([]);
  });

  it("init pour Paris, Mayotte, la Guadeloupe, Strasbourg (Alsace), Lyon : les collectivités du territoire", async () => {
    const paris = tmp();
    expect((await cli(["init", paris, "--yes", "--academie", "01", "--no-git"])).code).toBe(0);
    expect(readdirSync(join(paris, "collectivites")).sort()).toEqual(["region-11.yaml", "ville-de-paris.yaml"]);
    const mayotte = tmp();
    expect((await cli(["init", mayotte, "--yes", "--academie", "43", "--no-git"])).code).toBe(0);
    expect(readdirSync(join(mayotte, "collectivites"))).toEqual([".gitkeep"]);
    expect(readFileSync(join(mayotte, "academie.yaml"), "utf8")).toContain("collectivite: etat");
    const guadeloupe = tmp();
    expect((await cli(["init", guadeloupe, "--yes", "--academie", "32", "--no-git"])).code).toBe(0);
    expect(readdirSync(join(guadeloupe, "collectivites")).sort()).toEqual(["ctu-977.yaml", "ctu-978.yaml", "dep-971.yaml", "region-01.yaml"]);
    const strasbourg = tmp();
    expect((await cli(["init", strasbourg, "--yes", "--academie", "15", "--no-git"])).code).toBe(0);
    expect(readdirSync(join(strasbourg, "collectivites")).sort()).toEqual(["cea.yaml", "region-44.yaml"]);
    const lyon = tmp();
    expect((await cli(["init", lyon, "--yes", "--academie", "10", "--no-git"])).code).toBe(0);
    expect(readdirSync(join(lyon, "collectivites")).sort()).toEqual(["dep-01.yaml", "dep-42.yaml", "dep-69.yaml", "metropole-de-lyon.yaml", "region-84.yaml"]);
    const alsace = tmp();
    const a = await cli(["init", alsace, "--yes", "--academie", "15", "--collectivite", "departement:67", "--collectivite", "dep:68", "--no-git"]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain("departement:67 : depuis le 1er janvier 2021, les collèges du Bas-Rhin et du Haut-Rhin relèvent de la Collectivité européenne d'Alsace");
    expect(readdirSync(join(alsace, "collectivites"))).toEqual(["cea.yaml"]);
    const p2 = tmp();
    const c = await cli(["init", p2, "--yes", "--academie", "01", "--collectivite", "commune:75056", "--no-git"]);
    expect(c.code, c.stderr).toBe(0);
    expect(readdirSync(join(p2, "collectivites"))).toEqual(["ville-de-paris.yaml"]);
    for (const d of [paris, guadeloupe, p2, strasbourg, lyon, alsace]) expect(JSON.parse((await cli(["validate", d, "-f", "json"])).stdout).findings, d).toEqual([]);
  }, 60_000);
});
