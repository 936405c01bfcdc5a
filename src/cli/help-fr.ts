// CLI: commander's help and errors in French — a Help subclass (titles, usage placeholders, defaults, choices)
// and a walk that gives every command of the program, including those added later, the French help option,
// help command and Help. Commander's English texts are replaced through its hooks, never by editing its output.
import { Command, CommanderError, Help, type Argument, type Option } from "commander";
import { formatMessage } from "../core/format-message.js";
import { terminalTexts as catalogue } from "../messages/terminal.js";

const t = (id: string, data: Record<string, string | number> = {}) => formatMessage(catalogue.cli[id] ?? id, data);

/** Commander's section titles. A group heading given by a command (`optionsGroup`…) is shown as written. */
const TITLES: Record<string, string> = {
  "Usage:": "aide.titre.usage",
  "Options:": "aide.titre.options",
  "Commands:": "aide.titre.commandes",
  "Arguments:": "aide.titre.arguments",
  "Global Options:": "aide.titre.optionsGlobales",
};

/** A default or preset value as a person reads it: text as is, anything else as JSON. */
function shown(v: unknown): string {
  return typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
}

/** The description, with what commander adds (choices, default, preset, environment variable) in French. */
function withExtras(description: string, extras: string[]): string {
  if (extras.length === 0) return description;
  const extra = `(${extras.join(" ; ")})`;
  return description ? `${description} ${extra}` : extra;
}

/** A description that already states its default (« par défaut : … », « (défaut : …) ») does not get it twice. */
const STATES_DEFAULT = /\bdéfaut\b/i;

export class FrenchHelp extends Help {
  override styleTitle(title: string): string {
    const id = TITLES[title];
    return id ? t(id) : title;
  }

  override styleUsage(usage: string): string {
    // commander's usage is `[options] [command] <args>`: only the placeholder words are English.
    return super.styleUsage(
      usage
        .split(" ")
        .map((w) => (w === "[command]" ? t("aide.usage.commande") : w))
        .join(" "),
    );
  }

  override optionDescription(option: Option): string {
    const extras: string[] = [];
    if (option.argChoices) extras.push(t("aide.choix", { valeurs: option.argChoices.join(", ") }));
    if (option.defaultValue !== undefined && !STATES_DEFAULT.test(option.description)) {
      // As commander: a default is shown for options that take a value (a boolean's default is for programmers).
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
      if (showDefault) extras.push(t("aide.defaut", { valeur: option.defaultValueDescription || shown(option.defaultValue) }));
    }
    if (option.presetArg !== undefined && option.optional) extras.push(t("aide.preset", { valeur: shown(option.presetArg) }));
    if (option.envVar !== undefined) extras.push(t("aide.env", { variable: option.envVar }));
    return withExtras(option.description, extras);
  }

  override argumentDescription(argument: Argument): string {
    const extras: string[] = [];
    if (argument.argChoices) extras.push(t("aide.choix", { valeurs: argument.argChoices.join(", ") }));
    if (argument.defaultValue !== undefined && !STATES_DEFAULT.test(argument.description)) {
      extras.push(t("aide.defaut", { valeur: argument.defaultValueDescription || shown(argument.defaultValue) }));
    }
    return withExtras(argument.description, extras);
  }
}

/** Every command of the tree, the program first. */
export function allCommands(program: Command): Command[] {
  const out: Command[] = [];
  const visit = (c: Command) => {
    out.push(c);
    for (const sub of c.commands) visit(sub);
  };
  visit(program);
  return out;
}

/**
 * Gives every command of the tree the French Help, `-h, --help` described in French and, when it has
 * subcommands, a French `help [commande]` command (commander adds an English one to any command with
 * subcommands). Run once the tree is built, so that commands added later by anyone are covered.
 */
export function frenchHelp(program: Command): Command {
  for (const cmd of allCommands(program)) {
    const configured = cmd.configureHelp();
    cmd.createHelp = () => Object.assign(new FrenchHelp(), configured);
    cmd.helpOption("-h, --help", t("aide.help"));
    if (cmd.commands.length > 0) cmd.helpCommand("help [commande]", t("aide.helpCommand"));
  }
  return program;
}

/** Commander's own errors, in French (its codes are stable; its texts are English). */
export function commanderMessage(e: CommanderError): string {
  const quoted = [...e.message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const hint = /Did you mean (?:one of )?([^?]+)\?/.exec(e.message)?.[1];
  const suggestion = hint ? t("erreur.suggestion", { s: hint.trim() }) : "";
  const first = quoted[0] ?? "";
  switch (e.code) {
    case "commander.unknownOption":
      return t("erreur.optionInconnue", { option: first, suggestion });
    case "commander.unknownCommand":
      return t("erreur.commandeInconnue", { commande: first, suggestion });
    case "commander.missingArgument":
      return t("erreur.argumentManquant", { argument: first });
    case "commander.optionMissingArgument":
      return t("erreur.valeurManquante", { option: first });
    case "commander.missingMandatoryOptionValue":
      return t("erreur.optionObligatoire", { option: first });
    case "commander.conflictingOption":
      return t("erreur.optionsIncompatibles", { option: first, autre: quoted[1] ?? "" });
    case "commander.excessArguments": {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      return m ? t("erreur.argumentsEnTropDetail", { attendus: m[1], recus: m[2] }) : t("erreur.argumentsEnTrop");
    }
    case "commander.invalidArgument": {
      // `option '<flags>' argument '<value>' is invalid. <detail>` or `command-argument value '<value>' is invalid for argument '<name>'. <detail>`
      const detail = e.message.replace(/^.*? is invalid(?: for argument '[^']*')?\.\s*/s, "");
      const choices = /^Allowed choices are (.*)\.$/.exec(detail.trim())?.[1];
      const why = choices ? t("aide.choix", { valeurs: choices }) : detail.trim();
      return e.message.includes("command-argument")
        ? t("erreur.argumentInvalide", { valeur: first, argument: quoted[1] ?? "", detail: why })
        : t("erreur.optionInvalide", { option: first, valeur: quoted[1] ?? "", detail: why });
    }
    default:
      return e.message.replace(/^error: /, "");
  }
}
