// CLI: @inquirer/prompts in French — the themes (key hints, Oui/Non, error texts) given to each prompt, in one
// place. The prompts' own English (« navigate », « Yes », « You must answer… ») is replaced through their
// documented `theme` options (style.keysHelpTip, keywords, i18n), never by editing what they draw.
import { styleText } from "node:util";
import type * as Inquirer from "@inquirer/prompts";
import { formatMessage } from "../core/format-message.js";
import { terminalTexts as catalogue } from "../messages/terminal.js";
import type { Prompter } from "../init/index.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

/** The prompts' action words (as @inquirer/select and @inquirer/checkbox name them), in French. */
const SELECT_ACTIONS: Record<string, string> = { navigate: "invite.action.naviguer", select: "invite.action.choisir", submit: "invite.action.valider" };
const CHECKBOX_ACTIONS: Record<string, string> = {
  navigate: "invite.action.naviguer",
  select: "invite.action.cocher",
  all: "invite.action.tout",
  invert: "invite.action.inverser",
  submit: "invite.action.valider",
};
const KEYS: Record<string, string> = { space: "invite.touche.espace" };

/** A key-hint line (« ↑↓ naviguer • ⏎ choisir »), styled as inquirer styles its own. */
function keysHelpTip(actions: Record<string, string>) {
  return (keys: Array<[key: string, action: string]>): string =>
    keys
      .map(([key, action]) => {
        const k = KEYS[key] ? t(KEYS[key]) : key;
        const a = actions[action] ? t(actions[action]) : action;
        return `${styleText("bold", k)} ${styleText("dim", a)}`;
      })
      .join(styleText("dim", " • "));
}

/** The French themes of the four prompts `gouvnum init` asks with. */
export function frenchThemes() {
  return {
    select: { style: { keysHelpTip: keysHelpTip(SELECT_ACTIONS) }, i18n: { disabledError: t("invite.optionDesactivee") } },
    checkbox: { style: { keysHelpTip: keysHelpTip(CHECKBOX_ACTIONS) }, i18n: { disabledError: t("invite.optionDesactivee") } },
    confirm: {
      keywords: {
        yes: t("invite.oui"),
        no: t("invite.non"),
        error: ({ yes, no }: { yes: string; no: string }) => t("invite.ouiOuNon", { oui: yes, non: no }),
      },
    },
  };
}

/** Where a prompt reads keys and draws (inquirer's `context`). */
export type PromptContext = { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream };

/**
 * The @inquirer/prompts functions behind the Prompter interface, in French. An input's validation that answers
 * `false` gets a French text (inquirer would write « You must provide a valid value »).
 */
export function frenchPrompter(inquirer: typeof Inquirer, context: () => PromptContext): Prompter {
  const themes = frenchThemes();
  return {
    select: (q) => inquirer.select({ ...q, theme: themes.select }, context()),
    checkbox: (q) => inquirer.checkbox({ ...q, theme: themes.checkbox }, context()),
    input: (q) => {
      const validate = q.validate;
      return inquirer.input(
        validate ? { ...q, validate: async (v: string) => (await validate(v)) || t("invite.valeurInvalide") } : q,
        context(),
      );
    },
    confirm: (q) => inquirer.confirm({ ...q, theme: themes.confirm }, context()),
  };
}
