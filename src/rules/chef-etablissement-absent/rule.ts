// Rules (D): public établissements whose chef d'établissement (or directeur d'école) is not held.
import { defineRule } from "../../audit/rule.js";
import { requireRole, etablissementPublic } from "../checks.js";

export default defineRule({
  id: "chef-etablissement-absent",
  group: "D",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary: "Un établissement public doit avoir un chef d'établissement (ou un directeur d'école) en fonction.",
  messages: {
    absent:
      "Aucun chef d'établissement (ou directeur d'école) n'est déclaré dans « direction.chef » : c'est lui qui pilote la politique numérique de l'établissement ; renseignez le rôle.",
    vacant:
      "Le poste de chef d'établissement (ou de directeur d'école) est déclaré vacant (« direction.chef.vacant: true ») : personne ne pilote la politique numérique de l'établissement ; indiquez qui assure l'intérim.",
  },
  check: requireRole(etablissementPublic, "/direction/chef"),
});
