// Report: Handlebars rendering of a view model — isolated environments, strict mode, HTML escaping kept, Markdown escaping by default.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { IndexVM, RapportVM } from "./view-model.js";

export type ReportFormat = "html" | "md";
export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "md"];

type Env = typeof Handlebars;
type Template = Handlebars.TemplateDelegate;

/** `templates/` at the package root (beside `src/` and `dist/`). */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

const COMPILE_OPTIONS = { strict: true } as const;

// ---------------------------------------------------------------------------------------------
// Markdown escaping.

/**
 * Inline text that cannot become Markdown: line breaks and control characters become spaces, every
 * ASCII punctuation mark that can open a construct (emphasis, code, links, images, autolinks, HTML,
 * tables, strikethrough, math, footnotes, entities) is backslash-escaped, and so are the characters
 * that would start a block (heading, list, quote, setext underline) when the value begins a line.
 */
export function escapeMd(value: string): string {
  let s = value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, " ").replace(/ {2,}/g, " ");
  s = s.replace(/[\\`*_[\]<>&|$~!@^]/g, "\\$&");
  s = s.replace(/:\/\//g, "\\://").replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
  s = s.replace(/^(\s?)([#+=-])/, "$1\\$2").replace(/^(\s?\d+)([.)])/, "$1\\$2");
  return s;
}

/** A code span for trusted text (rule documentation); text with a pipe or a backtick is written as escaped text. */
function codeSpanMd(value: string): string {
  const s = value.replace(/[ \t\r\n]+/g, " ").trim();
  if (s === "" || /[|`]/.test(s)) return escapeMd(s);
  return `\`${s}\``;
}

/** GitHub's heading anchor for a heading text (as markdownlint MD051 computes it). */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}\p{Connector_Punctuation}\- ]/gu, "")
    .replace(/ /g, "-");
}

function toMd(v: unknown): string {
  if (v instanceof Handlebars.SafeString) return v.toString();
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return escapeMd(v);
  return escapeMd(String(v));
}

/**
 * Rewrites every escaped mustache `{{x}}` of a Markdown template into `{{__md x}}`, so that values are
 * Markdown-escaped by default; `{{{x}}}` stays raw, as in HTML templates.
 */
function markdownEscapingAst(ast: hbs.AST.Program, helpers: Record<string, unknown>): hbs.AST.Program {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === "MustacheStatement" && (n as unknown as hbs.AST.MustacheStatement).escaped) {
      const m = n as unknown as hbs.AST.MustacheStatement;
      const path = m.path as hbs.AST.PathExpression;
      const isHelper = path.type === "PathExpression" && path.parts.length === 1 && !path.data && typeof helpers[path.original] === "function";
      const inner: hbs.AST.Expression =
        m.params.length > 0 || m.hash || isHelper
          ? ({ type: "SubExpression", path: m.path, params: m.params, hash: m.hash, loc: m.loc } as unknown as hbs.AST.SubExpression)
          : m.path;
      m.path = { type: "PathExpression", data: false, depth: 0, parts: ["__md"], original: "__md", loc: m.loc } as hbs.AST.PathExpression;
      m.params = [inner];
      m.hash = undefined as unknown as hbs.AST.Hash;
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== "loc" && k !== "strip") visit(v);
  };
  visit(ast);
  return ast;
}

// ---------------------------------------------------------------------------------------------
// Environments.

function registerCommonHelpers(hb: Env): void {
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("inc", (n: unknown) => Number(n) + 1);
  hb.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
  // The last argument of a helper is Handlebars' options object.
  hb.registerHelper("concat", (...args: unknown[]) => args.slice(0, -1).map((a) => String(a ?? "")).join(""));
}

/**
 * The stylesheet as every HTML report carries it (split reports write it once per file): without comments, indentation
 * or spaces around punctuation — same rules, same order. The partial holds plain CSS (no string or URL with such text).
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim() + "\n";
}

interface Environment {
  hb: Env;
  compile(source: string, name: string): Template;
}

const environments = new Map<ReportFormat, Environment>();

function environment(format: ReportFormat): Environment {
  const found = environments.get(format);
  if (found) return found;
  const hb = Handlebars.create();
  registerCommonHelpers(hb);
  let compile: (source: string, name: string) => Template;
  if (format === "md") {
    hb.registerHelper("__md", (v: unknown) => new hb.SafeString(toMd(v)));
    hb.registerHelper("code", (v: unknown) => new hb.SafeString(codeSpanMd(String(v ?? ""))));
    hb.registerHelper("slug", (v: unknown) => new hb.SafeString(githubSlug(String(v ?? ""))));
    compile = (source) => hb.compile(markdownEscapingAst(hb.parse(source), hb.helpers as Record<string, unknown>), { ...COMPILE_OPTIONS, noEscape: true });
  } else {
    compile = (source) => hb.compile(source, COMPILE_OPTIONS);
  }
  // Partials of this format: templates/partials/<name>.<format>.hbs.
  const dir = `${TEMPLATES_DIR}partials/`;
  const suffix = `.${format}.hbs`;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(suffix)) continue;
    const source = readFileSync(dir + f, "utf8");
    hb.registerPartial(f.slice(0, -suffix.length), compile(f === "style.html.hbs" ? minifyCss(source) : source, f));
  }
  const env = { hb, compile };
  environments.set(format, env);
  return env;
}

const builtins = new Map<string, Template>();

function builtin(name: string, format: ReportFormat): Template {
  const key = `${name}.${format}`;
  let t = builtins.get(key);
  if (!t) {
    t = environment(format).compile(readFileSync(`${TEMPLATES_DIR}${key}.hbs`, "utf8"), key);
    builtins.set(key, t);
  }
  return t;
}

/** A user's template, compiled in the environment of its format (with the built-in partials and helpers). */
export function compileUserTemplate(source: string, format: ReportFormat): Template {
  return environment(format).compile(source, "gabarit");
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** The template context: the view model, with the charts' and the map's SVG marked safe (gouvnum escaped every value in them). */
function context(vm: RapportVM, format: ReportFormat): unknown {
  const hb = environment(format).hb;
  const graphiques = Object.fromEntries(Object.entries(vm.graphiques).map(([k, c]) => [k, { ...c, svg: new hb.SafeString(c.svg) }]));
  const historique = vm.historique ? { ...vm.historique, series: vm.historique.series.map((x) => ({ ...x, svg: new hb.SafeString(x.svg) })) } : null;
  return { ...vm, graphiques, historique, carte: { ...vm.carte, svg: new hb.SafeString(vm.carte.svg) } };
}

function finish(text: string, format: ReportFormat): string {
  if (format === "md") {
    return (
      text
        .split("\n")
        .map((l) => l.replace(/[ \t]+$/, ""))
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim() + "\n"
    );
  }
  return text.trimEnd() + "\n";
}

const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** Renders a report; `template` is a user's compiled template (else the built-in `rapport.<format>.hbs`, or `fiche.<format>.hbs` for one établissement). */
export function renderReport(vm: RapportVM, format: ReportFormat, template?: Template): string {
  const t = template ?? builtin(vm.fiche ? "fiche" : "rapport", format);
  return finish(t(context(vm, format), RUNTIME), format);
}

/** Renders the index page of a split report. */
export function renderIndex(vm: IndexVM, format: ReportFormat): string {
  return finish(builtin("index", format)(context(vm, format), RUNTIME), format);
}
