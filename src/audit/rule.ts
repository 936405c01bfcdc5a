// Audit: what a rule is (metadata + check) and the context a rule's check receives.
import type { Severity } from "../core/finding.js";
import type { Kind } from "../core/domain.js";
import type { LoadedDocument } from "../load/document.js";
import type { Territory } from "../model/territory.js";
import type { FactFamily, FactsModel } from "../model/compact/index.js";

export type { FactFamily } from "../model/compact/index.js";

/** Rule groups (docs/regles.md): A reading and structure, B académie, C collectivité, D établissement roles, E conventions, F maintenance, G equipment, H chef's responsibilities, I suppressions. */
export type RuleGroup = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I";

export interface RuleOption {
  type: "number" | "string" | "boolean";
  default: number | string | boolean;
  /** French description, shown in `gouvnum rules <id>` and the doc. */
  description: string;
}

/** Where a finding goes: an entity (or any document) and a JSON pointer inside it. */
export interface ReportTarget {
  doc: LoadedDocument;
  /** `kind:id`; defaults to the document's own entity. */
  ref?: string;
}

export interface ReportDescriptor {
  /** The entity (or document) the finding is about; its file and position come from it. */
  on: ReportTarget;
  /** JSON pointer inside the document; "" = the document (reported at its `kind:` line). A missing key is reported at the mapping that should hold it. */
  pointer?: string;
  /** Point at the key of the pair rather than its value. */
  at?: "value" | "key";
  messageId: string;
  data?: Record<string, string | number>;
}

/** The `{placeholders}` of a message: `"« {nom} » a {n} appareils"` → `"nom" | "n"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? PlaceholderName<P> | Placeholders<Rest> : never;

/** A name between braces is a placeholder only when it is a plain name (`{ filtrage: true }` in a text is not one), as for formatMessage. */
type PlaceholderName<P extends string> = P extends "" | `${string}${" " | ":" | "," | "." | "-" | "'" | '"' | "{"}${string}` ? never : P;

/**
 * What a rule that carries its messages may report: one of its own message ids, with exactly the data its text needs.
 * A wrong id or a missing placeholder is a type error in the author's editor.
 */
export type TypedReport<M extends Record<string, string>, K extends keyof M & string = keyof M & string> = Omit<ReportDescriptor, "messageId" | "data"> & {
  messageId: K;
} & ([Placeholders<M[K]>] extends [never] ? { data?: Record<string, never> } : { data: Record<Placeholders<M[K]>, string | number> });

/**
 * The context a rule that carries its messages receives: `report` takes one of its message ids — or a choice of
 * them (`messageId: vacant ? "vacant" : "absent"`), then with the data every one of them needs.
 */
export interface TypedRuleContext<M extends Record<string, string>> extends Omit<RuleContext, "report"> {
  report<K extends keyof M & string>(d: TypedReport<M, K>): void;
}

export interface RuleContext<R = ReportDescriptor> {
  /** Every document read, valid or not (group A rules look at them all). */
  documents: readonly LoadedDocument[];
  /** The graph of valid documents. */
  territory: Territory;
  /**
   * The compact facts of every document: identities and references with their pointers (see src/model/compact), for
   * documents of any validity. A `territory`-phase rule that declares `facts` reads this and `territory` — whose
   * values are then projected to the fact families (src/model/compact/project.ts) when the run drops the documents'
   * values —, never `documents` (which throws).
   */
  facts: FactsModel;
  /** Audit date, `YYYY-MM-DD`. */
  date: string;
  /** The rule's options, defaults merged with the config. */
  options: Record<string, number | string | boolean>;
  report(d: R): void;
  /** Loops over entities, remembering which one is being read so a crash names its file. */
  each<E extends { doc: LoadedDocument }>(list: readonly E[], fn: (e: E) => void): void;
}

