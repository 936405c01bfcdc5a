// Rules (C): collectivités with établissements and no equipment renewal policy.
import { defineRule } from "../../audit/rule.js";
import { requireCollectiviteKey } from "../checks.js";

export default defineRule({
  id: "renouvellement-non-defini",
  group: "C",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "equipment"],
  summary: "Une collectivité qui a des établissements doit définir sa politique de renouvellement des équipements.",
  messages: {
    absent:
      "La collectivité « {collectivite} » ne définit pas de politique de renouvellement des équipements de ses établissements : ajoutez « renouvellement » avec le mode systematique (et age_max_ans), appel_a_projets ou expression_des_besoins.",
  },
  check: requireCollectiviteKey("renouvellement", "absent"),
});
