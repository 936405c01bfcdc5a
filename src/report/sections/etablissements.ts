// Report section « établissements »: one view per établissement (state of each indicator, maintenance, equipment,
// findings), the établissements without a known collectivité, and the one-page sheet of `--scope etablissement:<UAI>`.
import { hasSigned, isEple, isHeld, isInForce, isPublic, type EtablissementEntity, type Personne } from "../../model/territory.js";
import type { ReportContext } from "../context.js";
import { actorLabel, anchor, byConstat, countOf, dateText, label, messageHead, nombre, norm } from "../text.js";
import type { ConstatVM, ContactVM, EcartFicheVM, EtablissementVM, EtatVM, FicheVM, RapportVM } from "../vm-types.js";

const PERSON_ROLES = ["chef", "adjoint", "secretaire_general"] as const;

function contact(role: string, p: Personne | null | undefined): ContactVM | undefined {
  if (!isHeld(p) || !p) return undefined;
  return { role, nom: p.nom ?? null, fonction: p.fonction ?? null, courriel: p.courriel ?? null, telephone: p.telephone ?? null };
}

export function etat(v: boolean | null, texte?: string): EtatVM {
  return { valeur: v, texte: texte ?? (v === null ? label("nonApplicable") : v ? label("oui") : label("non")), classe: v === null ? "na" : v ? "oui" : "non" };
}

export function etablissementVM(ctx: ReportContext, e: EtablissementEntity): EtablissementVM {
  const d = e.data;
  const pub = isPublic(d);
  const eple = isEple(d);
  const niveaux = ctx.resolved.get(e.ref);
  const flous = niveaux?.filter((n) => !n.clair).map((n) => n.niveau) ?? [];
  const dev = ctx.devices.get(e.ref)!;
  const own = ctx.placement.byEntity.get(e.ref) ?? [];
  const conv = ctx.placement.conventionsByEtablissement.get(e.ref) ?? [];
  const list = [...own, ...conv].sort(byConstat);
  const contacts: ContactVM[] = [];
  for (const role of PERSON_ROLES) {
    const c = contact(role === "chef" && d.type === "ecole" ? label("role.directeurEcole") : label(`role.${role}`), d.direction?.[role]);
    if (c) contacts.push(c);
  }
  for (const key of ["referent_numerique", "referent_technique"] as const) {
    const c = contact(label(`role.${key}`), d[key]);
    if (c) contacts.push(c);
  }
  const typeLibelle = label(`typeEtablissement.${d.type}`);
  const parts = [typeLibelle + (pub ? "" : ` ${label("statut.prive")}`)];
  if (d.commune?.nom) parts.push(norm(d.commune.nom));
  if (d.effectif !== undefined) parts.push(label("etablissement.effectif", { n: nombre.format(d.effectif) }));
  return {
    ref: e.ref,
    uai: e.id,
    nom: norm(d.nom),
    titre: label("entite.etablissement", { nom: norm(d.nom), uai: e.id }),
    ancre: anchor("etablissement", e.id),
    type: d.type,
    typeLibelle,
    public: pub,
    statutLibelle: label(`statut.${pub ? "public" : "prive"}`),
    commune: d.commune?.nom ? norm(d.commune.nom) : null,
    effectif: d.effectif ?? null,
    description: parts.join(" · "),
    contacts,
    referentTechnique: etat(pub ? isHeld(d.referent_technique) : null),
    referentNumerique: etat(pub && eple ? isHeld(d.referent_numerique) : null),
    convention: etat(pub && eple ? ctx.covered.has(e.ref) : null),
    maintenance: !niveaux ? etat(null) : flous.length === 0 ? etat(true, label("etat.maintenanceClaire")) : etat(false, label("etat.maintenanceFloue", { niveaux: flous.join(", ") })),
    niveaux: (niveaux ?? []).map((n) => ({
      niveau: n.niveau,
      clair: n.clair,
      acteur: n.acteur ?? null,
      texte: n.clair ? actorLabel(n.acteur!) : `${label("flou")} (${label(`maintenance.raison.${n.raison ?? "indefini"}`)})`,
    })),
    equipements: {
      obsoletes: dev.obsoletes,
      total: dev.total,
      texte: dev.total === 0 ? label("etat.equipementsAucun") : label("etat.equipements", { n: nombre.format(dev.obsoletes), d: nombre.format(dev.total) }),
    },
    constats: list,
    totaux: countOf(list),
  };
}

/** A name for a ref in plain French (never an id): the entity's name, else the ref. */
export function refLabel(ctx: ReportContext, ref: string): string {
  const e = ctx.t.byRef.get(ref);
  if (!e) return ref;
  if (e.kind === "convention") return label(`typeConvention.${e.data.type}`);
  return norm(e.data.nom);
}

