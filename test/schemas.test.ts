// Schemas: the JSON Schemas compile in strict mode, accept the documents of FORMAT.md, reject the usual
// mistakes with the expected keyword, document every definition and property in French, and the
// generated TypeScript types are up to date.
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { isCalendarDate } from "../src/validate/ajv.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const KINDS = ["academie", "collectivite", "etablissement", "convention"] as const;
const FILES = ["defs", ...KINDS, "config"] as const;
type SchemaName = (typeof FILES)[number];
type Json = Record<string, unknown>;

const schemas = Object.fromEntries(
  FILES.map((f) => [f, JSON.parse(readFileSync(`${ROOT}schemas/${f}.schema.json`, "utf8")) as Json]),
) as Record<SchemaName, Json>;

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat(
    "date",
    (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s,
  );
  ajv.addSchema(schemas.defs);
  return ajv;
}

const ajv = makeAjv();
const validators = Object.fromEntries(
  (["academie", "collectivite", "etablissement", "convention", "config"] as const).map((k) => [k, ajv.compile(schemas[k])]),
) as Record<(typeof KINDS)[number] | "config", ValidateFunction>;

function check(kind: keyof typeof validators, data: unknown): ErrorObject[] {
  const v = validators[kind];
  return v(data) ? [] : [...(v.errors ?? [])];
}

/** Validates a YAML text; the schema is taken from its `kind` (or `config`). */
function checkYaml(text: string, kind?: "config"): ErrorObject[] {
  const data = parse(text) as Json;
  return check(kind ?? (data.kind as (typeof KINDS)[number]), data);
}

function expectValid(text: string, kind?: "config"): void {
  expect(checkYaml(text, kind)).toEqual([]);
}

function expectError(text: string, expected: { keyword: string; instancePath?: string; params?: Json }, kind?: "config"): void {
  const errors = checkYaml(text, kind);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors).toContainEqual(expect.objectContaining({ ...expected, ...(expected.params ? { params: expect.objectContaining(expected.params) } : {}) }));
}

// FORMAT.md §9, verbatim.
const EXAMPLE_9 = `
kind: etablissement
uai: "0358017Z"
nom: Collège du Querpon
type: college
academie: "14"
commune: { code_insee: "35168", nom: Val d'Anast }
collectivite: dep-35
direction:
  chef: { nom: Marie Dupont, courriel: ce.0358017z@ac-rennes.fr }
referent_numerique: { fonction: professeure de technologie }
referent_technique: { vacant: true }
instances:
  conseil_pedagogique: { existe: true }
  conseil_administration: { existe: true }
securite: { filtrage: true }
rgpd: { registre_traitements: true }
equipements:
  - { categorie: poste_fixe, nombre: 60, annee_mise_en_service: 2017 }
`;

const ACADEMIE = `
kind: academie
code: "14"
nom: Rennes
region_academique: Bretagne
recteur: { nom: Emmanuel Ethis, employeur: etat }
dan: { fonction: délégué académique au numérique }
dane: { nom: DRANE Bretagne, url: "https://dane.ac-rennes.fr/" }
dsi:
  responsable: ~
  assistance: { url: "https://assistance.ac-rennes.fr/", courriel: assistance@ac-rennes.fr, telephone: "02 23 21 77 77" }
dpd: { courriel: dpd@ac-rennes.fr }
politique_securite: { reference: PSSI académique v2, date: "2023-06-01" }
plan_formation: { reference: PAF 2025-2026 }
dsden:
  - { departement: "35", dasen: { nom: Anne Martin } }
  - { departement: "2A", dasen: ~ }
circonscriptions:
  - uai: "0351234X"
    nom: Rennes Nord
    departement: "35"
    ien: { nom: Paul Leroy }
    erun: [{ fonction: ERUN }, { vacant: true }]
maintenance_residuelle: { niveaux: [2, 3], jusqu_au: "2026-08-31", facturee: true, convention: conv-maintenance-35 }
instances:
  - id: comite-numerique-35
    nom: Comité départemental du numérique éducatif
    portee: transversale
    membres: [academie:14, collectivite:dep-35]
    reunions: ["2025-11-14"]
  - { id: ent-bretagne, nom: Comité ENT, portee: projet, projet: ENT Toutatice, membres: [collectivite:region-bretagne] }
`;

