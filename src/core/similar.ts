// Core: "did you mean" suggestions by edit distance.
import { distance } from "fastest-levenshtein";
import { formatMessage } from "./format-message.js";
import { terminalTexts } from "../messages/terminal.js";

/** The closest candidate, or undefined when none is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  const lower = lowered(candidates);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const d = distance(w, lower[i]);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/** Candidates in lower case, computed once per list (a document with thousands of unknown keys asks as often). */
const lowerCache = new WeakMap<readonly string[], string[]>();
function lowered(candidates: readonly string[]): string[] {
  let l = lowerCache.get(candidates);
  if (!l) lowerCache.set(candidates, (l = candidates.map((c) => c.toLowerCase())));
  return l;
}

/** « (vouliez-vous dire « x » ?) » when a candidate is close enough, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = closest(word, candidates);
  return s ? formatMessage(terminalTexts.cli["suggestion.proche"], { s }) : "";
}
