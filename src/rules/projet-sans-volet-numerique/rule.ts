// Rules (H): public EPLE whose projet d'établissement has no digital section (or that declare no projet).
import { defineRule } from "../../audit/rule.js";
import { requireFlag, eplePublic } from "../checks.js";

export default defineRule({
  id: "projet-sans-volet-numerique",
  group: "H",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Le projet d'un EPLE public doit comporter un volet numérique.",
  messages: {
    absent:
      "Aucun projet d'établissement n'est déclaré (« projet_etablissement ») : c'est lui qui porte la politique numérique de l'établissement, en convergence avec le projet de la collectivité.",
    faux:
      "Le projet d'établissement n'a pas de volet numérique (« volet_numerique: false ») : ajoutez-en un, voté par le conseil d'administration, pour formaliser la politique numérique de l'établissement.",
  },
  check: requireFlag(eplePublic, "/projet_etablissement/volet_numerique"),
});