const COLLECTIVITE = `
kind: collectivite
id: dep-35
type: departement
nom: Département d'Ille-et-Vilaine
code_insee: "35"
academie: "14"
competences: [colleges]
organisation: partagee
services:
  education: { nom: Direction de l'éducation, responsable: { nom: Claire Morin }, courriel: education@ille-et-vilaine.fr }
  dsi: { nom: DSI }
  batiment: {}
  amenagement_numerique: { nom: Mission THD }
cooperation_batiment: true
gouvernance_interne: { instance: comité de pilotage numérique, reunions: ["2025-10-02"] }
projet_numerique: { reference: Plan numérique des collèges 2024-2028, adopte_le: "2024-01-15" }
securite: { mise_en_oeuvre_pssi: true }
maintenance:
  niveau_0: { acteur: agent_batiment }
  niveau_1: { acteur: referent_technique }
  niveau_2: { acteur: technicien_collectivite, delai_intervention_heures: 48 }
  niveau_3: { acteur: prestataire, prestataire: "Société Exemple", precision: marché 2024-12 }
renouvellement: { mode: systematique, age_max_ans: 6 }
referentiel_equipement: { reference: Référentiel 2024, adopte_le: "2024-03-01", analyse_besoins: true }
ent: { nom: Toutatice, mutualise_avec: [region-bretagne, dep-29] }
equipement_individuel: { dispositif: un ordinateur portable par collégien, accompagnement: un assistant d'éducation par collège }
accompagnement_territorial: { agents: 12, etablissements_par_agent: 10 }
`;

const ECOLE_PRIVEE = `
kind: etablissement
uai: "0351111A"
nom: École Sainte-Anne
type: ecole
statut: prive
academie: "14"
circonscription: "0351234X"
effectif: 180
direction: { chef: ~, adjoint: { vacant: true }, secretaire_general: ~ }
instances: { conseil_ecole: { existe: true } }
projet_etablissement: { volet_numerique: true, adopte_le: "2023-09-01" }
reglement_interieur: { adopte_le: "2023-09-01", equipements_personnels: true, telephones_portables: true, charte_usage: false }
securite: { filtrage: true, controle_acces_reseau: false }
rgpd: { registre_traitements: false, dpd_designe: true, declarations_cnil: [{ numero: 123456, date: "2012-04-01" }] }
formation: { plan: true, heures_annuelles: 6.5 }
maintenance: { niveau_1: { acteur: a_definir } }
equipements:
  - { categorie: tablette, nombre: 0, annee_mise_en_service: 2020 }
  - { categorie: tni, nombre: 4, annee_mise_en_service: 2015 }
reseau: { debit_mbps: 30, fibre: false, wifi: { present: true, coupure_par_classe: true, conseil_ecole_informe_le: "2024-11-05" } }
ent: { utilise: true }
`;

const CONVENTION = `
kind: convention
id: conv-dep35-0358017z-2024
type: eple_collectivite
objet: Maintenance et usages numériques au collège du Querpon
parties: [collectivite:dep-35, etablissement:0358017Z]
signatures:
  - { partie: collectivite:dep-35, role: president_collectivite, signataire: Jean Durand, date: "2024-09-12" }
  - { partie: etablissement:0358017Z, role: chef_etablissement, date: null }
autorisation_ca_le: "2024-06-20"
debut: "2024-09-01"
fin: "2027-08-31"
clauses:
  maintenance: { niveau_2: { acteur: technicien_collectivite } }
  securite: true
  formation: false
  ent: true
  autorite_fonctionnelle: true
  taches: [inventaire annuel du parc, gestion des comptes ENT]
transmis_collectivite_le: "2024-05-01"
`;

