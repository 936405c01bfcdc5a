// Rules (B): académies that hold no délégué(e) à la protection des données (absent, null or vacant).
import { defineRule } from "../../audit/rule.js";
import { requireAcademieRole } from "../checks.js";

export default defineRule({
  id: "academie-dpd-absent",
  group: "B",
  severity: "error",
  appliesTo: ["academie"],
  phase: "document",
  summary: "Une académie doit désigner un délégué ou une déléguée à la protection des données (DPD).",
  messages: {
    absent:
      "{academie} (académie {code}) ne déclare pas de délégué(e) à la protection des données (clé « dpd » absente ou vide) : le RGPD (art. 37, paragraphe 1, a) impose à tout organisme public d'en désigner un, en général mutualisé à l'échelle de l'académie.",
    vacant:
      "{academie} (académie {code}) : le poste de délégué(e) à la protection des données est vacant (dpd.vacant: true) ; personne ne conseille les responsables de traitement ni ne répond à la CNIL.",
  },
  check: requireAcademieRole("dpd"),
});
