// Rules (D): public écoles whose référent technique is not held (info: communes often run a central help desk instead).
import { defineRule } from "../../audit/rule.js";
import { requireRole, ecolePublique } from "../checks.js";

export default defineRule({
  id: "referent-technique-ecole-manquant",
  group: "D",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary:
    "Une école publique gagne à avoir un référent technique, interlocuteur de la commune pour ses équipements (beaucoup de communes ont plutôt une assistance centrale).",
  messages: {
    absent:
      "Aucun référent technique n'est déclaré pour l'école (« referent_technique ») : si la commune assure l'assistance de façon centralisée, indiquez qui l'école contacte ; sinon, désignez un interlocuteur pour ses équipements.",
    vacant:
      "Le poste de référent technique de l'école est vacant (« referent_technique.vacant: true ») : indiquez qui l'école contacte pour ses équipements (assistance de la commune, technicien de proximité).",
  },
  check: requireRole(ecolePublique, "/referent_technique"),
});
