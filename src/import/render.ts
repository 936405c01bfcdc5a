// Import: the YAML text of the files gouvnum writes — schema modeline, quoted codes, nothing a user must reformat.
import { stringify } from "yaml";
import type { AnnuaireEtablissement, CollectiviteRef } from "./classify.js";

/** Where the schemas are copied in a territory repository, so that `$schema` lines work offline. */
export const SCHEMAS_DIR = ".gouvnum/schemas";

/** `# yaml-language-server: $schema=…` for a file at `fileRel` (relative to the repository root, `/`-separated). */
export function modeline(fileRel: string, kind: string): string {
  const depth = fileRel.split("/").length - 1;
  const up = depth === 0 ? "" : "../".repeat(depth);
  return `# yaml-language-server: $schema=${up}${SCHEMAS_DIR}/${kind}.schema.json`;
}

/** A string as a double-quoted YAML scalar (JSON strings are valid YAML double-quoted scalars). */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/**
 * A string as a YAML scalar: plain when YAML 1.2 reads it back as the same string (in a flow
 * collection, also without `,[]{}`), else double-quoted.
 */
export function scalar(value: string, inFlow = false): string {
  if (value === "" || /[\n\r\t]/.test(value) || value !== value.trim()) return quoted(value);
  if (inFlow && /[,[\]{}]/.test(value)) return quoted(value);
  const out = stringify(value, { lineWidth: 0, version: "1.2" }).replace(/\n$/, "");
  if (out !== value || out.includes("\n")) return quoted(value);
  return out;
}

export interface RenderedFile {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  content: string;
}

/** The file path of an établissement. */
export function etablissementPath(uai: string): string {
  return `etablissements/${uai}.yaml`;
}

export function collectivitePath(id: string): string {
  return `collectivites/${id}.yaml`;
}

/** A new établissement file. `collectivite` is the id to reference (an existing collectivité may have another id than the stub's). */
export function renderEtablissement(e: AnnuaireEtablissement, collectivite: string | undefined, header: string): string {
  const path = etablissementPath(e.uai);
  const lines = [
    modeline(path, "etablissement"),
    header,
    "kind: etablissement",
    `uai: ${quoted(e.uai)}`,
    `nom: ${scalar(e.nom)}`,
    `type: ${e.type}`,
    `statut: ${e.statut}`,
    `academie: ${quoted(e.academie)}`,
  ];
  if (e.commune) {
    lines.push("commune:", `  code_insee: ${quoted(e.commune.code_insee)}`);
    if (e.commune.nom) lines.push(`  nom: ${scalar(e.commune.nom)}`);
  }
  if (collectivite) lines.push(`collectivite: ${collectivite}`);
  const f = e.fields;
  if (f.circonscription_nom) lines.push(`circonscription_nom: ${scalar(f.circonscription_nom)}`);
  if (e.tutelle) lines.push(`tutelle: ${scalar(e.tutelle)}`);
  if (f.effectif !== undefined) lines.push(`effectif: ${f.effectif}`);
  if (f.localisation) lines.push("localisation:", `  latitude: ${f.localisation.latitude}`, `  longitude: ${f.localisation.longitude}`);
  if (f.contact) {
    lines.push("contact:");
    if (f.contact.courriel) lines.push(`  courriel: ${scalar(f.contact.courriel)}`);
    if (f.contact.telephone) lines.push(`  telephone: ${quoted(f.contact.telephone)}`);
  }
  if (f.education_prioritaire) lines.push(`education_prioritaire: ${f.education_prioritaire}`);
  if (f.bassin) {
    lines.push("bassin:");
    if (f.bassin.code) lines.push(`  code: ${quoted(f.bassin.code)}`);
    lines.push(`  nom: ${scalar(f.bassin.nom)}`);
  }
  return lines.join("\n") + "\n";
}

/** A collectivité stub: the required keys, and a comment saying what to fill in. */
export function renderCollectivite(
  c: Pick<CollectiviteRef, "id" | "code" | "nom" | "academie"> & { type: string; competences?: readonly string[] },
  header: string,
): string {
  return (
    [
      modeline(collectivitePath(c.id), "collectivite"),
      header,
      "kind: collectivite",
      `id: ${c.id}`,
      `type: ${c.type}`,
      `nom: ${scalar(c.nom)}`,
      `code_insee: ${quoted(c.code)}`,
      `academie: ${quoted(c.academie)}`,
      ...(c.competences ? [`competences: [${c.competences.join(", ")}]`] : []),
    ].join("\n") + "\n"
  );
}
