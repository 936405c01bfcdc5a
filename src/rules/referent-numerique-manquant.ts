// Rules (D): public EPLE whose référent numérique is not held (écoles are not concerned).
import { defineRule } from "../audit/rule.js";
import { isEple, isPublic } from "../model/territory.js";

export default defineRule({
  id: "referent-numerique-manquant",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  summary: "Un EPLE public doit avoir un référent numérique pour l'accompagnement pédagogique des usages.",
  messages: {
    absent:
      "Aucun référent numérique n'est déclaré (« referent_numerique ») : personne n'est chargé d'accompagner les enseignants dans leurs usages pédagogiques du numérique.",
    vacant:
      "Le rôle de référent numérique est vacant (« referent_numerique.vacant: true ») : personne n'accompagne les enseignants dans leurs usages pédagogiques du numérique.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data) || !isEple(e.data)) return;
      const r = e.data.referent_numerique;
      if (r === undefined || r === null) {
        ctx.report({ on: e, pointer: "/referent_numerique", messageId: "absent" });
      } else if (r.vacant === true) {
        ctx.report({ on: e, pointer: "/referent_numerique", messageId: "vacant" });
      }
    });
  },
});
