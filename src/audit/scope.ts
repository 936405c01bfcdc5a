// What a `--scope` selects — one implementation for `audit`, `report` and `collect export`: an académie, a collectivité,
// a département or an établissement, and what belongs to it. Each command then keeps what it needs (audit and report:
// the findings of the entities selected; collect: the établissements).
import type { Finding } from "../core/finding.js";
import { departementOf } from "../model/facts.js";
import type { AcademieEntity, CollectiviteEntity, ConventionEntity, EtablissementEntity, Territory } from "../model/territory.js";
import type { AuditResult } from "./engine.js";

export const SCOPE_KINDS = ["academie", "collectivite", "departement", "etablissement"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * The collectivités of a département scope. `situees`: those located in it (a département or commune by its INSEE code,
 * an EPCI or métropole by its établissements; never a région) — audit. `rattachement`: those its établissements are
 * attached to (the région of its lycées included) — report, whose detail goes by collectivité de rattachement.
 */
export type DepartementCollectivites = "situees" | "rattachement";

export interface ScopeSelection {
  kind: ScopeKind;
  /** The id as normalised: a UAI in capitals, a département code without a leading 0 before two digits (`35`, `2A`, `971`). */
  id: string;
  /** `kind:id`. */
  ref: string;
  academies: AcademieEntity[];
  collectivites: CollectiviteEntity[];
  etablissements: EtablissementEntity[];
  /** The conventions one of the selected entities is party to. */
  conventions: ConventionEntity[];
  /**
   * Refs whose findings are in scope: every entity selected and its conventions — except that an établissement's scope
   * keeps its own findings and its conventions', not its collectivité's (listed in `collectivites` for context).
   */
  refs: Set<string>;
}

/** `kind:value` or a bare value; undefined when the text is not one. */
export function parseScope(value: string): { kind?: ScopeKind; value: string } | undefined {
  const m = /^(?:([a-z]+):)?([A-Za-z0-9_-]+)$/.exec(value.trim());
  if (!m || (m[1] !== undefined && !(SCOPE_KINDS as readonly string[]).includes(m[1]))) return undefined;
  return { kind: m[1] as ScopeKind | undefined, value: m[2] };
}

/** `035` → `35`, `5` → `05`, `2a` → `2A`. */
export function normalizeDepartement(v: string): string {
  const u = v.toUpperCase();
  return /^0\d{2}$/.test(u) ? u.slice(1) : /^\d$/.test(u) ? `0${u}` : u;
}

const INSEE = /^(?:\d{2}|2A|2B)\d{3}$/;

/** The département of a collectivité located in one by its INSEE code (département, collectivité unique, commune), else undefined. */
function departementOfCollectivite(c: CollectiviteEntity): string | undefined {
  const code = c.data.code_insee;
  if (typeof code !== "string") return undefined;
  if (c.data.type === "departement" || c.data.type === "collectivite_unique") return normalizeDepartement(code);
  if (c.data.type === "commune" && INSEE.test(code.toUpperCase())) return code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2).toUpperCase();
  return undefined;
}

/**
 * The entities a scope selects; undefined when nothing matches. An établissement is in a département by its commune,
 * else by its UAI (`departementOf`, as the report's map places it).
 */
export function selectScope(t: Territory, kind: ScopeKind, raw: string, o: { departement?: DepartementCollectivites } = {}): ScopeSelection | undefined {
  let academies: AcademieEntity[] = [];
  let collectivites: CollectiviteEntity[];
  let etablissements: EtablissementEntity[];
  let id = raw;
  if (kind === "departement") {
    id = normalizeDepartement(raw);
    etablissements = t.etablissements.filter((e) => departementOf(e) === id);
    if (o.departement === "rattachement") {
      const attached = new Set(etablissements.map((e) => t.collectiviteOf(e)).filter((c): c is CollectiviteEntity => c !== undefined));
      collectivites = t.collectivites.filter((c) => attached.has(c));
    } else {
      const inside = new Set(etablissements);
      collectivites = t.collectivites.filter((c) => {
        const d = departementOfCollectivite(c);
        if (d !== undefined) return d === id;
        // EPCI and métropoles (SIREN codes): located where their établissements are.
        return c.data.type !== "region" && t.etablissementsOf(c).some((e) => inside.has(e));
      });
    }
    if (etablissements.length === 0 && collectivites.length === 0) return undefined;
  } else {
    if (kind === "etablissement") id = raw.toUpperCase();
    const entity = t.get(`${kind}:${id}`);
    if (!entity || entity.kind === "convention") return undefined;
    if (entity.kind === "collectivite") {
      collectivites = [entity];
      etablissements = t.etablissementsOf(entity);
    } else if (entity.kind === "etablissement") {
      etablissements = [entity];
      const c = t.collectiviteOf(entity);
      collectivites = c ? [c] : [];
    } else {
      academies = [entity];
      collectivites = t.collectivites.filter((c) => c.data.academie === entity.data.code);
      etablissements = t.etablissements.filter((e) => e.data.academie === entity.data.code);
    }
  }
  const owners = kind === "etablissement" ? etablissements : [...academies, ...collectivites, ...etablissements];
  const refs = new Set<string>(owners.map((e) => e.ref));
  const conventions = t.conventions.filter((c) => (c.data.parties ?? []).some((p) => refs.has(p)));
  for (const c of conventions) refs.add(c.ref);
  return { kind, id, ref: `${kind}:${id}`, academies, collectivites, etablissements, conventions, refs };
}

/** The scope a `--scope` value designates; undefined when nothing matches. A bare value is tried as a collectivité, an académie, a UAI, then a département. */
export function resolveScope(t: Territory, value: string, o: { departement?: DepartementCollectivites } = {}): ScopeSelection | undefined {
  const p = parseScope(value);
  if (!p) return undefined;
  const tries: ScopeKind[] = p.kind ? [p.kind] : ["collectivite", "academie", "etablissement", "departement"];
  for (const kind of tries) {
    const scope = selectScope(t, kind, p.value, o);
    if (scope) return scope;
  }
  return undefined;
}

/** Whether a finding belongs to the scope: its entity does, or (an académie finding) the members of the instance it is about. */
export function inScope(t: Territory, scope: Pick<ScopeSelection, "kind" | "refs">, f: Finding): boolean {
  if (scope.refs.has(f.entity)) return true;
  if (scope.kind === "etablissement" || !f.entity.startsWith("academie:")) return false;
  const m = /^\/instances\/(\d+)/.exec(f.pointer);
  const a = t.get<AcademieEntity>(f.entity);
  if (!m || !a || a.kind !== "academie") return false;
  return (a.data.instances?.[Number(m[1])]?.membres ?? []).some((r) => scope.refs.has(r));
}

/** Audit: the scope of `audit --scope` (collectivités located in a département). */
export function resolveAuditScope(t: Territory, value: string): ScopeSelection | undefined {
  return resolveScope(t, value, { departement: "situees" });
}

/** Keeps the findings in scope and counts them again. */
export function restrictToScope(result: AuditResult, scope: ScopeSelection): void {
  result.findings = result.findings.filter((f) => inScope(result.territory, scope, f));
  const counted = result.findings.filter((f) => !f.suppressed && !f.known);
  const s = result.summary;
  s.errors = counted.filter((f) => f.severity === "error").length;
  s.warnings = counted.filter((f) => f.severity === "warning").length;
  s.infos = counted.filter((f) => f.severity === "info").length;
  s.suppressed = result.findings.filter((f) => f.suppressed).length;
  s.known = result.findings.filter((f) => f.known && !f.suppressed).length;
}
