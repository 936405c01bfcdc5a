// Model: the compact facts model — what cross-document (`territory`-phase) rules read instead of the documents'
// values. The per-file stage extracts each document's facts as plain data (`extractFacts`, on the thread that
// parsed the file, kept with the file's result by the cache and the memo); the engine gathers them in a `FactsModel`
// with each document's identity. Extraction is lenient (documents of any validity: group A rules look at them all).
//
// Two forms: each document's `DocFacts` (its identity and every reference it makes, with pointers — what
// `identifiant-duplique` and `reference-inconnue` read, for documents of any validity), and its value projected to
// the fact families (./project.ts) — what the territory graph of the other cross-document rules is built from once
// the run drops the documents' values.
import type { Kind } from "../../core/domain.js";
import { isPlainObject, joinPointer, type LoadedDocument } from "../../load/document.js";
import { ETAT } from "../territory.js";

export { FACT_FAMILIES, projectValue, type FactFamily } from "./project.js";

/** One document's facts as the per-file stage extracts them: plain data (structured-cloneable, cacheable). */
export interface DocFacts {
  /** `references`: each reference to another document, `[pointer, ref]`, in document order (text, not checked). */
  refs: Array<[string, string]>;
  /** `references`, a convention: its parties as written (undefined where not text). */
  parties?: Array<string | undefined>;
  /** `references`, a convention: each signature's party, `[pointer of /signatures/i/partie, party]`. */
  signatures?: Array<[string, string]>;
  /** `references`, an établissement: its circonscription's UAI. */
  circonscription?: string;
  /** `references`, an académie: the UAIs of the circonscriptions it declares, when it declares a list. */
  circonscriptions?: string[];
}

/** A document's facts with its identity (`ids`) and the document itself, to report on and locate — never to read. */
export interface DocumentFacts extends Readonly<DocFacts> {
  readonly doc: LoadedDocument;
  /** `ids`: the kind when it is one of the four. */
  readonly kind?: Kind;
  /** `ids`: `kind:id`, "" when the id is not known. */
  readonly entity: string;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});

/** Extracts a document's facts from its value (of any validity). */
export function extractFacts(doc: Pick<LoadedDocument, "kind" | "value">): DocFacts {
  const v = rec(doc.value);
  const refs: Array<[string, string]> = [];
  const ref = (pointer: string, r: string | undefined) => {
    if (r) refs.push([pointer, r]);
  };
  const facts: DocFacts = { refs };
  switch (doc.kind) {
    case "etablissement": {
      const c = str(v.collectivite);
      // `collectivite: etat` (Mayotte) names the State, not a document.
      if (c && c !== ETAT) ref("/collectivite", `collectivite:${c}`);
      const derog = str(rec(v.rattachement_derogatoire).convention);
      if (derog) ref("/rattachement_derogatoire/convention", `convention:${derog}`);
      const circ = str(v.circonscription);
      if (circ) facts.circonscription = circ;
      break;
    }
    case "convention": {
      const parties = list(v.parties).map(str);
      parties.forEach((p, i) => ref(joinPointer("parties", i), p));
      facts.parties = parties;
      const signatures: Array<[string, string]> = [];
      list(v.signatures).forEach((s, i) => {
        const partie = str(rec(s).partie);
        if (partie) signatures.push([joinPointer("signatures", i, "partie"), partie]);
      });
      facts.signatures = signatures;
      break;
    }
    case "academie": {
      list(v.instances).forEach((inst, i) => list(rec(inst).membres).forEach((m, j) => ref(joinPointer("instances", i, "membres", j), str(m))));
      const conv = str(rec(v.maintenance_residuelle).convention);
      if (conv) ref("/maintenance_residuelle/convention", `convention:${conv}`);
      if (Array.isArray(v.circonscriptions)) {
        const uais: string[] = [];
        for (const c of v.circonscriptions) {
          const u = str(rec(c).uai);
          if (u) uais.push(u);
        }
        facts.circonscriptions = uais;
      }
      break;
    }
    case "collectivite":
      list(rec(v.ent).mutualise_avec).forEach((id, i) => {
        const s = str(id);
        if (s) ref(joinPointer("ent", "mutualise_avec", i), `collectivite:${s}`);
      });
      break;
  }
  return facts;
}

/** Every document's facts, in document order (the order of `runAudit`'s documents). */
export class FactsModel {
  readonly documents: readonly DocumentFacts[];

  constructor(entries: ReadonlyArray<readonly [LoadedDocument, DocFacts]>) {
    this.documents = entries.map(([doc, f]) => {
      // A document kept from one run to the next (watch mode, language server) keeps its facts: made once.
      let made = identified.get(doc);
      if (made?.facts !== f || made.kind !== doc.kind || made.entity !== doc.entity) identified.set(doc, (made = { facts: f, kind: doc.kind, entity: doc.entity, out: withIdentity(doc, f) }));
      return made.out;
    });
  }
}

/** Each document's facts with its identity, as last made (see the constructor). */
const identified = new WeakMap<LoadedDocument, { facts: DocFacts; kind?: Kind; entity: string; out: DocumentFacts }>();

/** Every field written out, in one order (a spread made each a slow dictionary object). */
function withIdentity(doc: LoadedDocument, f: DocFacts): DocumentFacts {
  return { refs: f.refs, parties: f.parties, signatures: f.signatures, circonscription: f.circonscription, circonscriptions: f.circonscriptions, doc, kind: doc.kind, entity: doc.entity };
}
