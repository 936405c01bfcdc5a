// Report: the context every section builder reads — the audit result in a scope, the findings placed, the shared facts computed once.
import type { AuditResult, RuleRun } from "../audit/engine.js";
import type { Finding } from "../core/finding.js";
import { activeConcertationMembers, coveredByConvention, DEFAULT_AGE_MAX_ANS, departementOf, obsoleteDevices, type ObsoleteDevices } from "../model/facts.js";
import { isEple, isPublic, type EtablissementEntity, type NiveauResolu, type Territory } from "../model/territory.js";
import { departementNom } from "./carte.js";
import { buildScope, findingInScope, type Scope } from "./scope.js";
import { byEtablissement, capitalize, label, norm, ruleVM, severityLabel } from "./text.js";
import type { ConstatVM, EtablissementVM, EvolutionVM, HistoriqueVM, RapportVM, RegleVM } from "./vm-types.js";

export interface ViewModelOptions {
  /** gouvnum's version. */
  version: string;
  /** Report title (default: from the académie). */
  titre?: string;
  auteur?: string;
  /** `collectivite:<id>`, `academie:<code>`, `departement:<code>` or `etablissement:<UAI>` (resolved by `resolveScopeRef`). */
  scope?: string;
  /** Whether the per-collectivité and per-établissement detail goes in the report: `auto` (default) up to {@link DETAILS_MAX} établissements. */
  details?: "auto" | "toujours" | "jamais";
  /** The « Évolution » section (`--compare`) and the indicators over time (`--history`), computed by the command (./sections/evolution.ts). */
  evolution?: EvolutionVM | null;
  historique?: HistoriqueVM | null;
  /** Whether the appendix gives each rule's whole text (default: when the report holds its detail); false for the files of `--split-by`. */
  reglesCompletes?: boolean;
}

/** Up to this many établissements, the main report holds the per-collectivité and per-établissement detail. */
export const DETAILS_MAX = 40;

export interface ReportContext {
  result: AuditResult;
  t: Territory;
  date: string;
  options: ViewModelOptions;
  scope: Scope;
  runs: Map<string, RuleRun>;
  /** Rules cited, built once (the appendix lists them). */
  rules: Map<string, RegleVM>;
  ruleOf(f: Finding): RegleVM;
  toVM(f: Finding): ConstatVM;
  /** Counted findings in scope, with their view. */
  constats: Array<{ f: Finding; vm: ConstatVM }>;
  suppressed: Finding[];
  /** Where each finding is shown. */
  placement: {
    byEntity: Map<string, ConstatVM[]>;
    conventionsByCollectivite: Map<string, ConstatVM[]>;
    conventionsByEtablissement: Map<string, ConstatVM[]>;
    academie: Map<string, ConstatVM[]>;
    autres: ConstatVM[];
  };
  /** Établissements in scope, sorted; public ones; public EPLE. */
  etabs: EtablissementEntity[];
  publics: EtablissementEntity[];
  eplePublics: EtablissementEntity[];
  /** Shared facts (src/model/): maintenance levels of public établissements, coverage by convention, devices, active instances. */
  resolved: Map<string, NiveauResolu[]>;
  covered: Set<string>;
  devices: Map<string, ObsoleteDevices>;
  actifs: Set<string>;
  ageDefault: number;
  departement(e: EtablissementEntity): string | undefined;
  departementNom(code: string): string;
  /** Établissement views by ref (filled by the `etablissements` section). */
  etablissements: Map<string, EtablissementVM>;
  /** The view model so far: each section adds its fields; later sections read earlier ones with `got`. */
  vm: Partial<RapportVM>;
  got<K extends keyof RapportVM>(key: K): RapportVM[K];
}

/** An entity's name in French (« le collège X (0350017D) », « la convention … entre A, B »), from its ref; for a finding without one, its file. */
export function entityLabel(t: Territory, ref: string, file: string): string {
  const e = t.byRef.get(ref);
  if (!e) return ref || label("entite.aucune", { fichier: norm(file) });
  switch (e.kind) {
    case "etablissement":
      return label("entite.etablissement", { nom: norm(e.data.nom), uai: e.id });
    case "collectivite":
      return label("entite.collectivite", { nom: norm(e.data.nom) });
    case "academie":
      return label("entite.academie", { nom: norm(e.data.nom) });
    case "convention":
      return label("entite.convention", {
        type: capitalize(label(`typeConvention.${e.data.type}`)),
        parties: (e.data.parties ?? []).map((p) => { const x = t.byRef.get(p); return x && x.kind !== "convention" ? norm(x.data.nom) : p; }).join(", "),
      });
  }
}

/** The age past which a device is obsolete when its collectivité sets none: the `equipement-obsolete` rule's option, else its default. */
export function obsoleteAgeDefault(result: Pick<AuditResult, "rules">): number {
  const option = result.rules.find((r) => r.rule.id === "equipement-obsolete")?.options.age_max_ans;
  return option === undefined ? DEFAULT_AGE_MAX_ANS : Number(option);
}

