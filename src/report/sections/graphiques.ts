// Report charts, built from the view model's data (so that an anonymised view model redraws them): themes, conformity
// by group, maintenance coverage, and the collectivités with most gaps. None draws more than 25 bars; each has its table.
import { SEVERITIES } from "../../core/finding.js";
import { barChart, stackedBarChart } from "../charts.js";
import { label } from "../text.js";
import type { GraphiqueVM, RapportVM } from "../vm-types.js";

const series = () => SEVERITIES.map((s) => ({ cle: s, libelle: label(`severitePluriel.${s}`) }));

function themesChart(vm: Pick<RapportVM, "themes">): GraphiqueVM {
  const titre = label("graphique.themes.titre");
  const shown = vm.themes.filter((th) => th.total > 0);
  const description =
    shown.length === 0
      ? label("graphique.themes.vide")
      : label("graphique.themes.description", {
          details: shown.map((th) => label("graphique.themes.detail", { theme: th.libelle, total: th.total, erreurs: th.erreurs, avertissements: th.avertissements, infos: th.infos })).join(" ; "),
        });
  const id = "graphique-themes";
  const svg = stackedBarChart({ id, titre, description, series: series(), lignes: vm.themes.map((th) => ({ libelle: th.libelle, valeurs: [th.erreurs, th.avertissements, th.infos] })), legende: label("graphique.legende") });
  return { id, titre, description, svg };
}

/** A bar chart of percentages (`graphique.<key>.*` texts: its title, its description listing every bar, or why it is empty). */
function percentChart(key: string, titre: string, rows: Array<{ libelle: string; pourcentage: number | null; pourcentageTexte: string; n: number; d: number; detail: Record<string, string | number> }>, vide: boolean): GraphiqueVM {
  const description = vide
    ? label(`graphique.${key}.vide`)
    : label(`graphique.${key}.description`, { details: rows.map((r) => label(`graphique.${key}.detail`, { ...r.detail, part: r.pourcentageTexte, n: r.n, d: r.d })).join(" ; ") });
  const id = `graphique-${key}`;
  const svg = barChart({ id, titre, description, lignes: rows.map((r) => ({ libelle: r.libelle, pourcentage: r.pourcentage ?? 0, valeurTexte: `${r.pourcentageTexte} (${r.n}/${r.d})` })) });
  return { id, titre, description, svg };
}

function conformityChart(vm: Pick<RapportVM, "conformiteParGroupe">): GraphiqueVM {
  const rows = vm.conformiteParGroupe.lignes.map((r) => ({ libelle: r.nom, pourcentage: r.pourcentage, pourcentageTexte: r.pourcentageTexte, n: r.conformes, d: r.etablissements, detail: { collectivite: r.nom } }));
  return percentChart("conformite", label("graphique.conformite.titre", { groupe: vm.conformiteParGroupe.groupe }), rows, rows.length === 0);
}

function coverageChart(vm: Pick<RapportVM, "maintenance">): GraphiqueVM {
  const rows = vm.maintenance.couverture.map((r) => ({ libelle: r.libelle, pourcentage: r.pourcentage, pourcentageTexte: r.pourcentageTexte, n: r.clairs, d: r.total, detail: { niveau: r.libelle } }));
  return percentChart("maintenance", label("graphique.maintenance.titre"), rows, (vm.maintenance.couverture[0]?.total ?? 0) === 0);
}

function rankingChart(vm: Pick<RapportVM, "classement" | "collectivites">): GraphiqueVM {
  const { premieres } = vm.classement;
  const shown = new Set(premieres.map((p) => p.ref));
  const reste = { erreurs: 0, avertissements: 0, infos: 0, n: 0 };
  for (const c of vm.collectivites) {
    if (shown.has(c.ref)) continue;
    reste.erreurs += c.totaux.erreurs;
    reste.avertissements += c.totaux.avertissements;
    reste.infos += c.totaux.infos;
    reste.n++;
  }
  const lignes = premieres.map((p) => ({ libelle: p.nom, valeurs: [p.constats.erreurs, p.constats.avertissements, p.constats.infos] }));
  const titre = label("graphique.classement.titre", { n: premieres.length });
  const id = "graphique-classement";
  const description =
    premieres.length === 0
      ? label("graphique.classement.vide")
      : label("graphique.classement.description", {
          details: premieres.map((p) => label("graphique.classement.detail", { nom: p.nom, erreurs: p.constats.erreurs, avertissements: p.constats.avertissements })).join(" ; "),
        });
  const svg = premieres.length === 0 ? "" : stackedBarChart({ id, titre, description, series: series(), lignes, legende: label("graphique.legende") });
  return { id, titre, description, svg };
}

/** The charts of a view model, from its data. */
export function buildGraphiques(vm: Pick<RapportVM, "themes" | "conformiteParGroupe" | "maintenance" | "classement" | "collectivites">): RapportVM["graphiques"] {
  return { themes: themesChart(vm), conformite: conformityChart(vm), maintenance: coverageChart(vm), classement: rankingChart(vm) };
}
