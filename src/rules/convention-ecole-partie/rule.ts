// Rules (E): écoles listed among a convention's parties (an école has no legal personality).
import { defineRule } from "../../audit/rule.js";
import type { EtablissementEntity } from "../../model/territory.js";
import { joinPointer } from "../../load/document.js";

export default defineRule({
  id: "convention-ecole-partie",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention", "etablissement"],
  phase: "territory",
  facts: ["ids", "references"],
  summary: "Une école ne peut pas être partie d'une convention : elle n'a pas la personnalité juridique.",
  messages: {
    ecole:
      "L'école {partie} est listée parmi les parties : une école n'a pas la personnalité juridique et ne peut pas s'engager (pour une école publique, ce sont sa commune et l'IEN ou le DASEN qui signent). Retirez-la des parties et des signatures.",
  },
  check(ctx) {
    ctx.each(ctx.territory.conventions, (c) => {
      c.data.parties.forEach((ref, i) => {
        if (!ref.startsWith("etablissement:")) return;
        const e = ctx.territory.get<EtablissementEntity>(ref);
        if (e?.kind !== "etablissement" || e.data.type !== "ecole") return;
        ctx.report({ on: c, pointer: joinPointer("parties", i), messageId: "ecole", data: { partie: `« ${e.data.nom} » (${ref})` } });
      });
    });
  },
});
