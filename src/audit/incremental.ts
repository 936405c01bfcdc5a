// Audit: what a long-lived audit (watch mode, language server) keeps from one run to the next so that an edit costs
// what it touches. Rules declared `scope: "entity"` report on an entity only from that entity and its neighbours
// (its collectivité, its établissements, the conventions it is a party to, their parties); after a change, such a
// rule runs again only on the entities within two steps of what changed, and its other findings are carried over.
// Every other rule runs on the whole territory each time. A test compares the result with a full audit after edits.
import type { Finding } from "../core/finding.js";
import type { LoadedDocument } from "../load/document.js";
import type { Territory } from "../model/territory.js";

/** A finding as an entity-scoped rule reported it, with the document it is about and which side it points at. */
export interface Recorded {
  doc: LoadedDocument;
  finding: Finding;
  at: "value" | "key";
}

export interface IncrementalState {
  /** What the rules' results depend on besides the documents: date, rules, severities, options. */
  key: string;
  territory: Territory;
  documents: Set<LoadedDocument>;
  /** Each entity-scoped rule's findings of the last run. */
  byRule: Map<string, Recorded[]>;
  /** How many documents the entity-scoped rules looked at in the last run (undefined: all of them). */
  affected?: number;
}

/**
 * The documents whose entity-scoped findings may have changed since `prev`, or undefined when everything may have
 * (the académie changed: every rule reads it). Documents new since `prev` are the changed files' documents; documents
 * gone since are in the set too, so that nothing of theirs is carried over.
 */
export function affectedDocuments(prev: IncrementalState, territory: Territory, documents: readonly LoadedDocument[]): Set<LoadedDocument> | undefined {
  const now = new Set(documents);
  const touched: LoadedDocument[] = [];
  for (const d of documents) if (!prev.documents.has(d)) touched.push(d);
  for (const d of prev.documents) if (!now.has(d)) touched.push(d);
  const affected = new Set<LoadedDocument>();
  if (touched.length === 0) return affected;
  let frontier = new Set<string>();
  for (const d of touched) {
    if (d.kind === "academie" || (d.kind === undefined && isAcademieLike(d))) return undefined;
    affected.add(d); // removed documents too: their findings are not carried over
    if (d.entity) frontier.add(d.entity);
  }
  const refs = new Set(frontier);
  for (let hop = 0; hop < 2; hop++) {
    const next = new Set<string>();
    for (const ref of frontier) {
      for (const t of [prev.territory, territory]) {
        for (const n of neighbours(t, ref)) if (!refs.has(n)) next.add(n);
      }
    }
    for (const n of next) refs.add(n);
    frontier = next;
  }
  for (const d of documents) if (d.entity && refs.has(d.entity)) affected.add(d);
  return affected;
}

/** A document whose kind could not be read may have been the académie: its removal or breakage changes everything. */
function isAcademieLike(d: LoadedDocument): boolean {
  const v = d.value;
  return typeof v === "object" && v !== null && (v as Record<string, unknown>).kind === "academie";
}

/** The refs one step from `ref` in a territory: an établissement's collectivité, a collectivité's établissements, conventions and their parties. */
function neighbours(t: Territory, ref: string): string[] {
  const out: string[] = [];
  for (const c of t.conventionsOf(ref)) out.push(c.ref);
  const e = t.get(ref);
  if (e?.kind === "etablissement" && e.data.collectivite) out.push(`collectivite:${e.data.collectivite}`);
  if (ref.startsWith("collectivite:")) {
    const c = t.get(ref);
    if (c?.kind === "collectivite") for (const x of t.etablissementsOf(c)) out.push(x.ref);
  }
  if (e?.kind === "convention") for (const p of e.data.parties ?? []) out.push(p);
  return out;
}

/**
 * The territory as an entity-scoped rule sees it after a change: every lookup, but only the affected entities to loop
 * over. The académies stay whole: rules read their instances as data, and a change to an académie re-runs everything.
 */
export function restrictedTerritory(territory: Territory, affected: Set<LoadedDocument>): Territory {
  const keep = <E extends { doc: LoadedDocument }>(list: readonly E[]) => list.filter((e) => affected.has(e.doc));
  const view = Object.create(territory) as Territory;
  Object.defineProperties(view, {
    collectivites: { value: keep(territory.collectivites) },
    etablissements: { value: keep(territory.etablissements) },
    conventions: { value: keep(territory.conventions) },
    collectivitesAvecEtablissements: { value: () => keep(territory.collectivitesAvecEtablissements()) },
  });
  return view;
}
