// Init: the files of a new territory repository — config, académie, collectivités, CI workflow, editor settings, schemas.
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { GouvnumError } from "../core/errors.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../validate/ajv.js";
import {
  ACADEMIE_REGION,
  COLLECTIVITES_UNIQUES,
  DEPARTEMENTS,
  REGIONS,
  academieName,
  collectivitePath,
  departementsOf,
  modeline,
  normalizeCommune,
  normalizeDepartement,
  normalizeRegion,
  quoted,
  readText,
  renderCollectivite,
  scalar,
  SCHEMAS_DIR,
} from "../import/index.js";
import { CI_OUTPUTS, ciFiles, defaultInstallSource, renderGithubWorkflow, type CiKind } from "./ci-templates.js";

import { METROPOLE_DE_LYON, collectiviteOfDepartement, comAntilles } from "./territoires.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

export const COLLECTIVITE_TYPES = ["commune", "epci", "departement", "region", "collectivite_unique", "metropole"] as const;
export type CollectiviteType = (typeof COLLECTIVITE_TYPES)[number];

/** A collectivité to describe: enough to write its file. */
export interface CollectiviteSpec {
  id: string;
  type: CollectiviteType;
  code: string;
  nom: string;
  /** Written when the type's default does not fit (Ville de Paris, Saint-Barthélemy, Saint-Martin). */
  competences?: Array<"ecoles" | "colleges" | "lycees">;
}

export interface InitAnswers {
  academie: string;
  collectivites: CollectiviteSpec[];
  ci: boolean;
  editor: boolean;
  /** An annuaire CSV to import (path as typed). */
  annuaire?: string;
  /** Which CI file when `ci` (default: GitHub Actions). */
  ciKind?: Exclude<CiKind, "none">;
}

/** The baseline `init --annuaire` writes with the imported gaps, which the generated CI uses. */
export const INIT_BASELINE = ".gouvnum/baseline.json";

const TYPE_ALIASES: Record<string, CollectiviteType> = {
  commune: "commune",
  epci: "epci",
  departement: "departement",
  dep: "departement",
  region: "region",
  collectivite_unique: "collectivite_unique",
  ctu: "collectivite_unique",
  metropole: "metropole",
};

const PREFIX: Record<CollectiviteType, string> = {
  commune: "commune",
  epci: "epci",
  departement: "dep",
  region: "region",
  collectivite_unique: "ctu",
  metropole: "metropole",
};

/** A collectivité from its type and code (name defaulted from the tables when not given); undefined when the code does not fit the type. */
export function collectiviteSpec(type: CollectiviteType, rawCode: string, nom?: string): CollectiviteSpec | undefined {
  let code: string | undefined;
  let defaultName: string | undefined;
  switch (type) {
    case "commune":
      code = normalizeCommune(rawCode);
      defaultName = code && `Commune ${code}`;
      break;
    case "departement":
      code = normalizeDepartement(rawCode);
      defaultName = code && DEPARTEMENTS[code]?.nom;
      break;
    case "region":
      code = normalizeRegion(rawCode);
      defaultName = code && `Région ${REGIONS[code]}`;
      break;
    case "collectivite_unique":
      code = normalizeRegion(rawCode) ?? (/^[0-9A-Z]{2,9}$/.test(rawCode.toUpperCase()) ? rawCode.toUpperCase() : undefined);
      defaultName = code && (COLLECTIVITES_UNIQUES[code] ?? `Collectivité ${code}`);
      break;
    case "epci":
    case "metropole":
      code = /^[0-9]{9}$/.test(rawCode.trim()) ? rawCode.trim() : undefined;
      defaultName = code && `${type === "epci" ? "EPCI" : "Métropole"} ${code}`;
      break;
  }
  if (!code) return undefined;
  return { id: `${PREFIX[type]}-${code.toLowerCase()}`, type, code, nom: nom?.trim() || defaultName || code };
}