/** Where each finding goes: by entity; a convention's under the établissements party to it, else its collectivités, else the académie. */
function placeFindings(t: Territory, scope: Scope, constats: ReadonlyArray<{ f: Finding; vm: ConstatVM }>): ReportContext["placement"] {
  const placement: ReportContext["placement"] = { byEntity: new Map(), conventionsByCollectivite: new Map(), conventionsByEtablissement: new Map(), academie: new Map(), autres: [] };
  const push = (map: Map<string, ConstatVM[]>, key: string, c: ConstatVM) => {
    const l = map.get(key);
    if (l) l.push(c);
    else map.set(key, [c]);
  };
  const collectiviteRefs = new Set(scope.collectivites.map((c) => c.ref));
  for (const { f, vm } of constats) {
    const e = t.byRef.get(f.entity);
    if (!e) placement.autres.push(vm);
    else if (e.kind === "convention") {
      const parties = e.data.parties ?? [];
      const etabParties = parties.filter((p) => p.startsWith("etablissement:") && scope.refs.has(p) && t.byRef.has(p));
      if (etabParties.length > 0) for (const p of etabParties) push(placement.conventionsByEtablissement, p, vm);
      else {
        const targets = parties.filter((p) => collectiviteRefs.has(p));
        if (targets.length > 0) for (const r of targets) push(placement.conventionsByCollectivite, r, vm);
        else {
          const a = parties.find((p) => p.startsWith("academie:") && t.byRef.has(p));
          if (a) push(placement.academie, a, vm);
          else placement.autres.push(vm);
        }
      }
    } else if (e.kind === "academie") push(placement.academie, e.ref, vm);
    else push(placement.byEntity, e.ref, vm);
  }
  return placement;
}

export function createContext(result: AuditResult, o: ViewModelOptions): ReportContext {
  const t = result.territory;
  const date = result.date;
  const scope = buildScope(t, o.scope, departementNom);
  const runs = new Map(result.rules.map((r) => [r.rule.id, r]));
  const rules = new Map<string, RegleVM>();
  const ruleOf = (f: Finding): RegleVM => {
    let r = rules.get(f.ruleId);
    if (!r) {
      r = ruleVM(f.ruleId, f.severity, runs.get(f.ruleId)?.rule.group ?? "A");
      rules.set(f.ruleId, r);
    }
    return r;
  };
  const toVM = (f: Finding): ConstatVM => ({
    regle: ruleOf(f),
    severite: f.severity,
    severiteLibelle: severityLabel(f.severity),
    message: norm(f.message),
    entite: f.entity,
    entiteLibelle: entityLabel(t, f.entity, f.file),
    fichier: norm(f.file),
    ligne: f.line,
    colonne: f.column,
    emplacement: label("constats.emplacement", { fichier: norm(f.file), ligne: f.line }),
    masque: f.suppressed ? f.suppressed.reason : null,
  });

  const inScope = result.findings.filter((f) => findingInScope(t, scope, f));
  const constats = inScope.filter((f) => !f.suppressed && !f.known).map((f) => ({ f, vm: toVM(f) }));
  const suppressed = inScope.filter((f) => f.suppressed);

  const placement = placeFindings(t, scope, constats);

  // Shared facts, computed once by the functions the rules use.
  const ageDefault = obsoleteAgeDefault(result);
  const etabs = [...scope.etablissements].sort(byEtablissement);
  const publics = etabs.filter((e) => isPublic(e.data));
  const eplePublics = publics.filter((e) => isEple(e.data));
  const departements = new Map<string, string | undefined>(etabs.map((e) => [e.ref, departementOf(e)]));

  const vm: Partial<RapportVM> = {};
  return {
    result,
    t,
    date,
    options: o,
    scope,
    runs,
    rules,
    ruleOf,
    toVM,
    constats,
    suppressed,
    placement,
    etabs,
    publics,
    eplePublics,
    resolved: new Map(publics.map((e) => [e.ref, t.resolveMaintenance(e, date)])),
    covered: new Set(eplePublics.filter((e) => coveredByConvention(t, e, date)).map((e) => e.ref)),
    devices: new Map(etabs.map((e) => [e.ref, obsoleteDevices(t, e, date, ageDefault)])),
    actifs: activeConcertationMembers(t, date),
    ageDefault,
    departement: (e) => (departements.has(e.ref) ? departements.get(e.ref) : departementOf(e)),
    departementNom,
    etablissements: new Map(),
    vm,
    got(key) {
      if (!(key in vm)) throw new Error(`section du modèle de vue pas encore construite : ${String(key)}`);
      return vm[key] as RapportVM[typeof key];
    },
  };
}
