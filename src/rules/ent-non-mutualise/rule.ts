// Rules (C): secondary-education collectivités of one académie whose ENT differs from the one most of them provide.
import { defineRule } from "../../audit/rule.js";
import { ACADEMIES } from "../../core/domain.js";
import type { LoadedDocument } from "../../load/document.js";
import { competences, type CollectiviteEntity } from "../../model/territory.js";

/** The collectivité types compared: those that run collèges or lycées. */
const SECONDAIRE: ReadonlySet<string> = new Set(["departement", "region", "collectivite_unique", "metropole"]);

interface Declared {
  c: CollectiviteEntity;
  doc: LoadedDocument;
  /** The name as written. */
  nom: string;
  /** The name compared: case, accents and punctuation ignored. */
  key: string;
}

/** « Toutatice », « TOUTATICE » and « toutatice » are one ENT; so are « e-lyco » and « E lyco ». */
function normalize(nom: string): string {
  return nom
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** « l'académie de Rennes », « l'académie d'Amiens », else the code. */
function academieLabel(code: string): string {
  const nom = ACADEMIES[code];
  if (!nom) return `l'académie ${code}`;
  return /^[AEIOUYÉÈ]/i.test(nom) ? `l'académie d'${nom}` : `l'académie de ${nom}`;
}

export default defineRule({
  id: "ent-non-mutualise",
  group: "C",
  severity: "info",
  appliesTo: ["collectivite"],
  phase: "territory",
  facts: ["ids", "references", "equipment"],
  summary: "Les collectivités d'une même académie chargées des collèges ou des lycées gagnent à fournir le même ENT à leurs établissements.",
  messages: {
    different:
      "La collectivité « {collectivite} » fournit l'ENT « {ent} », alors que {nombre} des {total} collectivités de {academie} chargées des collèges ou des lycées qui déclarent un ENT fournissent « {majoritaire} » : étudiez la mutualisation de l'ENT avec elles.",
    sansMajorite:
      "La collectivité « {collectivite} » fournit l'ENT « {ent} », mais les {total} collectivités de {academie} chargées des collèges ou des lycées qui déclarent un ENT se partagent entre {ents}, sans ENT majoritaire : étudiez un ENT mutualisé à l'échelle de l'académie.",
  },
  check(ctx) {
    const byAcademie = new Map<string, Declared[]>();
    ctx.each(ctx.territory.collectivitesAvecEtablissements(), (c) => {
      // Secondary-education collectivités only: communes and EPCI provide écoles' ENT, another market.
      if (!SECONDAIRE.has(c.data.type) || !competences(c.data).some((k) => k === "colleges" || k === "lycees")) return;
      const nom = c.data.ent?.nom;
      if (nom === undefined) return;
      const key = normalize(nom);
      if (key === "") return;
      const list = byAcademie.get(c.data.academie) ?? [];
      list.push({ c, doc: c.doc, nom: nom.trim(), key });
      byAcademie.set(c.data.academie, list);
    });
    for (const [code, declared] of byAcademie) {
      // Groups by ENT, in the order the territory first names them; the first spelling met is the one shown.
      const groups = new Map<string, { nom: string; count: number }>();
      for (const d of declared) {
        const g = groups.get(d.key);
        if (g) g.count++;
        else groups.set(d.key, { nom: d.nom, count: 1 });
      }
      if (groups.size < 2) continue;
      const max = Math.max(...[...groups.values()].map((g) => g.count));
      const top = [...groups.entries()].filter(([, g]) => g.count === max);
      const academie = academieLabel(code);
      const total = declared.length;
      if (top.length === 1) {
        const [majorityKey, majority] = top[0];
        ctx.each(declared.filter((d) => d.key !== majorityKey), (d) => {
          ctx.report({
            on: { doc: d.doc },
            pointer: "/ent/nom",
            messageId: "different",
            data: { collectivite: d.c.data.nom, ent: d.nom, majoritaire: majority.nom, nombre: majority.count, total, academie },
          });
        });
        continue;
      }
      // No ENT is more common than the others: none is the reference, so every collectivité is told.
      const ents = [...groups.values()]
        .sort((a, b) => b.count - a.count || a.nom.localeCompare(b.nom, "fr"))
        .map((g) => `« ${g.nom} » (${g.count})`);
      const liste = ents.length > 1 ? `${ents.slice(0, -1).join(", ")} et ${ents[ents.length - 1]}` : ents.join("");
      ctx.each(declared, (d) => {
        ctx.report({
          on: { doc: d.doc },
          pointer: "/ent/nom",
          messageId: "sansMajorite",
          data: { collectivite: d.c.data.nom, ent: d.nom, ents: liste, total, academie },
        });
      });
    }
  },
});
