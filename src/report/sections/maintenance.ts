// Report section « maintenance »: who holds each level (0–3) — by collectivité, aggregated by type of collectivité —
// the coverage of each level, and the collectivités whose levels are unclear, by name.
import { NIVEAUX } from "../../model/territory.js";
import type { ReportContext } from "../context.js";
import { actorLabel, cmp, COLLECTIVITE_ORDER, label, percentText, ratio } from "../text.js";
import type { CelluleMaintenanceVM, CouvertureVM, EtablissementVM, LigneMaintenanceVM, NiveauVM, RapportVM } from "../vm-types.js";

/** At most this many collectivités with unclear levels are named (about a page). */
const FLOUES_MAX = 60;

export function matrixCell(niveau: number, etabs: readonly EtablissementVM[]): CelluleMaintenanceVM {
  const total = etabs.length;
  const counts = new Map<string, number>();
  let flous = 0;
  for (const e of etabs) {
    const n = e.niveaux[niveau];
    if (!n || !n.clair) flous++;
    else counts.set(n.acteur!, (counts.get(n.acteur!) ?? 0) + 1);
  }
  const acteurs = [...counts.entries()]
    .map(([acteur, nb]) => ({ acteur, libelle: actorLabel(acteur), nombre: nb }))
    .sort((a, b) => b.nombre - a.nombre || cmp(a.acteur, b.acteur));
  let texte: string;
  if (total === 0) texte = label("maintenance.cellule.aucun");
  else if (flous > 0) texte = flous === total ? label("flou") : label("maintenance.cellule.floue", { n: flous, d: total });
  else if (acteurs.length === 1) texte = acteurs[0].libelle;
  else texte = label("maintenance.cellule.varie");
  const showDetail = acteurs.length > 1 || (flous > 0 && acteurs.length > 0);
  const liste = acteurs.map((a) => label("maintenance.cellule.acteur", { acteur: a.libelle, n: a.nombre })).join(", ");
  const detail = !showDetail ? "" : flous > 0 ? label("maintenance.cellule.ailleurs", { acteurs: liste }) : liste;
  return { niveau, texte, flou: flous > 0, flous, total, acteurs, detail };
}

export function buildMaintenance(ctx: ReportContext): Partial<RapportVM> {
  const collectivites = ctx.got("collectivites");
  const niveaux: NiveauVM[] = NIVEAUX.map((n) => ({ niveau: n, libelle: label(`maintenance.niveau.${n}`), description: label(`maintenance.niveauDescription.${n}`) }));
  const withPublics = collectivites.filter((c) => c.etablissements.some((e) => e.public));
  const lignes: LigneMaintenanceVM[] = withPublics.map((c) => ({
    ref: c.ref,
    nom: c.nom,
    cellules: NIVEAUX.map((n) => matrixCell(n, c.etablissements.filter((e) => e.public))),
  }));
  const couverture: CouvertureVM[] = NIVEAUX.map((n) => {
    const clairs = ctx.publics.filter((e) => ctx.resolved.get(e.ref)![n].clair).length;
    const p = ratio(clairs, ctx.publics.length);
    return { niveau: n, libelle: label(`maintenance.niveau.${n}`), clairs, total: ctx.publics.length, pourcentage: p, pourcentageTexte: percentText(p) };
  });
  // Aggregated by type of collectivité.
  const byType = new Map<string, EtablissementVM[]>();
  for (const c of withPublics) {
    const l = byType.get(c.type) ?? [];
    l.push(...c.etablissements.filter((e) => e.public));
    byType.set(c.type, l);
  }
  const lignesType: LigneMaintenanceVM[] = [...byType.entries()]
    .sort(([a], [b]) => COLLECTIVITE_ORDER.indexOf(a) - COLLECTIVITE_ORDER.indexOf(b))
    .map(([type, ets]) => ({ ref: `type:${type}`, nom: label(`typeCollectivitePluriel.${type}`), cellules: NIVEAUX.map((n) => matrixCell(n, ets)) }));
  const floues = lignes
    .filter((l) => l.cellules.some((c) => c.flou))
    .map((l) => ({ nom: l.nom, niveaux: l.cellules.filter((c) => c.flou).map((c) => String(c.niveau)).join(", ") }))
    .sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
  return {
    maintenance: { niveaux, lignes, couverture, synthese: { lignes: lignesType, floues: floues.slice(0, FLOUES_MAX), flouesNonListees: Math.max(0, floues.length - FLOUES_MAX) } },
  };
}
