// Audit: `--scope` — the findings of one entity and of what belongs to it (académie, collectivité, département, établissement).
import type { Finding } from "../core/finding.js";
import { departementFromCommune, departementFromUai } from "../core/domain.js";
import type { AcademieEntity, Territory } from "../model/territory.js";
import type { AuditResult } from "./engine.js";

export const SCOPE_KINDS = ["academie", "collectivite", "departement", "etablissement"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface AuditScope {
  kind: ScopeKind;
  id: string;
  /** Refs of the entities in scope (conventions included). */
  refs: Set<string>;
}

/** `kind:value` or a bare value; undefined when the text is not one. */
export function parseScope(value: string): { kind?: ScopeKind; value: string } | undefined {
  const m = /^(?:([a-z]+):)?([A-Za-z0-9_-]+)$/.exec(value.trim());
  if (!m || (m[1] !== undefined && !(SCOPE_KINDS as readonly string[]).includes(m[1]))) return undefined;
  return { kind: m[1] as ScopeKind | undefined, value: m[2] };
}

/** The département of a territory's établissement: its UAI's, and its commune's. */
function departementsOf(uai: string, commune: string | undefined): string[] {
  const out = [departementFromUai(uai)];
  if (commune && /^(?:\d{2}|2A|2B)\d{3}$/.test(commune)) out.push(departementFromCommune(commune));
  return out;
}

function normalizeDepartement(v: string): string {
  const u = v.toUpperCase();
  return /^0\d{2}$/.test(u) ? u.slice(1) : /^\d$/.test(u) ? `0${u}` : u;
}

/** The scope a `--scope` value designates in the territory; undefined when nothing matches. A bare value is tried as a collectivité, an académie, a UAI, then a département. */
export function resolveAuditScope(t: Territory, value: string): AuditScope | undefined {
  const p = parseScope(value);
  if (!p) return undefined;
  const tries: ScopeKind[] = p.kind ? [p.kind] : ["collectivite", "academie", "etablissement", "departement"];
  for (const kind of tries) {
    const scope = build(t, kind, p.value);
    if (scope) return scope;
  }
  return undefined;
}

function build(t: Territory, kind: ScopeKind, raw: string): AuditScope | undefined {
  const refs = new Set<string>();
  let id = raw;
  if (kind === "departement") {
    id = normalizeDepartement(raw);
    const etabs = t.etablissements.filter((e) => departementsOf(e.id, e.data.commune?.code_insee).includes(id));
    for (const e of etabs) refs.add(e.ref);
    for (const c of t.collectivites) {
      const code = c.data.code_insee;
      const located =
        c.data.type === "departement" || c.data.type === "collectivite_unique"
          ? normalizeDepartement(code) === id
          : c.data.type === "commune"
            ? /^(?:\d{2}|2A|2B)\d{3}$/.test(code) && departementFromCommune(code) === id
            : // EPCI and métropoles (SIREN codes): located where their établissements are.
              c.data.type !== "region" && t.etablissementsOf(c).some((e) => refs.has(e.ref));
      if (located) refs.add(c.ref);
    }
    if (refs.size === 0) return undefined;
  } else {
    if (kind === "etablissement") id = raw.toUpperCase();
    const entity = t.get(`${kind}:${id}`);
    if (!entity) return undefined;
    refs.add(entity.ref);
    if (entity.kind === "collectivite") for (const e of t.etablissementsOf(entity)) refs.add(e.ref);
    if (entity.kind === "academie") {
      for (const c of t.collectivites) if (c.data.academie === entity.data.code) refs.add(c.ref);
      for (const e of t.etablissements) if (e.data.academie === entity.data.code) refs.add(e.ref);
    }
  }
  for (const c of t.conventions) if ((c.data.parties ?? []).some((p) => refs.has(p))) refs.add(c.ref);
  return { kind, id, refs };
}

/** Whether a finding belongs to the scope: its entity does, or (an académie finding) the members of the instance it is about. */
export function inScope(t: Territory, scope: AuditScope, f: Finding): boolean {
  if (scope.refs.has(f.entity)) return true;
  if (scope.kind === "etablissement" || !f.entity.startsWith("academie:")) return false;
  const m = /^\/instances\/(\d+)/.exec(f.pointer);
  const a = t.get<AcademieEntity>(f.entity);
  if (!m || !a || a.kind !== "academie") return false;
  return (a.data.instances?.[Number(m[1])]?.membres ?? []).some((r) => scope.refs.has(r));
}

/** Keeps the findings in scope and counts them again. */
export function restrictToScope(result: AuditResult, scope: AuditScope): void {
  result.findings = result.findings.filter((f) => inScope(result.territory, scope, f));
  const counted = result.findings.filter((f) => !f.suppressed && !f.known);
  const s = result.summary;
  s.errors = counted.filter((f) => f.severity === "error").length;
  s.warnings = counted.filter((f) => f.severity === "warning").length;
  s.infos = counted.filter((f) => f.severity === "info").length;
  s.suppressed = result.findings.filter((f) => f.suppressed).length;
  s.known = result.findings.filter((f) => f.known && !f.suppressed).length;
}
