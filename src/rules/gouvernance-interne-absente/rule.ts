// Rules (C): collectivités with établissements and no standing internal governance of their digital project.
import { defineRule } from "../../audit/rule.js";
import { requireCollectiviteKey } from "../checks.js";

export default defineRule({
  id: "gouvernance-interne-absente",
  group: "C",
  severity: "info",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "declarations"],
  summary: "Une collectivité qui a des établissements doit avoir une instance interne permanente qui pilote son projet numérique éducatif.",
  messages: {
    absente:
      "La collectivité « {collectivite} » ne déclare aucune instance interne permanente qui pilote son projet numérique éducatif : ajoutez « gouvernance_interne » avec le nom de l'instance et ses réunions.",
  },
  check: requireCollectiviteKey("gouvernance_interne", "absente"),
});