/** `--collectivite type:code[:nom]` (e.g. `departement:35`, `commune:35238:Rennes`). */
export function parseCollectiviteOption(value: string): CollectiviteSpec {
  const [rawType = "", rawCode = "", ...rest] = value.split(":");
  const type = TYPE_ALIASES[rawType.trim().toLowerCase()];
  const spec = type ? collectiviteSpec(type, rawCode, rest.join(":")) : undefined;
  if (!spec) throw new GouvnumError("usage", { detail: t("init.erreur.collectivite", { valeur: value }) });
  return spec;
}

/**
 * The collectivités of an académie's établissements: its région (or collectivité unique) and its départements.
 * Special territories: Paris' département is the Ville de Paris (écoles and collèges); the Bas-Rhin and the
 * Haut-Rhin are the Collectivité européenne d'Alsace; the Métropole de Lyon sits beside the Rhône; Mayotte's collèges and
 * lycées are the State's (no collectivité: `collectivite: etat`); Guadeloupe's académie also covers
 * Saint-Barthélemy and Saint-Martin.
 */
export function defaultCollectivites(academie: string): CollectiviteSpec[] {
  if (academie === "43") return [];
  const region = ACADEMIE_REGION[academie];
  if (region && COLLECTIVITES_UNIQUES[region]) return [collectiviteSpec("collectivite_unique", region)!];
  const out: CollectiviteSpec[] = [];
  if (region) out.push(collectiviteSpec("region", region)!);
  for (const d of departementsOf(academie)) {
    const c = collectiviteOfDepartement(collectiviteSpec("departement", d)!);
    if (!out.some((o) => o.id === c.id)) out.push(c);
    // The Rhône's collèges are shared: the Métropole de Lyon has those of its communes.
    if (d === "69") out.push(METROPOLE_DE_LYON);
  }
  if (academie === "32") out.push(comAntilles("977"), comAntilles("978"));
  return out;
}

/** A file init writes, and what it will do with it. */
export interface InitFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  content: string;
  /** create: new; identical: already there with this content; skip: there and different; replace: there and different, --force. */
  status: "create" | "identical" | "skip" | "replace";
}

export interface InitOptions {
  /** Repository root (absolute). */
  root: string;
  answers: InitAnswers;
  force?: boolean;
  /** The gouvnum version the CI workflow installs. */
  version: string;
  /** What the CI installs (npm spec, git URL, `./.gouvnum/x.tgz`); default `gouvnum@<version>`. */
  installSource?: string;
}

function renderConfig(academie: string, ci: boolean): string {
  const lines = [
    modeline("gouvnum.config.yaml", "config"),
    t("init.entete.config"),
    t("init.config.auditDate"),
    t("init.config.rules"),
    t("init.config.rulesExemple"),
  ];
  if (ci) lines.push(t("init.config.ignore"), "ignore:", `  - ${quoted(".github/**")}`, `  - ${quoted(".gitlab-ci.yml")}`);
  lines.push("report:", `  title: ${scalar(t("init.config.titre", { academie: academieName(academie) }))}`);
  return lines.join("\n") + "\n";
}

function renderAcademie(code: string): string {
  const region = REGIONS[ACADEMIE_REGION[code]];
  return (
    [
      modeline("academie.yaml", "academie"),
      t("init.entete.academie"),
      "kind: academie",
      `code: ${quoted(code)}`,
      `nom: ${scalar(academieName(code))}`,
      ...(region ? [`region_academique: ${scalar(region)}`] : []),
      ...(code === "43" ? [t("init.mayotte.etat")] : []),
      "recteur:",
      `  fonction: ${scalar(t("init.academie.recteur"))}`,
      "dan:",
      `  fonction: ${scalar(t("init.academie.dan"))}`,
      "dsi:",
      "  responsable:",
      `    fonction: ${scalar(t("init.academie.dsi"))}`,
      // RGPD art. 37(1)(a): every académie designates a DPD (academie-dpd-absent is an error).
      "dpd:",
      `  fonction: ${scalar(t("init.academie.dpd"))}`,
    ].join("\n") + "\n"
  );
}

