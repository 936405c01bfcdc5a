// Messages (fr): texts of the rules about `# gouvnum-ignore` comments (group I, see docs/regles.md).
import type { RuleTexts } from "../types.js";

export const rulesSuppression: Record<string, RuleTexts> = {
  "suppression-invalide": {
    summary: "Un commentaire « gouvnum-ignore » sans raison ou nommant une règle inconnue ne masque rien.",
    messages: {
      sansRaison: "Le commentaire « gouvnum-ignore {regles} » n'a pas de raison : ajoutez « -- <raison> » ; il ne masque rien.",
      regleInconnue: "Le commentaire « gouvnum-ignore » nomme la règle inconnue « {regle} »{suggestion} ; il ne masque rien.",
      vide: "Le commentaire « gouvnum-ignore » ne nomme aucune règle ; il ne masque rien.",
    },
  },
  "suppression-inutile": {
    summary: "Un commentaire « gouvnum-ignore » qui n'a masqué aucun constat peut être retiré.",
    messages: {
      inutile: "Le commentaire « gouvnum-ignore {regle} » n'a masqué aucun constat de ce document : retirez-le.",
    },
  },
};
