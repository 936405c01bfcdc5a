// Messages (fr): progress over time — --compare, the « Évolution » section, --update-baseline counts, `deadlines`.
export const cliProgres: Record<string, string> = {
  "baseline.corriges": "{corriges} ; {restent}.",
  "baseline.corriges.un": "1 constat connu a été corrigé",
  "baseline.corriges.plusieurs": "{n} constats connus ont été corrigés",
  "baseline.corriges.aucun": "aucun constat connu n'a été corrigé",
  "baseline.restent.un": "1 reste",
  "baseline.restent.plusieurs": "{n} restent",
  "baseline.restent.aucun": "il n'en reste aucun",
};
