// Rules (B): académies that hold no recteur (absent, null or vacant): the State's authority in the académie.
import { defineRule } from "../../audit/rule.js";
import { requireAcademieRole } from "../checks.js";

export default defineRule({
  id: "academie-recteur-absent",
  group: "B",
  severity: "error",
  appliesTo: ["academie"],
  phase: "document",
  summary: "Une académie doit déclarer son recteur ou sa rectrice, autorité de l'État dont dépendent ses conventions et ses instances.",
  messages: {
    absent:
      "{academie} (académie {code}) ne déclare pas de recteur ou rectrice (clé « recteur » absente ou vide) : les conventions et les instances de l'académie n'ont pas d'autorité de l'État identifiée.",
    vacant:
      "{academie} (académie {code}) : le poste de recteur ou rectrice est déclaré vacant (recteur.vacant: true) ; les conventions et les instances de l'académie n'ont pas d'autorité de l'État pour les porter.",
  },
  check: requireAcademieRole("recteur"),
});
