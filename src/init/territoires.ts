// Init: collectivités checked against the official list of communes and the académie's territory; the
// special territories' collectivités (Ville de Paris, Saint-Barthélemy, Saint-Martin; none for Mayotte's EPLE).
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { ACADEMIES } from "../core/domain.js";
import { ACADEMIE_REGION, DEPARTEMENTS } from "../import/geo.js";
import { normalizeCommune } from "../import/geo.js";
import { academieOfDepartement, type CommuneTable } from "../import/communes.js";
import { ALSACE, COM_ANTILLES, METROPOLE_LYON, PARIS } from "../import/special.js";
import type { CollectiviteSpec } from "./scaffold.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);
const nomAcademie = (code: string) => `${ACADEMIES[code] ?? code} (${code})`;

export const VILLE_DE_PARIS: CollectiviteSpec = { id: PARIS.id, type: "collectivite_unique", code: PARIS.code, nom: PARIS.nom, competences: [...PARIS.competences] };

/** The Collectivité européenne d'Alsace: the collectivité of the Bas-Rhin's and the Haut-Rhin's collèges since 2021. */
export const COLLECTIVITE_ALSACE: CollectiviteSpec = { id: ALSACE.id, type: "departement", code: ALSACE.code, nom: ALSACE.nom };

/** The Métropole de Lyon: the collèges of its 58 communes. */
export const METROPOLE_DE_LYON: CollectiviteSpec = { id: METROPOLE_LYON.id, type: "metropole", code: METROPOLE_LYON.code, nom: METROPOLE_LYON.nom };

/** The collectivité that holds a département's competences today: the Ville de Paris for 75, the CEA for 67 and 68. */
export function collectiviteOfDepartement(spec: CollectiviteSpec): CollectiviteSpec {
  if (spec.type !== "departement") return spec;
  if (spec.code === "75") return VILLE_DE_PARIS;
  if ((ALSACE.departements as readonly string[]).includes(spec.code)) return COLLECTIVITE_ALSACE;
  return spec;
}

/** Saint-Barthélemy and Saint-Martin as collectivités (écoles, collèges and lycées). */
export function comAntilles(dep: "977" | "978"): CollectiviteSpec {
  const c = COM_ANTILLES[dep];
  return { id: c.id, type: "collectivite_unique", code: c.code, nom: c.nom, competences: ["ecoles", "colleges", "lycees"] };
}

/** A commune code checked against the official list: the spec to write (real name; the Ville de Paris for Paris), or the reason it is refused. */
export function communeSpec(raw: string, academie: string | undefined, communes: CommuneTable, nom?: string): { spec: CollectiviteSpec; note?: string } | { error: string } {
  const code = normalizeCommune(raw);
  const official = code ? communes.get(code) : undefined;
  if (!code || !official) return { error: t("init.commune.inconnue", { code: raw.trim(), suggestion: "" }) };
  let target = official;
  let note: string | undefined;
  if (official.commune) {
    const parent = communes.get(official.commune.code);
    if (parent) {
      // An arrondissement (Paris, Lyon, Marseille), a commune déléguée or associée: the collectivité is the commune.
      if (official.commune.type !== "arrondissement") {
        note = t("init.commune.deleguee", { code, nom: official.nom, parentCode: parent.code, parentNom: parent.nom });
      }
      target = parent;
    }
  }
  if (academie && target.academie !== academie) {
    return {
      error: t("init.commune.autreAcademie", {
        code: target.code,
        nom: target.nom,
        departement: target.departement,
        academieCommune: target.academie ? nomAcademie(target.academie) : "— (hors des 30 académies)",
        academie: nomAcademie(academie),
      }),
    };
  }
  if (target.code === PARIS.code) return { spec: VILLE_DE_PARIS, note };
  const com = COM_ANTILLES[target.departement];
  if (com && target.code === com.code) return { spec: comAntilles(target.departement as "977" | "978"), note };
  return { spec: { id: `commune-${target.code.toLowerCase()}`, type: "commune", code: target.code, nom: nom?.trim() || target.nom }, note };
}

/**
 * Checks the collectivités given on the command line against the académie: communes against the official
 * list (real names filled in), départements and régions against the académie's territory. Returns the specs
 * to write and notes to print, or throws the first reason as a usage message (through `fail`).
 */
export function checkCollectivites(
  specs: readonly CollectiviteSpec[],
  raw: readonly string[],
  academie: string,
  communes: CommuneTable,
  fail: (message: string) => never,
): { specs: CollectiviteSpec[]; notes: string[] } {
  const out: CollectiviteSpec[] = [];
  const notes: string[] = [];
  specs.forEach((s, i) => {
    const valeur = raw[i] ?? `${s.type}:${s.code}`;
    if (s.type === "commune") {
      const parts = raw[i]?.split(":");
      const given = parts?.slice(2).join(":");
      const r = communeSpec(parts?.[1]?.trim() || s.code, academie, communes, given || undefined);
      if ("error" in r) fail(t("init.erreur.collectiviteCommune", { valeur, raison: r.error }));
      out.push(r.spec);
      if (r.note) notes.push(r.note);
      return;
    }
    let academieCollectivite: string | undefined;
    if (s.type === "departement") academieCollectivite = academieOfDepartement(s.code);
    else if (s.type === "region") academieCollectivite = Object.keys(ACADEMIE_REGION).find((a) => ACADEMIE_REGION[a] === s.code && a === academie) ?? Object.keys(ACADEMIE_REGION).find((a) => ACADEMIE_REGION[a] === s.code);
    if (academieCollectivite && academieCollectivite !== academie) {
      fail(t("init.erreur.collectiviteAcademie", { valeur, nom: s.nom, academieCollectivite: nomAcademie(academieCollectivite), academie: nomAcademie(academie) }));
    }
    // Paris as a département is the Ville de Paris (commune and département at once); the Bas-Rhin and the
    // Haut-Rhin are the Collectivité européenne d'Alsace (said once, even when both are given).
    const actual = collectiviteOfDepartement(s);
    if (actual !== s && actual !== VILLE_DE_PARIS) notes.push(t("init.collectivite.remplacee", { valeur, nom: actual.nom }));
    if (!out.some((o) => o.id === actual.id)) out.push(actual);
  });
  return { specs: out, notes };
}

/** Whether a département belongs to the académie (for the choices offered). */
export function departementInAcademie(dep: string, academie: string): boolean {
  return DEPARTEMENTS[dep]?.academie === academie;
}
