// Rules (H): public écoles and EPLE whose règlement intérieur is missing or does not rule the use of personal devices.
// L.511-5: a ban by law in écoles and collèges (the RI sets its exceptions); in lycées the RI may ban the use.
import { defineRule } from "../../audit/rule.js";
import { etablissementPublic, flagFinding } from "../checks.js";

export default defineRule({
  id: "reglement-interieur-equipements-personnels",
  group: "H",
  severity: "info",
  scope: "entity",
  appliesTo: ["etablissement"],
  phase: "document",
  summary:
    "Le règlement intérieur d'une école ou d'un EPLE public gagne à dire comment s'applique l'article L.511-5 aux équipements personnels des élèves.",
  messages: {
    absentInterdiction:
      "Aucun règlement intérieur n'est déclaré (« reglement_interieur ») : dans les écoles et les collèges, l'utilisation d'un téléphone mobile ou d'un autre équipement de communication électronique par un élève est interdite par la loi (Code de l'éducation, L.511-5, al. 1), et c'est le règlement intérieur qui en fixe les exceptions (usages pédagogiques, lieux, circonstances).",
    fauxInterdiction:
      "Le règlement intérieur ne traite pas des équipements personnels des élèves (« equipements_personnels » n'est pas true) : l'interdiction s'applique de toute façon dans les écoles et les collèges (L.511-5, al. 1) ; le règlement intérieur en fixe les exceptions éventuelles (usages pédagogiques, lieux, circonstances).",
    absentLycee:
      "Aucun règlement intérieur n'est déclaré (« reglement_interieur ») : dans un lycée, c'est le règlement intérieur qui peut interdire l'utilisation des téléphones mobiles et autres équipements de communication électronique par les élèves, dans tout ou partie de l'enceinte ou pendant certaines activités (Code de l'éducation, L.511-5, al. 2).",
    fauxLycee:
      "Le règlement intérieur ne traite pas des équipements personnels des élèves (« equipements_personnels » n'est pas true) : dans un lycée, la loi permet au règlement intérieur d'en interdire l'utilisation (L.511-5, al. 2) ; indiquez le choix fait par l'établissement.",
  },
  check(ctx) {
    ctx.each(ctx.territory.etablissements, (e) => {
      if (!etablissementPublic(e)) return;
      // Écoles and collèges: L.511-5 al. 1; lycées, LP and EREA: al. 2.
      const cas = e.data.type === "ecole" || e.data.type === "college" ? "Interdiction" : "Lycee";
      const finding = flagFinding(e.data, "/reglement_interieur/equipements_personnels", { absent: `absent${cas}`, faux: `faux${cas}` } as const);
      if (finding) ctx.report({ on: e, ...finding });
    });
  },
});
