// `gouvnum deadlines`: what falls due, as text, as CSV for a spreadsheet, as an iCalendar file read by a real parser (ical.js).
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { cli } from "./cli-helpers.js";
import { ROOT } from "./helpers.js";
import { addDays, conventionEcheance, daysBetween, nextRentree } from "../src/model/echeances.js";

const EXEMPLE = join(ROOT, "examples/academie-exemple");
const DATE = "2026-09-01";

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "gouvnum-echeances-"));
  cpSync(EXEMPLE, dir, { recursive: true });
  return dir;
}

interface Event {
  uid: string;
  start: string;
  summary: string;
  allDay: boolean;
}

function events(ics: string): Event[] {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toString(), summary: e.summary, allDay: e.startDate.isDate };
  });
}

describe("dates", () => {
  it("jours restants, rentrée suivante", () => {
    expect(daysBetween("2026-09-01", "2026-12-31")).toBe(121);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(nextRentree("2026-08-31")).toBe("2026-09-01");
    expect(nextRentree("2026-09-01")).toBe("2027-09-01");
    expect(conventionEcheance({ fin: "2026-12-31", debut: "2023-02-01" } as never, DATE)).toEqual({ fin: "2026-12-31", joursRestants: 121 });
    expect(conventionEcheance({ fin: "2026-08-31" } as never, DATE)).toBeUndefined();
  });
});

describe("gouvnum deadlines", () => {
  it("texte : triées par date, avec l'entité et qui est concerné ; l'alias echeances", async () => {
    const r = await cli(["deadlines", "--date", DATE], { cwd: EXEMPLE });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("31/12/2026  Fin de la convention « conv-dep35-0350033w-2023 »  (dans 121 jours)");
    expect(r.stdout).toMatch(/Réunir l'instance .*\(aujourd'hui\)/);
    expect(r.stdout).toMatch(/concerne : .*\(collectivite:dep-35\)/);
    const dates = [...r.stdout.matchAll(/^(\d\d)\/(\d\d)\/(\d{4})  /gm)].map((m) => `${m[3]}-${m[2]}-${m[1]}`);
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort()).toEqual(dates);
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^\d+ échéances entre le 01\/09\/2026 et le 28\/02\/2027 \(fenêtre de 180 jours\)\.$/);
    const alias = await cli(["echeances", "--date", DATE], { cwd: EXEMPLE });
    expect(alias.stdout).toBe(r.stdout);
    // Within 400 days, the next rentrée (2027-09-01) comes in: devices reaching their renewal age.
    const long = await cli(["deadlines", "--date", DATE, "--within", "400"], { cwd: EXEMPLE });
    expect(long.stdout).toMatch(/01\/09\/2027  \d+ équipements? à renouveler/);
  });

  it("CSV : BOM, « ; », une ligne par échéance, courriel de contact", async () => {
    const r = await cli(["deadlines", "--date", DATE, "-f", "csv"], { cwd: EXEMPLE });
    expect(r.stdout.startsWith("\uFEFFdate;type;entité;échéance;détail;concerne;courriels\r\n")).toBe(true);
    const rows = r.stdout.slice(1).trimEnd().split("\r\n");
    const text = await cli(["deadlines", "--date", DATE], { cwd: EXEMPLE });
    const n = Number(/^(\d+) échéances/m.exec(text.stdout)![1]);
    expect(rows.length).toBe(n + 1);
    const conv = rows.find((l) => l.includes("convention:conv-dep35-0350033w-2023") && l.includes("fin de convention"))!;
    expect(conv.startsWith("2026-12-31;fin de convention;convention:conv-dep35-0350033w-2023;")).toBe(true);
    expect(rows.some((l) => /@/.test(l.split(";").pop() ?? ""))).toBe(true);
  });

  it("iCalendar : lu par ical.js, événements d'un jour, CRLF, lignes pliées ; après une modification, les échéances inchangées gardent leur UID", async () => {
    const dir = copy();
    const r = await cli(["deadlines", "--date", DATE, "-f", "ics", "-o", "echeances.ics"], { cwd: dir });
    expect(r.code).toBe(0);
    const ics = readFileSync(join(dir, "echeances.ics"), "utf8");
    expect(ics.split("\r\n").every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
    const before = events(ics);
    expect(before.length).toBeGreaterThan(2);
    expect(before.every((e) => e.allDay)).toBe(true);
    expect(new Set(before.map((e) => e.uid)).size).toBe(before.length);
    expect(before.find((e) => e.summary === "Fin de la convention « conv-dep35-0350033w-2023 »")?.start).toBe("2026-12-31");
    // Not overwritten without --force.
    expect((await cli(["deadlines", "--date", DATE, "-f", "ics", "-o", "echeances.ics"], { cwd: dir })).code).toBe(2);

    // The convention is extended by an avenant: its event moves, keeps its UID; the others are unchanged.
    const file = join(dir, "conventions/conv-dep35-0350033w-2023.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace('fin: "2026-12-31"', 'fin: "2027-01-29"'));
    const again = await cli(["deadlines", "--date", DATE, "-f", "ics", "-o", "echeances.ics", "--force"], { cwd: dir });
    expect(again.code).toBe(0);
    const after = events(readFileSync(join(dir, "echeances.ics"), "utf8"));
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const moved = before.find((e) => e.start === "2026-12-31")!;
    expect(after.find((e) => e.uid === moved.uid)?.start).toBe("2027-01-29");
    for (const e of before.filter((x) => x.uid !== moved.uid)) expect(after.find((a) => a.uid === e.uid)).toEqual(e);
  });

  it("format inconnu, --within invalide : code 2", async () => {
    expect((await cli(["deadlines", "-f", "pdf"], { cwd: EXEMPLE })).code).toBe(2);
    expect((await cli(["deadlines", "--within", "six-mois"], { cwd: EXEMPLE })).code).toBe(2);
  });
});
