// Rules (D): public établissements where the resolved maintenance actor of some level is the référent numérique (pedagogical support only).
import { defineRule } from "../../audit/rule.js";
import { isPublic, type NiveauResolu } from "../../model/territory.js";

export default defineRule({
  id: "referent-numerique-maintenance",
  group: "D",
  severity: "warning",
  scope: "entity",
  appliesTo: ["etablissement", "convention", "collectivite"],
  phase: "territory",
  facts: ["ids", "references", "maintenance", "conventions"],
  summary: "Le référent numérique, chargé du seul accompagnement pédagogique, ne doit être l'acteur d'aucun niveau de maintenance.",
  messages: {
    etablissement:
      "Niveau(x) de maintenance confié(s) au référent numérique par l'établissement lui-même (sa clé « maintenance ») : {niveaux}. Ce rôle est réservé à l'accompagnement pédagogique : confiez ce travail au référent technique, à un agent formé ou aux services de la collectivité.",
    convention:
      "Niveau(x) de maintenance confié(s) au référent numérique par la convention « {convention} » (« clauses.maintenance ») : {niveaux}. Ce rôle est réservé à l'accompagnement pédagogique : revoyez cette répartition avec la collectivité, ou fixez un autre acteur dans la clé « maintenance » de l'établissement.",
    collectivite:
      "Niveau(x) de maintenance confié(s) au référent numérique par la répartition par défaut de la collectivité « {collectivite} » (sa clé « maintenance ») : {niveaux}. Ce rôle est réservé à l'accompagnement pédagogique : la collectivité doit confier ce travail à un autre acteur (ou l'établissement en fixer un dans sa clé « maintenance »).",
    plusieurs:
      "Niveaux de maintenance confiés au référent numérique par plusieurs couches ({niveaux}) ; niveau et couche qui le fixe — {detail}. Ce rôle est réservé à l'accompagnement pédagogique : confiez ce travail au référent technique, à un agent formé ou aux services de la collectivité.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      // Only resolved actors count: conflicting conventions leave no actor (maintenance-niveau-flou reports them).
      const hits = ctx.territory
        .resolveMaintenance(e, ctx.date)
        .filter((n): n is NiveauResolu & { source: NonNullable<NiveauResolu["source"]> } => n.acteur === "referent_numerique" && n.source !== undefined);
      if (hits.length === 0) return;
      const niveaux = hits.map((n) => String(n.niveau)).join(", ");
      // Point at the établissement's own acteur when it sets one of these levels (where the fix goes),
      // else at its `maintenance` key (or the `kind:` line): that is where an override would go.
      const own = hits.find((n) => n.source.layer === "etablissement");
      const pointer = own ? `/maintenance/niveau_${own.niveau}/acteur` : "/maintenance";
      const sources = [...new Set(hits.map((n) => n.source.ref))];
      if (sources.length > 1) {
        const detail = hits.map((n) => `${n.niveau} : ${n.source.ref}`).join(" ; ");
        ctx.report({ on: e, pointer, messageId: "plusieurs", data: { niveaux, detail } });
        return;
      }
      const { layer, ref } = hits[0].source;
      const id = ref.slice(ref.indexOf(":") + 1);
      if (layer === "etablissement") ctx.report({ on: e, pointer, messageId: "etablissement", data: { niveaux } });
      else if (layer === "convention") ctx.report({ on: e, pointer, messageId: "convention", data: { niveaux, convention: id } });
      else ctx.report({ on: e, pointer, messageId: "collectivite", data: { niveaux, collectivite: id } });
    });
  },
});
