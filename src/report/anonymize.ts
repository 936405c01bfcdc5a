// Report: anonymisation (RGPD) — every personal name, e-mail and phone number of the input replaced by a role label.
import { isPlainObject, type LoadedDocument } from "../load/document.js";
import { label, rebuildCharts, type RapportVM } from "./view-model.js";

/** Keys of the view model that hold identifiers, not prose: never rewritten. */
const MACHINE_KEYS = new Set(["ancre", "url", "ref", "id", "entite", "severite", "type", "groupe", "acteur", "cle", "version", "date"]);

/** Roles (keys of docs/format.md) whose value is a `Personne`. */
const PERSON_KEYS: Record<string, string> = {
  recteur: "recteur",
  dan: "dan",
  dpd: "dpd",
  dasen: "dasen",
  ien: "ien",
  erun: "erun",
  chef: "chef",
  adjoint: "adjoint",
  secretaire_general: "secretaire_general",
  referent_numerique: "referent_numerique",
  referent_technique: "referent_technique",
  responsable: "responsable",
};
/** Keys that only a `Personne` has (a service or an ENT also has a `nom`). */
const PERSON_ONLY = ["fonction", "employeur", "vacant", "decharge_heures", "telephone"];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\p{L}\p{N}])(?:(?:\+|00)\d{2,3}[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?![\p{N}])/gu;

export interface PersonalData {
  /** Personal value (name, e-mail, phone, signatory) → the role label that replaces it. */
  values: Map<string, string>;
  /** Names of établissements, collectivités and académies: never rewritten, even when a person has the same name. */
  protectedNames: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Collects the personal data of every document (valid or not), with the label of the role each belongs to. */
export function collectPersonalData(documents: readonly LoadedDocument[]): PersonalData {
  const values = new Map<string, string>();
  const protectedNames: string[] = [];
  const add = (v: unknown, role: string) => {
    if (typeof v !== "string") return;
    const s = v.trim();
    if (s.length < 2 || values.has(s)) return;
    values.set(s, role);
  };
  const visit = (node: unknown, key: string, role: string | undefined, doc: Record<string, unknown>) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, key, role, doc);
      return;
    }
    if (!isPlainObject(node)) {
      if (key === "courriel" || key === "telephone") add(node, role ?? label(`role.${key}`));
      return;
    }
    let here = role;
    if (key in PERSON_KEYS) {
      here = key === "chef" && doc.type === "ecole" ? label("role.directeurEcole") : label(`role.${PERSON_KEYS[key]}`);
    } else if (typeof node.nom === "string" && PERSON_ONLY.some((k) => k in node)) {
      here = label("role.personne");
    }
    if (here && here !== role) add(node.nom, here);
    if (key === "signatures" && typeof node.signataire === "string") {
      const r = typeof node.role === "string" ? node.role : "autre";
      add(node.signataire, catalogueRole(r));
    }
    for (const [k, v] of Object.entries(node)) visit(v, k, here, doc);
  };
  for (const d of documents) {
    if (!isPlainObject(d.value)) continue;
    const doc = d.value;
    if (["etablissement", "collectivite", "academie"].includes(String(doc.kind)) && typeof doc.nom === "string") protectedNames.push(doc.nom);
    for (const [k, v] of Object.entries(doc)) visit(v, k, undefined, doc);
  }
  return { values, protectedNames: protectedNames.filter((n) => n.trim().length > 0) };
}

function catalogueRole(role: string): string {
  try {
    return label(`role.${role}`);
  } catch {
    return label("role.autre");
  }
}

/** A function that rewrites one string: known e-mails and phones, any other e-mail or phone, then known names. */
export function makeScrubber(data: PersonalData): (s: string) => string {
  const entries = [...data.values.entries()].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const contacts = entries.filter(([v]) => EMAIL.test(v) || /\d{2}/.test(v));
  EMAIL.lastIndex = 0;
  const names = entries.filter(([v]) => !contacts.some(([c]) => c === v));
  const contactRe = contacts.length > 0 ? new RegExp(contacts.map(([v]) => escapeRegExp(v)).join("|"), "g") : undefined;
  const contactRole = new Map(contacts);
  const nameRe =
    names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(([v]) => escapeRegExp(v)).join("|")})(?![\\p{L}\\p{N}])`, "gu") : undefined;
  const nameRole = new Map(names);
  const protectedRe =
    data.protectedNames.length > 0
      ? new RegExp(`(${[...new Set(data.protectedNames)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})`, "g")
      : undefined;
  const courriel = label("role.courriel");
  const telephone = label("role.telephone");
  const rewriteNames = (s: string) => (nameRe ? s.replace(nameRe, (m) => nameRole.get(m) ?? label("role.personne")) : s);
  return (s: string) => {
    let out = contactRe ? s.replace(contactRe, (m) => contactRole.get(m) ?? courriel) : s;
    out = out.replace(EMAIL, courriel).replace(PHONE, telephone);
    if (!nameRe) return out;
    if (!protectedRe) return rewriteNames(out);
    // Names of entities stay (a collège may bear the name of a person of the territory).
    return out
      .split(protectedRe)
      .map((part, i) => (i % 2 === 1 ? part : rewriteNames(part)))
      .join("");
  };
}

function mapStrings<T>(value: T, f: (s: string) => string, key = ""): T {
  if (key === "contacts" && Array.isArray(value)) {
    return value.map((p: Record<string, unknown>) => ({ ...mapStrings(p, f), nom: null, courriel: null, telephone: null })) as T;
  }
  if (typeof value === "string") return (MACHINE_KEYS.has(key) ? value : f(value)) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f, key)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f, k);
    return out as T;
  }
  return value;
}

/** The same view model with contacts reduced to their role and every personal value rewritten; charts are rebuilt from the rewritten data. */
export function anonymizeViewModel<T extends RapportVM>(vm: T, data: PersonalData): T {
  const scrub = makeScrubber(data);
  const { libelles, graphiques: _charts, ...rest } = vm;
  const out = mapStrings(rest, scrub) as Omit<T, "libelles" | "graphiques">;
  const full = { ...out, libelles, anonymise: true } as unknown as T;
  full.graphiques = rebuildCharts(full);
  return full;
}
