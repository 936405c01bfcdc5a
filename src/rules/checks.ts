// Rules: the checks several rules share — « this entity must declare a flag set to true », « this role must be held »,
// « this key must be there », « each convention of these types » —, each written once and named by the rules that use it.
import type { RuleContext, SharedCheck } from "../audit/rule.js";
import { hasSigned, isEple, isHeld, isPublic, type ConventionEntity, type EtablissementEntity, type Territory } from "../model/territory.js";
import { joinPointer } from "../load/document.js";
import { label } from "./helpers.js";
import type { Personne } from "../generated/types.js";

/** A shared check: the message ids it reports and its code. */
function shared<Ids extends string>(messageIds: readonly Ids[], run: (ctx: RuleContext) => void): SharedCheck<Ids> {
  return { messageIds, run };
}

/** An entity a shared check looks at: any document of the territory's graph. */
interface Entity {
  ref: string;
  doc: RuleContext["documents"][number];
  data: object;
}

/** Which établissements a rule looks at. */
export const eplePublic = (e: EtablissementEntity): boolean => isPublic(e.data) && isEple(e.data);
export const etablissementPublic = (e: EtablissementEntity): boolean => isPublic(e.data);
export const ecolePublique = (e: EtablissementEntity): boolean => isPublic(e.data) && e.data.type === "ecole";

