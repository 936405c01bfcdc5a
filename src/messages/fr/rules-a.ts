// Messages (fr): texts of the rules produced by the engine's own stages (reading, encoding, kind, schema) rather than by
// a check: the loader and the configuration reader, below the rules layer, write their findings with them, so they
// stay in the catalogue; each rule's src/rules/<id>/rule.ts takes its texts from here. Every other rule carries its
// texts in its own rule file.
import type { RuleTexts } from "../types.js";

export const rulesA: Record<string, RuleTexts> = {
  "yaml-syntaxe": {
    summary: "Le fichier doit être du YAML valide.",
    messages: {
      "yaml.BAD_INDENT": "Indentation incorrecte : alignez cette ligne sur les clés de même niveau.",
      "yaml.TAB_AS_INDENT": "Tabulation utilisée pour l'indentation : le YAML n'accepte que des espaces.",
      "yaml.DUPLICATE_KEY": "Clé en double dans le même bloc : une seule valeur par clé.",
      "yaml.MISSING_CHAR": "Caractère manquant (guillemet, crochet ou accolade fermante).",
      "yaml.UNEXPECTED_TOKEN": "Élément inattendu à cet endroit.",
      "yaml.BAD_ALIAS": "Alias invalide.",
      "yaml.BAD_DQ_ESCAPE": "Séquence d'échappement invalide dans une chaîne entre guillemets doubles.",
      "yaml.BAD_SCALAR_START": "Une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets.",
      "yaml.BLOCK_AS_IMPLICIT_KEY": "Une structure en bloc ne peut pas servir de clé.",
      "yaml.MULTILINE_IMPLICIT_KEY": "Une clé implicite doit tenir sur une ligne (il manque sans doute « : » ou une indentation).",
      "yaml.KEY_OVER_1024_CHARS": "Clé de plus de 1 024 caractères.",
      "yaml.MULTIPLE_ANCHORS": "Plusieurs ancres sur le même nœud.",
      "yaml.MULTIPLE_TAGS": "Plusieurs étiquettes sur le même nœud.",
      "yaml.TAG_RESOLVE_FAILED": "Étiquette YAML non prise en charge (seul le schéma YAML 1.2 « core » est accepté) : la valeur est lue comme du texte.",
      "yaml.BAD_DIRECTIVE": "Directive YAML invalide.",
      "yaml.BLOCK_IN_FLOW": "Une structure en bloc ne peut pas apparaître dans une structure entre crochets ou accolades.",
      "yaml.IMPOSSIBLE": "Construction YAML impossible à lire ({code}).",
      "yaml.ALIAS_PROPS": "Un alias ne peut pas porter d'ancre ni d'étiquette.",
      "yaml.BAD_COLLECTION_TYPE": "Type de collection incorrect.",
      "yaml.NON_STRING_KEY": "Les clés doivent être du texte.",
      "yaml.MULTIPLE_DOCS": "Plusieurs documents là où un seul est attendu.",
      "yaml.BAD_INDENT_TAB": "Tabulation utilisée pour l'indentation.",
      autre: "Erreur de syntaxe YAML ({code}).",
      tropDAlias: "Trop d'alias développés (plus de {limite}, réglage limits.maxAliasCount) : le document ressemble à une « bombe d'alias » et n'est pas lu.",
      tropDeValeurs: "Une fois ses alias développés, le document compte plus de {limite} valeurs : il ressemble à une « bombe d'alias » et n'est pas lu.",
      tropProfond: "Imbrication trop profonde (plus de {limite} niveaux, réglage limits.maxDepth) : le document n'est pas lu.",
      tropDeDocuments: "Le fichier contient {nombre} documents, plus que la limite de {limite} (réglage limits.maxDocumentsPerFile) : il n'est pas lu.",
      tropGros: "Le fichier fait {taille} octets, plus que la limite de {limite} octets (limits.maxFileBytes) : il n'est pas lu.",
      illisible: "Le fichier n'a pas pu être lu comme du YAML : {detail}",
    },
  },
  encodage: {
    summary: "Les fichiers doivent être encodés en UTF-8.",
    messages: {
      utf8: "Le fichier n'est pas en UTF-8 (premier octet invalide ligne {ligne}, colonne {colonne}) : c'est sans doute un export Windows-1252 ; réenregistrez-le en UTF-8.",
      utf16: "Le fichier est encodé en UTF-16 : réenregistrez-le en UTF-8.",
      binaire: "Le fichier contient un octet nul (ligne {ligne}) : ce n'est pas un fichier texte YAML.",
    },
  },
  "kind-inconnu": {
    summary: "Chaque document doit déclarer un « kind » connu : academie, collectivite, etablissement ou convention.",
    messages: {
      absent: "Le document n'a pas de clé « kind » : indiquez academie, collectivite, etablissement ou convention.",
      vide: "La clé « kind » est vide : indiquez academie, collectivite, etablissement ou convention.",
      inconnu: "« kind: {valeur} » est inconnu{suggestion} ; valeurs possibles : academie, collectivite, etablissement, convention.",
      pasUnTexte: "« kind » doit être du texte, trouvé {trouve} ; valeurs possibles : academie, collectivite, etablissement, convention.",
      pasUnMapping: "Le document doit être un ensemble de clés (« kind: … », « nom: … ») et non {trouve}.",
    },
  },
  schema: {
    summary: "Chaque document doit respecter le format décrit par les schémas JSON de gouvnum.",
    messages: {
      cleInconnue: "Clé « {cle} » inconnue dans {ou}{suggestion}",
      cleManquante: "Clé obligatoire « {cle} » absente dans {ou}.",
      type: "« {cle} » doit être {attendu}, trouvé {trouve}.",
      typeCode: "« {cle} » doit être un code entre guillemets, trouvé le nombre {trouve} : mettez le code entre guillemets ({exemple}).",
      enum: "« {cle} » vaut « {trouve} », valeur non autorisée (valeurs possibles : {valeurs}){suggestion}",
      const: "« {cle} » doit valoir « {attendu} », trouvé « {trouve} ».",
      date: "« {cle} » doit être une date réelle au format \"AAAA-MM-JJ\", trouvé « {trouve} ».",
      pattern: "« {cle} » a un format invalide : {attendu}, trouvé « {trouve} ».",
      minimum: "« {cle} » doit être supérieur ou égal à {limite}, trouvé {trouve}.",
      maximum: "« {cle} » doit être inférieur ou égal à {limite}, trouvé {trouve}.",
      minItems: "« {cle} » doit contenir au moins {limite} élément(s), trouvé {trouve}.",
      maxItems: "« {cle} » doit contenir au plus {limite} élément(s), trouvé {trouve}.",
      minLength: "« {cle} » ne doit pas être vide.",
      uniqueItems: "« {cle} » contient deux fois la même valeur.",
      nombreInexact: "« {cle} » vaut {trouve}, un nombre trop grand pour être lu exactement (au-delà de 9 007 199 254 740 991).",
      autre: "« {cle} » est invalide : {detail}.",
    },
  },
};
