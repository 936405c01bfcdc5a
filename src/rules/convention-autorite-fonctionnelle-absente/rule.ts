// Rules (E): eple_collectivite conventions in force without the functional-authority clause that loi 2022-217 (3DS),
// art. 145, requires since 2022-02-23. Formerly `convention-anterieure-3ds` (still accepted as an alias).
import { defineRule } from "../../audit/rule.js";
import { isInForce } from "../../model/territory.js";

/** Entry into force of loi n° 2022-217 du 21 février 2022 (published in the JO of 22 February). */
export const LOI_3DS_EN_VIGUEUR = "2022-02-23";

export default defineRule({
  id: "convention-autorite-fonctionnelle-absente",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "document",
  summary:
    "Une convention EPLE–collectivité en vigueur doit prévoir comment la collectivité exerce son autorité fonctionnelle sur l'adjoint gestionnaire (loi n° 2022-217, art. 145).",
  messages: {
    absente:
      "La convention « {id} », en vigueur, ne prévoit pas l'autorité fonctionnelle de la collectivité sur l'adjoint gestionnaire (« clauses.autorite_fonctionnelle » absente) : depuis le 23 février 2022, la convention mentionnée à l'article L.421-23 prévoit les conditions dans lesquelles la collectivité l'exerce (loi n° 2022-217, art. 145). Complétez-la par un avenant.",
    fausse:
      "La convention « {id} », en vigueur, déclare ne pas prévoir l'autorité fonctionnelle de la collectivité sur l'adjoint gestionnaire (« clauses.autorite_fonctionnelle: false ») : depuis le 23 février 2022, la convention mentionnée à l'article L.421-23 prévoit les conditions dans lesquelles la collectivité l'exerce (loi n° 2022-217, art. 145). Complétez-la par un avenant.",
  },
  check(ctx) {
    if (ctx.date < LOI_3DS_EN_VIGUEUR) return;
    ctx.each(ctx.territory.conventions, (c) => {
      if (c.data.type !== "eple_collectivite" || !isInForce(c.data, ctx.date)) return;
      const clause = c.data.clauses?.autorite_fonctionnelle;
      if (clause === true) return;
      if (clause === undefined) {
        // The missing key is reported at the mapping that should hold it: `clauses`, else the document.
        ctx.report({ on: c, pointer: c.data.clauses ? "/clauses" : "", messageId: "absente", data: { id: c.id } });
      } else {
        ctx.report({ on: c, pointer: "/clauses/autorite_fonctionnelle", messageId: "fausse", data: { id: c.id } });
      }
    });
  },
});
