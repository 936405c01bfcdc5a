// Report: texts and small helpers of the view model — catalogue labels, numbers, dates, anchors, counts, rule documentation.
import { severityRank, type Severity } from "../core/finding.js";
import { formatMessage } from "../core/format-message.js";
import { catalogue } from "../messages/index.js";
import { docSection, ruleDoc, ruleDocUrl } from "../rules/docs.js";
import type { CollectiviteEntity, EtablissementEntity } from "../model/territory.js";
import type { Compte, ConstatVM, Morceau, Paragraphe, RegleVM } from "./vm-types.js";

const LABEL_PREFIX = "rapport.";

/** A report label from the catalogue (`rapport.<key>`); a missing key is a bug. */
export function label(key: string, data?: Record<string, string | number>): string {
  const template = catalogue.cli[LABEL_PREFIX + key];
  if (template === undefined) throw new Error(`libellé de rapport inconnu : ${key}`);
  return data ? formatMessage(template, data) : template;
}

/** Every report label, keyed without the `rapport.` prefix (the `libelles` of the view model). */
export function labels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(catalogue.cli)) if (k.startsWith(LABEL_PREFIX) && !k.startsWith("rapport.erreur.")) out[k.slice(LABEL_PREFIX.length)] = v;
  return out;
}

export const nombre = new Intl.NumberFormat("fr-FR");
const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export function plural(n: number, one: string, many: string): string {
  return `${nombre.format(n)} ${n > 1 ? many : one}`;
}

/** Percentage 0–100 rounded to one decimal, or null when the denominator is 0. */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 1000) / 10;
}

export function percentText(p: number | null): string {
  return p === null ? label("indicateur.sansObjet") : `${pct.format(p)}\u00a0%`;
}

/** « 1er septembre 2026 ». */
export function dateText(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const s = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);
  return s.replace(/^1 /, "1er ");
}

/** An HTML id / fragment made only of `[a-z0-9-]`. */
export function anchor(prefix: string, id: string): string {
  const clean = id
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${prefix}-${clean || "x"}`;
}

/** Values from the territory on one line, without surrounding spaces (they land in table cells and headings). */
export function norm(s: string): string {
  return s.replace(/[ \t\r\n\f\v\u2028\u2029]+/g, " ").replace(/^ | $/g, "");
}

export function severityLabel(s: Severity): string {
  return label(`severite.${s}`);
}

export function emptyCount(): Compte {
  return { erreurs: 0, avertissements: 0, infos: 0, total: 0 };
}

export function countOf(list: readonly { severite: Severity }[]): Compte {
  const c = emptyCount();
  for (const f of list) {
    if (f.severite === "error") c.erreurs++;
    else if (f.severite === "warning") c.avertissements++;
    else c.infos++;
    c.total++;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Rule documentation → explanation, legal basis, how to fix.

/** Inline Markdown of our doc pages → text and code pieces (bold markers dropped, never interpreted as HTML). */
export function richText(md: string): Paragraphe {
  const out: Morceau[] = [];
  const text = md.replace(/\s+/g, " ").trim();
  const parts = text.split(/(`[^`]+`)/);
  for (const p of parts) {
    if (p === "") continue;
    if (p.startsWith("`") && p.endsWith("`") && p.length > 1) out.push({ texte: p.slice(1, -1), code: true });
    else out.push({ texte: p.replace(/\*\*/g, ""), code: false });
  }
  return out;
}

function paragraphs(section: string | undefined): string[] {
  if (!section) return [];
  return section
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function listItems(section: string | undefined): string[] {
  if (!section) return [];
  const items: string[] = [];
  for (const line of section.split("\n")) {
    if (/^\s*[-*] /.test(line)) items.push(line.replace(/^\s*[-*] /, ""));
    else if (line.trim() !== "" && items.length > 0) items[items.length - 1] += " " + line.trim();
    else if (line.trim() !== "") items.push(line.trim());
  }
  return items;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ruleVM(id: string, severity: Severity, group: string): RegleVM {
  const md = ruleDoc(id);
  // « Pourquoi » and « Pour corriger » are two sections of every rule's page (built-in and local alike).
  const fondement = paragraphs(md ? docSection(md, "Pourquoi") : undefined).map(richText);
  const correction = paragraphs(md ? docSection(md, "Pour corriger") : undefined).map(richText);
  const references = listItems(md ? docSection(md, "Références") : undefined).map(richText);
  return {
    id,
    ancre: anchor("regle", id),
    url: ruleDocUrl(id),
    groupe: group,
    groupeLibelle: groupLabel(group),
    severite: severity,
    severiteLibelle: severityLabel(severity),
    resume: catalogue.rules[id]?.summary ?? id,
    fondement,
    correction,
    correctionCourte: correction.length > 0 ? firstSentence(correction[0]) : [],
    references,
    documentee: md !== undefined,
  };
}

export function groupLabel(g: string): string {
  return catalogue.cli[`${LABEL_PREFIX}groupe.${g}`] ?? g;
}

export function actorLabel(a: string): string {
  return catalogue.cli[`${LABEL_PREFIX}acteur.${a}`] ?? a;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const COLLECTIVITE_ORDER = ["region", "collectivite_unique", "departement", "metropole", "epci", "commune"];
export const ETABLISSEMENT_ORDER = ["lycee", "lycee_professionnel", "erea", "college", "ecole"];

export function byCollectivite(a: CollectiviteEntity, b: CollectiviteEntity): number {
  return COLLECTIVITE_ORDER.indexOf(a.data.type) - COLLECTIVITE_ORDER.indexOf(b.data.type) || a.data.nom.localeCompare(b.data.nom, "fr") || cmp(a.id, b.id);
}

export function byEtablissement(a: EtablissementEntity, b: EtablissementEntity): number {
  return ETABLISSEMENT_ORDER.indexOf(a.data.type) - ETABLISSEMENT_ORDER.indexOf(b.data.type) || a.data.nom.localeCompare(b.data.nom, "fr") || cmp(a.id, b.id);
}

export function byConstat(a: ConstatVM, b: ConstatVM): number {
  return severityRank(b.severite) - severityRank(a.severite) || cmp(a.regle.id, b.regle.id) || cmp(a.fichier, b.fichier) || a.ligne - b.ligne || a.colonne - b.colonne || cmp(a.message, b.message);
}

/** « 35 % » from a share 0–1 (rounded to the unit). */
export function shareText(n: number, d: number): string {
  return `${d === 0 ? 0 : Math.round((n / d) * 100)}\u00a0%`;
}

const SENTENCE_END = /[.!?](?=\s+[\p{Lu}«(]|\s*$)/u;

/** The first sentence of a paragraph of rule documentation (cut in its text pieces, never inside code). */
export function firstSentence(p: Paragraphe): Paragraphe {
  const out: Morceau[] = [];
  for (const m of p) {
    const end = m.code ? null : SENTENCE_END.exec(m.texte);
    if (!end) {
      out.push(m);
      continue;
    }
    out.push({ texte: m.texte.slice(0, end.index + 1), code: false });
    break;
  }
  return out;
}

/** The head of a finding's message: up to its first colon clause or its first sentence, without the final period. */
export function messageHead(message: string): string {
  const colon = message.indexOf(" : ");
  const end = SENTENCE_END.exec(message);
  const cut = Math.min(colon < 0 ? Infinity : colon, end ? end.index : Infinity);
  return cut === Infinity ? message : message.slice(0, cut);
}
