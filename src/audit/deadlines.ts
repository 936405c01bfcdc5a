// Audit: what falls due (`gouvnum deadlines`) — conventions ending, conventions in force not signed by every party,
// instances with no meeting in twelve months or due by their rhythm, devices reaching their renewal age at the next
// rentrée. Read from the territory model; dates computed in src/model/echeances.ts.
import { createHash } from "node:crypto";
import { formatMessage } from "../core/format-message.js";
import { formatNombre } from "../core/numbers.js";
import { catalogue } from "../messages/index.js";
import { addDays, conventionEcheance, daysBetween, isObsolete, nextRentree, reachesRenewalAge } from "../model/echeances.js";
import { hasSigned, isInForce, isPublic, twelveMonthsBefore, type AnyEntity, type Territory } from "../model/territory.js";

export type DeadlineKind = "convention-fin" | "convention-signature" | "instance-reunion" | "equipement-renouvellement";

/** One thing that falls due. */
export interface Deadline {
  /** `YYYY-MM-DD`: the day it falls due (the audit date when it is already due). */
  date: string;
  kind: DeadlineKind;
  /** The entity it is about (`convention:…`, `academie:14`, `etablissement:…`). */
  entity: string;
  /** What falls due, in French. */
  title: string;
  /** Details, in French. */
  detail: string;
  /** Whom it concerns: references of the parties, members or collectivité, and their names. */
  concerne: Array<{ ref: string; nom: string }>;
  /** Contact e-mail addresses of those concerned, when the territory has them. */
  courriels: string[];
  /** Stable identity (what and about whom, never the date): a calendar that imports it again updates the event. */
  uid: string;
  /** Days from the audit date (negative: overdue). */
  jours: number;
}

export interface DeadlineOptions {
  /** The audit date. */
  date: string;
  /** The window, in days after the audit date (default 180). */
  within: number;
  /** Renewal age when the collectivité fixes none (the option `age_max_ans` of `equipement-obsolete`). */
  ageMaxDefaut: number;
}

function t(id: string, data: Record<string, string | number> = {}): string {
  return formatMessage(catalogue.cli[`echeances.${id}`], data);
}

function uid(...parts: string[]): string {
  return `${createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 24)}@gouvnum`;
}

function dateFr(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** A readable name for an entity of the territory. */
function nameOf(e: AnyEntity | undefined, ref: string): string {
  if (!e) return ref;
  const data = e.data as { nom?: string; objet?: string };
  return data.nom ?? data.objet ?? e.id;
}

/** The contact e-mail of an entity: an établissement's `contact.courriel` (else its chef's), a collectivité's education service. */
function emailOf(e: AnyEntity | undefined): string | undefined {
  if (!e) return undefined;
  if (e.kind === "etablissement") return e.data.contact?.courriel ?? e.data.direction?.chef?.courriel ?? undefined;
  if (e.kind === "collectivite") {
    const s = e.data.services;
    return s?.education?.courriel ?? s?.dsi?.courriel ?? s?.education?.responsable?.courriel ?? undefined;
  }
  if (e.kind === "academie") return e.data.dan?.courriel ?? undefined;
  return undefined;
}

function people(t: Territory, refs: readonly string[]): { concerne: Deadline["concerne"]; courriels: string[] } {
  const concerne = refs.map((ref) => ({ ref, nom: nameOf(t.byRef.get(ref), ref) }));
  const courriels = [...new Set(refs.map((r) => emailOf(t.byRef.get(r))).filter((m): m is string => typeof m === "string" && m !== ""))];
  return { concerne, courriels };
}

/** Median interval in days between consecutive meetings; twelve months when there are fewer than two. */
function rhythm(dates: readonly string[]): number {
  if (dates.length < 2) return 365;
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) gaps.push(daysBetween(dates[i - 1], dates[i]));
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const m = gaps.length % 2 ? gaps[mid] : Math.round((gaps[mid - 1] + gaps[mid]) / 2);
  return Math.max(1, Math.min(365, m));
}

type Push = (d: Omit<Deadline, "jours">) => void;

