// Messages: the terminal's texts and the errors, without the rules' texts — what `--help` and usage errors need.
import { errors as common } from "./fr/errors.js";
import { errorsMaison } from "./fr/errors-maison.js";
import { cli } from "./fr/cli.js";
import { cliReport } from "./fr/cli-report.js";
import { cliImportInit } from "./fr/cli-import-init.js";
import { cliFrancais } from "./fr/cli-francais.js";
import { cliProgres, errorsProgres } from "./fr/cli-progres.js";
import { cliMoteur } from "./fr/cli-moteur.js";
import { cliCi } from "./fr/ci.js";
import { cliAnnuaireV2 } from "./fr/cli-annuaire-v2.js";
import { cliTerritoire } from "./fr/cli-territoire.js";
import { cliRegles } from "./fr/cli-regles.js";
import { cliCollecte } from "./fr/cli-collecte.js";
import { rapportSynthese } from "./fr/rapport-synthese.js";

const errors = { ...common, ...errorsMaison };

export const terminalTexts: { errors: Record<string, string>; cli: Record<string, string> } = {
  errors: { ...errors, ...errorsProgres },
  cli: {
    ...cli,
    ...cliReport,
    ...cliImportInit,
    ...cliFrancais,
    ...cliProgres,
    ...cliMoteur,
    ...cliCi,
    ...cliAnnuaireV2,
    ...cliTerritoire,
    ...cliRegles,
    ...cliCollecte,
    ...rapportSynthese,
  },
};
