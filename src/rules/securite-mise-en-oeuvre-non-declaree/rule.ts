// Rules (C): collectivités with établissements that do not declare implementing the académie's security policy.
import { defineRule } from "../../audit/rule.js";
import { requireCollectiviteFlag } from "../checks.js";

export default defineRule({
  id: "securite-mise-en-oeuvre-non-declaree",
  group: "C",
  severity: "warning",
  scope: "entity",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "declarations"],
  summary:
    "Une collectivité qui a des établissements doit déclarer mettre en œuvre la politique de sécurité des systèmes d'information de l'académie.",
  messages: {
    absente:
      "La collectivité « {collectivite} » ne déclare pas mettre en œuvre la politique de sécurité des systèmes d'information de l'académie : ajoutez « securite: { mise_en_oeuvre_pssi: true } » si c'est le cas.",
    non:
      "La collectivité « {collectivite} » déclare ne pas mettre en œuvre la politique de sécurité des systèmes d'information de l'académie (mise_en_oeuvre_pssi: false).",
  },
  check: requireCollectiviteFlag("/securite/mise_en_oeuvre_pssi"),
});
