// Report section « carte »: the établissements on a map of the territory's départements, coloured and shaped by
// status, with its text alternative (the same counts by département).
import type { EtablissementEntity } from "../../model/territory.js";
import { mapSvg, type Point, type Statut } from "../carte.js";
import type { ReportContext } from "../context.js";
import { label, nombre, plural } from "../text.js";
import type { CarteDepartementVM, CarteVM, EtablissementVM, RapportVM } from "../vm-types.js";

/** Where an établissement is, when its document says so (`localisation: { latitude, longitude }`, WGS 84). */
export function localisationOf(e: EtablissementEntity): { latitude: number; longitude: number } | undefined {
  const l = e.data.localisation;
  if (!l || !Number.isFinite(l.latitude) || !Number.isFinite(l.longitude)) return undefined;
  if (Math.abs(l.latitude) > 90 || Math.abs(l.longitude) > 180) return undefined;
  return { latitude: l.latitude, longitude: l.longitude };
}

export function statutOf(vm: EtablissementVM): Statut {
  return vm.totaux.erreurs > 0 ? "erreurs" : vm.totaux.avertissements > 0 ? "avertissements" : "sansEcart";
}

const STATUTS: Statut[] = ["sansEcart", "avertissements", "erreurs"];

export function buildCarte(ctx: ReportContext): Partial<RapportVM> {
  const points: Point[] = [];
  const byDep = new Map<string, CarteDepartementVM>();
  const totals = { sansEcart: 0, avertissements: 0, erreurs: 0 };
  let sansLocalisation = 0;
  for (const e of ctx.etabs) {
    const vm = ctx.etablissements.get(e.ref)!;
    const statut = statutOf(vm);
    const dep = ctx.departement(e);
    const code = dep ?? "?";
    let row = byDep.get(code);
    if (!row) byDep.set(code, (row = { code, nom: dep ? ctx.departementNom(dep) : label("departementInconnu"), sansEcart: 0, avertissements: 0, erreurs: 0, total: 0, sansLocalisation: 0 }));
    row[statut]++;
    row.total++;
    totals[statut]++;
    const loc = localisationOf(e);
    if (loc) points.push({ departement: dep, ...loc, statut });
    else {
      row.sansLocalisation++;
      sansLocalisation++;
    }
  }
  const departements = [...byDep.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const legende = STATUTS.map((s) => ({ statut: s, libelle: label(`carte.statut.${s}`, { n: nombre.format(totals[s]) }), nombre: totals[s] }));
  const titre = label("carte.titre");
  const description =
    points.length === 0
      ? label("carte.vide")
      : label("carte.description", {
          etablissements: plural(points.length, "établissement", "établissements"),
          departements: departements.map((d) => d.nom).join(", "),
          details: legende.map((l) => l.libelle).join(", "),
        });
  const svg = mapSvg({
    id: "carte",
    titre,
    description,
    codes: departements.map((d) => d.code).filter((c) => c !== "?"),
    points,
    legende: legende.map((l) => ({ statut: l.statut, libelle: l.libelle })),
    echelle: (km) => label("carte.echelle", { km }),
  });
  const carte: CarteVM = {
    titre,
    svg,
    description,
    legende,
    localises: points.length,
    sansLocalisation,
    sansLocalisationTexte: sansLocalisation === 0 ? null : label(sansLocalisation === 1 ? "carte.sansLocalisationUn" : "carte.sansLocalisation", { n: nombre.format(sansLocalisation) }),
    source: label("carte.source"),
    departements,
  };
  return { carte };
}
