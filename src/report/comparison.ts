// Report: how a comparison (`--compare`) reads in French, shared by the text, Markdown and report outputs.
import type { Comparison } from "../audit/compare.js";
import { formatMessage } from "../core/format-message.js";
import { formatNombre } from "../core/numbers.js";
import { catalogue } from "../messages/index.js";

function count(n: number, key: string): string {
  return formatMessage(catalogue.cli[`compare.${key}.${n <= 1 ? "un" : "plusieurs"}`], { n: formatNombre(n) });
}

/** « 12 corrigés, 3 nouveaux, 140 inchangés depuis HEAD~1 (2026-06-15) »; persisting findings whose data changed are among the « inchangés », and said. */
export function comparisonLine(c: Comparison): string {
  const k = c.counts;
  const data = {
    corriges: count(k.fixed, "corrige"),
    nouveaux: count(k.new, "nouveau"),
    inchanges: count(k.unchanged + k.updated, "inchange"),
    modifies: count(k.updated, "modifie"),
    ref: c.previous.ref,
    date: c.previous.date,
  };
  return formatMessage(catalogue.cli[k.updated > 0 ? "compare.resume.modifies" : "compare.resume"], data);
}
