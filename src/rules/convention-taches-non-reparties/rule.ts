// Rules (E): EPLE and école conventions that do not allocate maintenance (clauses.maintenance).
import { defineRule } from "../../audit/rule.js";
import { eachConventionOf } from "../checks.js";

const TYPE_LABEL: Record<string, string> = {
  eple_collectivite: "la convention EPLE–collectivité",
  ecole_commune: "la convention numérique des écoles",
};

export default defineRule({
  id: "convention-taches-non-reparties",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "document",
  summary: "Une convention EPLE–collectivité ou école–commune doit répartir les niveaux de maintenance (clauses.maintenance).",
  messages: {
    absente: "La répartition de la maintenance (clauses.maintenance) manque dans {type} « {id} » : indiquez qui assure chaque niveau, de 0 à 3.",
    vide: "La clause « maintenance » de {type} « {id} » est vide : indiquez qui assure chaque niveau, de 0 à 3.",
  },
  check(ctx) {
    eachConventionOf(ctx, TYPE_LABEL, (c, type) => {
      const data = { type, id: c.id };
      const maintenance = c.data.clauses?.maintenance;
      if (maintenance === undefined) {
        ctx.report({ on: c, pointer: "/clauses/maintenance", messageId: "absente", data });
        return;
      }
      // An empty mapping allocates no level: it clarifies nothing either.
      const niveaux = Object.keys(maintenance).filter((k) => k.startsWith("niveau_"));
      if (niveaux.length === 0) ctx.report({ on: c, pointer: "/clauses/maintenance", messageId: "vide", data });
    });
  },
});
