// Report: the typed view model of an audit report, built from an AuditResult (templates never see the raw result).
import type { AuditResult } from "../audit/engine.js";
import { severityRank, SEVERITIES, type Finding, type Severity } from "../core/finding.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import {
  hasSigned,
  isEple,
  isHeld,
  isInForce,
  isPublic,
  twelveMonthsBefore,
  NIVEAUX,
  type AcademieEntity,
  type CollectiviteEntity,
  type ConventionEntity,
  type EtablissementEntity,
  type NiveauResolu,
  type Personne,
  type Territory,
} from "../model/territory.js";
import { docSection, ruleDoc, ruleDocUrl } from "../rules/docs.js";
import { barChart, stackedBarChart } from "./charts.js";
import type { EvolutionVM, HistoriqueVM } from "./evolution.js";

/** Version of the view-model contract (README « Rapports »); bumped when a field is removed or changes meaning. */
export const VIEW_MODEL_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Types: the contract documented in README.md § Rapports.

/** A piece of text from a rule's documentation: plain text, or inline code. */
export interface Morceau {
  texte: string;
  code: boolean;
}
/** A paragraph of documentation text. */
export type Paragraphe = Morceau[];

export interface Compte {
  erreurs: number;
  avertissements: number;
  infos: number;
  total: number;
}

export interface RegleVM {
  id: string;
  ancre: string;
  url: string;
  groupe: string;
  groupeLibelle: string;
  severite: Severity;
  severiteLibelle: string;
  /** One sentence: what the rule reports (the rule's explanation). */
  resume: string;
  /** « Pourquoi » of the doc page without its « Pour corriger » paragraph: the legal basis or practice. */
  fondement: Paragraphe[];
  /** The « Pour corriger » paragraph of the doc page. */
  correction: Paragraphe[];
  references: Paragraphe[];
  documentee: boolean;
}

export interface ConstatVM {
  regle: RegleVM;
  severite: Severity;
  severiteLibelle: string;
  message: string;
  entite: string;
  entiteLibelle: string;
  fichier: string;
  ligne: number;
  colonne: number;
  emplacement: string;
  masque: string | null;
}

export interface IndicateurVM {
  id: string;
  libelle: string;
  definition: string;
  numerateur: number;
  denominateur: number;
  numerateurTexte: string;
  denominateurTexte: string;
  /** 0–100, one decimal; null when the denominator is 0. */
  pourcentage: number | null;
  pourcentageTexte: string;
  fractionTexte: string;
  sens: "plus" | "moins";
  sensLibelle: string;
}

export interface ThemeVM extends Compte {
  groupe: string;
  libelle: string;
}

export interface ConformiteVM {
  ref: string;
  nom: string;
  ancre: string;
  etablissements: number;
  conformes: number;
  pourcentage: number | null;
  pourcentageTexte: string;
  constats: Compte;
}

export interface CelluleMaintenanceVM {
  niveau: number;
  texte: string;
  flou: boolean;
  flous: number;
  total: number;
  acteurs: Array<{ acteur: string; libelle: string; nombre: number }>;
  detail: string;
}

export interface LigneMaintenanceVM {
  ref: string;
  nom: string;
  cellules: CelluleMaintenanceVM[];
}

export interface NiveauVM {
  niveau: number;
  libelle: string;
  description: string;
}

export interface CouvertureVM {
  niveau: number;
  libelle: string;
  clairs: number;
  total: number;
  pourcentage: number | null;
  pourcentageTexte: string;
}

export interface GraphiqueVM {
  id: string;
  titre: string;
  description: string;
  /** Inline SVG markup, escaped by gouvnum: insert as is. */
  svg: string;
}

export interface EtatVM {
  /** null: not applicable. */
  valeur: boolean | null;
  texte: string;
  /** `oui`, `non` or `na` (for a CSS class). */
  classe: "oui" | "non" | "na";
}

export interface ContactVM {
  role: string;
  nom: string | null;
  fonction: string | null;
  courriel: string | null;
  telephone: string | null;
}

export interface NiveauEtablissementVM {
  niveau: number;
  clair: boolean;
  acteur: string | null;
  texte: string;
}

export interface EtablissementVM {
  ref: string;
  uai: string;
  nom: string;
  titre: string;
  ancre: string;
  type: string;
  typeLibelle: string;
  public: boolean;
  statutLibelle: string;
  commune: string | null;
  effectif: number | null;
  description: string;
  contacts: ContactVM[];
  referentTechnique: EtatVM;
  referentNumerique: EtatVM;
  convention: EtatVM;
  maintenance: EtatVM;
  niveaux: NiveauEtablissementVM[];
  equipements: { obsoletes: number; total: number; texte: string };
  constats: ConstatVM[];
  totaux: Compte;
}

export interface CollectiviteVM {
  ref: string;
  id: string;
  nom: string;
  titre: string;
  ancre: string;
  type: string;
  typeLibelle: string;
  declaration: string;
  /** Caption of the établissements' dashboard table. */
  legendeTableau: string;
  constats: ConstatVM[];
  constatsConventions: ConstatVM[];
  etablissements: EtablissementVM[];
  etablissementsAvecConstats: EtablissementVM[];
  etablissementsSansConstat: string;
  conformite: ConformiteVM;
  totaux: Compte;
}