export interface RuleDefinition {
  id: string;
  group: RuleGroup;
  severity: Severity;
  /** What the rule looks at: kinds, or `fichier` for rules about files and comments. */
  appliesTo: ReadonlyArray<Kind | "fichier">;
  options?: Record<string, RuleOption>;
  /**
   * What a finding of this rule depends on. `entity`: only the entity it is about and its neighbours (its
   * collectivité or établissements, the conventions it is a party to and their parties) — such a rule runs again
   * only where an edit can change its findings (watch mode, language server). `territory` (default): anything.
   */
  scope?: "entity" | "territory";
  /**
   * When the rule runs. `document`: it looks at one document at a time (its findings depend on nothing else), and
   * runs in the per-file stage as each file is parsed — in the worker threads when the engine uses them; its check
   * sees a territory of that one document. `territory`: cross-document, after every file is read; with `facts`, it
   * reads only the compact facts model (`ctx.facts`, and `ctx.territory` built from the projected values), never a
   * document's values. Undeclared (local rules): after every file is read, on the whole territory and whole values,
   * as before (a run with such a rule keeps every value).
   */
  phase?: "document" | "territory";
  /**
   * The fact families a `territory`-phase rule reads (src/model/compact/project.ts): `ids` and `references` build the
   * territory graph; `conventions`, `maintenance`, `equipment`, `declarations` add what their names say.
   * test/facts.test.ts runs each rule on values projected to exactly these families and compares its findings.
   */
  facts?: readonly FactFamily[];
  /**
   * The rule's own French texts: what it checks, in one sentence, and its messages by id, with `{placeholders}`.
   * Built-in rules and local rules (`plugins:` in the configuration) alike; the message catalogue's rule part is
   * made from them.
   */
  summary?: string;
  messages?: Record<string, string>;
  /** A local rule's documentation page (Markdown, French): a path relative to the module, or a URL. */
  docs?: string;
  /** Absent for rules produced by a stage of the engine itself (syntax, encoding, kind, schema, suppressions). */
  check?: (ctx: RuleContext) => void;
}

/** A rule that carries its own messages: its check may report only those, each with the data its text needs. */
export interface LocalRuleDefinition<M extends Record<string, string>> extends Omit<RuleDefinition, "messages" | "check" | "summary"> {
  summary: string;
  messages: M;
  check: (ctx: TypedRuleContext<M>) => void;
}

/**
 * A check several rules share (src/rules/checks.ts, e.g. `requireFlag`): the message ids it reports — a rule that
 * uses it must declare each of them, or the type checker says which is missing — and the check itself.
 */
export interface SharedCheck<Ids extends string> {
  readonly messageIds: readonly Ids[];
  run(ctx: RuleContext): void;
}

/** A rule that carries its messages and whose check is a shared one. */
export interface SharedCheckRuleDefinition<M extends Record<string, string>> extends Omit<LocalRuleDefinition<M>, "check"> {
  check: SharedCheck<keyof NoInfer<M> & string>;
}

/**
 * Declares a rule. A rule carries its summary and messages (`summary`, `messages`) — built-in rules
 * (src/rules/<id>/rule.ts) as local ones (`plugins:`) —, and its reports are then checked against them by the type
 * checker: a wrong message id or a missing placeholder is a type error.
 */
export function defineRule<const M extends Record<string, string>>(def: LocalRuleDefinition<M>): RuleDefinition;
export function defineRule<const M extends Record<string, string>>(def: SharedCheckRuleDefinition<M>): RuleDefinition;
/** A rule produced by a stage of the engine (no check of its own): yaml-syntaxe, schema… */
export function defineRule(def: Omit<RuleDefinition, "check"> & { check?: undefined }): RuleDefinition;
/**
 * A rule with a check but no texts of its own (they are in the catalogue). A rule that has both a check and
 * messages must match the typed form above: no fallback here lets a wrong message id through.
 */
export function defineRule(def: Omit<RuleDefinition, "messages" | "summary"> & { messages?: undefined; summary?: undefined }): RuleDefinition;
export function defineRule(
  def: RuleDefinition | LocalRuleDefinition<Record<string, string>> | SharedCheckRuleDefinition<Record<string, string>>,
): RuleDefinition {
  const check = def.check;
  if (typeof check === "object") return { ...def, check: (ctx) => check.run(ctx) } as RuleDefinition;
  return def as RuleDefinition;
}
