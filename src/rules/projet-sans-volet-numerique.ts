// Rules (H): public EPLE whose projet d'établissement has no digital section (or that declare no projet).
import { defineRule } from "../audit/rule.js";
import { isEple, isPublic } from "../model/territory.js";

export default defineRule({
  id: "projet-sans-volet-numerique",
  group: "H",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  summary: "Le projet d'un EPLE public doit comporter un volet numérique.",
  messages: {
    absent:
      "Aucun projet d'établissement n'est déclaré (« projet_etablissement ») : c'est lui qui porte la politique numérique de l'établissement, en convergence avec le projet de la collectivité.",
    faux:
      "Le projet d'établissement n'a pas de volet numérique (« volet_numerique: false ») : ajoutez-en un, voté par le conseil d'administration, pour formaliser la politique numérique de l'établissement.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data) || !isEple(e.data)) return;
      const projet = e.data.projet_etablissement;
      if (projet === undefined) ctx.report({ on: e, pointer: "/projet_etablissement/volet_numerique", messageId: "absent" });
      else if (projet.volet_numerique !== true) ctx.report({ on: e, pointer: "/projet_etablissement/volet_numerique", messageId: "faux" });
    });
  },
});
