// Messages (fr): errors about shared configurations (`extends:`) and local rules (`plugins:`).

export const errorsMaison: Record<string, string> = {
  configBoucle: "Configuration en boucle : {chaine}. Une configuration ne peut pas s'étendre elle-même, même par un détour.",
  pluginIllisible: "Impossible de charger la règle locale « {plugin} » (nommée dans {fichier}) : {detail}.",
  pluginInvalide: "Règle locale « {plugin} » (nommée dans {fichier}) invalide : {detail}.",
  regleLocaleEnErreur: "La règle locale « {regle} » (module « {plugin} ») a échoué en lisant « {fichier} » : {detail}. Corrigez le module de la règle.",
};
