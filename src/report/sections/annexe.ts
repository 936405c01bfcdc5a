// Report section « annexe » (« Pour l'équipe »): the académie's findings, the other findings (reading and structure of
// files), the masked findings, and the rules cited — the technical locations the team needs.
import type { ReportContext } from "../context.js";
import { anchor, byConstat, cmp, norm } from "../text.js";
import type { AcademieVM, RapportVM } from "../vm-types.js";

export function buildAnnexe(ctx: ReportContext): Partial<RapportVM> {
  const academies: AcademieVM[] = [...ctx.t.academies]
    .filter((a) => ctx.scope.refs.has(a.ref) || ctx.placement.academie.has(a.ref))
    .sort((a, b) => cmp(a.id, b.id))
    .map((a) => ({ ref: a.ref, code: a.id, nom: norm(a.data.nom), ancre: anchor("academie", a.id), constats: (ctx.placement.academie.get(a.ref) ?? []).sort(byConstat) }));
  const masques = ctx.suppressed.map(ctx.toVM).sort(byConstat);
  return {
    academies,
    academiesAvecConstats: academies.filter((a) => a.constats.length > 0),
    autresConstats: [...ctx.placement.autres].sort(byConstat),
    masques,
    // Every rule cited by a counted or masked finding (built by ctx.ruleOf as findings were viewed).
    regles: [...ctx.rules.values()].sort((a, b) => cmp(a.groupe, b.groupe) || cmp(a.id, b.id)),
    reglesCompletes: ctx.options.reglesCompletes ?? ctx.got("details").inclus,
  };
}
