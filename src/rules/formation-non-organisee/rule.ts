// Rules (H): public EPLE that organise no digital training plan for their staff.
import { defineRule } from "../../audit/rule.js";
import { requireFlag, eplePublic } from "../checks.js";

export default defineRule({
  id: "formation-non-organisee",
  group: "H",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un EPLE public doit organiser la formation de ses personnels au numérique.",
  messages: {
    absent:
      "Aucune formation des personnels au numérique n'est déclarée (pas de clé « formation ») : indiquez le plan de formation organisé par l'établissement.",
    faux:
      "L'établissement n'organise pas de plan de formation au numérique (« formation.plan: false ») : le chef d'établissement veille à la formation des enseignants aux équipements et services déployés.",
  },
  check: requireFlag(eplePublic, "/formation/plan"),
});
