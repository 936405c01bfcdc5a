// Rules (C): collectivités with établissements that do not say which internal scheme carries digital equipment.
import { defineRule } from "../../audit/rule.js";
import { requireCollectiviteKey } from "../checks.js";

export default defineRule({
  id: "collectivite-organisation-non-declaree",
  group: "C",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "declarations"],
  summary: "Une collectivité qui a des établissements doit déclarer quel service porte en interne l'équipement numérique éducatif.",
  messages: {
    absente:
      "La collectivité « {collectivite} » ne déclare pas quel service porte l'équipement numérique de ses établissements : ajoutez « organisation » avec service_education (tout au service éducation), dsi (tout à la DSI) ou partagee (répartition entre les deux).",
  },
  check: requireCollectiviteKey("organisation", "absente"),
});
