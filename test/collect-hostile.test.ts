// Hostile workbooks (they come back from outside): each is refused with a clear French message, nothing is written,
// in bounded time (20 s per case, measured here on 2 shared cores) and memory (the heaviest run the built binary
// under a 400 MB heap).
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Zip, ZipDeflate, ZipPassThrough, unzipSync, zipSync, strToU8, strFromU8 } from "fflate";
import * as XLSX from "@e965/xlsx";
import { cli } from "./cli-helpers.js";
import { snapshot, territoryCopy } from "./collect-helpers.js";
import { ROOT } from "./helpers.js";

/** Bound on each import (execa's timeout), and on each test with its preparation. */
const T = 20_000;
const PREP = 90_000;
const BIN = join(ROOT, "bin/gouvnum.js");
const DEP = "collecte-dep-35";

async function setup() {
  const t = territoryCopy();
  const r = await cli(["collect", "export", ".", "--out", t.out, "--format", "xlsx", "--scope", "collectivite:dep-35"], { cwd: t.terr });
  expect(r.code).toBe(0);
  const files = ["etablissements", "collectivites", "conventions"].flatMap((d) => readdirSync(join(t.terr, d)).map((f) => `${d}/${f}`));
  return { ...t, xlsx: join(t.out, `${DEP}.xlsx`), before: snapshot(t.terr, files), files };
}

/** Imports `file` in process: refused (exit 1), a French message, nothing written, no stack trace. */
async function refused(s: Awaited<ReturnType<typeof setup>>, file: string, message: RegExp | string) {
  const r = await cli(["collect", "import", file], { cwd: s.terr });
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  if (typeof message === "string") expect(r.stdout).toContain(message);
  else expect(r.stdout).toMatch(message);
  expect(r.stdout).toContain("Aucun fichier YAML modifié");
  expect(r.code).toBe(1);
  expect(snapshot(s.terr, s.files)).toEqual(s.before);
}

/** The exported workbook with one of its parts rewritten. */
function patched(src: string, dst: string, part: string, change: (xml: string) => string) {
  const zip = unzipSync(readFileSync(src));
  zip[part] = strToU8(change(strFromU8(zip[part])));
  writeFileSync(dst, zipSync(zip));
}

