// Messages (fr): indentation mistakes explained (yaml-syntaxe, see src/load/indentation.ts) and a known key
// at the wrong place (schema, see src/validate/schema.ts).

export const indentationMessages: Record<string, Record<string, string>> = {
  "yaml-syntaxe": {
    "indentation.trop": "ligne {ligne} : « {cle} » est indentée de {espaces} ; la clé précédente (« {precedente} », ligne {lignePrecedente}) l'est de {attendu} — alignez-la.",
    "indentation.tropPremiere": "ligne {ligne} : « {cle} » est indentée de {espaces} ; les clés de ce bloc le sont de {attendu} — alignez-la.",
    "indentation.pasAssez":
      "ligne {ligne} : « {cle} » est indentée de {espaces} ; le bloc qu'elle suit aligne ses clés sur {bloc} et le bloc parent sur {parent} — alignez-la sur l'un des deux.",
    "indentation.entre":
      "ligne {ligne} : « {cle} » est indentée de {espaces} alors que les clés qui l'entourent (« {avant} » ligne {ligneAvant}, « {apres} » ligne {ligneApres}) le sont de {attendu} — alignez-la.",
    "indentation.tabulation": "ligne {ligne} : une tabulation sert d'indentation ; le YAML n'accepte que des espaces — remplacez-la par des espaces (ici sans doute {attendu}).",
    "indentation.double":
      "ligne {ligne} : « {cle} » figure déjà ligne {premiere} dans ce bloc ; si elle appartient au bloc « {bloc} » juste au-dessus, indentez-la de {attendu} espaces comme ses clés.",
  },
  schema: {
    cleAilleurs: "Clé « {cle} » inconnue dans {ou} : elle a sa place sous « {place} » — déplacez-la (ou indentez-la) dans le bloc « {bloc} ».",
    cleRacine: "Clé « {cle} » inconnue dans {ou} : c'est une clé du document — désindentez-la au niveau de « kind ».",
  },
};
