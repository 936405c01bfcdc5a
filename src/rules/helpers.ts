// Rules: small safe readers for documents that may not have passed the schema (group A looks at them all).
import { isPlainObject, type LoadedDocument } from "../load/document.js";
import type { Territory } from "../model/territory.js";

export { isPlainObject };

/** The document's value as a record (group A rules read documents of any validity). */
export function obj(doc: LoadedDocument): Record<string, unknown> {
  return isPlainObject(doc.value) ? doc.value : {};
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function rec(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}

/** Formats a list in French: « a », « b » et « c ». */
export function enumerate(items: readonly string[]): string {
  const q = items.map((i) => `« ${i} »`);
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} et ${q[q.length - 1]}`;
}

/** « Nom » (ref) when the entity has a name, else the ref. */
export function label(territory: Territory, ref: string): string {
  const nom = (territory.get(ref)?.data as { nom?: string } | undefined)?.nom;
  return nom ? `« ${nom} » (${ref})` : ref;
}
