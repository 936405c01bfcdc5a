// Rules: the `rules:` part of the configuration schema (schemas/config.schema.json), generated from the registry so
// that an editor completes every rule id and each rule's options (type, default, description). `npm run gen:rules`
// writes it; a test fails when the file differs.
import type { RuleDefinition } from "../audit/rule.js";

const SEVERITY_FR: Record<string, string> = { error: "erreur", warning: "avertissement", info: "info" };
const TYPE_FR: Record<string, string> = { number: "nombre", string: "texte", boolean: "booléen (true ou false)" };

/** The schema of one rule's setting: its severity, or `[severity, { options }]` with its own options. */
function ruleSetting(r: RuleDefinition): object {
  const head = `${r.summary ?? r.id} Groupe ${r.group}, sévérité par défaut : ${SEVERITY_FR[r.severity]}.`;
  const options = Object.entries(r.options ?? {});
  if (options.length === 0) {
    return { title: r.id, description: `${head} Sans option : une sévérité (\`error\`, \`warning\`, \`info\` ou \`off\`).`, $ref: "#/$defs/ReglageRegle" };
  }
  const list = options.map(([k, o]) => `\`${k}\` (${TYPE_FR[o.type]}, par défaut \`${String(o.default)}\`)`).join(", ");
  const example = `[${r.severity}, { ${options[0][0]}: ${String(options[0][1].default)} }]`;
  return {
    title: r.id,
    description: `${head} Options : ${list}. Exemple : \`${example}\`.`,
    anyOf: [
      { $ref: "#/$defs/Severite" },
      { title: "Sévérité seule", description: "Une liste d'un élément : la sévérité. Exemple : `[warning]`.", type: "array", prefixItems: [{ $ref: "#/$defs/Severite" }], minItems: 1, maxItems: 1 },
      {
        title: "Sévérité et options",
        description: `La sévérité puis les options de la règle. Exemple : \`${example}\`.`,
        type: "array",
        prefixItems: [
          { $ref: "#/$defs/Severite" },
          {
            title: `Options de ${r.id}`,
            description: `Options : ${list}.`,
            type: "object",
            properties: Object.fromEntries(
              // No `type` keyword: the configuration is validated by this schema too, and a wrong type inside `anyOf`
              // would read « doit être du texte, trouvé une liste »; the engine says « l'option « age_max_ans » de la
              // règle « equipement-obsolete » doit être un nombre » instead. The type is in the description.
              options.map(([k, o]) => [k, { title: k, description: `${o.description} Type : ${TYPE_FR[o.type]} ; par défaut : \`${String(o.default)}\`.`, default: o.default }]),
            ),
          },
        ],
        minItems: 2,
        maxItems: 2,
      },
    ],
  };
}

/** The configuration schema with `rules.properties` made from the registry (every other key as it is). */
export function withRuleSettings<S extends { properties: { rules: object } }>(schema: S, rules: readonly RuleDefinition[]): S {
  const properties = Object.fromEntries([...rules].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, ruleSetting(r)]));
  const { properties: _old, ...rest } = schema.properties.rules as { properties?: object };
  // `properties` first after the title and description, so the file reads in the same order as before.
  const entries = Object.entries(rest);
  const at = entries.findIndex(([k]) => k === "type") + 1;
  const rulesSchema = Object.fromEntries([...entries.slice(0, at), ["properties", properties], ...entries.slice(at)]);
  return { ...schema, properties: { ...schema.properties, rules: rulesSchema } };
}

/** The file's text: two-space JSON and a final newline, as the schemas are written. */
export function configSchemaText(schema: object): string {
  return JSON.stringify(schema, null, 2) + "\n";
}
