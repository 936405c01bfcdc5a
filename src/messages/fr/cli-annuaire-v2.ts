// Messages (fr): `init` and `import annuaire`, version 2 — tutelle, the repository's académie, the official
// list of communes, git init, special territories.

export const cliAnnuaireV2: Record<string, string> = {
  "aide.toutesTutelles":
    "importe aussi les unités d'un autre ministère que l'Éducation nationale (agriculture, santé, mer…), marquées « tutelle »",
  "aide.initNoGit": "sans « git init » (par défaut, un dossier hors dépôt git en devient un)",

  // --- import annuaire: rows not imported ---
  "import.raison.tutelle": "unité d'un autre ministère que l'Éducation nationale : la gouvernance de l'académie ne l'atteint pas (--toutes-tutelles pour l'importer)",
  "import.raison.tutelle.detail": "ministère de tutelle : {ministere}",
  "import.raison.horsAcademies": "territoire du Pacifique, hors des 30 académies (vice-rectorat)",
  "import.raison.horsAcademies.detail": "{territoire}",
  "import.raison.communeInconnue": "code commune absent de la liste officielle des communes (Code officiel géographique)",
  "import.raison.communeInconnue.detail": "code commune {commune}",

  // --- import annuaire: the repository's académie ---
  "import.erreur.autreAcademie":
    "Import refusé : ce dépôt décrit l'académie {depot}, et {n} ligne(s) de l'export relèvent d'une autre académie :\n{liste}\nRien n'a été écrit. Pour importer les établissements d'une autre académie dans ce dépôt, nommez-la : --academie {code}. Pour ne garder que ceux de l'académie du dépôt : --academie {codeDepot}.",
  "import.autreAcademie.ligne": "  - {academie} : {n} ligne(s), dont la ligne {premiere}",
  "import.erreur.academieSuggestion":
    "Académie inconnue « {valeur} » pour --academie{suggestion} : attendu l'un des 30 codes (ex. 14) ou un nom (ex. Rennes).",

  // --- init: communes checked against the official list ---
  "init.commune.inconnue": "« {code} » n'est pas un code de commune de la liste officielle (Code officiel géographique){suggestion}.",
  "init.commune.autreAcademie":
    "La commune {code} ({nom}, département {departement}) relève de l'académie {academieCommune}, pas de l'académie {academie} du dépôt.",
  "init.commune.suggestion": " — vouliez-vous dire {code} ({nom}) ?",
  "init.commune.deleguee": "La commune {code} ({nom}) est une commune déléguée ou associée : la collectivité est la commune {parentCode} ({parentNom}).",
  "init.collectivite.remplacee": "{valeur} : depuis le 1er janvier 2021, les collèges du Bas-Rhin et du Haut-Rhin relèvent de la {nom} ; c'est elle qui est décrite.",
  "init.erreur.collectiviteCommune": "--collectivite {valeur} : {raison}",
  "init.erreur.collectiviteAcademie":
    "--collectivite {valeur} : {nom} relève de l'académie {academieCollectivite}, pas de l'académie {academie} du dépôt.",
  "init.erreur.annuaireAutreAcademie":
    "L'export « {chemin} » ne contient aucun établissement de l'{academie} : {autres}. Rien n'a été écrit. Vérifiez l'export, ou choisissez l'académie : --academie {code}.",
  "init.erreur.academieSuggestion":
    "Académie inconnue « {valeur} » pour --academie{suggestion} : attendu l'un des 30 codes (ex. 14) ou un nom (ex. Rennes).",

  // --- init: git ---
  "init.git.fait": "Dépôt git initialisé (git init) : le dossier n'était dans aucun dépôt git.",
  "init.git.deja": "Le dossier est déjà dans un dépôt git : git init n'a pas été lancé.",
  "init.git.absent": "git est introuvable : le dossier n'a pas été initialisé comme dépôt git (installez git, puis lancez « git init »).",
  "init.git.echec": "git init a échoué ({detail}) : lancez-le vous-même dans le dossier.",

  // --- init: special territories ---
  "init.mayotte.etat":
    "# Mayotte : l'État construit, équipe et entretient les collèges et lycées (collectivite: etat) ; la clé « maintenance » de l'académie dit qui fait quoi pour eux.",
};
