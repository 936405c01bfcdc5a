// Rules (B): collectivités with établissements in the territory that sit on no concertation body (instances) of any académie.
import { defineRule } from "../../audit/rule.js";

export default defineRule({
  id: "instance-concertation-absente",
  group: "B",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite", "academie"],
  phase: "territory",
  facts: ["ids", "references"],
  summary: "Chaque collectivité qui a des établissements dans le territoire doit être membre d'au moins une instance de concertation d'une académie.",
  messages: {
    absente:
      "La collectivité « {collectivite} » ({ref}) a des établissements dans le territoire mais n'est membre d'aucune instance de concertation : ajoutez « {ref} » aux membres d'une entrée « instances » de l'académie {academie}.",
  },
  check(ctx) {
    const membres = new Set<string>();
    for (const a of ctx.territory.academies) {
      for (const instance of a.data.instances ?? []) for (const m of instance.membres) membres.add(m);
    }
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      if (membres.has(c.ref)) return;
      ctx.report({
        on: { doc: c.doc },
        pointer: "",
        messageId: "absente",
        data: { collectivite: c.data.nom, ref: c.ref, academie: c.data.academie },
      });
    });
  },
});
