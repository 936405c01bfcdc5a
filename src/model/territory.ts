// Model: validated documents become a typed territory graph with indexes, references and maintenance resolution.
import type { Academie, Collectivite, Etablissement, Convention, Personne, Maintenance } from "../generated/types.js";
import type { LoadedDocument } from "../load/document.js";
import type { Kind } from "../core/domain.js";
import { EPLE_TYPES } from "../core/domain.js";

export type { Academie, Collectivite, Etablissement, Convention, Personne, Maintenance };

/** A document of the territory with its identity. */
export interface Entity<T, K extends Kind = Kind> {
  kind: K;
  id: string;
  /** `kind:id`, e.g. `etablissement:0350017D`. */
  ref: string;
  data: T;
  doc: LoadedDocument;
}

export type AcademieEntity = Entity<Academie, "academie">;
export type CollectiviteEntity = Entity<Collectivite, "collectivite">;
export type EtablissementEntity = Entity<Etablissement, "etablissement">;
export type ConventionEntity = Entity<Convention, "convention">;
export type AnyEntity = AcademieEntity | CollectiviteEntity | EtablissementEntity | ConventionEntity;

export type Competence = "ecoles" | "colleges" | "lycees";
export const NIVEAUX = [0, 1, 2, 3] as const;
export type Niveau = (typeof NIVEAUX)[number];

/** How one maintenance level of an établissement resolves (docs/format.md, « Qui assure un niveau de maintenance »). */
export interface NiveauResolu {
  niveau: Niveau;
  /** The actor found, if any. */
  acteur?: string;
  /** Which layer defined it. */
  source?: { layer: "etablissement" | "convention" | "collectivite" | "academie"; ref: string };
  clair: boolean;
  /** Why it is unclear: no layer defines it, the actor is `a_definir`, or conventions disagree. */
  raison?: "indefini" | "a_definir" | "conflit";
  /** The conventions in conflict (refs) when `raison` is `conflit`. */
  conflit?: Array<{ ref: string; acteur: string }>;
}

const DEFAULT_COMPETENCES: Record<string, Competence[]> = {
  commune: ["ecoles"],
  epci: ["ecoles"],
  departement: ["colleges"],
  metropole: ["colleges"],
  region: ["lycees"],
  collectivite_unique: ["colleges", "lycees"],
};

/** A role is held when present, not null, and not `vacant: true` (docs/format.md, « Qui tient un rôle »). */
export function isHeld(p: Personne | null | undefined): boolean {
  return p !== undefined && p !== null && p.vacant !== true;
}

export function isEple(e: Etablissement): boolean {
  return (EPLE_TYPES as readonly string[]).includes(e.type);
}

export function isPublic(e: Etablissement): boolean {
  return (e.statut ?? "public") === "public";
}

/** `collectivite: etat` (docs/territoires-particuliers.md): the State manages this EPLE directly (Mayotte); not a reference. */
export const ETAT = "etat";

/** Whether the State manages the établissement directly (`collectivite: etat`). */
export function isGereParEtat(e: Etablissement): boolean {
  return e.collectivite === ETAT;
}

/** The competence an établissement type needs from its collectivité de rattachement. */
export function competenceFor(e: Etablissement): Competence {
  return e.type === "ecole" ? "ecoles" : e.type === "college" ? "colleges" : "lycees";
}

/** Declared competences, else the default for the collectivité's type. */
export function competences(c: Collectivite): Competence[] {
  return (c.competences as Competence[] | undefined) ?? DEFAULT_COMPETENCES[c.type] ?? [];
}

/** Whether a party has signed: a signature entry for it with a non-null date. */
export function hasSigned(c: Convention, party: string): boolean {
  return (c.signatures ?? []).some((s) => s.partie === party && s.date !== null && s.date !== undefined);
}

/** In force on date D: debut ≤ D (or none) and D ≤ fin (or none). Dates are ISO strings. */
export function isInForce(c: Convention, date: string): boolean {
  return (c.debut === undefined || c.debut <= date) && (c.fin === undefined || date <= c.fin);
}

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A convention's end and the days left on a date: shared by `convention-echeance-proche` and `gouvnum deadlines`. */
export interface Echeance {
  /** `fin`, `YYYY-MM-DD`. */
  fin: string;
  /** Days from the date to `fin`: 0 on its last day, negative once it has lapsed. */
  joursRestants: number;
  /** In force on the date (docs/format.md, « Conventions : signée, en vigueur »). */
  enVigueur: boolean;
}

/** The end of a convention seen from a date, or undefined when it has no `fin`. */
export function echeance(c: Convention, date: string): Echeance | undefined {
  if (c.fin === undefined) return undefined;
  return { fin: c.fin, joursRestants: daysBetween(date, c.fin), enVigueur: isInForce(c, date) };
}

