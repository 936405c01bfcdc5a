// Rules (D): public EPLE whose référent technique is not held (écoles: referent-technique-ecole-manquant).
import { defineRule } from "../../audit/rule.js";
import { requireRole, eplePublic } from "../checks.js";

export default defineRule({
  id: "referent-technique-manquant",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un EPLE public doit avoir un référent technique, interlocuteur de la collectivité pour les équipements et services.",
  messages: {
    absent:
      "Aucun référent technique n'est déclaré (« referent_technique ») : l'établissement n'a pas d'interlocuteur identifié de la collectivité pour ses équipements et services numériques.",
    vacant:
      "Le poste de référent technique est vacant (« referent_technique.vacant: true ») : l'établissement n'a pas d'interlocuteur de la collectivité pour ses équipements et services numériques.",
  },
  check: requireRole(eplePublic, "/referent_technique"),
});
