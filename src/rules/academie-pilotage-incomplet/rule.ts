// Rules (B): académies without a held DAN, or without a declared DSI (one finding per missing role); the recteur is academie-recteur-absent.
import { defineRule } from "../../audit/rule.js";
import { roleState } from "../checks.js";

export default defineRule({
  id: "academie-pilotage-incomplet",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  phase: "document",
  summary:
    "Une académie devrait déclarer son ou sa délégué(e) académique au numérique (DAN) et sa DSI académique (un choix d'organisation de l'État, pas un poste prévu par la loi).",
  messages: {
    danAbsent:
      "{academie} (académie {code}) ne déclare pas de délégué(e) académique au numérique (clé « dan » absente ou vide) : personne n'est chargé de définir, conduire et évaluer la stratégie numérique avec les collectivités.",
    danVacant:
      "{academie} (académie {code}) : le poste de délégué(e) académique au numérique est déclaré vacant (dan.vacant: true) ; la stratégie numérique conduite avec les collectivités n'a pas de pilote.",
    dsiAbsente:
      "{academie} (académie {code}) ne déclare pas de DSI académique (clé « dsi » absente) : le pôle technique (applications nationales, assistance aux utilisateurs) n'est pas identifié.",
  },
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const data = { academie: a.data.nom, code: a.data.code };
      const dan = roleState(a.data.dan);
      if (dan !== undefined) ctx.report({ on: { doc: a.doc }, pointer: "/dan", messageId: dan === "vacant" ? "danVacant" : "danAbsent", data });
      if (a.data.dsi === undefined) {
        ctx.report({ on: { doc: a.doc }, pointer: "/dsi", messageId: "dsiAbsente", data });
      }
    });
  },
});
