// Rules (D): a held référent technique employed by the State or holding the role through a décharge (a collectivité charge since 2013).
import { defineRule } from "../../audit/rule.js";
import { isGereParEtat, isHeld, isPublic } from "../../model/territory.js";

export default defineRule({
  id: "referent-technique-employeur-etat",
  group: "D",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary:
    "Depuis que la loi de 2013 a confié la maintenance à la collectivité, l'État a retiré ses moyens pour le rôle de référent technique : ce rôle n'est plus tenu par un agent de l'État ni par une décharge.",
  messages: {
    etat:
      "Le référent technique est employé par l'État (« employeur: etat ») : depuis que la loi du 8 juillet 2013 a confié la maintenance des équipements à la collectivité, l'État a retiré ses moyens pour ce rôle ; voyez avec la collectivité qui le tient.",
    decharge:
      "Le référent technique tient le rôle grâce à une décharge de {heures} h par semaine (« decharge_heures ») : depuis que la loi du 8 juillet 2013 a confié la maintenance des équipements à la collectivité, l'État a retiré ses moyens pour ce rôle ; voyez avec la collectivité qui le tient.",
    etatEtDecharge:
      "Le référent technique est employé par l'État (« employeur: etat ») et tient le rôle grâce à une décharge de {heures} h par semaine : depuis que la loi du 8 juillet 2013 a confié la maintenance des équipements à la collectivité, l'État a retiré ses moyens pour ce rôle ; voyez avec la collectivité qui le tient.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      // Where the State manages the EPLE itself (Mayotte), a State employee is the expected référent.
      if (!isPublic(e.data) || isGereParEtat(e.data)) return;
      const r = e.data.referent_technique;
      // A vacant or absent role is referent-technique-manquant's concern: nobody holds it to be judged here.
      if (!isHeld(r) || !r) return;
      const etat = r.employeur === "etat";
      const heures = r.decharge_heures ?? 0;
      const decharge = heures > 0;
      if (!etat && !decharge) return;
      // One finding for the role, at the role itself, whichever condition (or both) holds.
      if (decharge) ctx.report({ on: e, pointer: "/referent_technique", messageId: etat ? "etatEtDecharge" : "decharge", data: { heures } });
      else ctx.report({ on: e, pointer: "/referent_technique", messageId: "etat", data: {} });
    });
  },
});
