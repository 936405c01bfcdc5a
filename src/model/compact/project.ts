// Model: the compact values of the facts model — what a cross-document (`territory`-phase) rule may read of a document.
// Each fact family names the paths it keeps, by kind; `projectValue` keeps those paths of a document's value and
// nothing else: every other value becomes `null` ("there is a value here, not kept"). The keys of every mapping on a
// kept path stay, in their order, and so do the lengths of the sequences: a kept value still locates any pointer
// along its kept paths exactly as the whole value did (the position logs walk keys by their rank, see LogDocAst),
// and a rule that tests whether a key is there still sees it. What the projection leaves out — names and contacts
// of persons, addresses, comments, network and equipment details, free texts — is what the per-file stage already
// checked (schema, `document`-phase rules) and no cross-document rule reads: test/facts.test.ts runs every
// `territory`-phase rule on values projected to the families it declares and compares its findings with those it
// gives on the whole values, on every example territory, every rule's fixtures and a generated académie.
import type { Kind } from "../../core/domain.js";
import { isPlainObject } from "../../load/document.js";

/**
 * The fact families (a rule's `facts`). `ids`: identity and classification (id, name, type, status, académie,
 * competences, commune). `references`: links between documents (collectivité de rattachement, convention parties and
 * signing parties, instance members, circonscriptions, ENT partners). `conventions`: dates, signatures and the
 * board's authorisation. `maintenance`: who holds each maintenance level, in each layer. `equipment`: devices,
 * renewal, individual equipment, equipment policy, ENT. `declarations`: what a collectivité declares of its
 * internal organisation (organisation, governance, cooperation with its building department, security). `roles`:
 * whether an établissement's référents are there and not vacant (`isHeld`), and when the académie's bodies met.
 */
export const FACT_FAMILIES = ["ids", "references", "conventions", "maintenance", "equipment", "declarations", "roles"] as const;
export type FactFamily = (typeof FACT_FAMILIES)[number];

/** Each family's paths by kind: `/`-separated keys, `*` for every element of a sequence or every key of a mapping. */
const PATHS: Record<FactFamily, Partial<Record<Kind, readonly string[]>>> = {
  ids: {
    academie: ["code", "nom"],
    collectivite: ["id", "nom", "type", "academie", "competences", "code_insee"],
    etablissement: ["uai", "nom", "type", "statut", "academie", "commune/code_insee"],
    convention: ["id", "type"],
  },
  references: {
    academie: ["instances/*/membres", "maintenance_residuelle/convention", "circonscriptions/*/uai"],
    collectivite: ["ent/mutualise_avec"],
    etablissement: ["collectivite", "rattachement_derogatoire", "circonscription"],
    convention: ["parties", "signatures/*/partie"],
  },
  conventions: {
    convention: ["debut", "fin", "signatures/*/date", "signatures/*/role", "autorisation_ca_le"],
  },
  maintenance: {
    academie: ["maintenance/*/acteur"],
    collectivite: ["maintenance/*/acteur"],
    etablissement: ["maintenance/*/acteur"],
    convention: ["clauses/maintenance/*/acteur"],
  },
  equipment: {
    collectivite: [
      "renouvellement/age_max_ans",
      "equipement_individuel/dispositif",
      "equipement_individuel/accompagnement",
      "referentiel_equipement/reference",
      "referentiel_equipement/analyse_besoins",
      "ent/nom",
    ],
    etablissement: ["equipements/*/annee_mise_en_service", "equipements/*/nombre"],
  },
  declarations: {
    collectivite: ["organisation", "gouvernance_interne", "cooperation_batiment", "securite/mise_en_oeuvre_pssi"],
  },
  roles: {
    academie: ["instances/*/reunions"],
    etablissement: ["referent_technique/vacant", "referent_numerique/vacant"],
  },
};

/** What to keep of a value: all of it (`true`), or some of its keys (`*`: every one) with what to keep of each. */
type Keep = true | { [key: string]: Keep };

function addPath(tree: { [key: string]: Keep }, segments: readonly string[]): void {
  const [head, ...rest] = segments;
  if (rest.length === 0) {
    tree[head] = true;
    return;
  }
  const sub = tree[head];
  if (sub === true) return;
  const next = sub ?? {};
  tree[head] = next;
  addPath(next, rest);
}

/** The trees made, by list of families (the same list object each time: a rule's `facts`, FACT_FAMILIES) and kind. */
const trees = new WeakMap<readonly FactFamily[], Map<Kind, { [key: string]: Keep }>>();

/** What to keep of a document of this kind for these families (`kind` is always kept). */
function treeOf(kind: Kind, families: readonly FactFamily[]): { [key: string]: Keep } {
  let byKind = trees.get(families);
  if (!byKind) trees.set(families, (byKind = new Map()));
  let tree = byKind.get(kind);
  if (!tree) {
    tree = { kind: true };
    for (const f of families) for (const p of PATHS[f][kind] ?? []) addPath(tree, p.split("/"));
    byKind.set(kind, tree);
  }
  return tree;
}

function keep(value: unknown, what: Keep): unknown {
  if (what === true) return value;
  if (Array.isArray(value)) {
    const each = what["*"];
    return each === undefined ? value.map(() => null) : value.map((v) => keep(v, each));
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const sub = what[k] ?? what["*"];
    out[k] = sub === undefined ? null : keep(value[k], sub);
  }
  return out;
}

/**
 * A document's value reduced to the facts of `families` (default: every family). A document of no known kind, or whose
 * value is not a mapping, keeps its value (kind-inconnu reports on it; such documents are few and small).
 */
export function projectValue(kind: Kind | undefined, value: unknown, families: readonly FactFamily[] = FACT_FAMILIES): unknown {
  if (kind === undefined || !isPlainObject(value)) return value;
  return keep(value, treeOf(kind, families));
}
