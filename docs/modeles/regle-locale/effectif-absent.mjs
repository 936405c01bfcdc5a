// Règle locale : chaque établissement public indique son effectif (modèle à copier dans le dépôt du territoire).
// Chargée par la clé `plugins:` de gouvnum.config.yaml ; elle s'exécute comme les règles de gouvnum.
import { defineRule } from "gouvnum";

export default defineRule({
  // Identifiant en minuscules et tirets, différent de ceux de gouvnum (`gouvnum rules` les liste).
  id: "effectif-absent",
  // Groupe (A à I, comme les règles de gouvnum), sévérité par défaut, documents regardés.
  group: "D",
  severity: "warning",
  appliesTo: ["etablissement"],
  // Ce que la règle vérifie, en une phrase : affiché par `gouvnum rules`, en SARIF et dans le rapport.
  summary: "Chaque établissement public indique son effectif (nombre d'élèves).",
  // Les messages, par identifiant, avec leurs {paramètres} : `ctx.report` ne peut citer que ceux-ci,
  // avec exactement ces paramètres (vérifié par TypeScript dans l'éditeur, et au chargement).
  messages: {
    absent: "« {nom} » ({uai}) n'indique pas son effectif : ajoutez la clé « effectif » (nombre d'élèves à la rentrée).",
  },
  // La page de la règle, à côté du module.
  docs: "effectif-absent.md",
  // `entity` : un constat ne dépend que de l'établissement et de ses voisins (sa collectivité, ses conventions) ;
  // le mode --watch et l'éditeur ne la relancent alors que là où une modification peut changer son résultat.
  scope: "entity",
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if ((e.data.statut ?? "public") !== "public" || e.data.effectif !== undefined) return;
      ctx.report({ on: e, messageId: "absent", data: { nom: e.data.nom, uai: e.data.uai } });
    });
  },
});
