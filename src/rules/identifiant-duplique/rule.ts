// Rules (A): two documents of one kind with the same id; the second is reported and names the first.
import { defineRule } from "../../audit/rule.js";
import { idKey, locate, type LoadedDocument } from "../../load/document.js";

const KIND_LABEL: Record<string, string> = { academie: "académie", collectivite: "collectivité", etablissement: "établissement", convention: "convention" };

export default defineRule({
  id: "identifiant-duplique",
  group: "A",
  severity: "error",
  appliesTo: ["academie", "collectivite", "etablissement", "convention"],
  summary: "Deux documents du même type ne peuvent pas avoir le même identifiant.",
  messages: {
    duplique:
      "L'identifiant « {id} » ({type}) est déjà utilisé dans {autreFichier} ligne {autreLigne} : chaque {type} doit avoir un identifiant unique.",
  },
  check(ctx) {
    const first = new Map<string, LoadedDocument>();
    for (const doc of ctx.documents) {
      if (!doc.kind || !doc.entity) continue;
      const prev = first.get(doc.entity);
      if (!prev) {
        first.set(doc.entity, doc);
        continue;
      }
      const key = "/" + idKey(doc.kind);
      const where = locate(prev, key);
      ctx.report({
        on: { doc },
        pointer: key,
        messageId: "duplique",
        data: { type: KIND_LABEL[doc.kind], id: doc.entity.slice(doc.kind.length + 1), autreFichier: where.file, autreLigne: where.line },
      });
    }
  },
});
