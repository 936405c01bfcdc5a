// Rules (A): a UAI's département prefix that differs from its commune's département.
import { defineRule } from "../../audit/rule.js";
import { departementFromCommune, departementFromUai } from "../../core/domain.js";
import { obj, rec, str } from "../helpers.js";

export default defineRule({
  id: "uai-departement-incoherent",
  group: "A",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Le préfixe département de l'UAI doit correspondre au département de la commune.",
  messages: {
    incoherent: "L'UAI « {uai} » indique le département {depUai}, mais la commune {commune} est dans le département {depCommune}.",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      if (doc.kind !== "etablissement") continue;
      const v = obj(doc);
      const uai = str(v.uai);
      const commune = str(rec(v.commune).code_insee);
      if (!uai || !commune || !/^[0-9]{7}[A-Z]$/.test(uai) || !/^(?:[0-9]{2}|2A|2B)[0-9]{3}$/.test(commune)) continue;
      const depUai = departementFromUai(uai);
      const depCommune = departementFromCommune(commune);
      // Before 1976 Corsica was département 20: its communes are 2A/2B, its UAIs 620/720.
      if (depUai !== depCommune) {
        ctx.report({ on: { doc }, pointer: "/uai", messageId: "incoherent", data: { uai, depUai, commune, depCommune } });
      }
    }
  },
});