/** The GitHub Actions workflow for a version (see ./ci-templates.ts). */
export function renderWorkflow(version: string): string {
  return renderGithubWorkflow({ installSource: defaultInstallSource(version) });
}

/** VS Code: the schemas mapped to the files (for files without a \`$schema\` line), validation and completion on. */
export function renderVscodeSettings(): string {
  const s = (kind: string) => `./${SCHEMAS_DIR}/${kind}.schema.json`;
  const settings = {
    "yaml.schemas": {
      [s("academie")]: ["academie.yaml", "academie.yml"],
      [s("collectivite")]: ["collectivites/**/*.yaml", "collectivites/**/*.yml"],
      [s("etablissement")]: ["etablissements/**/*.yaml", "etablissements/**/*.yml"],
      [s("convention")]: ["conventions/**/*.yaml", "conventions/**/*.yml"],
      [s("config")]: ["gouvnum.config.yaml", "gouvnum.config.yml"],
    },
    "yaml.validate": true,
    "yaml.completion": true,
    "yaml.hover": true,
    "yaml.schemaStore.enable": false,
    "files.encoding": "utf8",
    "[yaml]": { "editor.insertSpaces": true, "editor.tabSize": 2, "editor.autoIndent": "keep" },
  };
  return JSON.stringify(settings, null, 2) + "\n";
}

const GITIGNORE = [
  "node_modules/",
  ...Object.values(CI_OUTPUTS).filter((f) => !f.startsWith("rapport-")),
  "rapport-*.html",
  "rapport-*.md",
  "rapport-*.pdf",
  ".npm/",
  "public/",
  "",
].join("\n");

async function isEmptyDir(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch {
    return true;
  }
}

/** Plans the repository: every file with what will happen to it. Reads, never writes. */
export async function planInit(o: InitOptions): Promise<InitFile[]> {
  const { answers } = o;
  const wanted: Array<{ path: string; content: string }> = [
    { path: "gouvnum.config.yaml", content: renderConfig(answers.academie, answers.ci) },
    { path: "academie.yaml", content: renderAcademie(answers.academie) },
  ];
  const seen = new Set<string>();
  for (const c of answers.collectivites) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    wanted.push({ path: collectivitePath(c.id), content: renderCollectivite({ ...c, academie: answers.academie }, t("init.entete.collectivite")) });
  }
  for (const dir of ["collectivites", "etablissements", "conventions"]) {
    const willHaveFiles = wanted.some((w) => w.path.startsWith(`${dir}/`)) || (dir === "etablissements" && answers.annuaire);
    if (!willHaveFiles && (await isEmptyDir(join(o.root, dir)))) wanted.push({ path: `${dir}/.gitkeep`, content: "" });
  }
  for (const f of SCHEMA_FILES) wanted.push({ path: `${SCHEMAS_DIR}/${f}`, content: readFileSync(join(SCHEMA_DIR, f), "utf8") });
  if (answers.ci) {
    const installSource = o.installSource ?? defaultInstallSource(o.version);
    wanted.push(...ciFiles(answers.ciKind ?? "github", { installSource, ...(answers.annuaire ? { baseline: INIT_BASELINE } : {}) }));
  }
  if (answers.editor) {
    wanted.push({ path: ".vscode/settings.json", content: renderVscodeSettings() });
    wanted.push({ path: ".vscode/extensions.json", content: JSON.stringify({ recommendations: ["redhat.vscode-yaml"] }, null, 2) + "\n" });
  }
  wanted.push({ path: ".gitignore", content: GITIGNORE });

  const out: InitFile[] = [];
  for (const w of wanted) {
    const current = await readText(join(o.root, w.path));
    let status: InitFile["status"] = "create";
    if (!("error" in current) || current.code !== "ENOENT") {
      status = !("error" in current) && current.text === w.content ? "identical" : o.force ? "replace" : "skip";
    }
    out.push({ ...w, status });
  }
  return out;
}
