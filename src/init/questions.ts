// Init: the questions of an interactive `gouvnum init`, asked through any prompter (inquirer in the CLI, a script in tests).
import { ACADEMIES } from "../core/domain.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { COLLECTIVITES_UNIQUES, DEPARTEMENTS, REGIONS, normalizeCommune } from "../import/index.js";
import { collectiviteSpec, defaultCollectivites, type CollectiviteSpec, type InitAnswers } from "./scaffold.js";
import type { CiKind } from "./ci-templates.js";
import { communeSpec } from "./territoires.js";
import type { CommuneTable } from "../import/communes.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

/** The four kinds of question, shaped like @inquirer/prompts' `select`, `checkbox`, `input` and `confirm`. */
export interface Prompter {
  select<V>(q: { message: string; choices: Array<{ name: string; value: V }>; default?: V; pageSize?: number }): Promise<V>;
  checkbox<V>(q: { message: string; choices: Array<{ name: string; value: V; checked?: boolean }>; pageSize?: number }): Promise<V[]>;
  input(q: { message: string; default?: string; validate?: (value: string) => boolean | string | Promise<boolean | string> }): Promise<string>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
}

/** Choices of collectivités for an académie: its région (or collectivité unique) and départements, plus those given on the command line. */
export function collectiviteChoices(academie: string, given: readonly CollectiviteSpec[]): Array<{ name: string; value: CollectiviteSpec; checked: boolean }> {
  const label = (c: CollectiviteSpec) => {
    if (c.type === "region") return t("init.choix.region", { nom: REGIONS[c.code] ?? c.nom });
    if (c.type === "departement") return t("init.choix.departement", { code: c.code, nom: DEPARTEMENTS[c.code]?.nom ?? c.nom });
    if (c.type === "collectivite_unique") return t("init.choix.unique", { nom: COLLECTIVITES_UNIQUES[c.code] ?? c.nom });
    return `${c.nom} (${c.type} ${c.code})`;
  };
  const defaults = defaultCollectivites(academie);
  const givenIds = new Set(given.map((c) => c.id));
  const all = [...defaults, ...given.filter((g) => !defaults.some((d) => d.id === g.id))];
  return all.map((c) => ({ name: label(c), value: c, checked: given.length === 0 || givenIds.has(c.id) }));
}

/**
 * Asks for the académie (among the 30), the collectivités (its région and départements, then
 * communes by INSEE code), CI and editor settings, and an optional annuaire export. `defaults`
 * come from the command-line options.
 */
export async function askInit(
  p: Prompter,
  defaults: Partial<InitAnswers>,
  fileExists: (path: string) => Promise<boolean>,
  o: { gitlabFirst?: boolean } = {},
  communes?: CommuneTable,
): Promise<InitAnswers> {
  const academie = await p.select({
    message: t("init.question.academie"),
    choices: Object.entries(ACADEMIES)
      .sort((a, b) => a[1].localeCompare(b[1], "fr"))
      .map(([code, nom]) => ({ name: `${nom} (${code})`, value: code })),
    default: defaults.academie,
    pageSize: 12,
  });
  const given = defaults.collectivites ?? [];
  // Mayotte: no collectivité has its collèges and lycées (the State does), so there may be nothing to choose.
  const choices = collectiviteChoices(academie, given.filter((c) => c.type !== "commune"));
  const chosen = choices.length === 0 ? [] : await p.checkbox({ message: t("init.question.collectivites"), choices, pageSize: 12 });
  const givenCommunes = given.filter((c) => c.type === "commune").map((c) => c.code);
  const communesText = await p.input({
    message: t("init.question.communes"),
    default: givenCommunes.join(", "),
    validate: (v) => {
      for (const code of splitCodes(v)) {
        if (!normalizeCommune(code)) return t("init.question.communeInvalide", { code });
        // Checked against the official list: a real commune, in the académie.
        const r = communes ? communeSpec(code, academie, communes) : undefined;
        if (r && "error" in r) return r.error;
      }
      return true;
    },
  });
  const chosenCommunes = splitCodes(communesText).map((code) => {
    const known = given.find((c) => c.code === normalizeCommune(code) && (c.type === "commune" || c.code === "75056"));
    if (known) return known;
    const r = communes ? communeSpec(code, academie, communes) : undefined;
    return r && "spec" in r ? r.spec : collectiviteSpec("commune", code)!;
  });
  const ciKind = await askCiKind(p, defaults, o.gitlabFirst === true);
  const editor = await p.confirm({ message: t("init.question.editeur"), default: defaults.editor ?? true });
  const annuaire = (
    await p.input({
      message: t("init.question.annuaire"),
      default: defaults.annuaire ?? "",
      validate: async (v) => (v.trim() === "" || (await fileExists(v.trim())) ? true : t("init.question.annuaireIntrouvable", { chemin: v.trim() })),
    })
  ).trim();
  return {
    academie,
    collectivites: [...chosen, ...chosenCommunes],
    ci: ciKind !== "none",
    ...(ciKind !== "none" ? { ciKind } : {}),
    editor,
    ...(annuaire ? { annuaire } : {}),
  };
}

function splitCodes(v: string): string[] {
  return v
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Which CI: GitLab first when the repository's remote is on a GitLab host (the Forge among them), else GitHub first. */
async function askCiKind(p: Prompter, defaults: Partial<InitAnswers>, gitlabFirst: boolean): Promise<CiKind> {
  const services: CiKind[] = gitlabFirst ? ["gitlab", "github"] : ["github", "gitlab"];
  const label: Record<CiKind, string> = { gitlab: t("init.choix.gitlab"), github: t("init.choix.github"), none: t("init.choix.aucune") };
  return p.select<CiKind>({
    message: t("init.question.ciType"),
    choices: [...services, "none" as const].map((value) => ({ name: label[value], value })),
    default: defaults.ci === false ? "none" : (defaults.ciKind ?? services[0]),
  });
}
