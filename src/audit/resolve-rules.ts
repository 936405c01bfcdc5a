// Audit: which rules run, with which severity and options — from their defaults, the configuration and `--rule`.
import { GouvnumError } from "../core/errors.js";
import { formatMessage } from "../core/format-message.js";
import { didYouMean } from "../core/similar.js";
import type { ConfiguredSeverity } from "../core/finding.js";
import { catalogue } from "../messages/index.js";
import type { GouvnumConfigLoaded } from "../validate/config.js";
import { rules as registry } from "../rules/index.js";
import { canonicalRuleId } from "../core/rule-ids.js";
import type { RuleDefinition } from "./rule.js";

/** A rule as it runs: its metadata and effective severity. */
export interface RuleRun {
  rule: RuleDefinition;
  severity: ConfiguredSeverity;
  options: Record<string, number | string | boolean>;
}

/** The deprecation notice of an old rule id (French, for stderr). */
export function renamedNotice(id: string, origin: "config" | "rule" | "ignore" | "baseline", data: Record<string, string | number>): string {
  const origine = formatMessage(catalogue.cli[`regle.remplacee.origine.${origin}`], data);
  return formatMessage(catalogue.cli["regle.remplacee"], { ancien: id, nouveau: canonicalRuleId(id), origine });
}

const TYPE_FR: Record<string, string> = { number: "un nombre", string: "du texte", boolean: "true ou false" };

/** Effective severity and options of every rule, from defaults, the config and `--rule`. Unknown ids are usage errors. */
export function resolveRules(
  config: GouvnumConfigLoaded | undefined,
  overrides: Record<string, ConfiguredSeverity> = {},
  available: readonly RuleDefinition[] = registry,
  notices?: string[],
): RuleRun[] {
  const ids = available.map((r) => r.id);
  /** A problem with a rule's setting in the config file: named with the file and the line, like every config error. */
  const configError = (id: string, code: string, data: Record<string, string | number>) => {
    const at = config?.ruleLines?.[id];
    if (!config?.file || !at) return new GouvnumError(code, data);
    const detail = formatMessage(catalogue.errors[code], data);
    return new GouvnumError("configInvalide", { fichier: config.file, ligne: at.line, colonne: at.column, detail });
  };
  const check = (id: string, origin: string, fromConfig: boolean) => {
    if (!ids.includes(id)) {
      const data = { regle: id, origine: origin, suggestion: didYouMean(id, ids) };
      throw fromConfig ? configError(id, "regleInconnue", data) : new GouvnumError("regleInconnue", data);
    }
  };
  // A renamed rule's old id is an alias of the new one (a notice says so); the new id wins when both are given.
  const configRules: NonNullable<GouvnumConfigLoaded["rules"]> = {};
  for (const [id, v] of Object.entries(config?.rules ?? {})) {
    const canonical = canonicalRuleId(id);
    if (canonical !== id) {
      notices?.push(renamedNotice(id, "config", { fichier: config?.file ?? "" }));
      if (Object.hasOwn(config?.rules ?? {}, canonical)) continue;
    }
    configRules[canonical] = v;
  }
  const overridden: Record<string, ConfiguredSeverity> = {};
  for (const [id, v] of Object.entries(overrides)) {
    const canonical = canonicalRuleId(id);
    if (canonical !== id) {
      notices?.push(renamedNotice(id, "rule", {}));
      if (Object.hasOwn(overrides, canonical)) continue;
    }
    overridden[canonical] = v;
  }
  for (const id of Object.keys(config?.rules ?? {})) check(canonicalRuleId(id), config?.file ?? "configuration", true);
  for (const id of Object.keys(overrides)) check(canonicalRuleId(id), "--rule", false);
  return available.map((rule) => {
    const fromConfig = configRules[rule.id];
    let severity: ConfiguredSeverity = overridden[rule.id] ?? fromConfig?.severity ?? rule.severity;
    if (severity === "off" && rule.group === "A") {
      throw overridden[rule.id] ? new GouvnumError("regleNonDesactivable", { regle: rule.id }) : configError(rule.id, "regleNonDesactivable", { regle: rule.id });
    }
    const options: Record<string, number | string | boolean> = {};
    for (const [k, o] of Object.entries(rule.options ?? {})) options[k] = o.default;
    for (const [k, v] of Object.entries(fromConfig?.options ?? {})) {
      const spec = rule.options?.[k];
      if (!spec) {
        const known = Object.keys(rule.options ?? {});
        throw configError(rule.id, "optionRegleInconnue", { regle: rule.id, option: k, options: known.length ? known.join(", ") : "aucune" });
      }
      if (typeof v !== spec.type) throw configError(rule.id, "optionRegleType", { regle: rule.id, option: k, type: TYPE_FR[spec.type] });
      options[k] = v as number | string | boolean;
    }
    return { rule, severity, options };
  });
}
