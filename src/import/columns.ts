// Import: recognise the annuaire's columns whatever the export calls them (`Code postal`, `Code_postal`, API names in lowercase).

/** A column name reduced to lowercase ASCII words joined by `_`: `Code postal` → `code_postal`, `Identifiant_de_l_établissement` → `identifiant_de_l_etablissement`. */
export function normalizeColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** The fields gouvnum reads, and the names (normalised) they have had in exports and in the API. */
export const FIELD_ALIASES = {
  uai: ["identifiant_de_l_etablissement", "identifiant_etablissement", "uai", "numero_uai", "code_uai"],
  nom: ["nom_etablissement", "nom_de_l_etablissement", "appellation_officielle", "nom"],
  type: ["type_etablissement", "type_d_etablissement", "type_de_l_etablissement"],
  statut: ["statut_public_prive", "secteur_public_prive", "secteur_public_prive_libe", "statut", "secteur"],
  codeCommune: ["code_commune", "code_insee_commune", "code_commune_insee", "code_insee"],
  nomCommune: ["nom_commune", "libelle_commune", "commune"],
  codeDepartement: ["code_departement", "code_du_departement"],
  libelleDepartement: ["libelle_departement", "nom_departement"],
  codeAcademie: ["code_academie"],
  libelleAcademie: ["libelle_academie", "nom_academie"],
  codeRegion: ["code_region"],
  libelleRegion: ["libelle_region", "nom_region"],
  codeNature: ["code_nature", "nature_uai"],
  libelleNature: ["libelle_nature", "nature_uai_libe"],
  etat: ["etat", "etat_etablissement"],
  mere: ["etablissement_mere"],
  rattachement: ["type_rattachement_etablissement_mere"],
  // Version 2: what the annuaire also says of an établissement (docs/format.md, the annuaire keys); every one is optional.
  effectif: ["nombre_d_eleves", "nombre_eleves", "effectif"],
  latitude: ["latitude", "lat"],
  longitude: ["longitude", "lon", "lng"],
  position: ["position", "coordonnees", "geolocalisation"],
  x: ["coordonnee_x", "coordx", "x"],
  y: ["coordonnee_y", "coordy", "y"],
  epsg: ["epsg"],
  courriel: ["mail", "courriel", "adresse_mail", "email"],
  telephone: ["telephone", "tel"],
  educationPrioritaire: ["appartenance_education_prioritaire", "education_prioritaire"],
  circonscriptionNom: ["nom_circonscription", "libelle_circonscription"],
  bassinCode: ["code_bassin_formation", "code_bassin"],
  bassinNom: ["libelle_bassin_formation", "nom_bassin_formation", "libelle_bassin"],
  tutelle: ["ministere_tutelle", "ministere_de_tutelle"],
} as const;

export type Field = keyof typeof FIELD_ALIASES;

/** Where each field is in a header row (index), or -1. */
export type ColumnMap = Record<Field, number>;

export function mapColumns(header: readonly string[]): ColumnMap {
  const normalized = header.map(normalizeColumn);
  const out = {} as ColumnMap;
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as Array<[Field, readonly string[]]>) {
    out[field] = -1;
    for (const a of aliases) {
      const i = normalized.indexOf(a);
      if (i >= 0) {
        out[field] = i;
        break;
      }
    }
  }
  return out;
}

/** Fields without which no row can be used. */
export function missingFields(map: ColumnMap): Field[] {
  const missing: Field[] = [];
  if (map.uai < 0) missing.push("uai");
  if (map.nom < 0) missing.push("nom");
  if (map.type < 0 && map.codeNature < 0) missing.push("type");
  if (map.statut < 0) missing.push("statut");
  return missing;
}

/** A row as named fields (trimmed; "" when the column is absent). */
export type Row = Record<Field, string>;

export function readRow(fields: readonly string[], map: ColumnMap): Row {
  const row = {} as Row;
  for (const f of Object.keys(map) as Field[]) row[f] = map[f] >= 0 ? (fields[map[f]] ?? "").trim() : "";
  return row;
}
