// Rules (A): académie codes outside the 30 current ones (05 and 21 became 70 Normandie).
import { defineRule } from "../../audit/rule.js";
import { ACADEMIES, ACADEMIES_FUSIONNEES } from "../../core/domain.js";
import { obj, str } from "../helpers.js";

const CODES = Object.entries(ACADEMIES)
  .map(([c, n]) => `${c} ${n}`)
  .join(", ");

export default defineRule({
  id: "academie-inconnue",
  group: "A",
  severity: "error",
  scope: "entity",
  appliesTo: ["academie", "collectivite", "etablissement"],
  phase: "document",
  summary: "Le code académie doit être l'un des 30 codes en vigueur.",
  messages: {
    inconnue: "Le code académie « {code} » n'existe pas ; codes en vigueur : {codes}.",
    fusionnee: "L'académie « {code} » ({nom}) n'existe plus : elle a rejoint l'académie de Normandie (code \"70\") le 1er janvier 2020.",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      if (!doc.kind || doc.kind === "convention") continue;
      const pointer = doc.kind === "academie" ? "/code" : "/academie";
      const code = str(obj(doc)[pointer.slice(1)]);
      if (!code || !/^[0-9]{2}$/.test(code) || ACADEMIES[code]) continue;
      const merged = ACADEMIES_FUSIONNEES[code];
      if (merged) {
        ctx.report({ on: { doc }, pointer, messageId: "fusionnee", data: { code, nom: merged } });
      } else {
        // No "did you mean": every two-digit code is one or two edits from another, so a guess would mislead.
        ctx.report({ on: { doc }, pointer, messageId: "inconnue", data: { code, codes: CODES } });
      }
    }
  },
});
