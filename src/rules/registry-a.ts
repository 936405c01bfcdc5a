// Rules: group A (reading and structure), in id order.
import type { RuleDefinition } from "../audit/rule.js";
import academieInconnue from "./academie-inconnue.js";
import encodage from "./encodage.js";
import identifiantDuplique from "./identifiant-duplique.js";
import kindInconnu from "./kind-inconnu.js";
import referenceInconnue from "./reference-inconnue.js";
import schema from "./schema.js";
import uaiDepartementIncoherent from "./uai-departement-incoherent.js";
import uaiInvalide from "./uai-invalide.js";
import yamlSyntaxe from "./yaml-syntaxe.js";

export const groupA: RuleDefinition[] = [
  academieInconnue,
  encodage,
  identifiantDuplique,
  kindInconnu,
  referenceInconnue,
  schema,
  uaiDepartementIncoherent,
  uaiInvalide,
  yamlSyntaxe,
];
