// Rules: groups F (maintenance) and G (equipment and network), in id order.
import type { RuleDefinition } from "../audit/rule.js";
import debitInsuffisant from "./debit-insuffisant.js";
import equipementObsolete from "./equipement-obsolete.js";
import maintenanceNiveauFlou from "./maintenance-niveau-flou.js";
import wifiEcoleNonConforme from "./wifi-ecole-non-conforme.js";

export const groupFG: RuleDefinition[] = [debitInsuffisant, equipementObsolete, maintenanceNiveauFlou, wifiEcoleNonConforme];
