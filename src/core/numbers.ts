// Core: French number formats for messages, created on first use (loading the locale data costs about 20 ms,
// which a command that reports no such finding should not pay at start-up).

let entier: Intl.NumberFormat | undefined;
let pourcentage: Intl.NumberFormat | undefined;

/** `12 500` (with the French narrow no-break space). */
export function formatNombre(n: number): string {
  return (entier ??= new Intl.NumberFormat("fr-FR")).format(n);
}

/** `12,5 %` for 0.125. */
export function formatPourcentage(ratio: number): string {
  return (pourcentage ??= new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 })).format(ratio);
}
