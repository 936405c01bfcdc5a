// Messages (fr): progress over time — --compare, the « Évolution » section, --update-baseline counts, `deadlines`.
export const cliProgres: Record<string, string> = {
  "baseline.corriges": "{corriges} ; {restent}.",
  "baseline.corriges.un": "1 constat connu a été corrigé",
  "baseline.corriges.plusieurs": "{n} constats connus ont été corrigés",
  "baseline.corriges.aucun": "aucun constat connu n'a été corrigé",
  "baseline.restent.un": "1 reste",
  "baseline.restent.plusieurs": "{n} restent",
  "baseline.restent.aucun": "il n'en reste aucun",
  "aide.compare": "comparer avec l'état du territoire à une révision git (HEAD~1, origin/main, une étiquette) ou avec un résultat enregistré par -f json ; --fail-on ne compte alors que les nouveaux constats",
  // « 12 corrigés, 3 nouveaux, 140 inchangés depuis HEAD~1 (2026-06-15) »
  "compare.resume": "{corriges}, {nouveaux}, {inchanges} depuis {ref} ({date})",
  "compare.resume.modifies": "{corriges}, {nouveaux}, {inchanges} (dont {modifies}) depuis {ref} ({date})",
  "compare.corrige.un": "{n} corrigé",
  "compare.corrige.plusieurs": "{n} corrigés",
  "compare.nouveau.un": "{n} nouveau",
  "compare.nouveau.plusieurs": "{n} nouveaux",
  "compare.inchange.un": "{n} inchangé",
  "compare.inchange.plusieurs": "{n} inchangés",
  "compare.modifie.un": "{n} modifié",
  "compare.modifie.plusieurs": "{n} modifiés",
  "compare.etiquette.nouveau": "nouveau",
  "compare.etiquette.modifie": "modifié",
  "compare.corriges.titre": "Corrigés depuis {ref} :",
  "evolution.inconnu": "non mesuré",
  "evolution.ecart.nul": "inchangé",
  "evolution.ecart.points": "{n} points",
  "evolution.tendance.mieux": "en progrès",
  "evolution.tendance.moinsBien": "en recul",
  "evolution.tendance.stable": "stable",
  "evolution.tendance.inconnu": "pas de comparaison",
  "evolution.horsCollectivite": "Sans collectivité (académie, documents sans identité)",
};

/** Usage errors of --compare, --history and `deadlines` (exit code 2). */
export const errorsProgres: Record<string, string> = {
  gitAbsent: "--compare {ref} : git est introuvable sur cette machine ; installez-le, ou comparez avec un résultat enregistré (« gouvnum audit -f json -o resultat.json »).",
  gitHorsDepot: "--compare {ref} : le dossier n'est pas dans un dépôt git ; comparez avec un résultat enregistré (« gouvnum audit -f json -o resultat.json ») ou lancez la commande dans le dépôt du territoire.",
  gitRevisionInconnue: "--compare {ref} : révision inconnue de git (branche, étiquette, commit ou « HEAD~1 »).",
  gitRevisionInconnueSuperficiel:
    "--compare {ref} : révision absente de ce clone superficiel ; récupérez d'abord la branche à comparer, par exemple « git fetch --depth=1 origin main », puis comparez avec « origin/main ».",
  gitCheminHorsDepot: "--compare {ref} : le chemin « {chemin} » est hors du dépôt git.",
  compareJsonIllisible: "--compare « {chemin} » : résultat illisible ({detail}). Attendu : un fichier écrit par « gouvnum audit -f json -o <fichier> ».",
};