/** The exported workbook's hidden sheet edited with SheetJS. */
function metaEdited(src: string, dst: string, cells: Record<string, string>) {
  const wb = XLSX.read(readFileSync(src), { type: "buffer" });
  const ws = wb.Sheets.gouvnum;
  for (const [ref, v] of Object.entries(cells)) ws[ref] = { t: "s", v };
  writeFileSync(dst, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
}

describe("hostile workbooks", () => {
  it("a zip bomb stops at the decompression limit (built binary, 400 MB heap)", async () => {
    const s = await setup();
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, data) => {
      if (err) throw err;
      chunks.push(data);
    });
    for (const [name, data] of Object.entries(unzipSync(readFileSync(s.xlsx)))) {
      const f = new ZipPassThrough(name);
      zip.add(f);
      f.push(data, true);
    }
    const bomb = new ZipDeflate("xl/media/bombe.bin", { level: 1 });
    zip.add(bomb);
    const zeros = new Uint8Array(1 << 20);
    for (let i = 0; i < 160; i++) bomb.push(zeros, i === 159);
    zip.end();
    const file = join(s.dir, "bombe.xlsx");
    writeFileSync(file, Buffer.concat(chunks));
    expect(readFileSync(file).length).toBeLessThan(2_000_000);
    const r = await execa("node", ["--max-old-space-size=400", BIN, "collect", "import", file], { cwd: s.terr, reject: false, timeout: T });
    expect(r.stdout).toContain("le classeur décompressé dépasse 100 Mo");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(1);
    expect(snapshot(s.terr, s.files)).toEqual(s.before);
  }, PREP);

  it("a 100,000-row sheet is refused (built binary, 400 MB heap)", async () => {
    const s = await setup();
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${i}</t></is></c></row>`).join("");
    const file = join(s.dir, "lignes.xlsx");
    patched(s.xlsx, file, "xl/worksheets/sheet2.xml", (x) => x.replace("</sheetData>", rows + "</sheetData>"));
    const r = await execa("node", ["--max-old-space-size=400", BIN, "collect", "import", file], { cwd: s.terr, reject: false, timeout: T });
    expect(r.stdout).toMatch(/la feuille « [^»]+ » a plus de 50000 lignes/);
    expect(r.exitCode).toBe(1);
    expect(snapshot(s.terr, s.files)).toEqual(s.before);
  }, PREP);

  it("an ODS row repeated a million times is refused without being expanded", async () => {
    const s = await setup();
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Rôles"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const file = join(s.dir, "repete.ods");
    writeFileSync(file, zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8(content), "styles.xml": strToU8("<?xml version=\"1.0\"?><office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>") }));
    const r = await execa("node", ["--max-old-space-size=400", BIN, "collect", "import", file], { cwd: s.terr, reject: false, timeout: T });
    expect(r.stdout).toContain("la feuille « Rôles » a plus de 50000 lignes");
    expect(r.exitCode).toBe(1);
  }, T);

  it("an XML external entity is refused before any parser sees it", async () => {
    const s = await setup();
    const file = join(s.dir, "xxe.xlsx");
    patched(s.xlsx, file, "xl/worksheets/sheet2.xml", (x) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace("Romain Lefeuvre", "&e;"));
    await refused(s, file, "déclaration d'entité XML (« <!DOCTYPE » / « <!ENTITY ») dans xl/worksheets/sheet2.xml");
  }, T);

  it("a password-protected workbook (XLSX or ODS) is recognised as such", async () => {
    const s = await setup();
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from("EncryptionInfo", "utf16le")), 1024);
    const file = join(s.dir, "chiffre.xlsx");
    writeFileSync(file, ole);
    await refused(s, file, "le classeur est protégé par un mot de passe");
    const ods = join(s.dir, "chiffre.ods");
    writeFileSync(
      ods,
      zipSync({
        mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
        "META-INF/manifest.xml": strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>'),
        "content.xml": new Uint8Array([1, 2, 3, 4]),
      }),
    );
    await refused(s, ods, "le classeur est protégé par un mot de passe");
  }, T);

  it("a corrupted or foreign file is refused", async () => {
    const s = await setup();
    const bytes = readFileSync(s.xlsx);
    const cut = join(s.dir, "coupe.xlsx");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refused(s, cut, /le classeur est endommagé|ne vient pas de « gouvnum collect export »/);
    const garbage = join(s.dir, "photo.xlsx");
    writeFileSync(garbage, new Uint8Array(2000).map((_, i) => (i * 7919) % 251));
    await refused(s, garbage, "ce n'est ni un classeur ODS ni un classeur XLSX");
    const missing = join(s.dir, "absent.ods");
    await refused(s, missing, "impossible de lire le fichier");
  }, T);

  it("a workbook of another territory, another académie or without its record is refused", async () => {
    const s = await setup();
    const other = join(s.dir, "autre.xlsx");
    metaEdited(s.xlsx, other, { B4: "collectivite:dep-29" });
    await refused(s, other, "ce classeur concerne collectivite:dep-29, que ce territoire ne décrit pas");
    const academie = join(s.dir, "academie.xlsx");
    metaEdited(s.xlsx, academie, { B3: "17" });
    await refused(s, academie, "exporté pour l'académie 17");
    const wb = XLSX.read(readFileSync(s.xlsx), { type: "buffer" });
    wb.SheetNames = wb.SheetNames.filter((n) => n !== "gouvnum");
    const none = join(s.dir, "sans.xlsx");
    writeFileSync(none, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
    await refused(s, none, "la feuille cachée « gouvnum » manque");
  }, T);

  it("a row pasted from another export is refused", async () => {
    const s = await setup();
    const wb = XLSX.read(readFileSync(s.xlsx), { type: "buffer" });
    wb.Sheets["Rôles"]["A2"] = { t: "s", v: "0350011X" };
    const file = join(s.dir, "colle.xlsx");
    writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
    await refused(s, file, "la feuille « Rôles », ligne 2, désigne « etablissement:0350011X », qui n'a pas été exportée dans ce classeur");
  }, T);
});
