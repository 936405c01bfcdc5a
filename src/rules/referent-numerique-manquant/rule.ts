// Rules (D): public EPLE whose référent numérique is not held (écoles are not concerned).
import { defineRule } from "../../audit/rule.js";
import { requireRole, eplePublic } from "../checks.js";

export default defineRule({
  id: "referent-numerique-manquant",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un EPLE public doit avoir un référent numérique pour l'accompagnement pédagogique des usages.",
  messages: {
    absent:
      "Aucun référent numérique n'est déclaré (« referent_numerique ») : personne n'est chargé d'accompagner les enseignants dans leurs usages pédagogiques du numérique.",
    vacant:
      "Le rôle de référent numérique est vacant (« referent_numerique.vacant: true ») : personne n'accompagne les enseignants dans leurs usages pédagogiques du numérique.",
  },
  check: requireRole(eplePublic, "/referent_numerique"),
});