/** Conventions: the end of those that end within the window; the signatures still missing from those in force. */
function conventionDeadlines(territory: Territory, date: string, end: string, push: Push): void {
  for (const c of territory.conventions) {
    const parties = c.data.parties ?? [];
    const who = people(territory, parties);
    const nom = c.data.objet ?? c.id;
    const e = conventionEcheance(c.data, date);
    if (e && e.fin <= end) {
      push({
        date: e.fin,
        kind: "convention-fin",
        entity: c.ref,
        title: t("conventionFin.titre", { id: c.id }),
        detail: t("conventionFin.detail", { objet: nom, fin: dateFr(e.fin), jours: formatNombre(e.joursRestants) }),
        ...who,
        uid: uid("convention-fin", c.ref),
      });
    }
    if (isInForce(c.data, date)) {
      const missing = parties.filter((p) => !hasSigned(c.data, p));
      if (missing.length > 0) {
        const absent = people(territory, missing);
        push({
          date,
          kind: "convention-signature",
          entity: c.ref,
          title: t("conventionSignature.titre", { id: c.id }),
          detail: t("conventionSignature.detail", {
            objet: nom,
            debut: c.data.debut ? dateFr(c.data.debut) : t("sansDebut"),
            parties: absent.concerne.map((p) => p.nom).join(", "),
          }),
          concerne: absent.concerne,
          courriels: absent.courriels,
          uid: uid("convention-signature", c.ref),
        });
      }
    }
  }
}

/** Instances (académie's, collectivités' internal governance): the next meeting due by their rhythm, or overdue. */
function meetingDeadlines(territory: Territory, date: string, end: string, push: Push): void {
  const since = twelveMonthsBefore(date);
  const meeting = (entity: string, key: string, nom: string, reunions: readonly string[] = [], members: readonly string[]) => {
    const past = [...reunions].filter((d) => d <= date).sort();
    const last = past[past.length - 1];
    const who = people(territory, members);
    const id = uid("instance-reunion", entity, key);
    if (!last || last < since) {
      push({
        date,
        kind: "instance-reunion",
        entity,
        title: t("instanceInactive.titre", { instance: nom }),
        detail: last ? t("instanceInactive.detail", { derniere: dateFr(last) }) : t("instanceInactive.jamais"),
        ...who,
        uid: id,
      });
      return;
    }
    const due = addDays(last, rhythm(past));
    // Due by its usual rhythm within the window; and in any case before twelve months have passed.
    const limit = addDays(last, 365) < due ? addDays(last, 365) : due;
    if (limit <= end) {
      push({
        date: limit < date ? date : limit,
        kind: "instance-reunion",
        entity,
        title: t("instanceRythme.titre", { instance: nom }),
        detail: t("instanceRythme.detail", { derniere: dateFr(last), jours: formatNombre(rhythm(past)) }),
        ...who,
        uid: id,
      });
    }
  };
  for (const a of territory.academies) {
    for (const i of a.data.instances ?? []) meeting(a.ref, i.id, i.nom, i.reunions, [a.ref, ...(i.membres ?? [])]);
  }
  for (const c of territory.collectivites) {
    const g = c.data.gouvernance_interne;
    if (g) meeting(c.ref, "gouvernance_interne", g.instance, g.reunions, [c.ref]);
  }
}

/** Equipment: the lots of public établissements that reach their renewal age at the next rentrée within the window. */
function equipmentDeadlines(territory: Territory, date: string, end: string, push: Push, ageMaxDefaut: number): void {
  const rentree = nextRentree(date);
  if (rentree <= end) {
    for (const e of territory.etablissements) {
      if (!isPublic(e.data)) continue;
      const coll = territory.collectiviteOf(e);
      const ageMax = coll?.data.renouvellement?.age_max_ans ?? ageMaxDefaut;
      const due = (e.data.equipements ?? []).filter((l) => !isObsolete(l.annee_mise_en_service, date, ageMax) && reachesRenewalAge(l.annee_mise_en_service, rentree, ageMax));
      if (due.length === 0) continue;
      const n = due.reduce((s, l) => s + l.nombre, 0);
      const refs = coll ? [e.ref, coll.ref] : [e.ref];
      push({
        date: rentree,
        kind: "equipement-renouvellement",
        entity: e.ref,
        title: t(n > 1 ? "equipements.titre" : "equipement.titre", { n: formatNombre(n), nom: nameOf(e, e.ref) }),
        detail: t("equipements.detail", {
          lots: due.map((l) => t("equipements.lot", { n: formatNombre(l.nombre), categorie: l.categorie, annee: l.annee_mise_en_service })).join(", "),
          age: ageMax,
          rentree: dateFr(rentree),
        }),
        ...people(territory, refs),
        uid: uid("equipement-renouvellement", e.ref, rentree.slice(0, 4)),
      });
    }
  }
}

/** Every deadline between the audit date and the end of the window (and what is already overdue), sorted by date. */
export function computeDeadlines(territory: Territory, o: DeadlineOptions): Deadline[] {
  const { date } = o;
  const end = addDays(date, o.within);
  const out: Deadline[] = [];
  const push: Push = (d) => out.push({ ...d, jours: daysBetween(date, d.date) });
  conventionDeadlines(territory, date, end, push);
  meetingDeadlines(territory, date, end, push);
  equipmentDeadlines(territory, date, end, push, o.ageMaxDefaut);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.kind < b.kind ? -1 : 1));
}
