// Rules (B): académies that declare no training plan (plan_formation) for staff using the collectivités' equipment.
import { defineRule } from "../../audit/rule.js";
import { requireAcademieKey } from "../checks.js";

export default defineRule({
  id: "academie-plan-formation-absent",
  group: "B",
  severity: "info",
  appliesTo: ["academie"],
  phase: "document",
  summary: "Une académie devrait déclarer le plan qui forme ses personnels aux équipements et services numériques déployés par les collectivités.",
  messages: {
    absent:
      "{academie} (académie {code}) ne déclare pas de plan de formation (clé « plan_formation » absente) : rien n'indique comment les enseignants sont formés aux équipements et services que les collectivités déploient.",
  },
  check: requireAcademieKey("plan_formation", "absent"),
});
