// Rules (A): UAIs whose check letter does not match their seven digits.
import { defineRule } from "../../audit/rule.js";
import { uaiCheckLetter } from "../../core/domain.js";
import { joinPointer } from "../../load/document.js";
import { obj, list, rec, str } from "../helpers.js";

const WELL_FORMED = /^[0-9]{7}[A-Z]$/;

export default defineRule({
  id: "uai-invalide",
  group: "A",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement", "academie"],
  phase: "document",
  summary: "La lettre de contrôle d'un UAI doit correspondre à ses sept chiffres.",
  messages: {
    lettre: "L'UAI « {uai} » a une lettre de contrôle incorrecte : la lettre attendue est « {attendue} » ({correct}).",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      const places: Array<[string, unknown]> = [];
      const v = obj(doc);
      if (doc.kind === "etablissement") {
        places.push(["/uai", v.uai], ["/circonscription", v.circonscription]);
      } else if (doc.kind === "academie") {
        list(v.circonscriptions).forEach((c, i) => places.push([joinPointer("circonscriptions", i, "uai"), rec(c).uai]));
      } else continue;
      for (const [pointer, value] of places) {
        const uai = str(value);
        if (!uai || !WELL_FORMED.test(uai)) continue;
        const expected = uaiCheckLetter(uai.slice(0, 7));
        if (expected !== uai[7]) {
          ctx.report({ on: { doc }, pointer, messageId: "lettre", data: { uai, attendue: expected, correct: uai.slice(0, 7) + expected } });
        }
      }
    }
  },
});