const CONFIG = `
auditDate: "2026-09-01"
rules:
  equipement-obsolete: [warning, { age_max_ans: 5 }]
  debit-insuffisant: off
  filtrage-absent: [error]
ignore: ["brouillons/**"]
report: { title: "Audit du numérique éducatif — Académie de Rennes", author: "DRANE Bretagne", format: md, splitBy: collectivite, anonymize: true, output: rapports }
limits: { maxFileBytes: 1000000, maxDocumentsPerFile: 500, maxAliasCount: 0, maxDepth: 50 }
`;

describe("schemas compile", () => {
  it("every schema compiles with Ajv 2020 in strict mode", () => {
    const fresh = makeAjv();
    for (const k of ["academie", "collectivite", "etablissement", "convention", "config"] as const) {
      expect(() => fresh.compile(schemas[k])).not.toThrow();
    }
  });

  it("uses relative ids and refs only, never a URL", () => {
    for (const f of FILES) {
      expect(schemas[f].$id).toBe(`${f}.schema.json`);
      expect(schemas[f].$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      const { $schema: _s, ...rest } = schemas[f];
      const refs = [...JSON.stringify(rest).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]);
      for (const r of refs) expect(r).toMatch(/^(?:defs\.schema\.json)?#\/\$defs\/[A-Za-z]+$/);
      expect(JSON.stringify(rest)).not.toMatch(/"\$(?:ref|id)":"https?:/);
    }
  });

  it("never uses oneOf", () => {
    for (const f of FILES) expect(JSON.stringify(schemas[f])).not.toContain('"oneOf"');
  });

  it("defs holds the shared definitions", () => {
    const defs = Object.keys(schemas.defs.$defs as Json);
    for (const name of ["Date", "Uai", "CodeAcademie", "CodeDepartement", "CodeCommune", "Slug", "Ref", "Personne", "Acteur", "NiveauMaintenance", "Maintenance", "Instance", "Employeur"]) {
      expect(defs).toContain(name);
    }
  });
});

describe("valid documents", () => {
  it("accepts the example of FORMAT.md §9", () => expectValid(EXAMPLE_9));
  it("accepts a complete académie", () => expectValid(ACADEMIE));
  it("accepts a complete collectivité", () => expectValid(COLLECTIVITE));
  it("accepts a private école without collectivité", () => expectValid(ECOLE_PRIVEE));
  it("accepts a convention with a pending signature (date: null)", () => expectValid(CONVENTION));
  it("accepts the config of CLI.md and the rule-setting forms", () => {
    expectValid(CONFIG, "config");
    expectValid("{}", "config");
  });
  it("accepts minimal documents of each kind", () => {
    expectValid(`{kind: academie, code: "70", nom: Normandie}`);
    expectValid(`{kind: collectivite, id: commune-35238, type: commune, nom: Rennes, code_insee: "35238", academie: "14"}`);
    expectValid(`{kind: etablissement, uai: "6200088B", nom: Lycée Fesch, type: lycee, academie: "27", collectivite: ctc}`);
    expectValid(`{kind: convention, id: c1, type: autre, parties: [academie:14, collectivite:dep-35]}`);
  });
  it("accepts the codes of FORMAT.md §2", () => {
    for (const dep of ["01", "19", "2A", "2B", "21", "95", "971", "976"]) {
      expectValid(`{kind: academie, code: "14", nom: Rennes, dsden: [{departement: "${dep}", dasen: ~}]}`);
    }
    for (const code of ["35238", "2A004", "97411"]) {
      expectValid(`{kind: etablissement, uai: "0358017Z", nom: X, type: ecole, academie: "14", collectivite: c, commune: {code_insee: "${code}"}}`);
    }
  });
  it("lets x_ keys through at every level", () => {
    expectValid(`${EXAMPLE_9}
x_note: à revoir
x_suivi: { par: DRANE, le: 2025-01-01 }
`);
    expectValid(`${COLLECTIVITE}
x_interne: 42
`.replace("niveau_0: { acteur: agent_batiment }", "niveau_0: { acteur: agent_batiment, x_contrat: ok }"));
    expectValid(CONVENTION.replace("objet:", "x_source: GED\nobjet:").replace("securite: true", "securite: true\n  x_article: 4"));
    expectValid(EXAMPLE_9.replace("{ vacant: true }", "{ vacant: true, x_depuis: 2024 }"));
  });
});

describe("invalid documents", () => {
  it("rejects a typo'd key, naming it", () => {
    expectError(EXAMPLE_9.replace("referent_technique:", "referent_tehcnique:"), {
      keyword: "additionalProperties",
      instancePath: "",
      params: { additionalProperty: "referent_tehcnique" },
    });
    expectError(EXAMPLE_9.replace("{ filtrage: true }", "{ filtrage: true, filtre: true }"), {
      keyword: "additionalProperties",
      instancePath: "/securite",
      params: { additionalProperty: "filtre" },
    });
  });

  it("rejects a wrong enum value", () => {
    expectError(EXAMPLE_9.replace("type: college", "type: collège"), { keyword: "enum", instancePath: "/type" });
    expectError(EXAMPLE_9.replace("categorie: poste_fixe", "categorie: ordinateur"), { keyword: "enum", instancePath: "/equipements/0/categorie" });
    expectError(COLLECTIVITE.replace("competences: [colleges]", "competences: [college]"), { keyword: "enum", instancePath: "/competences/0" });
    expectError(COLLECTIVITE.replace("acteur: agent_batiment", "acteur: agent"), { keyword: "enum", instancePath: "/maintenance/niveau_0/acteur" });
    expectError(CONVENTION.replace("role: chef_etablissement", "role: principal"), { keyword: "enum", instancePath: "/signatures/1/role" });
  });

  it("rejects a number where a code string is expected", () => {
    expectError(EXAMPLE_9.replace('academie: "14"', "academie: 14"), { keyword: "type", instancePath: "/academie", params: { type: "string" } });
    expectError(EXAMPLE_9.replace('code_insee: "35168"', "code_insee: 35168"), { keyword: "type", instancePath: "/commune/code_insee" });
    expectError(COLLECTIVITE.replace('code_insee: "35"', "code_insee: 35"), { keyword: "type", instancePath: "/code_insee" });
    expectError(ACADEMIE.replace('departement: "35"', "departement: 35"), { keyword: "type", instancePath: "/dsden/0/departement" });
  });

  it("rejects malformed codes and identifiers", () => {
    expectError(EXAMPLE_9.replace('uai: "0358017Z"', 'uai: "0358017z"'), { keyword: "pattern", instancePath: "/uai" });
    expectError(EXAMPLE_9.replace('academie: "14"', 'academie: "014"'), { keyword: "pattern", instancePath: "/academie" });
    expectError(EXAMPLE_9.replace("collectivite: dep-35", "collectivite: Dep_35"), { keyword: "pattern", instancePath: "/collectivite" });
    expectError(ACADEMIE.replace('departement: "35"', 'departement: "20"'), { keyword: "pattern", instancePath: "/dsden/0/departement" });
    expectError(CONVENTION.replace("etablissement:0358017Z]", "etab:0358017Z]"), { keyword: "pattern", instancePath: "/parties/1" });
    expectError(EXAMPLE_9.replace("ce.0358017z@ac-rennes.fr", "ce.0358017z"), { keyword: "pattern", instancePath: "/direction/chef/courriel" });
  });

  it("rejects a date that does not exist", () => {
    expectError(CONVENTION.replace('debut: "2024-09-01"', 'debut: "2024-02-30"'), { keyword: "format", instancePath: "/debut" });
    expectError(CONVENTION.replace('date: "2024-09-12"', 'date: "12/09/2024"'), { keyword: "format", instancePath: "/signatures/0/date" });
  });

  it("rejects a missing required key", () => {
    expectError(EXAMPLE_9.replace("nom: Collège du Querpon\n", ""), { keyword: "required", instancePath: "", params: { missingProperty: "nom" } });
    expectError(`{kind: academie, nom: Rennes}`, { keyword: "required", params: { missingProperty: "code" } });
    expectError(CONVENTION.replace("date: null", "signataire: X"), { keyword: "required", instancePath: "/signatures/1", params: { missingProperty: "date" } });
    expectError(EXAMPLE_9.replace("{ filtrage: true }", "{}"), { keyword: "required", instancePath: "/securite", params: { missingProperty: "filtrage" } });
  });

  it("requires prestataire when acteur: prestataire", () => {
    expectError(COLLECTIVITE.replace('prestataire: "Société Exemple", ', ""), {
      keyword: "required",
      instancePath: "/maintenance/niveau_3",
      params: { missingProperty: "prestataire" },
    });
  });

  it("requires age_max_ans when mode: systematique", () => {
    expectError(COLLECTIVITE.replace("{ mode: systematique, age_max_ans: 6 }", "{ mode: systematique }"), {
      keyword: "required",
      instancePath: "/renouvellement",
      params: { missingProperty: "age_max_ans" },
    });
    expectValid(COLLECTIVITE.replace("{ mode: systematique, age_max_ans: 6 }", "{ mode: appel_a_projets }"));
  });

  it("requires collectivite for a public établissement (statut defaults to public)", () => {
    const sans = EXAMPLE_9.replace("collectivite: dep-35\n", "");
    expectError(sans, { keyword: "required", instancePath: "", params: { missingProperty: "collectivite" } });
    expectError(sans.replace("type: college", "type: college\nstatut: public"), { keyword: "required", params: { missingProperty: "collectivite" } });
    expectValid(sans.replace("type: college", "type: college\nstatut: prive"));
  });

  it("rejects a convention with fewer than two parties", () => {
    expectError(CONVENTION.replace("parties: [collectivite:dep-35, etablissement:0358017Z]", "parties: [collectivite:dep-35]"), {
      keyword: "minItems",
      instancePath: "/parties",
    });
  });

  it("rejects out-of-range numbers", () => {
    expectError(EXAMPLE_9.replace("nombre: 60", "nombre: -1"), { keyword: "minimum", instancePath: "/equipements/0/nombre" });
    expectError(EXAMPLE_9.replace("nombre: 60", "nombre: 1.5"), { keyword: "type", instancePath: "/equipements/0/nombre" });
    expectError(ACADEMIE.replace("niveaux: [2, 3]", "niveaux: [2, 4]"), { keyword: "maximum", instancePath: "/maintenance_residuelle/niveaux/1" });
  });

  it("accepts a role set to null but not to a string", () => {
    expectValid(EXAMPLE_9.replace("{ vacant: true }", "~"));
    expectError(EXAMPLE_9.replace("{ vacant: true }", "Karim Benali"), { keyword: "type", instancePath: "/referent_technique" });
  });

  it("rejects a document whose kind does not match its schema", () => {
    expect(check("convention", parse(EXAMPLE_9))).toContainEqual(expect.objectContaining({ keyword: "const", instancePath: "/kind" }));
  });

  it("rejects invalid configs", () => {
    expectError(`rules: { filtrage-absent: warn }`, { keyword: "enum" }, "config");
    expectError(`rules: { filtrage-absent: [warning, { a: 1 }, 3] }`, { keyword: "maxItems" }, "config");
    expectError(`rules: { filtrage-absent: [] }`, { keyword: "minItems" }, "config");
    expectError(`rules: { Filtrage: off }`, { keyword: "pattern" }, "config");
    expectError(`auditDate: "2026-13-01"`, { keyword: "format", instancePath: "/auditDate" }, "config");
    expectError(`report: { format: pdf }`, { keyword: "enum", instancePath: "/report/format" }, "config");
    expectError(`limits: { maxDepth: 0 }`, { keyword: "minimum", instancePath: "/limits/maxDepth" }, "config");
    expectError(`regles: {}`, { keyword: "additionalProperties", params: { additionalProperty: "regles" } }, "config");
  });
});

describe("documentation of the schemas", () => {
  /** Every definition, property and item schema must carry a French title and description. */
  function undocumented(node: unknown, path: string, named: boolean, out: string[]): void {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return;
    const s = node as Json;
    const isBareRef = Object.keys(s).length === 1 && "$ref" in s;
    if (named || (!isBareRef && ("properties" in s || "type" in s))) {
      for (const k of ["title", "description"]) {
        if (typeof s[k] !== "string" || !(s[k] as string).trim()) out.push(`${path} (${k})`);
      }
    }
    for (const key of ["$defs", "properties"]) {
      const map = s[key] as Json | undefined;
      if (map) for (const [k, v] of Object.entries(map)) undocumented(v, `${path}/${key}/${k}`, true, out);
    }
    if (s.items) undocumented(s.items, `${path}/items`, false, out);
    if (Array.isArray(s.prefixItems)) s.prefixItems.forEach((v, i) => undocumented(v, `${path}/prefixItems/${i}`, false, out));
    if (typeof s.additionalProperties === "object") undocumented(s.additionalProperties, `${path}/additionalProperties`, false, out);
    // anyOf branches, if/then and patternProperties are structural: not walked.
  }

  it.each(FILES)("%s.schema.json documents every definition and property", (f) => {
    const missing: string[] = [];
    undocumented(schemas[f], f, true, missing);
    expect(missing).toEqual([]);
  });

  it("closes every object schema, with x_ keys free in documents", () => {
    const problems: string[] = [];
    const walk = (node: unknown, path: string, inDocument: boolean): void => {
      if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}/${i}`, inDocument));
      if (typeof node !== "object" || node === null) return;
      const s = node as Json;
      // `rules:` stays open for local rules (`plugins:`), and so do its generated per-rule entries: the engine checks
      // rule ids and options itself, with messages that name the rule and its options (src/rules/config-schema.ts).
      if (s.properties && !path.includes("/if") && !path.includes("/then") && !path.startsWith("config/properties/rules")) {
        if (s.additionalProperties !== false) problems.push(`${path}: additionalProperties`);
        if (inDocument && JSON.stringify(s.patternProperties) !== JSON.stringify({ "^x_": {} })) problems.push(`${path}: patternProperties`);
      }
      for (const [k, v] of Object.entries(s)) if (k !== "enum" && k !== "const" && k !== "examples") walk(v, `${path}/${k}`, inDocument);
    };
    for (const f of FILES) walk(schemas[f], f, f !== "config");
    expect(problems).toEqual([]);
  });
});

describe("generated types", () => {
  it("src/generated/types.ts is up to date with the schemas", async () => {
    const modUrl = pathToFileURL(`${ROOT}scripts/gen-types.mjs`).href;
    const { checkTypes } = (await import(modUrl)) as { checkTypes: () => Promise<{ upToDate: boolean; expected: string }> };
    const { upToDate, expected } = await checkTypes();
    expect(upToDate, "lancez `npm run gen`").toBe(true);
    for (const name of ["Academie", "Collectivite", "Etablissement", "Convention", "GouvnumConfig", "Personne", "Maintenance", "NiveauMaintenance", "Instance"]) {
      expect(expected).toMatch(new RegExp(`^export interface ${name} \\{`, "m"));
    }
    expect(expected.startsWith("// Fichier généré par scripts/gen-types.mjs — ne pas modifier à la main.")).toBe(true);
  });
});

describe("format date : un jour qui existe", () => {
  it("même réponse que le calendrier de Date sur 12 années (siècles, bissextiles, an 0) × 14 mois × 33 jours", () => {
    const byDate = (s: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    };
    let checked = 0;
    for (const y of [0, 1, 4, 100, 200, 400, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          expect(isCalendarDate(s), s).toBe(byDate(s));
          checked++;
        }
      }
    }
    expect(checked).toBe(12 * 14 * 33);
    for (const s of ["2024-02-29", "2000-02-29"]) expect(isCalendarDate(s)).toBe(true);
    for (const s of ["2025-02-29", "1900-02-29", "2025-02-30", "2025-13-01", "2025-1-01", "2025-01-01T00:00:00Z", ""]) expect(isCalendarDate(s)).toBe(false);
  });
});
