// Rules (A): references to no document, and signatures by someone who is not a party.
import { defineRule } from "../../audit/rule.js";
import { didYouMean } from "../../core/similar.js";
import type { DocumentFacts } from "../../model/compact/index.js";

export default defineRule({
  id: "reference-inconnue",
  group: "A",
  severity: "error",
  appliesTo: ["etablissement", "convention", "academie", "collectivite"],
  phase: "territory",
  facts: ["ids", "references"],
  summary: "Chaque référence doit désigner un document du territoire.",
  messages: {
    inconnue: "La référence « {ref} » ne désigne aucun document du territoire{suggestion}.",
    circonscriptionInconnue: "La circonscription « {uai} » n'est déclarée dans aucune académie du territoire.",
    signatureHorsParties: "La signature de « {ref} » ne correspond à aucune des parties de la convention ({parties}).",
  },
  check(ctx) {
    const { refs, circonscriptions, declaresCirconscriptions } = territoryRefs(ctx.facts.documents);
    const suggest = suggester(refs);
    for (const d of ctx.facts.documents) {
      const on = { doc: d.doc };
      // Each reference the document makes (see src/model/compact): an établissement's collectivité (not `etat`, the
      // State) and derogation convention, a convention's parties, an académie's instance members and residual
      // maintenance convention, a collectivité's ENT partners.
      for (const [pointer, ref] of d.refs) {
        if (!refs.has(ref)) ctx.report({ on, pointer, messageId: "inconnue", data: { ref, suggestion: suggest(ref) } });
      }
      const circ = d.circonscription;
      if (circ && declaresCirconscriptions && !circonscriptions.has(circ)) {
        ctx.report({ on, pointer: "/circonscription", messageId: "circonscriptionInconnue", data: { uai: circ } });
      }
      const parties = d.parties ?? [];
      for (const [pointer, partie] of d.signatures ?? []) {
        if (!refs.has(partie)) ctx.report({ on, pointer, messageId: "inconnue", data: { ref: partie, suggestion: suggest(partie) } });
        else if (!parties.includes(partie)) {
          ctx.report({ on, pointer, messageId: "signatureHorsParties", data: { ref: partie, parties: parties.filter(Boolean).join(", ") } });
        }
      }
    }
  },
});

/** Every entity ref of the territory, and the circonscriptions its académies declare. */
function territoryRefs(documents: readonly DocumentFacts[]): { refs: Set<string>; circonscriptions: Set<string>; declaresCirconscriptions: boolean } {
  const refs = new Set<string>();
  const circonscriptions = new Set<string>();
  let declaresCirconscriptions = false;
  for (const d of documents) {
    if (d.entity) refs.add(d.entity);
    if (d.circonscriptions) {
      declaresCirconscriptions = true;
      for (const u of d.circonscriptions) circonscriptions.add(u);
    }
  }
  return { refs, circonscriptions, declaresCirconscriptions };
}

/**
 * « Did you mean » among the refs of the same kind, computed once per distinct unknown reference: a territory where
 * thousands of documents name the same missing collectivité must not compare each of them with every id.
 */
function suggester(refs: ReadonlySet<string>): (ref: string) => string {
  const byKind = new Map<string, string[]>();
  for (const r of refs) {
    const k = r.slice(0, r.indexOf(":"));
    const list = byKind.get(k) ?? [];
    list.push(r);
    byKind.set(k, list);
  }
  const suggestions = new Map<string, string>();
  return (ref) => {
    let s = suggestions.get(ref);
    if (s === undefined) {
      s = didYouMean(ref, byKind.get(ref.split(":")[0]) ?? []);
      suggestions.set(ref, s);
    }
    return s;
  };
}
