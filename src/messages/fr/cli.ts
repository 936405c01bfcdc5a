// Messages (fr): everything the terminal shows besides findings and errors.

export const cli: Record<string, string> = {
  resume: "{constats} : {erreurs}, {avertissements}, {infos} — {fichiers}, {documents}",
  resumeMasques: " ({n})",
  resumeConnus: " ({n} par la référence)",
};