/** The same day twelve months earlier (`YYYY-MM-DD`); 29 February falls back to 28 February. */
export function twelveMonthsBefore(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const year = y - 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/**
 * What every territory graph answers from its lists and three lookups (`get`, `etablissementsOf`, `conventionsOf`):
 * an académie or collectivité by id, an établissement's collectivité de rattachement, the collectivités with
 * établissements, maintenance resolution. `Territory` answers the lookups from its maps; `OneEntityTerritory` (a
 * document-phase rule's territory of one document) from its one entity.
 */
export abstract class TerritoryGraph {
  abstract readonly academies: AcademieEntity[];
  abstract readonly collectivites: CollectiviteEntity[];
  abstract readonly etablissements: EtablissementEntity[];
  abstract readonly conventions: ConventionEntity[];
  /** First entity of each ref (duplicates are reported by `identifiant-duplique`). */
  abstract readonly byRef: Map<string, AnyEntity>;
  abstract get<T extends AnyEntity = AnyEntity>(ref: string): T | undefined;
  /** The établissements attached to a collectivité. */
  abstract etablissementsOf(c: CollectiviteEntity): EtablissementEntity[];
  /** Conventions listing `ref` among their parties. */
  abstract conventionsOf(ref: string): ConventionEntity[];

  academie(code: string): AcademieEntity | undefined {
    return this.get<AcademieEntity>(`academie:${code}`);
  }

  collectivite(id: string): CollectiviteEntity | undefined {
    return this.get<CollectiviteEntity>(`collectivite:${id}`);
  }

  /** The collectivité de rattachement of an établissement, when declared and present. */
  collectiviteOf(e: EtablissementEntity): CollectiviteEntity | undefined {
    return e.data.collectivite && !isGereParEtat(e.data) ? this.collectivite(e.data.collectivite) : undefined;
  }

  /** Collectivités with at least one établissement in the territory (groups C and B rules). */
  collectivitesAvecEtablissements(): CollectiviteEntity[] {
    return this.collectivites.filter((c) => this.etablissementsOf(c).length > 0);
  }

  /** Conventions in force on `date` whose layer applies to an établissement (docs/format.md, « Qui assure un niveau de maintenance »). */
  maintenanceConventions(e: EtablissementEntity, date: string): ConventionEntity[] {
    if (e.data.type === "ecole") {
      const commune = e.data.collectivite && !isGereParEtat(e.data) ? `collectivite:${e.data.collectivite}` : undefined;
      if (!commune) return [];
      return this.conventionsOf(commune).filter((c) => c.data.type === "ecole_commune" && isInForce(c.data, date));
    }
    return this.conventionsOf(e.ref).filter((c) => c.data.type === "eple_collectivite" && isInForce(c.data, date));
  }

  /** Resolves maintenance levels 0–3 of an établissement on a date (docs/format.md, « Qui assure un niveau de maintenance »). */
  resolveMaintenance(e: EtablissementEntity, date: string): NiveauResolu[] {
    const conventions = this.maintenanceConventions(e, date);
    const collectivite = this.collectiviteOf(e);
    // A State-managed EPLE (Mayotte) takes the académie's allocation where others take their collectivité's.
    const academie = isGereParEtat(e.data) ? this.academie(e.data.academie) : undefined;
    return NIVEAUX.map((niveau): NiveauResolu => {
      const key = `niveau_${niveau}` as const;
      const own = e.data.maintenance?.[key];
      if (own) return conclude(niveau, own.acteur, { layer: "etablissement", ref: e.ref });
      const named: Array<{ ref: string; acteur: string }> = [];
      for (const c of conventions) {
        const acteur = c.data.clauses?.maintenance?.[key]?.acteur;
        if (typeof acteur === "string") named.push({ ref: c.ref, acteur });
      }
      if (named.length > 0) {
        // By reference, not by file order: the same territory in other files gives the same message (stable findings).
        named.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
        const distinct = new Set(named.map((n) => n.acteur));
        if (distinct.size > 1) return { niveau, clair: false, raison: "conflit", conflit: named };
        return conclude(niveau, named[0].acteur, { layer: "convention", ref: named[0].ref });
      }
      const general = collectivite?.data.maintenance?.[key];
      if (general && collectivite) return conclude(niveau, general.acteur, { layer: "collectivite", ref: collectivite.ref });
      const etat = academie?.data.maintenance?.[key];
      if (etat && academie) return conclude(niveau, etat.acteur, { layer: "academie", ref: academie.ref });
      return { niveau, clair: false, raison: "indefini" };
    });
  }
}

/** The territory graph every rule reads. */
export class Territory extends TerritoryGraph {
  readonly academies: AcademieEntity[] = [];
  readonly collectivites: CollectiviteEntity[] = [];
  readonly etablissements: EtablissementEntity[] = [];
  readonly conventions: ConventionEntity[] = [];
  readonly byRef = new Map<string, AnyEntity>();
  private readonly conventionsByParty = new Map<string, ConventionEntity[]>();
  private readonly etablissementsByCollectivite = new Map<string, EtablissementEntity[]>();

  constructor(documents: readonly LoadedDocument[]) {
    super();
    for (const doc of documents) {
      if (!doc.valid || !doc.kind || !doc.entity) continue;
      const id = doc.entity.slice(doc.kind.length + 1);
      const entity = { kind: doc.kind, id, ref: doc.entity, data: doc.value, doc } as AnyEntity;
      if (this.byRef.has(entity.ref)) continue;
      this.byRef.set(entity.ref, entity);
      switch (entity.kind) {
        case "academie":
          this.academies.push(entity);
          break;
        case "collectivite":
          this.collectivites.push(entity);
          break;
        case "etablissement":
          this.etablissements.push(entity);
          break;
        case "convention":
          this.conventions.push(entity);
          break;
      }
    }
    for (const c of this.conventions) {
      for (const p of new Set(c.data.parties ?? [])) {
        const list = this.conventionsByParty.get(p) ?? [];
        list.push(c);
        this.conventionsByParty.set(p, list);
      }
    }
    for (const e of this.etablissements) {
      if (!e.data.collectivite || isGereParEtat(e.data)) continue;
      const ref = `collectivite:${e.data.collectivite}`;
      const list = this.etablissementsByCollectivite.get(ref) ?? [];
      list.push(e);
      this.etablissementsByCollectivite.set(ref, list);
    }
  }

  get<T extends AnyEntity = AnyEntity>(ref: string): T | undefined {
    return this.byRef.get(ref) as T | undefined;
  }

  /** The établissements attached to a collectivité. */
  etablissementsOf(c: CollectiviteEntity): EtablissementEntity[] {
    return this.etablissementsByCollectivite.get(c.ref) ?? [];
  }

  /** Conventions listing `ref` among their parties. */
  conventionsOf(ref: string): ConventionEntity[] {
    return this.conventionsByParty.get(ref) ?? [];
  }

}

function conclude(niveau: Niveau, acteur: string, source: NiveauResolu["source"]): NiveauResolu {
  if (acteur === "a_definir") return { niveau, acteur, source, clair: false, raison: "a_definir" };
  return { niveau, acteur, source, clair: true };
}

/** The territory graph's public API: what rules read (`Territory`'s public members). */
export type TerritoryApi = { [K in keyof Territory]: Territory[K] };

/** The empty list of a kind the territory of one document does not hold (frozen: shared by every such territory). */
const NONE = Object.freeze([]) as never[];

/**
 * The territory of one document, as `new Territory([doc])` sees it, without its maps and indexes: what a `document`-phase
 * rule reads (src/audit/document-phase.ts). At most one entity — none when the document is not valid or has no
 * identity —, in the list of its kind (the other lists are one shared empty list), and the indexes answered from it
 * alone. `new Territory([doc])` per document was 27 ms of the académie corpus's 2.8 s of CPU (four lists, three maps,
 * a set per convention), plus their garbage. test/territory-one.test.ts compares every member with `new Territory([doc])`.
 */
export class OneEntityTerritory extends TerritoryGraph {
  readonly academies: AcademieEntity[] = NONE;
  readonly collectivites: CollectiviteEntity[] = NONE;
  readonly etablissements: EtablissementEntity[] = NONE;
  readonly conventions: ConventionEntity[] = NONE;
  /** The entity, if the document is one; `only` is the list of it. */
  private readonly entity: AnyEntity | undefined;
  private readonly only: AnyEntity[] = NONE;
  private index: Map<string, AnyEntity> | undefined;

  constructor(doc: LoadedDocument) {
    super();
    if (!doc.valid || !doc.kind || !doc.entity) return;
    const id = doc.entity.slice(doc.kind.length + 1);
    const entity = { kind: doc.kind, id, ref: doc.entity, data: doc.value, doc } as AnyEntity;
    this.entity = entity;
    this.only = [entity];
    switch (entity.kind) {
      case "academie":
        this.academies = this.only as AcademieEntity[];
        break;
      case "collectivite":
        this.collectivites = this.only as CollectiviteEntity[];
        break;
      case "etablissement":
        this.etablissements = this.only as EtablissementEntity[];
        break;
      case "convention":
        this.conventions = this.only as ConventionEntity[];
        break;
    }
  }

  /** Made when asked for (no document-phase rule reads it). */
  get byRef(): Map<string, AnyEntity> {
    return (this.index ??= new Map(this.entity ? [[this.entity.ref, this.entity]] : []));
  }

  get<T extends AnyEntity = AnyEntity>(ref: string): T | undefined {
    return (this.entity !== undefined && this.entity.ref === ref ? this.entity : undefined) as T | undefined;
  }

  etablissementsOf(c: CollectiviteEntity): EtablissementEntity[] {
    const e = this.entity;
    if (e?.kind !== "etablissement" || !e.data.collectivite || isGereParEtat(e.data)) return NONE;
    return `collectivite:${e.data.collectivite}` === c.ref ? (this.only as EtablissementEntity[]) : NONE;
  }

  conventionsOf(ref: string): ConventionEntity[] {
    const c = this.entity;
    return c?.kind === "convention" && (c.data.parties ?? []).includes(ref) ? (this.only as ConventionEntity[]) : NONE;
  }
}