export interface AcademieVM {
  ref: string;
  code: string;
  nom: string;
  ancre: string;
  constats: ConstatVM[];
}

export interface SyntheseVM extends Compte {
  masques: number;
  fichiers: number;
  documents: number;
  collectivites: number;
  etablissements: number;
  etablissementsPublics: number;
  conventions: number;
  phrase: string;
  phraseMasques: string | null;
  territoire: string;
  parSeverite: Array<{ severite: Severity; libelle: string; nombre: number }>;
}

export interface SommaireVM {
  ancre: string;
  titre: string;
  enfants: Array<{ ancre: string; titre: string }>;
}

export interface RapportVM {
  version: number;
  titre: string;
  auteur: string | null;
  date: string;
  dateTexte: string;
  outil: { nom: string; version: string };
  anonymise: boolean;
  perimetre: { ref: string | null; texte: string };
  libelles: Record<string, string>;
  /** Section headings by key (synthese, indicateurs, themes, conformite, maintenance, academie, collectivites, sansCollectivite, autres, masques, regles, methode, pages). */
  sections: Record<string, string>;
  sommaire: SommaireVM[];
  synthese: SyntheseVM;
  indicateurs: IndicateurVM[];
  /** With `--compare`: the « Évolution » section (src/report/evolution.ts); else null. */
  evolution: EvolutionVM | null;
  /** With `--history`: the indicators over time; else null. */
  historique: HistoriqueVM | null;
  themes: ThemeVM[];
  conformite: ConformiteVM[];
  maintenance: { niveaux: NiveauVM[]; lignes: LigneMaintenanceVM[]; couverture: CouvertureVM[] };
  graphiques: { themes: GraphiqueVM; conformite: GraphiqueVM; maintenance: GraphiqueVM };
  academies: AcademieVM[];
  /** The académies that have findings (the « Académie » section). */
  academiesAvecConstats: AcademieVM[];
  collectivites: CollectiviteVM[];
  sansCollectivite: EtablissementVM[];
  autresConstats: ConstatVM[];
  masques: ConstatVM[];
  regles: RegleVM[];
  piedDePage: string;
}

export interface PageVM {
  ref: string;
  nom: string;
  fichier: string;
  etablissements: number;
  constats: Compte;
  conformite: ConformiteVM;
}

export interface IndexVM extends RapportVM {
  pages: PageVM[];
}

export interface ViewModelOptions {
  /** gouvnum's version. */
  version: string;
  /** Report title (default: from the académie). */
  titre?: string;
  auteur?: string;
  /** `collectivite:<id>` or `academie:<code>`: only the entities of that collectivité or académie. */
  scope?: string;
}

// ---------------------------------------------------------------------------------------------
// Texts.

const LABEL_PREFIX = "rapport.";

/** A report label from the catalogue (`rapport.<key>`); a missing key is a bug. */
export function label(key: string, data?: Record<string, string | number>): string {
  const template = catalogue.cli[LABEL_PREFIX + key];
  if (template === undefined) throw new Error(`libellé de rapport inconnu : ${key}`);
  return data ? formatMessage(template, data) : template;
}

/** Every report label, keyed without the `rapport.` prefix (the `libelles` of the view model). */
export function labels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(catalogue.cli)) if (k.startsWith(LABEL_PREFIX) && !k.startsWith("rapport.erreur.")) out[k.slice(LABEL_PREFIX.length)] = v;
  return out;
}

const nombre = new Intl.NumberFormat("fr-FR");
const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

function plural(n: number, one: string, many: string): string {
  return `${nombre.format(n)} ${n > 1 ? many : one}`;
}

/** Percentage 0–100 rounded to one decimal, or null when the denominator is 0. */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 1000) / 10;
}

export function percentText(p: number | null): string {
  return p === null ? label("indicateur.sansObjet") : `${pct.format(p)}\u00a0%`;
}

/** « 1er septembre 2026 ». */
export function dateText(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const s = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);
  return s.replace(/^1 /, "1er ");
}

/** An HTML id / fragment made only of `[a-z0-9-]`. */
export function anchor(prefix: string, id: string): string {
  const clean = id
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${prefix}-${clean || "x"}`;
}

/** Values from the territory on one line, without surrounding spaces (they land in table cells and headings). */
function norm(s: string): string {
  return s.replace(/[ \t\r\n\f\v\u2028\u2029]+/g, " ").replace(/^ | $/g, "");
}

function severityLabel(s: Severity): string {
  return label(`severite.${s}`);
}

function emptyCount(): Compte {
  return { erreurs: 0, avertissements: 0, infos: 0, total: 0 };
}

function countOf(list: readonly { severite: Severity }[]): Compte {
  const c = emptyCount();
  for (const f of list) {
    if (f.severite === "error") c.erreurs++;
    else if (f.severite === "warning") c.avertissements++;
    else c.infos++;
    c.total++;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Rule documentation → explanation, legal basis, how to fix.

/** Inline Markdown of our doc pages → text and code pieces (bold markers dropped, never interpreted as HTML). */
export function richText(md: string): Paragraphe {
  const out: Morceau[] = [];
  const text = md.replace(/\s+/g, " ").trim();
  const parts = text.split(/(`[^`]+`)/);
  for (const p of parts) {
    if (p === "") continue;
    if (p.startsWith("`") && p.endsWith("`") && p.length > 1) out.push({ texte: p.slice(1, -1), code: true });
    else out.push({ texte: p.replace(/\*\*/g, ""), code: false });
  }
  return out;
}