/** The value at a JSON pointer made of plain keys (`/rgpd/registre_traitements`), undefined where a step is missing. */
function at(data: object, pointer: string): unknown {
  let v: unknown = data;
  for (const k of pointer.slice(1).split("/")) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * The state of a flag that must be `true` (Spectral's `truthy`): `absent` when the block that holds it is missing,
 * `faux` when the block is there but the flag is not `true` (false or missing), undefined when it is `true`.
 */
export function flagState(data: object, pointer: string): "absent" | "faux" | undefined {
  const block = pointer.slice(0, pointer.lastIndexOf("/"));
  if (at(data, block) === undefined) return "absent";
  return at(data, pointer) === true ? undefined : "faux";
}

/**
 * The finding for a flag that is not true, for rules that name their own messages: `ids.absent` at the block that
 * should hold the flag (`/instances/conseil_pedagogique`) when the block is missing, `ids.faux` at the flag itself
 * when it is there but not true; undefined when the flag is true.
 */
export function flagFinding<Id extends string>(data: object, pointer: string, ids: { absent: Id; faux: Id }): { pointer: string; messageId: Id } | undefined {
  const state = flagState(data, pointer);
  if (state === undefined) return undefined;
  return state === "absent" ? { pointer: pointer.slice(0, pointer.lastIndexOf("/")), messageId: ids.absent } : { pointer, messageId: ids.faux };
}

/** Each établissement `where` keeps must have the flag at `pointer` set to true: messages `absent` and `faux`, at the flag. */
export function requireFlag(where: (e: EtablissementEntity) => boolean, pointer: string): SharedCheck<"absent" | "faux"> {
  return shared(["absent", "faux"], (c) => {
    c.each(c.territory.etablissements, (e) => {
      if (!where(e)) return;
      const state = flagState(e.data, pointer);
      if (state !== undefined) c.report({ on: e, pointer, messageId: state });
    });
  });
}

/**
 * Each collectivité with établissements must declare the flag at `pointer` true: `non` when it declares it false,
 * `absente` when it does not declare it; data `collectivite` (its name).
 */
export function requireCollectiviteFlag(pointer: string): SharedCheck<"absente" | "non"> {
  return shared(["absente", "non"], (c) => {
    c.each(c.territory.collectivitesAvecEtablissements(), (col) => {
      const value = at(col.data, pointer);
      if (value === true) return;
      c.report({ on: col, pointer, messageId: value === false ? "non" : "absente", data: { collectivite: col.data.nom } });
    });
  });
}

/** Entity lists and the data a message about one of them needs. */
const ACADEMIES = { list: (t: Territory) => t.academies, data: (a: { data: { nom: string; code: string } }) => ({ academie: a.data.nom, code: a.data.code }) };
const COLLECTIVITES = { list: (t: Territory) => t.collectivitesAvecEtablissements(), data: (c: { data: { nom: string } }) => ({ collectivite: c.data.nom }) };

/** Each académie must declare `key` (any value): message `messageId` at the key, data `academie` and `code`. */
export function requireAcademieKey<Id extends string>(key: string, messageId: Id): SharedCheck<Id> {
  return requireKey(ACADEMIES, key, messageId);
}

/** Each collectivité with établissements must declare `key` (any value): message `messageId` at the key, data `collectivite`. */
export function requireCollectiviteKey<Id extends string>(key: string, messageId: Id): SharedCheck<Id> {
  return requireKey(COLLECTIVITES, key, messageId);
}

function requireKey<E extends Entity, Id extends string>(of: { list: (t: Territory) => readonly E[]; data: (e: E) => Record<string, string> }, key: string, messageId: Id): SharedCheck<Id> {
  return shared([messageId], (c) => {
    c.each(of.list(c.territory), (e) => {
      if ((e.data as Record<string, unknown>)[key] !== undefined) return;
      c.report({ on: e, pointer: `/${key}`, messageId, data: of.data(e) });
    });
  });
}

/**
 * A role that must be held: `absent` when missing or null, `vacant` when declared vacant, at the role's pointer.
 * For établissements (`where` keeps which), without data.
 */
export function requireRole(where: (e: EtablissementEntity) => boolean, pointer: string): SharedCheck<"absent" | "vacant"> {
  return shared(["absent", "vacant"], (c) => {
    c.each(c.territory.etablissements, (e) => {
      if (!where(e)) return;
      const state = roleState(at(e.data, pointer) as Personne | null | undefined);
      if (state !== undefined) c.report({ on: e, pointer, messageId: state });
    });
  });
}

/** The same for a role of the académie (`recteur`, `dpd`), with data `academie` and `code`. */
export function requireAcademieRole(key: string): SharedCheck<"absent" | "vacant"> {
  return shared(["absent", "vacant"], (c) => {
    c.each(c.territory.academies, (a) => {
      const state = roleState((a.data as unknown as Record<string, Personne | null | undefined>)[key]);
      if (state !== undefined) c.report({ on: a, pointer: `/${key}`, messageId: state, data: ACADEMIES.data(a) });
    });
  });
}

/** The state of a role that must be held: `absent` when missing or null, `vacant` when declared vacant, undefined when held. */
export function roleState(p: Personne | null | undefined): "absent" | "vacant" | undefined {
  if (isHeld(p)) return undefined;
  return p !== undefined && p !== null && p.vacant === true ? "vacant" : "absent";
}

/**
 * Each convention of the given types, with the type's label when `types` gives one (how messages call it: « la
 * convention cadre »…), else the type itself. The loop of the convention rules that look at some types only.
 */
export function eachConventionOf(
  ctx: Pick<RuleContext, "each" | "territory">,
  types: ReadonlySet<string> | Readonly<Record<string, string>>,
  fn: (c: ConventionEntity, label: string) => void,
): void {
  const labelOf = types instanceof Set ? (t: string) => (types.has(t) ? t : undefined) : (t: string) => (types as Readonly<Record<string, string>>)[t];
  ctx.each(ctx.territory.conventions, (c) => {
    const label = labelOf(c.data.type);
    if (label !== undefined) fn(c, label);
  });
}

/** The convention types the law requires (L.421-23 II, L.421-4): convention-non-signee's; the others are convention-facultative-non-signee's. */
export const CONVENTIONS_LEGALES: ReadonlySet<string> = new Set(["eple_collectivite", "contrat_objectifs"]);

/**
 * Each party of a convention that `keep` keeps (by type) must have signed it: `sansSignature` (at the party in
 * `parties`) when no signature entry names it, `nonDatee` (at the first entry's date) when its entries are all
 * undated; data `partie` (and `role`). One finding per party.
 */
export function requireSignatures(keep: (type: string) => boolean): SharedCheck<"sansSignature" | "nonDatee"> {
  return shared(["sansSignature", "nonDatee"], (rc) => {
    rc.each(rc.territory.conventions, (c) => {
      if (!keep(c.data.type)) return;
      const signatures = c.data.signatures ?? [];
      const seen = new Set<string>();
      c.data.parties.forEach((partie, i) => {
        if (seen.has(partie)) return;
        seen.add(partie);
        if (hasSigned(c.data, partie)) return;
        const j = signatures.findIndex((s) => s.partie === partie);
        if (j < 0) rc.report({ on: c, pointer: joinPointer("parties", i), messageId: "sansSignature", data: { partie: label(rc.territory, partie) } });
        else {
          const data = { partie: label(rc.territory, partie), role: signatures[j].role };
          rc.report({ on: c, pointer: joinPointer("signatures", j, "date"), messageId: "nonDatee", data });
        }
      });
    });
  });
}
