// Report: the typed view model of an audit report, built from an AuditResult by one small builder per section around
// one context object (templates never see the raw result). The contract is in ./vm-types.ts.
import type { AuditResult } from "../audit/engine.js";
import { createContext, type ReportContext, type ViewModelOptions } from "./context.js";
import { buildAnnexe } from "./sections/annexe.js";
import { buildCarte } from "./sections/carte.js";
import { buildCollectivites } from "./sections/collectivites.js";
import { buildEtablissements } from "./sections/etablissements.js";
import { buildGraphiques } from "./sections/graphiques.js";
import { buildIndicateurs } from "./sections/indicateurs.js";
import { buildMaintenance } from "./sections/maintenance.js";
import { buildSynthese } from "./sections/synthese.js";
import { dateText, label, labels, norm, percentText, plural, ratio } from "./text.js";
import type { IndexVM, PageVM, RapportVM, SommaireVM } from "./vm-types.js";

export * from "./vm-types.js";
export type { ViewModelOptions } from "./context.js";
export { DETAILS_MAX } from "./context.js";
export { resolveScopeRef, parseScope } from "./scope.js";
export { label, labels, ratio, percentText, dateText, anchor, richText } from "./text.js";
export { coveredByConvention, obsoleteDevices } from "../model/facts.js";

/** Version of the view-model contract (docs/rapport-modele-de-vue.md); bumped when a field is removed or changes meaning. */
export const VIEW_MODEL_VERSION = 2;

/** A section of the report: reads the context (and the fields earlier sections built), returns its own fields. */
export type SectionBuilder = (ctx: ReportContext) => Partial<RapportVM>;

/**
 * The sections, in the order they are built (a section may read the fields of the ones before it through `ctx.got`).
 * A new section is one more file in ./sections/ and one more entry here.
 */
export const SECTION_BUILDERS: Array<{ id: string; build: SectionBuilder }> = [
  { id: "etablissements", build: buildEtablissements },
  { id: "collectivites", build: buildCollectivites },
  { id: "indicateurs", build: buildIndicateurs },
  { id: "carte", build: buildCarte },
  { id: "maintenance", build: buildMaintenance },
  { id: "synthese", build: buildSynthese },
  { id: "annexe", build: buildAnnexe },
];

/** Section headings (`sections` of the view model). */
const SECTIONS = [
  "synthese",
  "carte",
  "indicateurs",
  "themes",
  "ecarts",
  "conformite",
  "classement",
  "maintenance",
  "details",
  "academie",
  "collectivites",
  "sansCollectivite",
  "equipe",
  "autres",
  "masques",
  "regles",
  "methode",
  "pages",
];

/** Builds the view model of one report from an audit result. */
export function buildViewModel(result: AuditResult, o: ViewModelOptions): RapportVM {
  const ctx = createContext(result, o);
  for (const s of SECTION_BUILDERS) Object.assign(ctx.vm, s.build(ctx));
  const vm = ctx.vm as RapportVM;
  const academie = ctx.scope.academies[0] ?? ctx.t.academies[0];
  const titre = o.titre !== undefined ? norm(o.titre) : academie ? label("titreDefautAcademie", { academie: norm(academie.data.nom) }) : label("titreDefaut");
  const full: RapportVM = {
    ...vm,
    version: VIEW_MODEL_VERSION,
    titre,
    auteur: o.auteur !== undefined ? norm(o.auteur) : null,
    date: result.date,
    dateTexte: dateText(result.date),
    outil: { nom: "gouvnum", version: o.version },
    anonymise: false,
    perimetre: { ref: ctx.scope.ref, texte: ctx.scope.texte },
    libelles: labels(),
    sections: Object.fromEntries(SECTIONS.map((k) => [k, label(`section.${k}`)])),
    sommaire: [],
    evolution: o.evolution ?? null,
    historique: o.historique ?? null,
    graphiques: buildGraphiques(vm),
    piedDePage: label("produitPar", {
      outil: "gouvnum",
      version: o.version,
      fichiers: plural(result.summary.files, "fichier", "fichiers"),
      documents: plural(result.summary.documents, "document", "documents"),
      date: dateText(result.date),
    }),
  };
  full.sommaire = sommaire(full);
  return full;
}

function sommaire(vm: RapportVM): SommaireVM[] {
  const out: SommaireVM[] = [];
  const section = (key: string, enfants: SommaireVM["enfants"] = []) => out.push({ ancre: key, titre: label(`section.${key}`), enfants });
  section("synthese");
  if (vm.carte.svg !== "" || vm.carte.departements.length > 0) section("carte");
  section("indicateurs");
  if (vm.evolution) out.push({ ancre: "evolution", titre: label("section.evolution", { ref: vm.evolution.ref, date: vm.evolution.dateTexte }), enfants: [] });
  if (vm.historique) section("historique");
  section("themes");
  if (vm.ecartsFrequents.length > 0) section("ecarts");
  if (vm.conformiteParGroupe.lignes.length > 0) section("conformite");
  if (vm.classement.premieres.length > 0) section("classement");
  section("maintenance");
  if (vm.details.inclus) {
    section("collectivites", vm.collectivites.length <= 15 ? vm.collectivites.map((c) => ({ ancre: c.ancre, titre: c.titre })) : []);
    if (vm.sansCollectivite.length > 0) section("sansCollectivite");
  } else section("details");
  const equipe: SommaireVM["enfants"] = [];
  if (vm.academiesAvecConstats.length > 0) equipe.push({ ancre: "academie", titre: label("section.academie") });
  if (vm.autresConstats.length > 0) equipe.push({ ancre: "autres", titre: label("section.autres") });
  if (vm.masques.length > 0) equipe.push({ ancre: "masques", titre: label("section.masques") });
  if (vm.regles.length > 0) equipe.push({ ancre: "regles", titre: label("section.regles") });
  equipe.push({ ancre: "methode", titre: label("section.methode") });
  section("equipe", equipe);
  return out;
}

/** The charts of a view model, rebuilt from its (possibly rewritten) data. */
export function rebuildCharts(vm: RapportVM): RapportVM["graphiques"] {
  return buildGraphiques(vm);
}

/** The index of a split report: the whole territory's view model plus one row per page. */
export function buildIndexViewModel(whole: RapportVM, pages: PageVM[], by: "collectivite" | "departement" | "etablissement" = "collectivite"): IndexVM {
  return { ...whole, titre: label("index.titre", { titre: whole.titre }), titrePages: label(`index.pages.${by}`), introductionPages: label(`index.introduction.${by}`), pages };
}

/** The index row of one page of a split report. */
export function pageOf(vm: RapportVM, fichier: string): PageVM {
  const s = vm.synthese;
  const constats = { erreurs: s.erreurs, avertissements: s.avertissements, infos: s.infos, total: s.total };
  let etablissements = 0;
  let conformes = 0;
  for (const l of vm.conformiteParGroupe.lignes) {
    etablissements += l.etablissements;
    conformes += l.conformes;
  }
  const p = ratio(conformes, etablissements);
  const ref = vm.perimetre.ref ?? "";
  const dep = ref.startsWith("departement:") ? vm.carte.departements.find((d) => `departement:${d.code}` === ref) : undefined;
  const nom = vm.fiche ? vm.fiche.etablissement.titre : dep ? `${dep.nom} (${dep.code})` : (vm.collectivites.find((c) => c.ref === ref)?.nom ?? vm.perimetre.texte);
  return { ref, nom, fichier, etablissements: s.etablissements, constats, conformite: { ref, nom, ancre: "", etablissements, conformes, pourcentage: p, pourcentageTexte: percentText(p), constats } };
}