/** Per-gap lines of a sheet shown for one rule; the others are counted. */
const FICHE_CONSTATS_MAX = 4;

/**
 * The sheet's gaps: one line per rule, in the findings' order (severity first), with the first sentence of the rule's
 * « Pour corriger » once (its whole text is on the rule's page) and each finding as one line — what is missing and where.
 */
function ecarts(ctx: ReportContext, constats: readonly ConstatVM[], sujet: string, fichier: string | null): EcartFicheVM[] {
  const byRule = new Map<string, ConstatVM[]>();
  for (const c of constats) {
    const list = byRule.get(c.regle.id);
    if (list) list.push(c);
    else byRule.set(c.regle.id, [c]);
  }
  return [...byRule.values()].map((list) => {
    const r = list[0].regle;
    // One finding on the établissement itself: the rule's summary and fix say it all; only its line is given.
    const seul = list.length === 1 && list[0].entite === sujet;
    return {
      regle: r,
      severite: list[0].severite,
      severiteLibelle: list[0].severiteLibelle,
      ligne: seul ? label("constats.ligne", { ligne: list[0].ligne }) : null,
      constats: seul ? [] : list.slice(0, FICHE_CONSTATS_MAX).map((c) => ({
        detail: messageHead(c.message),
        entiteLibelle: c.entite === sujet ? null : refLabel(ctx, c.entite),
        emplacement: c.fichier === fichier ? label("constats.ligne", { ligne: c.ligne }) : c.emplacement,
      })),
      autres: list.length > FICHE_CONSTATS_MAX ? label("fiche.autres", { n: nombre.format(list.length - FICHE_CONSTATS_MAX) }) : null,
    };
  });
}

function fiche(ctx: ReportContext, vm: EtablissementVM): FicheVM {
  const e = ctx.t.get<EtablissementEntity>(vm.ref)!;
  const c = ctx.t.collectiviteOf(e);
  const dep = ctx.departement(e);
  const conventions = [...ctx.t.conventionsOf(e.ref), ...(c && e.data.type === "ecole" ? ctx.t.conventionsOf(c.ref).filter((k) => k.data.type === "ecole_commune") : [])];
  const niveaux = ctx.resolved.get(e.ref) ?? [];
  // The établissement's own file: where its own findings are (their lines are then given alone).
  const fichier = vm.constats.find((k) => k.entite === vm.ref)?.fichier ?? null;
  return {
    etablissement: vm,
    collectivite: c ? norm(c.data.nom) : null,
    departement: dep ? `${ctx.departementNom(dep)} (${dep})` : null,
    conventions: [...new Set(conventions)].map((k) => {
      const parties = k.data.parties ?? [];
      const signee = parties.length > 0 && parties.every((p) => hasSigned(k.data, p));
      const periode =
        k.data.debut && k.data.fin
          ? label("fiche.periode", { debut: dateText(k.data.debut), fin: dateText(k.data.fin) })
          : k.data.debut
            ? label("fiche.depuis", { debut: dateText(k.data.debut) })
            : k.data.fin
              ? label("fiche.jusque", { fin: dateText(k.data.fin) })
              : label("fiche.sansDates");
      return {
        id: k.id,
        typeLibelle: label(`typeConvention.${k.data.type}`),
        parties: parties.map((p) => refLabel(ctx, p)).join(", "),
        signee: etat(signee),
        enVigueur: etat(isInForce(k.data, ctx.date)),
        periode,
      };
    }),
    niveaux: niveaux.map((n) => ({
      niveau: n.niveau,
      libelle: label(`maintenance.niveau.${n.niveau}`),
      texte: vm.niveaux[n.niveau]?.texte ?? "",
      source: n.source ? label(`fiche.source.${n.source.layer}`, { nom: refLabel(ctx, n.source.ref) }) : n.raison === "conflit" ? label("fiche.source.conflit") : label("fiche.source.aucune"),
      clair: n.clair,
    })),
    fichier,
    ecarts: ecarts(ctx, vm.constats, vm.ref, fichier),
  };
}

export function buildEtablissements(ctx: ReportContext): Partial<RapportVM> {
  const collectiviteRefs = new Set(ctx.scope.collectivites.map((c) => c.ref));
  const sansCollectivite: EtablissementVM[] = [];
  for (const e of ctx.etabs) {
    const vm = etablissementVM(ctx, e);
    ctx.etablissements.set(e.ref, vm);
    const c = ctx.t.collectiviteOf(e);
    if (!c || !collectiviteRefs.has(c.ref)) sansCollectivite.push(vm);
  }
  const only = ctx.scope.kind === "etablissement" ? ctx.etablissements.get(ctx.scope.etablissements[0].ref) : undefined;
  return { sansCollectivite: ctx.scope.kind === "etablissement" ? [] : sansCollectivite, fiche: only ? fiche(ctx, only) : null };
}
