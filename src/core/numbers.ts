// Core: French number formats for messages, created on first use (loading the locale data costs about 20 ms,
// which a command that reports no such finding should not pay at start-up).

let entier: Intl.NumberFormat | undefined;
let pourcentage: Intl.NumberFormat | undefined;

/** Formatted numbers, remembered: the same few values (débits, counts) come back in thousands of messages. */
const seen = new Map<number, string>();

/** `12 500` (with the French narrow no-break space). */
export function formatNombre(n: number): string {
  let s = seen.get(n);
  if (s === undefined) {
    s = (entier ??= new Intl.NumberFormat("fr-FR")).format(n);
    if (seen.size < 10_000) seen.set(n, s);
  }
  return s;
}

/** `12,5 %` for 0.125. */
export function formatPourcentage(ratio: number): string {
  return (pourcentage ??= new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 })).format(ratio);
}
