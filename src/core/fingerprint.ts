// Core: the one stable identity of a finding — used by --compare, the baseline, SARIF partialFingerprints and GitLab.
//
// A finding is known by what it is about, never by where it is written: its rule (canonical id), its entity
// (`etablissement:0350017D`…), its JSON pointer inside the entity's document, and the part of its message data
// that names *what* is wrong (a party, a role, a key). Counts, dates, values found and lists that change as the
// territory improves (« 3 appareils obsolètes » → « 5 ») are not identity: the finding stays the same, `updated`.
// Lines, columns and file paths never enter a fingerprint — except for a document that has no identity at all
// (no `kind`/`id`: a syntax error, an unknown kind), which can only be known by its file and place in the file.
import * as crypto from "node:crypto";
import { createHash } from "node:crypto";

/** What a fingerprint reads of a finding (a `Finding` or a finding saved in a `-f json` result). */
export interface FingerprintInput {
  ruleId: string;
  entity: string;
  pointer: string;
  messageId?: string;
  data?: Record<string, string | number>;
  /** Used only when `entity` is empty. */
  file: string;
  documentIndex?: number;
}

/**
 * Message data keys that name what a finding is about, for every rule: the identity part of the data.
 * Every other key (counts, shares, dates, values found, suggestions, lists) is the finding's content.
 */
export const IDENTITY_DATA_KEYS: readonly string[] = [
  "acteur",
  "cle",
  "competence",
  "convention",
  "dispositif",
  "instance",
  "option",
  "partie",
  "ref",
  "reference",
  "regle",
  "regles",
  "role",
  "signature",
  "uai",
];

/**
 * Per-rule exceptions to `IDENTITY_DATA_KEYS`: the identity keys of these rules, exactly.
 * An empty list: the rule reports at most one finding per entity and pointer, whatever its data say.
 */
export const IDENTITY_BY_RULE: Readonly<Record<string, readonly string[]>> = {
  // « {obsoletes} sur {total} équipements » : one finding per établissement, its counts change.
  "equipement-obsolete": [],
  // The unclear levels change as conventions are signed: still the same établissement's maintenance.
  "maintenance-niveau-flou": [],
  "referent-numerique-maintenance": [],
};

/** Data that say where something is written: in neither the identity nor the content. */
const POSITIONAL_KEYS = new Set(["ligne", "colonne", "autreLigne", "autreFichier", "fichier"]);

/** Renamed rules: old id → current id, so that a finding saved under the old name is the same finding. */
let canonicalRule: (id: string) => string = (id) => id;

/** Lets the rule registry declare its aliases (`canonicalRuleId`), without core depending on the rules. */
export function setCanonicalRuleId(fn: (id: string) => string): void {
  canonicalRule = fn;
}

/** The identity keys of one rule's data. */
export function identityKeys(ruleId: string, data: Record<string, unknown> = {}): string[] {
  const own = IDENTITY_BY_RULE[canonicalRule(ruleId)];
  const keys = Object.keys(data).filter((k) => (own ? own.includes(k) : IDENTITY_DATA_KEYS.includes(k)));
  return keys.sort();
}

/**
 * SHA-256 in hex. `crypto.hash` (Node ≥ 20.12) is the one-shot form: measured 9 times faster than a Hash object per
 * string (150,000 fingerprints: 52 ms against 450 ms) — a JSON result fingerprints each finding twice. Same digest.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
export function sha256Hex(s: string): string {
  return oneShot ? oneShot("sha256", s) : createHash("sha256").update(s).digest("hex");
}

function hash(parts: readonly string[]): string {
  return sha256Hex(parts.join("\u0000")).slice(0, 32);
}

function where(f: FingerprintInput): string {
  return f.entity || `fichier:${f.file}#${f.documentIndex ?? 0}`;
}

/** The stable identity of a finding: 32 hex digits. Two findings with the same fingerprint are the same gap. */
export function fingerprint(f: FingerprintInput): string {
  const data = f.data ?? {};
  const id = identityKeys(f.ruleId, data).map((k) => `${k}=${data[k]}`);
  return hash(["gouvnum/v2", canonicalRule(f.ruleId), where(f), f.pointer, ...id]);
}