function paragraphs(section: string | undefined): string[] {
  if (!section) return [];
  return section
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function listItems(section: string | undefined): string[] {
  if (!section) return [];
  const items: string[] = [];
  for (const line of section.split("\n")) {
    if (/^\s*[-*] /.test(line)) items.push(line.replace(/^\s*[-*] /, ""));
    else if (line.trim() !== "" && items.length > 0) items[items.length - 1] += " " + line.trim();
    else if (line.trim() !== "") items.push(line.trim());
  }
  return items;
}

const CORRIGER = /^(\*\*)?Pour corriger(\*\*)?\s*:\s*/;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ruleVM(id: string, severity: Severity, group: string): RegleVM {
  const md = ruleDoc(id);
  const why = paragraphs(md ? docSection(md, "Pourquoi") : undefined);
  const fondement = why.filter((p) => !CORRIGER.test(p)).map(richText);
  const correction = why.filter((p) => CORRIGER.test(p)).map((p) => richText(capitalize(p.replace(CORRIGER, ""))));
  const references = listItems(md ? docSection(md, "Références") : undefined).map(richText);
  return {
    id,
    ancre: anchor("regle", id),
    url: ruleDocUrl(id),
    groupe: group,
    groupeLibelle: groupLabel(group),
    severite: severity,
    severiteLibelle: severityLabel(severity),
    resume: catalogue.rules[id]?.summary ?? id,
    fondement,
    correction,
    references,
    documentee: md !== undefined,
  };
}

function groupLabel(g: string): string {
  return catalogue.cli[`${LABEL_PREFIX}groupe.${g}`] ?? g;
}

// ---------------------------------------------------------------------------------------------
// Scope.

interface Scope {
  ref: string | null;
  academies: AcademieEntity[];
  collectivites: CollectiviteEntity[];
  etablissements: EtablissementEntity[];
  conventions: ConventionEntity[];
  refs: Set<string>;
  texte: string;
}

/** Parses `collectivite:<id>`, `academie:<code>`, or a bare id/code; undefined when nothing matches. */
export function resolveScopeRef(t: Territory, value: string): string | undefined {
  const v = value.trim();
  if (t.byRef.has(v) && (v.startsWith("collectivite:") || v.startsWith("academie:"))) return v;
  if (!v.includes(":")) {
    if (t.byRef.has(`collectivite:${v}`)) return `collectivite:${v}`;
    if (t.byRef.has(`academie:${v}`)) return `academie:${v}`;
  }
  return undefined;
}

function buildScope(t: Territory, ref: string | undefined): Scope {
  if (!ref) {
    const refs = new Set<string>(t.byRef.keys());
    return { ref: null, academies: [...t.academies], collectivites: [...t.collectivites], etablissements: [...t.etablissements], conventions: [...t.conventions], refs, texte: label("perimetreTout") };
  }
  const entity = t.byRef.get(ref);
  if (!entity || (entity.kind !== "collectivite" && entity.kind !== "academie")) throw new Error(`périmètre inconnu : ${ref}`);
  let collectivites: CollectiviteEntity[];
  let etablissements: EtablissementEntity[];
  let academies: AcademieEntity[];
  let texte: string;
  if (entity.kind === "collectivite") {
    collectivites = [entity];
    etablissements = t.etablissementsOf(entity);
    academies = [];
    texte = label("perimetreCollectivite", { nom: norm(entity.data.nom) });
  } else {
    collectivites = t.collectivites.filter((c) => c.data.academie === entity.data.code);
    etablissements = t.etablissements.filter((e) => e.data.academie === entity.data.code);
    academies = [entity];
    texte = label("perimetreAcademie", { nom: norm(entity.data.nom) });
  }
  const refs = new Set<string>([...academies, ...collectivites, ...etablissements].map((e) => e.ref));
  const conventions = t.conventions.filter((c) => (c.data.parties ?? []).some((p) => refs.has(p)));
  for (const c of conventions) refs.add(c.ref);
  return { ref, academies, collectivites, etablissements, conventions, refs, texte };
}

/** Collectivités an académie finding is about: the members of the instance its pointer designates. */
function academieFindingMembers(t: Territory, f: Finding): string[] {
  const m = /^\/instances\/(\d+)/.exec(f.pointer);
  const a = t.get<AcademieEntity>(f.entity);
  if (!m || !a || a.kind !== "academie") return [];
  return a.data.instances?.[Number(m[1])]?.membres ?? [];
}

function findingInScope(t: Territory, scope: Scope, f: Finding): boolean {
  if (scope.ref === null) return true;
  if (scope.refs.has(f.entity)) return true;
  if (f.entity.startsWith("academie:")) return academieFindingMembers(t, f).some((m) => scope.refs.has(m));
  return false;
}

// ---------------------------------------------------------------------------------------------
// Indicators.


/** Whether the EPLE is party, with its collectivité de rattachement, to an eple_collectivite convention signed by every party and in force. */
export function coveredByConvention(t: Territory, e: EtablissementEntity, date: string): boolean {
  if (!e.data.collectivite) return false;
  const coll = `collectivite:${e.data.collectivite}`;
  return t.conventionsOf(e.ref).some((c) => {
    const parties = c.data.parties ?? [];
    return c.data.type === "eple_collectivite" && parties.includes(coll) && parties.every((p) => hasSigned(c.data, p)) && isInForce(c.data, date);
  });
}

/** Devices of an établissement past their renewal age: age = audit year − year in service, obsolete when age > the collectivité's `age_max_ans`, else `defaultAge`. */
export function obsoleteDevices(t: Territory, e: EtablissementEntity, date: string, defaultAge: number): { obsoletes: number; total: number } {
  const year = Number(date.slice(0, 4));
  const ageMax = t.collectiviteOf(e)?.data.renouvellement?.age_max_ans ?? defaultAge;
  let obsoletes = 0;
  let total = 0;
  for (const lot of e.data.equipements ?? []) {
    total += lot.nombre;
    if (year - lot.annee_mise_en_service > ageMax) obsoletes += lot.nombre;
  }
  return { obsoletes, total };
}

/** Collectivités that are members of an académie instance that met in the 12 months up to the date. */
function activeConcertationMembers(t: Territory, date: string): Set<string> {
  const since = twelveMonthsBefore(date);
  const out = new Set<string>();
  for (const a of t.academies) {
    for (const i of a.data.instances ?? []) {
      if ((i.reunions ?? []).some((d) => since <= d && d <= date)) for (const m of i.membres ?? []) out.add(m);
    }
  }
  return out;
}

function indicator(id: string, n: number, d: number, sens: "plus" | "moins", data?: Record<string, string | number>): IndicateurVM {
  const p = ratio(n, d);
  return {
    id,
    libelle: label(`indicateur.${id}`),
    definition: label(`indicateur.${id}.definition`, data),
    numerateur: n,
    denominateur: d,
    numerateurTexte: nombre.format(n),
    denominateurTexte: nombre.format(d),
    pourcentage: p,
    pourcentageTexte: percentText(p),
    fractionTexte: label("indicateur.fraction", { n: nombre.format(n), d: nombre.format(d) }),
    sens,
    sensLibelle: label(sens === "plus" ? "indicateur.sensPlus" : "indicateur.sensMoins"),
  };
}

// ---------------------------------------------------------------------------------------------
// The builder.

const SECTIONS = ["synthese", "indicateurs", "themes", "conformite", "maintenance", "academie", "collectivites", "sansCollectivite", "autres", "masques", "regles", "methode", "pages"];

const COLLECTIVITE_ORDER = ["region", "collectivite_unique", "departement", "metropole", "epci", "commune"];
const ETABLISSEMENT_ORDER = ["lycee", "lycee_professionnel", "erea", "college", "ecole"];

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCollectivite(a: CollectiviteEntity, b: CollectiviteEntity): number {
  return COLLECTIVITE_ORDER.indexOf(a.data.type) - COLLECTIVITE_ORDER.indexOf(b.data.type) || a.data.nom.localeCompare(b.data.nom, "fr") || cmp(a.id, b.id);
}

function byEtablissement(a: EtablissementEntity, b: EtablissementEntity): number {
  return ETABLISSEMENT_ORDER.indexOf(a.data.type) - ETABLISSEMENT_ORDER.indexOf(b.data.type) || a.data.nom.localeCompare(b.data.nom, "fr") || cmp(a.id, b.id);
}

function byConstat(a: ConstatVM, b: ConstatVM): number {
  return severityRank(b.severite) - severityRank(a.severite) || cmp(a.regle.id, b.regle.id) || cmp(a.fichier, b.fichier) || a.ligne - b.ligne || a.colonne - b.colonne || cmp(a.message, b.message);
}

const PERSON_ROLES: Array<["chef" | "adjoint" | "secretaire_general", string]> = [
  ["chef", "chef"],
  ["adjoint", "adjoint"],
  ["secretaire_general", "secretaire_general"],
];

function contact(role: string, p: Personne | null | undefined): ContactVM | undefined {
  if (!isHeld(p) || !p) return undefined;
  return { role, nom: p.nom ?? null, fonction: p.fonction ?? null, courriel: p.courriel ?? null, telephone: p.telephone ?? null };
}

/** Builds the view model of one report from an audit result. */
export function buildViewModel(result: AuditResult, o: ViewModelOptions): RapportVM {
  const t = result.territory;
  const date = result.date;
  const scope = buildScope(t, o.scope);
  const runs = new Map(result.rules.map((r) => [r.rule.id, r]));

  // Rules cited, built once and shared by every finding.
  const rulesById = new Map<string, RegleVM>();
  const ruleOf = (f: Finding): RegleVM => {
    let r = rulesById.get(f.ruleId);
    if (!r) {
      const run = runs.get(f.ruleId);
      r = ruleVM(f.ruleId, f.severity, run?.rule.group ?? "A");
      rulesById.set(f.ruleId, r);
    }
    return r;
  };

  const entityLabel = (ref: string, f: Finding): string => {
    const e = t.byRef.get(ref);
    if (!e) return ref || label("entite.aucune", { fichier: norm(f.file) });
    switch (e.kind) {
      case "etablissement":
        return label("entite.etablissement", { nom: norm(e.data.nom), uai: e.id });
      case "collectivite":
        return label("entite.collectivite", { nom: norm(e.data.nom) });
      case "academie":
        return label("entite.academie", { nom: norm(e.data.nom) });
      case "convention":
        return label("entite.convention", { id: e.id, type: label(`typeConvention.${e.data.type}`) });
    }
  };

  const toVM = (f: Finding): ConstatVM => ({
    regle: ruleOf(f),
    severite: f.severity,
    severiteLibelle: severityLabel(f.severity),
    message: norm(f.message),
    entite: f.entity,
    entiteLibelle: entityLabel(f.entity, f),
    fichier: norm(f.file),
    ligne: f.line,
    colonne: f.column,
    emplacement: label("constats.emplacement", { fichier: norm(f.file), ligne: f.line }),
    masque: f.suppressed ? f.suppressed.reason : null,
  });

  const inScope = result.findings.filter((f) => findingInScope(t, scope, f));
  const counted = inScope.filter((f) => !f.suppressed && !f.known);
  const suppressed = inScope.filter((f) => f.suppressed);
  const constats = counted.map((f) => ({ f, vm: toVM(f) }));

  // Placement: by entity; conventions under their collectivités (or their établissements' collectivités).
  const byEntity = new Map<string, ConstatVM[]>();
  const push = (map: Map<string, ConstatVM[]>, key: string, c: ConstatVM) => {
    const l = map.get(key) ?? [];
    l.push(c);
    map.set(key, l);
  };
  const collectiviteRefs = new Set(scope.collectivites.map((c) => c.ref));
  const conventionPlacement = new Map<string, ConstatVM[]>();
  const etabConventionFindings = new Map<string, ConstatVM[]>();
  const academieFindings = new Map<string, ConstatVM[]>();
  const autres: ConstatVM[] = [];
  for (const { f, vm } of constats) {
    const e = t.byRef.get(f.entity);
    if (!e) {
      autres.push(vm);
      continue;
    }
    if (e.kind === "convention") {
      // Under the établissements party to it (their readers need it), else under its collectivités, else the académie.
      const parties = e.data.parties ?? [];
      const etabParties = parties.filter((p) => p.startsWith("etablissement:") && scope.refs.has(p) && t.byRef.has(p));
      if (etabParties.length > 0) {
        for (const p of etabParties) push(etabConventionFindings, p, vm);
        continue;
      }
      const targets = parties.filter((p) => collectiviteRefs.has(p));
      if (targets.length > 0) for (const r of targets) push(conventionPlacement, r, vm);
      else {
        const a = parties.find((p) => p.startsWith("academie:") && t.byRef.has(p));
        if (a) push(academieFindings, a, vm);
        else autres.push(vm);
      }
      continue;
    }
    if (e.kind === "academie") {
      push(academieFindings, e.ref, vm);
      continue;
    }
    push(byEntity, e.ref, vm);
  }

  // Indicators.
  const ageDefault = Number(runs.get("equipement-obsolete")?.options.age_max_ans ?? 6);
  const etabs = [...scope.etablissements].sort(byEtablissement);
  const publics = etabs.filter((e) => isPublic(e.data));
  const eplePublics = publics.filter((e) => isEple(e.data));
  const resolved = new Map<string, NiveauResolu[]>(publics.map((e) => [e.ref, t.resolveMaintenance(e, date)]));
  const covered = new Set(eplePublics.filter((e) => coveredByConvention(t, e, date)).map((e) => e.ref));
  const devices = new Map(etabs.map((e) => [e.ref, obsoleteDevices(t, e, date, ageDefault)]));
  const collAvecEtab = [...scope.collectivites].filter((c) => t.etablissementsOf(c).some((e) => scope.refs.has(e.ref)));
  const actifs = activeConcertationMembers(t, date);
  let obsoletes = 0;
  let materiels = 0;
  for (const d of devices.values()) {
    obsoletes += d.obsoletes;
    materiels += d.total;
  }
  const indicateurs: IndicateurVM[] = [
    indicator("eple-referent-technique", eplePublics.filter((e) => isHeld(e.data.referent_technique)).length, eplePublics.length, "plus"),
    indicator("eple-referent-numerique", eplePublics.filter((e) => isHeld(e.data.referent_numerique)).length, eplePublics.length, "plus"),
    indicator("eple-convention", covered.size, eplePublics.length, "plus"),
    indicator("maintenance-claire", publics.filter((e) => resolved.get(e.ref)!.every((n) => n.clair)).length, publics.length, "plus"),
    indicator("equipements-obsoletes", obsoletes, materiels, "moins", { age: ageDefault }),
    indicator("collectivite-organisation", collAvecEtab.filter((c) => c.data.organisation !== undefined).length, collAvecEtab.length, "plus"),
    indicator("collectivite-renouvellement", collAvecEtab.filter((c) => c.data.renouvellement !== undefined).length, collAvecEtab.length, "plus"),
    indicator("collectivite-concertation", collAvecEtab.filter((c) => actifs.has(c.ref)).length, collAvecEtab.length, "plus", {
      depuis: dateText(twelveMonthsBefore(date)),
      date: dateText(date),
    }),
  ];

  // Établissements.
  const oui = label("oui");
  const non = label("non");
  const na = label("nonApplicable");
  const etat = (v: boolean | null, texte?: string): EtatVM => ({ valeur: v, texte: texte ?? (v === null ? na : v ? oui : non), classe: v === null ? "na" : v ? "oui" : "non" });
  const etabVM = (e: EtablissementEntity): EtablissementVM => {
    const d = e.data;
    const pub = isPublic(d);
    const eple = isEple(d);
    const niveaux = resolved.get(e.ref);
    const flous = niveaux?.filter((n) => !n.clair).map((n) => n.niveau) ?? [];
    const dev = devices.get(e.ref)!;
    const own = byEntity.get(e.ref) ?? [];
    const conv = etabConventionFindings.get(e.ref) ?? [];
    const list = [...own, ...conv].sort(byConstat);
    const contacts: ContactVM[] = [];
    for (const [key, role] of PERSON_ROLES) {
      const c = contact(key === "chef" && d.type === "ecole" ? label("role.directeurEcole") : label(`role.${role}`), d.direction?.[key]);
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
      convention: etat(pub && eple ? covered.has(e.ref) : null),
      maintenance: !niveaux
        ? etat(null)
        : flous.length === 0
          ? etat(true, label("etat.maintenanceClaire"))
          : etat(false, label("etat.maintenanceFloue", { niveaux: flous.join(", ") })),
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
  };

  // Conformity: public établissements without error or warning (on themselves or a convention they are party to).
  const conforme = (ev: EtablissementVM) => ev.constats.every((c) => c.severite === "info");

  // Collectivités.
  const etabsByColl = new Map<string, EtablissementVM[]>();
  const sansCollectivite: EtablissementVM[] = [];
  for (const e of etabs) {
    const vm = etabVM(e);
    const c = t.collectiviteOf(e);
    if (c && collectiviteRefs.has(c.ref)) {
      const l = etabsByColl.get(c.ref) ?? [];
      l.push(vm);
      etabsByColl.set(c.ref, l);
    } else sansCollectivite.push(vm);
  }
  const collectivites: CollectiviteVM[] = [...scope.collectivites].sort(byCollectivite).map((c) => {
    const d = c.data;
    const nom = norm(d.nom);
    const own = (byEntity.get(c.ref) ?? []).sort(byConstat);
    const conv = (conventionPlacement.get(c.ref) ?? []).sort(byConstat);
    const ets = etabsByColl.get(c.ref) ?? [];
    const pubs = ets.filter((e) => e.public);
    const conformes = pubs.filter(conforme).length;
    const all = [...new Set([...own, ...conv, ...ets.flatMap((e) => e.constats)])];
    const ancre = anchor("collectivite", c.id);
    const p = ratio(conformes, pubs.length);
    const renouvellement = d.renouvellement
      ? d.renouvellement.mode === "systematique" && d.renouvellement.age_max_ans !== undefined
        ? label("renouvellement.systematiqueAge", { age: d.renouvellement.age_max_ans })
        : label(`renouvellement.${d.renouvellement.mode}`)
      : label("collectivite.nonDeclare");
    return {
      ref: c.ref,
      id: c.id,
      nom,
      titre: `${nom} (${c.id})`,
      ancre,
      type: d.type,
      typeLibelle: label(`typeCollectivite.${d.type}`),
      declaration: label("collectivite.declaration", {
        organisation: d.organisation ? label(`organisation.${d.organisation}`) : label("collectivite.nonDeclare"),
        renouvellement,
        concertation: actifs.has(c.ref) ? oui : non,
      }),
      legendeTableau: label("collectivite.tableau.caption", { nom }),
      constats: own,
      constatsConventions: conv,
      etablissements: ets,
      etablissementsAvecConstats: ets.filter((e) => e.constats.length > 0),
      etablissementsSansConstat: ets
        .filter((e) => e.constats.length === 0)
        .map((e) => e.titre)
        .join(", "),
      conformite: {
        ref: c.ref,
        nom,
        ancre,
        etablissements: pubs.length,
        conformes,
        pourcentage: p,
        pourcentageTexte: percentText(p),
        constats: countOf(all),
      },
      totaux: countOf(all),
    };
  });

  const academies: AcademieVM[] = [...t.academies]
    .filter((a) => scope.refs.has(a.ref) || academieFindings.has(a.ref))
    .sort((a, b) => cmp(a.id, b.id))
    .map((a) => ({ ref: a.ref, code: a.id, nom: norm(a.data.nom), ancre: anchor("academie", a.id), constats: (academieFindings.get(a.ref) ?? []).sort(byConstat) }));

  // Themes.
  const groups = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
  const themes: ThemeVM[] = groups
    .map((g) => ({ groupe: g, libelle: groupLabel(g), ...countOf(constats.filter((c) => c.vm.regle.groupe === g).map((c) => c.vm)) }))
    .filter((th) => th.total > 0 || !["A", "I"].includes(th.groupe));

  // Maintenance matrix and coverage.
  const niveaux: NiveauVM[] = NIVEAUX.map((n) => ({ niveau: n, libelle: label(`maintenance.niveau.${n}`), description: label(`maintenance.niveauDescription.${n}`) }));
  const lignes: LigneMaintenanceVM[] = collectivites
    .filter((c) => c.etablissements.some((e) => e.public))
    .map((c) => ({
      ref: c.ref,
      nom: c.nom,
      cellules: NIVEAUX.map((n) => matrixCell(n, c.etablissements.filter((e) => e.public))),
    }));
  const couverture: CouvertureVM[] = NIVEAUX.map((n) => {
    const clairs = publics.filter((e) => resolved.get(e.ref)![n].clair).length;
    const p = ratio(clairs, publics.length);
    return { niveau: n, libelle: label(`maintenance.niveau.${n}`), clairs, total: publics.length, pourcentage: p, pourcentageTexte: percentText(p) };
  });

  const conformite = collectivites.filter((c) => c.conformite.etablissements > 0).map((c) => c.conformite);

  // Summary.
  const total = countOf(constats.map((c) => c.vm));
  const pubCount = publics.length;
  const synthese: SyntheseVM = {
    ...total,
    masques: suppressed.length,
    fichiers: result.summary.files,
    documents: result.summary.documents,
    collectivites: scope.collectivites.length,
    etablissements: etabs.length,
    etablissementsPublics: pubCount,
    conventions: scope.conventions.length,
    phrase:
      total.total === 0
        ? label("synthese.phraseAucun")
        : label("synthese.phrase", {
            constats: plural(total.total, "constat", "constats"),
            erreurs: plural(total.erreurs, "erreur", "erreurs"),
            avertissements: plural(total.avertissements, "avertissement", "avertissements"),
            infos: plural(total.infos, "information", "informations"),
          }),
    phraseMasques:
      suppressed.length === 0 ? null : suppressed.length === 1 ? label("synthese.phraseMasquesUn") : label("synthese.phraseMasques", { n: nombre.format(suppressed.length) }),
    territoire: label("synthese.territoire", {
      collectivites: plural(scope.collectivites.length, "collectivité", "collectivités"),
      etablissements: plural(etabs.length, "établissement", "établissements"),
      publics: nombre.format(pubCount),
      eple: plural(eplePublics.length, "EPLE", "EPLE"),
      ecoles: plural(publics.filter((e) => e.data.type === "ecole").length, "école", "écoles"),
      conventions: plural(scope.conventions.length, "convention", "conventions"),
    }),
    parSeverite: SEVERITIES.map((s) => ({ severite: s, libelle: label(`severitePluriel.${s}`), nombre: s === "error" ? total.erreurs : s === "warning" ? total.avertissements : total.infos })),
  };

  const masques = suppressed.map(toVM).sort(byConstat);
  const regles = [...rulesById.values()].sort((a, b) => cmp(a.groupe, b.groupe) || cmp(a.id, b.id));

  // Title.
  const academie = scope.academies[0] ?? t.academies[0];
  const titre = o.titre !== undefined ? norm(o.titre) : (academie ? label("titreDefautAcademie", { academie: norm(academie.data.nom) }) : label("titreDefaut"));

  const graphiques = charts(themes, conformite, couverture);

  const sommaire: SommaireVM[] = [];
  const section = (key: string, enfants: SommaireVM["enfants"] = []) => sommaire.push({ ancre: key, titre: label(`section.${key}`), enfants });
  section("synthese");
  section("indicateurs");
  section("themes");
  if (conformite.length > 0) section("conformite");
  section("maintenance");
  if (academies.some((a) => a.constats.length > 0)) section("academie");
  section(
    "collectivites",
    collectivites.map((c) => ({ ancre: c.ancre, titre: c.titre })),
  );
  if (sansCollectivite.length > 0) section("sansCollectivite");
  if (autres.length > 0) section("autres");
  if (masques.length > 0) section("masques");
  if (regles.length > 0) section("regles");
  section("methode");

  return {
    version: VIEW_MODEL_VERSION,
    titre,
    auteur: o.auteur !== undefined ? norm(o.auteur) : null,
    date,
    dateTexte: dateText(date),
    outil: { nom: "gouvnum", version: o.version },
    anonymise: false,
    perimetre: { ref: scope.ref, texte: scope.texte },
    libelles: labels(),
    sections: Object.fromEntries(SECTIONS.map((k) => [k, label(`section.${k}`)])),
    sommaire,
    synthese,
    indicateurs,
    evolution: null,
    historique: null,
    themes,
    conformite,
    maintenance: { niveaux, lignes, couverture },
    graphiques,
    academies,
    academiesAvecConstats: academies.filter((a) => a.constats.length > 0),
    collectivites,
    sansCollectivite,
    autresConstats: autres.sort(byConstat),
    masques,
    regles,
    piedDePage: label("produitPar", {
      outil: "gouvnum",
      version: o.version,
      fichiers: plural(result.summary.files, "fichier", "fichiers"),
      documents: plural(result.summary.documents, "document", "documents"),
      date: dateText(date),
    }),
  };
}

function actorLabel(a: string): string {
  return catalogue.cli[`${LABEL_PREFIX}acteur.${a}`] ?? a;
}

function matrixCell(niveau: number, etabs: readonly EtablissementVM[]): CelluleMaintenanceVM {
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

/** The charts of a view model, rebuilt from its (possibly rewritten) data. */
export function rebuildCharts(vm: Pick<RapportVM, "themes" | "conformite" | "maintenance">): RapportVM["graphiques"] {
  return charts(vm.themes, vm.conformite, vm.maintenance.couverture);
}

function charts(themes: readonly ThemeVM[], conformite: readonly ConformiteVM[], couverture: readonly CouvertureVM[]): RapportVM["graphiques"] {
  return { themes: themesChart(themes), conformite: conformityChart(conformite), maintenance: coverageChart(couverture) };
}

// ---------------------------------------------------------------------------------------------
// Charts (data → SVG; the text alternatives are built here, in French, from the catalogue).

function themesChart(themes: readonly ThemeVM[]): GraphiqueVM {
  const titre = label("graphique.themes.titre");
  const shown = themes.filter((th) => th.total > 0);
  const description =
    shown.length === 0
      ? label("graphique.themes.vide")
      : label("graphique.themes.description", {
          details: shown
            .map((th) => label("graphique.themes.detail", { theme: th.libelle, total: th.total, erreurs: th.erreurs, avertissements: th.avertissements, infos: th.infos }))
            .join(" ; "),
        });
  const id = "graphique-themes";
  return {
    id,
    titre,
    description,
    svg: stackedBarChart({
      id,
      titre,
      description,
      series: SEVERITIES.map((s) => ({ cle: s, libelle: label(`severitePluriel.${s}`) })),
      lignes: themes.map((th) => ({ libelle: th.libelle, valeurs: [th.erreurs, th.avertissements, th.infos] })),
      legende: label("graphique.legende"),
    }),
  };
}

function conformityChart(rows: readonly ConformiteVM[]): GraphiqueVM {
  const titre = label("graphique.conformite.titre");
  const description =
    rows.length === 0
      ? label("graphique.conformite.vide")
      : label("graphique.conformite.description", {
          details: rows.map((r) => label("graphique.conformite.detail", { collectivite: r.nom, part: r.pourcentageTexte, n: r.conformes, d: r.etablissements })).join(" ; "),
        });
  const id = "graphique-conformite";
  return {
    id,
    titre,
    description,
    svg: barChart({ id, titre, description, lignes: rows.map((r) => ({ libelle: r.nom, pourcentage: r.pourcentage ?? 0, valeurTexte: `${r.pourcentageTexte} (${r.conformes}/${r.etablissements})` })) }),
  };
}

function coverageChart(rows: readonly CouvertureVM[]): GraphiqueVM {
  const titre = label("graphique.maintenance.titre");
  const total = rows[0]?.total ?? 0;
  const description =
    total === 0
      ? label("graphique.maintenance.vide")
      : label("graphique.maintenance.description", {
          details: rows.map((r) => label("graphique.maintenance.detail", { niveau: r.libelle, part: r.pourcentageTexte, n: r.clairs, d: r.total })).join(" ; "),
        });
  const id = "graphique-maintenance";
  return {
    id,
    titre,
    description,
    svg: barChart({ id, titre, description, lignes: rows.map((r) => ({ libelle: r.libelle, pourcentage: r.pourcentage ?? 0, valeurTexte: `${r.pourcentageTexte} (${r.clairs}/${r.total})` })) }),
  };
}

/** The index of a split report: the whole territory's view model plus one row per collectivité page. */
export function buildIndexViewModel(whole: RapportVM, pages: PageVM[]): IndexVM {
  return { ...whole, titre: label("index.titre", { titre: whole.titre }), pages };
}
