// Messages (fr): the territory and the paths given, --scope for audit, the schema list, the terminal summary at scale.

export const cliTerritoire: Record<string, string> = {
  "aide.summary": "format text : seulement le résumé par règle et par collectivité (il suit aussi toute liste de plus de 10 000 constats)",
  "aide.auditScope": "seulement les constats d'une entité et de ce qui lui appartient : academie:<code>, collectivite:<id>, departement:<code>, etablissement:<UAI>",
  // `gouvnum schema` without a kind: the list of kinds.
  "schema.liste.titre": "Schémas JSON disponibles :",
  "schema.liste.ligne": "  {nature}  {description}",
  "schema.liste.suite": "Affichez-en un avec « gouvnum schema <nature> » ; écrivez-les tous pour votre éditeur avec « gouvnum schema --out <dossier> ».",
  "schema.nature.academie": "l'académie : recteur, DRANE, DSI, instances de pilotage, RGPD",
  "schema.nature.collectivite": "une collectivité (commune, EPCI, département, région…) : compétences, services, maintenance, renouvellement",
  "schema.nature.etablissement": "un établissement (école, collège, lycée…) : direction, référents, instances, équipements",
  "schema.nature.convention": "une convention entre parties : objet, signatures, dates, clauses de maintenance",
  "schema.nature.config": "le fichier de configuration gouvnum.config.yaml",
  "schema.nature.defs": "les définitions communes aux autres schémas (personne, date, UAI…)",
  // audit --scope
  "portee.erreur.invalide": "--scope attend « academie:<code> », « collectivite:<id> », « departement:<code> » ou « etablissement:<UAI> », trouvé « {valeur} ».",
  "portee.erreur.inconnue": "--scope : « {valeur} » ne désigne aucune entité du territoire{suggestion}.",
  // The text format's summary at scale (--summary, or after 10,000 lines of findings).
  "resume.titre": "Résumé : {constats} dans {fichiers}.",
  "resume.parRegle": "Par règle :",
  "resume.parCollectivite": "Par collectivité :",
  "resume.ligne": "  {n}  {nom}",
  "resume.autres": "  … et {n} autres ({constats})",
  "resume.sansCollectivite": "(sans collectivité de rattachement)",
  "resume.voirTout": "Pour tout voir : {commande}",
  "resume.tronque": "Sortie arrêtée après {n} lignes de constats ({reste} constats non affichés).",
  // init --annuaire: the ignored lines, each listed up to a limit.
  "import.detail.lignesEnPlus": "    … et {n} autres lignes (toutes : gouvnum import annuaire {csv} --dry-run)",
};
