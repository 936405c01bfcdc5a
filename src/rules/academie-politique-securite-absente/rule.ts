// Rules (B): académies that declare no security policy (politique_securite) for the collectivités to implement.
import { defineRule } from "../../audit/rule.js";
import { requireAcademieKey } from "../checks.js";

export default defineRule({
  id: "academie-politique-securite-absente",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  phase: "document",
  summary: "Une académie doit déclarer la politique de sécurité des systèmes d'information que les collectivités mettent en œuvre.",
  messages: {
    absente:
      "{academie} (académie {code}) ne déclare pas de politique de sécurité des systèmes d'information (clé « politique_securite » absente) : les collectivités n'ont pas de règles de sécurité fixées par l'État à appliquer.",
  },
  check: requireAcademieKey("politique_securite", "absente"),
});
