// Core: rule ids that were renamed. The old id stays accepted (configuration, --rule, baselines,
// `gouvnum-ignore` comments) as an alias of the new one, with a deprecation notice; it is never reused.

/** Old id → current id. */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  "convention-anterieure-3ds": "convention-autorite-fonctionnelle-absente",
};

/** The current id of a rule: itself, or the id that replaced it. Every reader of a user-written rule id calls this. */
export function canonicalRuleId(id: string): string {
  return Object.hasOwn(RULE_ALIASES, id) ? RULE_ALIASES[id] : id;
}

/** The id that replaced `id` when `id` is an old one, else undefined. */
export function replacedBy(id: string): string | undefined {
  return Object.hasOwn(RULE_ALIASES, id) ? RULE_ALIASES[id] : undefined;
}
