// Messages (fr): continuous integration — `init --ci github|gitlab|none`, `--install-source`, the first audit's reference.

export const cliCi: Record<string, string> = {
  "aide.initCi": "intégration continue : gitlab (.gitlab-ci.yml), github (.github/workflows/gouvnum.yml) ou none ; --no-ci = none",
  "aide.initInstallSource":
    "d'où la CI installe gouvnum : paquet npm (ex. gouvnum@0.1.0, le défaut : la version en cours), URL git, ou archive .tgz (copiée dans .gouvnum/)",
  "init.erreur.ci": "Valeur inconnue « {valeur} » pour --ci : attendu gitlab, github ou none.",
  "init.erreur.installSource":
    "Source d'installation invalide « {valeur} » pour --install-source : un nom de paquet npm (gouvnum@0.1.0), une URL git ou le chemin d'une archive .tgz, sans espace ni guillemet ni $ ni \\.",
  "init.question.ciType": "Intégration continue : quel service héberge le dépôt ?",
  "init.choix.gitlab": "GitLab (dont la Forge des communs numériques éducatifs) : .gitlab-ci.yml",
  "init.choix.github": "GitHub : .github/workflows/gouvnum.yml",
  "init.choix.aucune": "aucune intégration continue",
  "init.reference.ecrite":
    "Référence écrite : {chemin} ({n} constats de l'import enregistrés comme connus). La CI l'utilise (--baseline) : le premier push passe, et seuls les nouveaux écarts la font échouer. Après correction : gouvnum audit --baseline {chemin} --update-baseline.",
  "init.reference.gardee":
    "Référence existante gardée : {chemin} (--force pour la recalculer). La CI l'utilise (--baseline).",

  // --- texts written into the generated CI files ---
  "ci.github.entete":
    "# Audit gouvnum du territoire : à chaque push sur la branche principale, à chaque pull request, et à la demande.\n# Actions tierces épinglées par commit (version en commentaire) ; Node.js {node} (LTS maintenue).",
  "ci.github.nom": "Audit gouvnum",
  "ci.github.installer": "Installer gouvnum",
  "ci.github.auditer": "Auditer le territoire",
  "ci.github.resume": "Résumé dans la page du workflow",
  "ci.github.rapport": "Rapport HTML",
  "ci.github.artefact": "Rapport en artefact",
  "ci.github.sarif": "Envoyer les constats à GitHub (onglet Sécurité)",
  "ci.github.sarifCommentaire":
    "# Sans analyse de code (dépôt privé sans GitHub Advanced Security), cet envoi échoue sans bloquer : c'est l'audit qui décide.",
  "ci.gitlab.entete":
    "# Audit gouvnum du territoire pour GitLab (dont la Forge des communs numériques éducatifs).\n# À chaque push et dans chaque merge request : le texte de l'audit dans le journal, les constats dans le widget\n# « Code Quality » et dans l'onglet « Tests » ; le rapport HTML sur GitLab Pages (branche par défaut) et en artefact\n# dans les merge requests. Image Node.js {node} (LTS maintenue) ; le cache npm accélère l'installation.",
  "ci.gitlab.installer": "# Installation de gouvnum (source choisie à « gouvnum init », --install-source) :",
  "ci.gitlab.compare":
    "# Merge requests : quand votre version de gouvnum aura l'option --compare, ajoutez\n#   --compare \"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"\n# (et « git fetch origin \"$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\" » avant) pour ne compter que les nouveaux écarts.",
  "ci.gitlab.compareActif":
    "# Merge requests : seuls les écarts nouveaux par rapport à la branche cible comptent (--compare).",
  "ci.gitlab.rapportMr": "Rapport gouvnum",
  "ci.gitlab.pages": "# GitLab Pages : le rapport de la branche par défaut, publié même quand l'audit trouve des erreurs.",
  "ci.reference": "# Référence des écarts connus à l'import (gouvnum init --annuaire) : seuls les nouveaux comptent.",
};
