// Rules (E): école, framework and objectives conventions without a dated signature of the recteur or DASEN (and of the IEN for écoles).
import { defineRule } from "../../audit/rule.js";
import type { ConventionEntity } from "../../model/territory.js";
import { joinPointer } from "../../load/document.js";
import { eachConventionOf } from "../checks.js";

const ROLE_LABEL: Record<string, string> = { recteur: "recteur", dasen: "DASEN" };
/** The convention types that need an academic signatory, as named in messages. */
const TYPE_LABEL: Record<string, string> = {
  ecole_commune: "la convention numérique des écoles",
  academie_collectivite: "la convention cadre",
  contrat_objectifs: "le contrat d'objectifs",
};

export default defineRule({
  id: "convention-signataire-academique-absent",
  group: "E",
  severity: "warning",
  scope: "entity",
  appliesTo: ["convention"],
  phase: "document",
  summary:
    "Les conventions des écoles, les conventions cadres et les contrats d'objectifs portent la signature datée du recteur ou du DASEN ; celles des écoles, aussi celle d'un IEN.",
  messages: {
    recteurOuDasen: "Aucune signature datée du recteur ou du DASEN (qualité « recteur » ou « dasen ») sur {type} « {id} ».",
    recteurOuDasenNonDatee:
      "La signature du {role} n'est pas datée (date: null) : aucune signature datée du recteur ou du DASEN sur {type} « {id} ».",
    ien: "Aucune signature datée d'un IEN de circonscription (qualité « ien ») sur la convention numérique des écoles « {id} ».",
    ienNonDatee:
      "La signature de l'IEN n'est pas datée (date: null) : aucune signature datée d'un IEN de circonscription sur la convention numérique des écoles « {id} ».",
  },
  check(ctx) {
    eachConventionOf(ctx, TYPE_LABEL, (c, type) => {
      const data = { type, id: c.id };
      const need = (roles: string[], messageId: "recteurOuDasen" | "ien") => {
        const found = missing(c, roles);
        if (!found) return;
        if (found.undated === undefined) {
          ctx.report({ on: c, pointer: "/signatures", messageId, data });
        } else {
          const role = c.data.signatures![found.undated].role;
          ctx.report({ on: c, pointer: joinPointer("signatures", found.undated, "date"), messageId: `${messageId}NonDatee`, data: { ...data, role: ROLE_LABEL[role] ?? role } });
        }
      };
      need(["recteur", "dasen"], "recteurOuDasen");
      if (c.data.type === "ecole_commune") need(["ien"], "ien");
    });
  },
});

/** Undefined when a dated signature has one of the roles; else the index of an undated one, if any. */
function missing(c: ConventionEntity, roles: string[]): { undated?: number } | undefined {
  const signatures = c.data.signatures ?? [];
  if (signatures.some((s) => roles.includes(s.role) && s.date !== null && s.date !== undefined)) return undefined;
  const j = signatures.findIndex((s) => roles.includes(s.role));
  return j >= 0 ? { undated: j } : {};
}
