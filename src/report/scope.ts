// Report: the perimeter of a report — the whole territory, an académie, a collectivité, a département or one établissement.
import type { Finding } from "../core/finding.js";
import { departementOf } from "../model/facts.js";
import type { AcademieEntity, CollectiviteEntity, ConventionEntity, EtablissementEntity, Territory } from "../model/territory.js";
import { label, norm } from "./text.js";

export const SCOPE_KINDS = ["academie", "collectivite", "departement", "etablissement"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** `kind:value` of a `--scope` argument, or a bare value (kind undefined); undefined when it is not well formed. */
export function parseScope(value: string): { kind?: ScopeKind; value: string } | undefined {
  const m = /^(?:([a-z]+):)?([A-Za-z0-9_-]+)$/.exec(value.trim());
  if (!m) return undefined;
  if (m[1] !== undefined && !(SCOPE_KINDS as readonly string[]).includes(m[1])) return undefined;
  return { kind: m[1] as ScopeKind | undefined, value: m[2] };
}

export interface Scope {
  /** The scope's ref (`collectivite:dep-35`, `departement:35`, `etablissement:0350017D`), null for the whole territory. */
  ref: string | null;
  kind: ScopeKind | null;
  academies: AcademieEntity[];
  collectivites: CollectiviteEntity[];
  etablissements: EtablissementEntity[];
  conventions: ConventionEntity[];
  refs: Set<string>;
  texte: string;
}

/** The département codes that have établissements in the territory. */
export function departementsOf(t: Territory): string[] {
  return [...new Set(t.etablissements.map(departementOf).filter((d): d is string => d !== undefined))].sort();
}

/** Resolves a `--scope` value to a ref the report knows; undefined when nothing matches. A bare value is a collectivité id, an académie code, a UAI or a département code, in that order. */
export function resolveScopeRef(t: Territory, value: string): string | undefined {
  const p = parseScope(value);
  if (!p) return undefined;
  const v = p.value;
  const departements = new Set(departementsOf(t));
  const tries: Array<[ScopeKind, string]> =
    p.kind !== undefined
      ? [[p.kind, p.kind === "etablissement" || p.kind === "departement" ? v.toUpperCase() : v]]
      : [
          ["collectivite", v],
          ["academie", v],
          ["etablissement", v.toUpperCase()],
          ["departement", v.toUpperCase()],
        ];
  for (const [kind, id] of tries) {
    if (kind === "departement") {
      const code = /^\d$/.test(id) ? `0${id}` : id;
      if (departements.has(code)) return `departement:${code}`;
    } else if (t.byRef.has(`${kind}:${id}`)) return `${kind}:${id}`;
  }
  return undefined;
}

export function buildScope(t: Territory, ref: string | undefined, departementNom: (code: string) => string): Scope {
  if (!ref) {
    const refs = new Set<string>(t.byRef.keys());
    return { ref: null, kind: null, academies: [...t.academies], collectivites: [...t.collectivites], etablissements: [...t.etablissements], conventions: [...t.conventions], refs, texte: label("perimetreTout") };
  }
  const kind = ref.slice(0, ref.indexOf(":")) as ScopeKind;
  const id = ref.slice(ref.indexOf(":") + 1);
  let collectivites: CollectiviteEntity[];
  let etablissements: EtablissementEntity[];
  let academies: AcademieEntity[] = [];
  let texte: string;
  if (kind === "departement") {
    etablissements = t.etablissements.filter((e) => departementOf(e) === id);
    const attached = new Set(etablissements.map((e) => e.data.collectivite).filter(Boolean));
    collectivites = t.collectivites.filter((c) => attached.has(c.id));
    texte = label("perimetreDepartement", { nom: departementNom(id), code: id });
  } else {
    const entity = t.byRef.get(ref);
    if (!entity || entity.kind === "convention") throw new Error(`périmètre inconnu : ${ref}`);
    if (entity.kind === "collectivite") {
      collectivites = [entity];
      etablissements = t.etablissementsOf(entity);
      texte = label("perimetreCollectivite", { nom: norm(entity.data.nom) });
    } else if (entity.kind === "etablissement") {
      etablissements = [entity];
      const c = t.collectiviteOf(entity);
      collectivites = c ? [c] : [];
      texte = label("perimetreEtablissement", { nom: norm(entity.data.nom), uai: entity.id });
    } else {
      collectivites = t.collectivites.filter((c) => c.data.academie === entity.data.code);
      etablissements = t.etablissements.filter((e) => e.data.academie === entity.data.code);
      academies = [entity];
      texte = label("perimetreAcademie", { nom: norm(entity.data.nom) });
    }
  }
  // An établissement's sheet keeps its own findings and those of its conventions, not its collectivité's.
  const owners = kind === "etablissement" ? etablissements : [...academies, ...collectivites, ...etablissements];
  const refs = new Set<string>(owners.map((e) => e.ref));
  const conventions = t.conventions.filter((c) => (c.data.parties ?? []).some((p) => refs.has(p)));
  for (const c of conventions) refs.add(c.ref);
  return { ref, kind, academies, collectivites, etablissements, conventions, refs, texte };
}

/** Collectivités an académie finding is about: the members of the instance its pointer designates. */
function academieFindingMembers(t: Territory, f: Finding): string[] {
  const m = /^\/instances\/(\d+)/.exec(f.pointer);
  const a = t.get<AcademieEntity>(f.entity);
  if (!m || !a || a.kind !== "academie") return [];
  return a.data.instances?.[Number(m[1])]?.membres ?? [];
}

export function findingInScope(t: Territory, scope: Scope, f: Finding): boolean {
  if (scope.ref === null) return true;
  if (scope.refs.has(f.entity)) return true;
  if (scope.kind !== "etablissement" && f.entity.startsWith("academie:")) return academieFindingMembers(t, f).some((m) => scope.refs.has(m));
  return false;
}
