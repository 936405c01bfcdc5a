// Rules (B): académies that hold no délégué(e) à la protection des données (absent, null or vacant).
import { defineRule } from "../audit/rule.js";
import { isHeld } from "../model/territory.js";

export default defineRule({
  id: "academie-dpd-absent",
  group: "B",
  severity: "error",
  appliesTo: ["academie"],
  summary: "Une académie doit désigner un délégué ou une déléguée à la protection des données (DPD).",
  messages: {
    absent:
      "{academie} (académie {code}) ne déclare pas de délégué(e) à la protection des données (clé « dpd » absente ou vide) : le RGPD (art. 37, paragraphe 1, a) impose à tout organisme public d'en désigner un, en général mutualisé à l'échelle de l'académie.",
    vacant:
      "{academie} (académie {code}) : le poste de délégué(e) à la protection des données est vacant (dpd.vacant: true) ; personne ne conseille les responsables de traitement ni ne répond à la CNIL.",
  },
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const p = a.data.dpd;
      if (isHeld(p)) return;
      const vacant = p !== undefined && p !== null && p.vacant === true;
      ctx.report({
        on: { doc: a.doc },
        pointer: "/dpd",
        messageId: vacant ? "vacant" : "absent",
        data: { academie: a.data.nom, code: a.data.code },
      });
    });
  },
});
