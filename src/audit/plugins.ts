// Audit: local rules — ES modules named by the configuration's `plugins:` (never anything it does not name), whose
// rules carry their own French summary, messages and page. They are checked when loaded, their texts join the
// message catalogue, and from then on they run exactly like the built-in rules (severities, options, suppressions,
// baselines, every output format, the reports).
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { GouvnumError } from "../core/errors.js";
import { placeholders } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { rules as builtIn } from "../rules/index.js";
import { registerLocalDoc } from "../rules/docs.js";
import type { RuleDefinition } from "./rule.js";
import type { PluginRef } from "../validate/config.js";

const GROUPS = new Set(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
const SEVERITIES = new Set(["error", "warning", "info"]);
const KINDS = new Set(["academie", "collectivite", "etablissement", "convention", "fichier"]);


/** Where each local rule comes from, for messages about it. */
const origins = new Map<string, string>();

/** The plugin a local rule came from (undefined for a built-in rule). */
export function pluginOf(ruleId: string): string | undefined {
  return origins.get(ruleId);
}

/** Loads every plugin and returns its rules, checked; their texts are added to the catalogue. */
export async function loadPlugins(refs: readonly PluginRef[]): Promise<RuleDefinition[]> {
  const out: RuleDefinition[] = [];
  const seen = new Map<string, string>();
  for (const ref of refs) {
    const file = locatePlugin(ref);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      throw new GouvnumError("pluginIllisible", { plugin: ref.specifier, fichier: ref.from, detail: String((e as Error)?.message ?? e) });
    }
    const exported = mod.default ?? mod.rules;
    const list = Array.isArray(exported) ? exported : exported !== undefined ? [exported] : [];
    if (list.length === 0) throw invalid(ref, "le module n'exporte aucune règle (export default defineRule({...}) ou export const rules = [...])");
    for (const rule of list) {
      checkRule(ref, rule, file);
      const r = rule as RuleDefinition;
      if (seen.has(r.id)) throw invalid(ref, `la règle « ${r.id} » est déjà définie par ${seen.get(r.id)}`);
      seen.set(r.id, ref.specifier);
      origins.set(r.id, ref.specifier);
      catalogue.rules[r.id] = { summary: r.summary!, messages: r.messages! };
      const withDocs = r.docs && !/^[a-z]+:\/\//.test(r.docs) && !isAbsolute(r.docs) ? { ...r, docs: join(dirname(file), r.docs) } : r;
      if (withDocs.docs) registerLocalDoc(withDocs.id, withDocs.docs);
      out.push(withDocs);
    }
  }
  return out;
}

function invalid(ref: PluginRef, detail: string): GouvnumError {
  return new GouvnumError("pluginInvalide", { plugin: ref.specifier, fichier: ref.from, detail });
}

/** A relative path from the configuration's folder, or a package installed beside it. */
function locatePlugin(ref: PluginRef): string {
  const s = ref.specifier;
  if (s.startsWith(".") || isAbsolute(s)) return resolve(ref.dir, s);
  try {
    return createRequire(join(ref.dir, "gouvnum.config.yaml")).resolve(s);
  } catch (e) {
    throw new GouvnumError("pluginIllisible", { plugin: s, fichier: ref.from, detail: "paquet introuvable depuis le dossier de la configuration (npm install ?)" });
  }
}

/** What makes a local rule runnable: checked at load time, so that a mistake is said before any file is read. */
function checkRule(ref: PluginRef, rule: unknown, file: string): void {
  const r = rule as Partial<RuleDefinition> | null;
  const fail = (detail: string) => invalid(ref, r && typeof r.id === "string" ? `règle « ${r.id} » : ${detail}` : detail);
  if (!r || typeof r !== "object") throw fail("une règle doit être un objet créé par defineRule");
  if (typeof r.id !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.id)) throw fail("« id » doit être en minuscules et tirets, par exemple « ma-regle »");
  if (builtIn.some((b) => b.id === r.id)) throw fail("cet identifiant est celui d'une règle de gouvnum : choisissez-en un autre");
  if (!GROUPS.has(String(r.group))) throw fail("« group » doit être une lettre de A à I");
  if (!SEVERITIES.has(String(r.severity))) throw fail("« severity » doit valoir error, warning ou info");
  if (!Array.isArray(r.appliesTo) || r.appliesTo.some((k) => !KINDS.has(String(k)))) throw fail("« appliesTo » doit lister des types de documents (academie, collectivite, etablissement, convention)");
  if (typeof r.check !== "function") throw fail("« check » doit être une fonction");
  if (typeof r.summary !== "string" || r.summary.trim() === "") throw fail("« summary » doit dire en une phrase ce que la règle vérifie");
  if (!r.messages || typeof r.messages !== "object" || Object.keys(r.messages).length === 0) throw fail("« messages » doit donner au moins un message");
  for (const [id, text] of Object.entries(r.messages)) {
    if (typeof text !== "string" || text.trim() === "") throw fail(`le message « ${id} » doit être un texte`);
    placeholders(text);
  }
  for (const [k, o] of Object.entries(r.options ?? {})) {
    if (!o || !["number", "string", "boolean"].includes(o.type) || typeof o.default !== o.type) throw fail(`l'option « ${k} » doit avoir un type (number, string, boolean) et une valeur par défaut de ce type`);
  }
  if (r.scope !== undefined && r.scope !== "entity" && r.scope !== "territory") throw fail("« scope » vaut entity ou territory");
  void file;
}
