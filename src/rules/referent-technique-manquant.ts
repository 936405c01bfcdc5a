// Rules (D): public EPLE whose référent technique is not held (écoles: referent-technique-ecole-manquant).
import { defineRule } from "../audit/rule.js";
import { isEple, isPublic } from "../model/territory.js";

export default defineRule({
  id: "referent-technique-manquant",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  summary: "Un EPLE public doit avoir un référent technique, interlocuteur de la collectivité pour les équipements et services.",
  messages: {
    absent:
      "Aucun référent technique n'est déclaré (« referent_technique ») : l'établissement n'a pas d'interlocuteur identifié de la collectivité pour ses équipements et services numériques.",
    vacant:
      "Le poste de référent technique est vacant (« referent_technique.vacant: true ») : l'établissement n'a pas d'interlocuteur de la collectivité pour ses équipements et services numériques.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data) || !isEple(e.data)) return;
      const r = e.data.referent_technique;
      if (r === undefined || r === null) {
        ctx.report({ on: e, pointer: "/referent_technique", messageId: "absent" });
      } else if (r.vacant === true) {
        ctx.report({ on: e, pointer: "/referent_technique", messageId: "vacant" });
      }
    });
  },
});
