// Messages (fr): terminal texts about rule ids (renamed rules and their deprecation notices).
export const cliRegles: Record<string, string> = {
  "regle.remplacee":
    "gouvnum : la règle « {ancien} » ({origine}) a été remplacée par « {nouveau} » ; l'ancien identifiant est encore accepté pour l'instant, mais utilisez désormais « {nouveau} ».",
  "regle.remplacee.origine.rule": "option --rule",
  "regle.remplacee.origine.config": "configuration {fichier}",
  "regle.remplacee.origine.ignore": "commentaire gouvnum-ignore, {fichier}:{ligne}",
  "regle.remplacee.origine.baseline": "référence --baseline",
  "init.academie.dpd": "délégué(e) à la protection des données de l'académie",
  "regle.remplacee.doc": "Cette règle a été remplacée par « {nouveau} » : voir `gouvnum rules {nouveau}`.",
};
