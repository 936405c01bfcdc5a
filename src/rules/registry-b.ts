// Rules: group(s) B, in id order.
import type { RuleDefinition } from "../audit/rule.js";
import academieDpdAbsent from "./academie-dpd-absent.js";
import academiePilotageIncomplet from "./academie-pilotage-incomplet.js";
import academiePlanFormationAbsent from "./academie-plan-formation-absent.js";
import academiePolitiqueSecuriteAbsente from "./academie-politique-securite-absente.js";
import academieRecteurAbsent from "./academie-recteur-absent.js";
import instanceConcertationAbsente from "./instance-concertation-absente.js";
import instanceConcertationInactive from "./instance-concertation-inactive.js";
import maintenanceAcademiqueResiduelle from "./maintenance-academique-residuelle.js";

export const groupB: RuleDefinition[] = [
  academieDpdAbsent,
  academiePilotageIncomplet,
  academiePlanFormationAbsent,
  academiePolitiqueSecuriteAbsente,
  academieRecteurAbsent,
  instanceConcertationAbsente,
  instanceConcertationInactive,
  maintenanceAcademiqueResiduelle,
];
