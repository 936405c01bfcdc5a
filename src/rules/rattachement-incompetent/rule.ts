// Rules (D): public établissements attached to a collectivité that lacks the competence for their type,
// unless a derogatory attachment is declared; `collectivite: etat` outside Mayotte's EPLE.
import { defineRule } from "../../audit/rule.js";
import { competenceFor, competences, isEple, isGereParEtat, isPublic } from "../../model/territory.js";
import { enumerate } from "../helpers.js";

/** Mayotte: the only académie where the State builds, equips and maintains collèges and lycées. */
const ACADEMIE_ETAT = "43";

export default defineRule({
  id: "rattachement-incompetent",
  group: "D",
  severity: "error",
  scope: "entity",
  appliesTo: ["etablissement", "collectivite"],
  phase: "territory",
  facts: ["ids", "references"],
  summary: "La collectivité de rattachement doit avoir la compétence correspondant au type de l'établissement.",
  messages: {
    incompetent:
      "L'établissement (type « {type} ») est rattaché à la collectivité « {collectivite} », qui n'a pas la compétence « {competence} » (ses compétences : {competences}) : rattachez-le à la collectivité compétente, corrigez « competences » de la collectivité, ou, si elle le gère par un arrangement légal (cité scolaire, délégation, transfert), déclarez « rattachement_derogatoire ».",
    sansCompetence:
      "L'établissement (type « {type} ») est rattaché à la collectivité « {collectivite} », qui ne déclare aucune compétence (« competences: [] ») alors qu'il lui faut « {competence} » : rattachez-le à la collectivité compétente, complétez ses compétences, ou déclarez « rattachement_derogatoire » s'il s'agit d'une cité scolaire, d'une délégation ou d'un transfert.",
    etatEcole:
      "Une école ne peut pas être gérée directement par l'État (« collectivite: etat ») : même à Mayotte, les écoles relèvent de leur commune. Indiquez l'identifiant de la commune (ou de l'EPCI) de rattachement.",
    etatHorsMayotte:
      "« collectivite: etat » n'est admis que pour les EPLE de l'académie de Mayotte (43), où l'État construit, équipe et entretient collèges et lycées ; cet établissement relève de l'académie {academie} : indiquez sa collectivité de rattachement.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!isPublic(e.data)) return;
      if (isGereParEtat(e.data)) {
        if (!isEple(e.data)) ctx.report({ on: e, pointer: "/collectivite", messageId: "etatEcole" });
        else if (e.data.academie !== ACADEMIE_ETAT) ctx.report({ on: e, pointer: "/collectivite", messageId: "etatHorsMayotte", data: { academie: e.data.academie } });
        return;
      }
      // A cité scolaire, a delegation or a transfer lets a collectivité manage a type it has no default competence for.
      if (e.data.rattachement_derogatoire) return;
      // An unknown collectivité is reference-inconnue's finding, not this rule's.
      const c = ctx.territory.collectiviteOf(e);
      if (!c) return;
      const needed = competenceFor(e.data);
      const held = competences(c.data);
      if (held.includes(needed)) return;
      const data = { type: e.data.type, collectivite: c.id, competence: needed };
      if (held.length === 0) ctx.report({ on: e, pointer: "/collectivite", messageId: "sansCompetence", data });
      else ctx.report({ on: e, pointer: "/collectivite", messageId: "incompetent", data: { ...data, competences: enumerate(held) } });
    });
  },
});