/** The identity plus everything the message says (its id and data): equal when the finding is unchanged. */
export function contentHash(f: FingerprintInput): string {
  const data = f.data ?? {};
  const all = Object.keys(data)
    .filter((k) => !POSITIONAL_KEYS.has(k))
    .sort()
    .map((k) => `${k}=${data[k]}`);
  return hash(["contenu", fingerprint(f), f.messageId ?? "", ...all]);
}

/**
 * One fingerprint per finding, unique within the list (GitLab requires it, SARIF expects it): a second
 * finding with the same identity gets one derived from it and its rank (2, 3…), ranked by content so that the
 * order of files and lines never decides. Always 32 hex digits.
 */
export function uniqueFingerprints(findings: readonly FingerprintInput[]): string[] {
  const base = findings.map(fingerprint);
  const groups = new Map<string, number[]>();
  base.forEach((fp, i) => {
    const g = groups.get(fp);
    if (g) g.push(i);
    else groups.set(fp, [i]);
  });
  const out = base.slice();
  for (const [fp, idx] of groups) {
    if (idx.length < 2) continue;
    const keyed = idx.map((i) => ({ i, k: contentHash(findings[i]) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
    keyed.forEach(({ i }, n) => {
      out[i] = n === 0 ? fp : hash([fp, String(n + 1)]);
    });
  }
  return out;
}

/** How two lists of findings correspond: pairs (unchanged or updated), the new ones, the gone ones. */
export interface Matching<A, B> {
  unchanged: Array<[A, B]>;
  updated: Array<[A, B]>;
  /** In `current` only. */
  added: B[];
  /** In `previous` only. */
  removed: A[];
}

/** A finding's two keys: its identity (`fingerprint`) and its content (`contentHash`). */
export interface Keys {
  fp: string;
  content: string;
}

export function keysOf(f: FingerprintInput): Keys {
  return { fp: fingerprint(f), content: contentHash(f) };
}

/**
 * Matches findings by fingerprint, never by count: within one identity, equal contents pair first, then the
 * rest in content order. A fixed finding and a new one of the same rule in the same file have different
 * identities (different entity, pointer or subject), so they never cancel out.
 */
export function matchFindings<A extends FingerprintInput, B extends FingerprintInput>(previous: readonly A[], current: readonly B[]): Matching<A, B> {
  return matchByKeys(previous, current, keysOf, keysOf);
}

/** `matchFindings` on anything that has the two keys (saved results, baseline entries). */
export function matchByKeys<A, B>(previous: readonly A[], current: readonly B[], keyA: (a: A) => Keys, keyB: (b: B) => Keys): Matching<A, B> {
  const result: Matching<A, B> = { unchanged: [], updated: [], added: [], removed: [] };
  const prevBy = new Map<string, Array<{ f: A; c: string; used: boolean }>>();
  for (const f of previous) {
    const k = keyA(f);
    const list = prevBy.get(k.fp) ?? [];
    list.push({ f, c: k.content, used: false });
    prevBy.set(k.fp, list);
  }
  const pending: Array<{ f: B; fp: string; c: string; i: number }> = [];
  current.forEach((f, i) => {
    const k = keyB(f);
    const same = prevBy.get(k.fp)?.find((p) => !p.used && p.c === k.content);
    if (same) {
      same.used = true;
      result.unchanged.push([same.f, f]);
    } else pending.push({ f, fp: k.fp, c: k.content, i });
  });
  const byContent = (a: { c: string }, b: { c: string }) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0);
  const added: typeof pending = [];
  for (const p of [...pending].sort(byContent)) {
    const other = prevBy.get(p.fp)?.filter((x) => !x.used).sort(byContent)[0];
    if (other) {
      other.used = true;
      result.updated.push([other.f, p.f]);
    } else added.push(p);
  }
  result.added = added.sort((a, b) => a.i - b.i).map((p) => p.f);
  for (const list of prevBy.values()) for (const p of list) if (!p.used) result.removed.push(p.f);
  return result;
}
