// Rules (B): maintenance the rectorat still does (maintenance_residuelle) without a convention framing it.
import { defineRule } from "../../audit/rule.js";
import { enumerate } from "../helpers.js";

export default defineRule({
  id: "maintenance-academique-residuelle",
  group: "B",
  severity: "warning",
  appliesTo: ["academie"],
  phase: "document",
  summary: "La maintenance que le rectorat assure encore pour les collectivités doit être encadrée par une convention.",
  messages: {
    niveau:
      "{academie} (académie {code}) : le rectorat assure encore la maintenance de niveau {niveaux} sans convention (clé « maintenance_residuelle.convention » absente) ; nommez la convention passée avec la collectivité qui encadre ce service.",
    niveaux:
      "{academie} (académie {code}) : le rectorat assure encore la maintenance des niveaux {niveaux} sans convention (clé « maintenance_residuelle.convention » absente) ; nommez la convention passée avec la collectivité qui encadre ce service.",
    sansNiveau:
      "{academie} (académie {code}) déclare une maintenance résiduelle du rectorat sans convention (clé « maintenance_residuelle.convention » absente) ; nommez la convention qui encadre ce service, ou retirez la clé s'il a cessé.",
  },
  check(ctx) {
    ctx.each(ctx.territory.academies, (a) => {
      const m = a.data.maintenance_residuelle;
      if (m === undefined || m.convention !== undefined) return;
      const niveaux = [...m.niveaux].sort((x, y) => x - y).map(String);
      const messageId = niveaux.length === 0 ? "sansNiveau" : niveaux.length === 1 ? "niveau" : "niveaux";
      ctx.report({
        on: { doc: a.doc },
        pointer: "/maintenance_residuelle/convention",
        messageId,
        data: { academie: a.data.nom, code: a.data.code, niveaux: enumerate(niveaux) },
      });
    });
  },
});
