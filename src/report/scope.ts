// Report: the perimeter of a report — the whole territory, or what a `--scope` selects (src/audit/scope.ts, shared with
// audit and collect; a département's collectivités are those its établissements are attached to) and its label.
import type { Finding } from "../core/finding.js";
import { inScope, parseScope, resolveScope, selectScope, type ScopeKind } from "../audit/scope.js";
import type { AcademieEntity, CollectiviteEntity, ConventionEntity, EtablissementEntity, Territory } from "../model/territory.js";
import { label, norm } from "./text.js";

export { parseScope };

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

const REPORT = { departement: "rattachement" } as const;

/** Resolves a `--scope` value to a ref the report knows; undefined when nothing matches. A bare value is a collectivité id, an académie code, a UAI or a département code, in that order. */
export function resolveScopeRef(t: Territory, value: string): string | undefined {
  return resolveScope(t, value, REPORT)?.ref;
}

export function buildScope(t: Territory, ref: string | undefined, departementNom: (code: string) => string): Scope {
  if (!ref) {
    const refs = new Set<string>(t.byRef.keys());
    return { ref: null, kind: null, academies: [...t.academies], collectivites: [...t.collectivites], etablissements: [...t.etablissements], conventions: [...t.conventions], refs, texte: label("perimetreTout") };
  }
  const kind = ref.slice(0, ref.indexOf(":")) as ScopeKind;
  const s = selectScope(t, kind, ref.slice(ref.indexOf(":") + 1), REPORT);
  if (!s) throw new Error(`périmètre inconnu : ${ref}`);
  const first = (kind === "academie" ? s.academies[0] : kind === "collectivite" ? s.collectivites[0] : kind === "etablissement" ? s.etablissements[0] : undefined)?.data.nom;
  const texte =
    kind === "departement"
      ? label("perimetreDepartement", { nom: departementNom(s.id), code: s.id })
      : kind === "collectivite"
        ? label("perimetreCollectivite", { nom: norm(first ?? s.id) })
        : kind === "etablissement"
          ? label("perimetreEtablissement", { nom: norm(first ?? s.id), uai: s.id })
          : label("perimetreAcademie", { nom: norm(first ?? s.id) });
  return { ref: s.ref, kind, academies: s.academies, collectivites: s.collectivites, etablissements: s.etablissements, conventions: s.conventions, refs: s.refs, texte };
}

export function findingInScope(t: Territory, scope: Scope, f: Finding): boolean {
  if (scope.ref === null || scope.kind === null) return true;
  return inScope(t, { kind: scope.kind, refs: scope.refs }, f);
}
