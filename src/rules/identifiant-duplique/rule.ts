// Rules (A): two documents of one kind with the same id; the second is reported and names the first.
import { defineRule } from "../../audit/rule.js";
import { idKey, locate } from "../../load/document.js";
import type { DocumentFacts } from "../../model/compact/index.js";

const KIND_LABEL: Record<string, string> = { academie: "académie", collectivite: "collectivité", etablissement: "établissement", convention: "convention" };

export default defineRule({
  id: "identifiant-duplique",
  group: "A",
  severity: "error",
  appliesTo: ["academie", "collectivite", "etablissement", "convention"],
  phase: "territory",
  facts: ["ids"],
  summary: "Deux documents du même type ne peuvent pas avoir le même identifiant.",
  messages: {
    duplique:
      "L'identifiant « {id} » ({type}) est déjà utilisé dans {autreFichier} ligne {autreLigne} : chaque {type} doit avoir un identifiant unique.",
  },
  check(ctx) {
    const first = new Map<string, DocumentFacts>();
    for (const d of ctx.facts.documents) {
      if (!d.kind || !d.entity) continue;
      const prev = first.get(d.entity);
      if (!prev) {
        first.set(d.entity, d);
        continue;
      }
      const key = "/" + idKey(d.kind);
      const where = locate(prev.doc, key);
      ctx.report({
        on: { doc: d.doc },
        pointer: key,
        messageId: "duplique",
        data: { type: KIND_LABEL[d.kind], id: d.entity.slice(d.kind.length + 1), autreFichier: where.file, autreLigne: where.line },
      });
    }
  },
});
