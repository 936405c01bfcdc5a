// Rules (A): references to no document, and signatures by someone who is not a party.
import { defineRule } from "../../audit/rule.js";
import { didYouMean } from "../../core/similar.js";
import { joinPointer, type LoadedDocument } from "../../load/document.js";
import { obj, list, rec, str } from "../helpers.js";
import { ETAT } from "../../model/territory.js";

export default defineRule({
  id: "reference-inconnue",
  group: "A",
  severity: "error",
  appliesTo: ["etablissement", "convention", "academie", "collectivite"],
  summary: "Chaque référence doit désigner un document du territoire.",
  messages: {
    inconnue: "La référence « {ref} » ne désigne aucun document du territoire{suggestion}.",
    circonscriptionInconnue: "La circonscription « {uai} » n'est déclarée dans aucune académie du territoire.",
    signatureHorsParties: "La signature de « {ref} » ne correspond à aucune des parties de la convention ({parties}).",
  },
  check(ctx) {
    const { refs, circonscriptions, declaresCirconscriptions } = territoryRefs(ctx.documents);
    const suggest = suggester(refs);
    const check = (doc: LoadedDocument, pointer: string, ref: string | undefined) => {
      if (!ref || refs.has(ref)) return;
      ctx.report({ on: { doc }, pointer, messageId: "inconnue", data: { ref, suggestion: suggest(ref) } });
    };
    for (const doc of ctx.documents) {
      const v = obj(doc);
      switch (doc.kind) {
        case "etablissement": {
          const c = str(v.collectivite);
          // `collectivite: etat` (Mayotte) names the State, not a document.
          if (c && c !== ETAT) check(doc, "/collectivite", `collectivite:${c}`);
          const derog = str(rec(v.rattachement_derogatoire).convention);
          if (derog) check(doc, "/rattachement_derogatoire/convention", `convention:${derog}`);
          const circ = str(v.circonscription);
          if (circ && declaresCirconscriptions && !circonscriptions.has(circ)) {
            ctx.report({ on: { doc }, pointer: "/circonscription", messageId: "circonscriptionInconnue", data: { uai: circ } });
          }
          break;
        }
        case "convention": {
          const parties = list(v.parties).map(str);
          parties.forEach((p, i) => check(doc, joinPointer("parties", i), p));
          list(v.signatures).forEach((s, i) => {
            const partie = str(rec(s).partie);
            if (!partie) return;
            const pointer = joinPointer("signatures", i, "partie");
            if (!refs.has(partie)) check(doc, pointer, partie);
            else if (!parties.includes(partie)) {
              ctx.report({ on: { doc }, pointer, messageId: "signatureHorsParties", data: { ref: partie, parties: parties.filter(Boolean).join(", ") } });
            }
          });
          break;
        }
        case "academie": {
          list(v.instances).forEach((inst, i) =>
            list(rec(inst).membres).forEach((m, j) => check(doc, joinPointer("instances", i, "membres", j), str(m))),
          );
          const conv = str(rec(v.maintenance_residuelle).convention);
          if (conv) check(doc, "/maintenance_residuelle/convention", `convention:${conv}`);
          break;
        }
        case "collectivite":
          list(rec(v.ent).mutualise_avec).forEach((id, i) => {
            const s = str(id);
            if (s) check(doc, joinPointer("ent", "mutualise_avec", i), `collectivite:${s}`);
          });
          break;
      }
    }
  },
});

/** Every entity ref of the territory, and the circonscriptions its académies declare. */
function territoryRefs(documents: readonly LoadedDocument[]): { refs: Set<string>; circonscriptions: Set<string>; declaresCirconscriptions: boolean } {
  const refs = new Set<string>();
  const circonscriptions = new Set<string>();
  let declaresCirconscriptions = false;
  for (const doc of documents) {
    if (doc.entity) refs.add(doc.entity);
    if (doc.kind === "academie" && Array.isArray(obj(doc).circonscriptions)) {
      declaresCirconscriptions = true;
      for (const c of list(obj(doc).circonscriptions)) {
        const u = str(rec(c).uai);
        if (u) circonscriptions.add(u);
      }
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
