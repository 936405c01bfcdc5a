#!/usr/bin/env node
// Bench: deterministic generator of realistic territories (one académie, or the whole country).
//
//   node bench/corpus.mjs --scale academie|national --seed N --out DIR [--force]
//
// Same seed → same bytes (mulberry32, no clock, no locale, no Math.random). The documents are
// schema-valid and every reference resolves; the gaps that the audit rules report (vacant roles,
// unsigned or expired conventions, `a_definir` maintenance, old equipment…) appear at realistic
// rates. Hand-written YAML strings: no dependency. A `.corpus.json` manifest in DIR records the
// scale, the seed, a hash of this generator and the SHA-256 of everything written, so that the
// benchmark can reuse a corpus that is already there.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const AUDIT_DATE = "2026-09-01";
const AUDIT_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Reference data: académies, régions, départements (INSEE codes, approximate population in
// thousands and number of communes), prefectures.

/** The 30 académies: code, name, slug (ac-<slug>.fr), main ENT. */
const ACADEMIES = [
  ["01", "Paris", "paris", "PCN (Paris Classe Numérique)"],
  ["02", "Aix-Marseille", "aix-marseille", "Atrium"],
  ["03", "Besançon", "besancon", "Eclat-BFC"],
  ["04", "Bordeaux", "bordeaux", "Lycée connecté"],
  ["06", "Clermont-Ferrand", "clermont", "ENT Auvergne-Rhône-Alpes"],
  ["07", "Dijon", "dijon", "Eclat-BFC"],
  ["08", "Grenoble", "grenoble", "ENT Auvergne-Rhône-Alpes"],
  ["09", "Lille", "lille", "ENT Hauts-de-France"],
  ["10", "Lyon", "lyon", "ENT Auvergne-Rhône-Alpes"],
  ["11", "Montpellier", "montpellier", "ENT Occitanie"],
  ["12", "Nancy-Metz", "nancy-metz", "MonBureauNumérique"],
  ["13", "Poitiers", "poitiers", "Lycée connecté"],
  ["14", "Rennes", "rennes", "Toutatice"],
  ["15", "Strasbourg", "strasbourg", "MonBureauNumérique"],
  ["16", "Toulouse", "toulouse", "ENT Occitanie"],
  ["17", "Nantes", "nantes", "e-lyco"],
  ["18", "Orléans-Tours", "orleans-tours", "NetO'Centre"],
  ["19", "Reims", "reims", "MonBureauNumérique"],
  ["20", "Amiens", "amiens", "ENT Hauts-de-France"],
  ["22", "Limoges", "limoges", "Lycée connecté"],
  ["23", "Nice", "nice", "Atrium"],
  ["24", "Créteil", "creteil", "MonLycée.net"],
  ["25", "Versailles", "versailles", "MonLycée.net"],
  ["27", "Corse", "corse", "Leia"],
  ["28", "La Réunion", "reunion", "Mon ENT Réunion"],
  ["31", "Martinique", "martinique", "ENT Martinique"],
  ["32", "Guadeloupe", "guadeloupe", "ENT Guadeloupe"],
  ["33", "Guyane", "guyane", "ENT Guyane"],
  ["43", "Mayotte", "mayotte", "ENT Mayotte"],
  ["70", "Normandie", "normandie", "l'Educ de Normandie"],
];

/** The 18 régions: INSEE code, name, slug, académie of the chef-lieu (where its file lives). */
const REGIONS = [
  ["84", "Auvergne-Rhône-Alpes", "auvergne-rhone-alpes", "10"],
  ["27", "Bourgogne-Franche-Comté", "bourgogne-franche-comte", "07"],
  ["53", "Bretagne", "bretagne", "14"],
  ["24", "Centre-Val de Loire", "centre-val-de-loire", "18"],
  ["94", "Corse", "corse", "27"],
  ["44", "Grand Est", "grand-est", "15"],
  ["32", "Hauts-de-France", "hauts-de-france", "09"],
  ["11", "Île-de-France", "ile-de-france", "01"],
  ["28", "Normandie", "normandie", "70"],
  ["75", "Nouvelle-Aquitaine", "nouvelle-aquitaine", "04"],
  ["76", "Occitanie", "occitanie", "16"],
  ["52", "Pays de la Loire", "pays-de-la-loire", "17"],
  ["93", "Provence-Alpes-Côte d'Azur", "provence-alpes-cote-d-azur", "02"],
  ["01", "Guadeloupe", "guadeloupe", "32"],
  ["02", "Martinique", "martinique", "31"],
  ["03", "Guyane", "guyane", "33"],
  ["04", "La Réunion", "la-reunion", "28"],
  ["06", "Mayotte", "mayotte", "43"],
];

/** The 101 départements: code, "de …" form, académie, région, population (thousands), communes, prefecture. */
const DEPARTEMENTS = [
  ["01", "de l'Ain", "10", "84", 660, 392, "Bourg-en-Bresse"],
  ["02", "de l'Aisne", "20", "32", 530, 798, "Laon"],
  ["03", "de l'Allier", "06", "84", 335, 317, "Moulins"],
  ["04", "des Alpes-de-Haute-Provence", "02", "93", 165, 198, "Digne-les-Bains"],
  ["05", "des Hautes-Alpes", "02", "93", 141, 162, "Gap"],
  ["06", "des Alpes-Maritimes", "23", "93", 1100, 163, "Nice"],
  ["07", "de l'Ardèche", "08", "84", 330, 335, "Privas"],
  ["08", "des Ardennes", "19", "44", 270, 449, "Charleville-Mézières"],
  ["09", "de l'Ariège", "16", "76", 155, 326, "Foix"],
  ["10", "de l'Aube", "19", "44", 310, 431, "Troyes"],
  ["11", "de l'Aude", "11", "76", 375, 433, "Carcassonne"],
  ["12", "de l'Aveyron", "16", "76", 280, 285, "Rodez"],
  ["13", "des Bouches-du-Rhône", "02", "93", 2050, 119, "Marseille"],
  ["14", "du Calvados", "70", "28", 700, 528, "Caen"],
  ["15", "du Cantal", "06", "84", 145, 246, "Aurillac"],
  ["16", "de la Charente", "13", "75", 350, 364, "Angoulême"],
  ["17", "de la Charente-Maritime", "13", "75", 660, 463, "La Rochelle"],
  ["18", "du Cher", "18", "24", 300, 287, "Bourges"],
  ["19", "de la Corrèze", "22", "75", 240, 279, "Tulle"],
  ["2A", "de la Corse-du-Sud", "27", "94", 160, 124, "Ajaccio"],
  ["2B", "de la Haute-Corse", "27", "94", 185, 236, "Bastia"],
  ["21", "de la Côte-d'Or", "07", "27", 535, 698, "Dijon"],
  ["22", "des Côtes-d'Armor", "14", "53", 600, 348, "Saint-Brieuc"],
  ["23", "de la Creuse", "22", "75", 115, 256, "Guéret"],
  ["24", "de la Dordogne", "04", "75", 415, 503, "Périgueux"],
  ["25", "du Doubs", "03", "27", 545, 571, "Besançon"],
  ["26", "de la Drôme", "08", "84", 520, 363, "Valence"],
  ["27", "de l'Eure", "70", "28", 600, 585, "Évreux"],
  ["28", "d'Eure-et-Loir", "18", "24", 430, 365, "Chartres"],
  ["29", "du Finistère", "14", "53", 920, 277, "Quimper"],
  ["30", "du Gard", "11", "76", 750, 351, "Nîmes"],
  ["31", "de la Haute-Garonne", "16", "76", 1430, 586, "Toulouse"],
  ["32", "du Gers", "16", "76", 190, 461, "Auch"],
  ["33", "de la Gironde", "04", "75", 1650, 535, "Bordeaux"],
  ["34", "de l'Hérault", "11", "76", 1200, 342, "Montpellier"],
  ["35", "d'Ille-et-Vilaine", "14", "53", 1100, 333, "Rennes"],
  ["36", "de l'Indre", "18", "24", 220, 241, "Châteauroux"],
  ["37", "d'Indre-et-Loire", "18", "24", 610, 272, "Tours"],
  ["38", "de l'Isère", "08", "84", 1280, 512, "Grenoble"],
  ["39", "du Jura", "03", "27", 260, 494, "Lons-le-Saunier"],
  ["40", "des Landes", "04", "75", 420, 327, "Mont-de-Marsan"],
  ["41", "de Loir-et-Cher", "18", "24", 330, 267, "Blois"],
  ["42", "de la Loire", "10", "84", 765, 323, "Saint-Étienne"],
  ["43", "de la Haute-Loire", "06", "84", 228, 257, "Le Puy-en-Velay"],
  ["44", "de la Loire-Atlantique", "17", "52", 1450, 207, "Nantes"],
  ["45", "du Loiret", "18", "24", 680, 325, "Orléans"],
  ["46", "du Lot", "16", "76", 175, 313, "Cahors"],
  ["47", "de Lot-et-Garonne", "04", "75", 330, 319, "Agen"],
  ["48", "de la Lozère", "11", "76", 76, 152, "Mende"],
  ["49", "de Maine-et-Loire", "17", "52", 820, 177, "Angers"],
  ["50", "de la Manche", "70", "28", 495, 446, "Saint-Lô"],
  ["51", "de la Marne", "19", "44", 565, 613, "Châlons-en-Champagne"],
  ["52", "de la Haute-Marne", "19", "44", 170, 426, "Chaumont"],
  ["53", "de la Mayenne", "17", "52", 307, 240, "Laval"],
  ["54", "de Meurthe-et-Moselle", "12", "44", 735, 591, "Nancy"],
  ["55", "de la Meuse", "12", "44", 183, 499, "Bar-le-Duc"],
  ["56", "du Morbihan", "14", "53", 760, 249, "Vannes"],
  ["57", "de la Moselle", "12", "44", 1045, 725, "Metz"],
  ["58", "de la Nièvre", "07", "27", 200, 309, "Nevers"],
  ["59", "du Nord", "09", "32", 2610, 648, "Lille"],
  ["60", "de l'Oise", "20", "32", 830, 679, "Beauvais"],
  ["61", "de l'Orne", "70", "28", 280, 385, "Alençon"],
  ["62", "du Pas-de-Calais", "09", "32", 1460, 890, "Arras"],
  ["63", "du Puy-de-Dôme", "06", "84", 665, 464, "Clermont-Ferrand"],
  ["64", "des Pyrénées-Atlantiques", "04", "75", 690, 546, "Pau"],
  ["65", "des Hautes-Pyrénées", "16", "76", 230, 469, "Tarbes"],
  ["66", "des Pyrénées-Orientales", "11", "76", 480, 226, "Perpignan"],
  ["67", "du Bas-Rhin", "15", "44", 1150, 514, "Strasbourg"],
  ["68", "du Haut-Rhin", "15", "44", 770, 366, "Colmar"],
  ["69", "du Rhône", "10", "84", 1900, 267, "Lyon"],
  ["70", "de la Haute-Saône", "03", "27", 235, 539, "Vesoul"],
  ["71", "de Saône-et-Loire", "07", "27", 550, 565, "Mâcon"],
  ["72", "de la Sarthe", "17", "52", 565, 354, "Le Mans"],
  ["73", "de la Savoie", "08", "84", 440, 273, "Chambéry"],
  ["74", "de la Haute-Savoie", "08", "84", 840, 279, "Annecy"],
  ["75", "de Paris", "01", "11", 2100, 1, "Paris"],
  ["76", "de la Seine-Maritime", "70", "28", 1255, 708, "Rouen"],
  ["77", "de Seine-et-Marne", "24", "11", 1420, 507, "Melun"],
  ["78", "des Yvelines", "25", "11", 1450, 259, "Versailles"],
  ["79", "des Deux-Sèvres", "13", "75", 375, 256, "Niort"],
  ["80", "de la Somme", "20", "32", 570, 772, "Amiens"],
  ["81", "du Tarn", "16", "76", 390, 314, "Albi"],
  ["82", "de Tarn-et-Garonne", "16", "76", 260, 195, "Montauban"],
  ["83", "du Var", "23", "93", 1090, 153, "Toulon"],
  ["84", "de Vaucluse", "02", "93", 565, 151, "Avignon"],
  ["85", "de la Vendée", "17", "52", 690, 255, "La Roche-sur-Yon"],
  ["86", "de la Vienne", "13", "75", 440, 266, "Poitiers"],
  ["87", "de la Haute-Vienne", "22", "75", 370, 195, "Limoges"],
  ["88", "des Vosges", "12", "44", 360, 507, "Épinal"],
  ["89", "de l'Yonne", "07", "27", 335, 423, "Auxerre"],
  ["90", "du Territoire de Belfort", "03", "27", 140, 101, "Belfort"],
  ["91", "de l'Essonne", "25", "11", 1300, 194, "Évry-Courcouronnes"],
  ["92", "des Hauts-de-Seine", "25", "11", 1625, 36, "Nanterre"],
  ["93", "de la Seine-Saint-Denis", "24", "11", 1660, 40, "Bobigny"],
  ["94", "du Val-de-Marne", "24", "11", 1410, 47, "Créteil"],
  ["95", "du Val-d'Oise", "25", "11", 1250, 184, "Cergy"],
  ["971", "de la Guadeloupe", "32", "01", 380, 32, "Basse-Terre"],
  ["972", "de la Martinique", "31", "02", 355, 34, "Fort-de-France"],
  ["973", "de la Guyane", "33", "03", 290, 22, "Cayenne"],
  ["974", "de La Réunion", "28", "04", 870, 24, "Saint-Denis"],
  ["976", "de Mayotte", "43", "06", 300, 17, "Mamoudzou"],
];

/** Sizes of each scale. `national` spreads its counts over the départements by population. */
const SCALES = {
  academie: { academies: ["14"], ecoles: 2200, colleges: 320, lycees: 100, lp: 56, erea: 4 },
  national: { academies: ACADEMIES.map((a) => a[0]), ecoles: 40000, colleges: 6500, lycees: 2450, lp: 1500, erea: 80 },
};

// ---------------------------------------------------------------------------------------------
// Names.

const PRENOMS_F = ["Marie", "Nathalie", "Isabelle", "Sophie", "Catherine", "Sandrine", "Céline", "Valérie", "Christine", "Anne", "Stéphanie", "Laurence", "Émilie", "Julie", "Claire", "Aurélie", "Camille", "Hélène", "Nolwenn", "Maëlle", "Sarah", "Fatima", "Leïla", "Agnès", "Virginie", "Delphine", "Élodie", "Karine", "Mélanie", "Pauline", "Lucie", "Amandine", "Solène", "Inès", "Manon", "Chloé", "Françoise", "Martine", "Sylvie", "Véronique"];
const PRENOMS_M = ["Jean", "Philippe", "Pierre", "Nicolas", "Christophe", "Stéphane", "Laurent", "Frédéric", "David", "Olivier", "Sébastien", "Julien", "Thomas", "Yann", "Erwan", "Karim", "Mehdi", "Thierry", "Patrick", "Éric", "François", "Guillaume", "Mathieu", "Romain", "Antoine", "Vincent", "Benoît", "Jérôme", "Fabrice", "Hugo", "Maxime", "Alexandre", "Loïc", "Gaël", "Bruno", "Didier", "Alain", "Michel", "Rachid", "Samuel"];
const NOMS = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Le Gall", "Le Goff", "Le Bihan", "Guillou", "Tanguy", "Le Floch", "Jégou", "Cadiou", "Kerhervé", "Le Corre", "Benali", "Haddad", "Ferreira", "Da Silva", "Nguyen", "Schmitt", "Weber", "Meyer", "Etcheverry", "Santoni", "Casanova", "Albertini", "Payet", "Hoarau", "Grondin", "Jean-Baptiste", "Ahamada", "Madi", "Caron", "Lemaire"];
const PERSONNALITES = ["Jules Ferry", "Jean Moulin", "Victor Hugo", "Jean Jaurès", "Louis Pasteur", "Jacques Prévert", "Marie Curie", "Jean de La Fontaine", "Paul Langevin", "Pierre et Marie Curie", "Anatole France", "Jean Macé", "Paul Bert", "Condorcet", "Albert Camus", "Simone Veil", "Louise Michel", "Charles Perrault", "Antoine de Saint-Exupéry", "Jules Verne", "George Sand", "Colette", "Marcel Pagnol", "Jean Zay", "Lucie Aubrac", "Pablo Picasso", "Robert Desnos", "Paul Éluard", "Molière", "Voltaire", "Montesquieu", "Rosa Parks", "Nelson Mandela", "Olympe de Gouges", "Germaine Tillion", "Claude Monet", "Henri Matisse", "Camille Claudel", "Frédéric Mistral", "Émile Zola", "Alphonse Daudet", "Jean Monnet", "Joliot-Curie", "Lavoisier", "René Descartes", "Blaise Pascal", "Chateaubriand", "Jean Rostand", "Irène Joliot-Curie", "Gustave Eiffel", "Jean Mermoz", "Aristide Briand", "Pierre Mendès France", "Léon Blum", "Joséphine Baker", "Gisèle Halimi", "Aimé Césaire", "Marie de Gournay", "Françoise Dolto", "Hubert Curien"];
const LIEUX_ECOLE = ["Les Tilleuls", "Les Châtaigniers", "Le Petit Prince", "Les Marronniers", "Les Lilas", "Le Bourg", "Les Écureuils", "Les Hirondelles", "Arc-en-Ciel", "Les Coquelicots", "La Roseraie", "Les Peupliers", "Le Moulin", "La Source", "Les Prés", "Le Centre", "Les Érables", "Les Cerisiers", "La Colline", "Les Genêts"];
const SAINTS = ["Sainte-Marie", "Saint-Joseph", "Notre-Dame", "Sainte-Thérèse", "Saint-Michel", "Jeanne d'Arc", "La Salle", "Saint-François", "Immaculée Conception", "Sacré-Cœur", "Saint-Louis", "Sainte-Anne", "Saint-Vincent", "Sainte-Jeanne d'Arc"];
const RADICAUX = ["Mont", "Bourg", "Val", "Roche", "Champ", "Pont", "Plou", "Ker", "Tré", "Lan", "Beau", "Font", "Mar", "Aube", "Vic", "Cour", "Ros", "Mor", "Guer", "Pen", "Loc", "Ber", "Sav", "Bre", "Gen", "Lor", "Roc", "Fleur", "Haut", "Lis", "Tour", "Char", "Brie", "Cler", "Cham", "Aur", "Vern", "Sauv", "Mons", "Bel"];
const FINALES = ["ville", "court", "mont", "val", "ac", "ay", "ieu", "ange", "ières", "euil", "igny", "on", "an", "ec", "el", "ern", "oux", "ès", "ois", "ans", "in", "eau", "erre", "ignac", "agne", "elle", "y", "azac", "oles", "ennes"];
const MOTS = ["Saint-Martin", "Saint-Pierre", "Saint-Jean", "Saint-Germain", "Sainte-Marie", "Saint-Laurent", "Saint-Étienne", "Saint-Julien", "Saint-Georges", "Saint-Denis", "Sainte-Croix", "Saint-Hilaire", "Saint-Aubin", "Saint-Rémy", "Sainte-Colombe", "La Chapelle", "Le Mesnil", "Les Essarts", "La Ferté", "Le Plessis", "Villeneuve", "Neuville", "Bonneville", "Fontaine", "Châteauneuf", "Beaumont", "Montigny", "Belleville", "Villiers", "Chaumont", "Rochefort", "Mont", "Vaux", "Bois", "Marcilly", "Cravant", "Fresnes", "Longueville"];
const COMPLEMENTS = ["sur-Loire", "sur-Seine", "sur-Marne", "sur-Mer", "en-Bresse", "les-Bains", "le-Château", "la-Forêt", "le-Vieux", "sur-Rance", "en-Vexin", "des-Champs", "du-Lac", "sur-Garonne", "en-Provence", "le-Grand", "le-Petit", "sur-Oise", "d'Azergues", "sous-Bois", "de-Bretagne", "en-Auge", "sur-Aube", "le-Haut", "des-Prés", "sur-Sarthe", "en-Champagne", "d'Oingt", "la-Rivière", "aux-Bois"];
const PRESTATAIRES = ["Armor Numérique Services", "Alpes Informatique Scolaire", "Numérique et Territoires", "Sud Réseaux Éducation", "Atlantique Maintenance Informatique", "Infogérance du Centre", "Nord Éduc Services", "Occitanie Systèmes", "Est Numérique Maintenance", "Île-de-France Éducation Services", "Océan Indien Informatique", "Antilles Numérique"];
const DISCIPLINES_F = ["professeure de technologie", "professeure de mathématiques", "professeure documentaliste", "professeure de SVT", "professeure de physique-chimie", "professeure d'histoire-géographie", "professeure de lettres", "professeure d'anglais"];
const DISCIPLINES_M = ["professeur de technologie", "professeur de mathématiques", "professeur documentaliste", "professeur de SVT", "professeur de physique-chimie", "professeur d'histoire-géographie", "professeur de STI2D", "professeur d'éducation musicale"];

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed >>> 0);
  }
  /** A child generator: the same key always gives the same stream, whatever was drawn before. */
  fork(key) {
    let h = 2166136261;
    const s = `${key}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return new Rng((h ^ Math.floor(this.base * 4294967296)) >>> 0);
  }
  get base() {
    if (this._base === undefined) this._base = this.next();
    return this._base;
  }
  chance(p) {
    return this.next() < p;
  }
  int(a, b) {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** Pareto-like weight: many small values, a few large ones. */
  pareto(alpha) {
    return Math.pow(1 / (1 - this.next() * 0.999999), 1 / alpha);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML helpers.

const PLAIN = /^[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-zÀ-ÖØ-öø-ÿŒœ0-9 '’.()-]*[A-Za-zÀ-ÖØ-öø-ÿŒœ0-9.)]$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
/** A scalar that is safe in block and flow context: plain when it can be, else double-quoted. */
function q(s) {
  return PLAIN.test(s) && !RESERVED.test(s) && !s.includes("  ") ? s : JSON.stringify(s);
}
const qs = (s) => `"${s}"`;
const pad = (n, w = 2) => String(n).padStart(w, "0");
const day = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
function ascii(s) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/Œ/g, "OE");
}
function slug(s) {
  return ascii(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** The first four digits of a landline number in a département. */
function phonePrefix(dep) {
  const dom = { "971": "05 90", "972": "05 96", "973": "05 94", "974": "02 62", "976": "02 69" }[dep];
  if (dom) return dom;
  const n = dep === "2A" || dep === "2B" ? 20 : Number(dep);
  const zone = [75, 77, 78, 91, 92, 93, 94, 95].includes(n) ? 1 : [14, 18, 22, 27, 28, 29, 35, 36, 37, 41, 44, 45, 49, 50, 53, 56, 61, 72, 76, 85].includes(n) ? 2 : [2, 8, 10, 21, 25, 39, 51, 52, 54, 55, 57, 58, 59, 60, 62, 67, 68, 70, 71, 80, 88, 89, 90].includes(n) ? 3 : [9, 11, 12, 16, 17, 19, 23, 24, 31, 32, 33, 40, 46, 47, 64, 65, 79, 81, 82, 86, 87].includes(n) ? 5 : 4;
  return `0${zone} ${pad((n * 7) % 90 + 10)}`;
}

const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
/** The 3-digit UAI prefix of a département: 035, 620 (2A), 720 (2B), 974. */
function uaiPrefix(dep) {
  if (dep === "2A") return "620";
  if (dep === "2B") return "720";
  return dep.length === 3 ? dep : "0" + dep;
}
function uai(prefix, seq) {
  const digits = prefix + pad(seq, 4);
  return digits + UAI_LETTERS[Number(digits) % 23];
}

// ---------------------------------------------------------------------------------------------
// The territory model, built before any YAML is written.

function personne(r) {
  const f = r.chance(0.55);
  return { f, prenom: r.pick(f ? PRENOMS_F : PRENOMS_M), nom: r.pick(NOMS) };
}
const fullName = (p) => `${p.prenom} ${p.nom}`;
const mailName = (p) => slug(p.prenom).replace(/-/g, "") + "." + slug(p.nom);

function communeName(r, used) {
  const stem = () => r.pick(RADICAUX) + r.pick(FINALES);
  for (let i = 0; i < 30; i++) {
    const k = r.next();
    let name;
    if (k < 0.42) name = stem();
    else if (k < 0.62) name = `${r.pick(MOTS)}-${r.pick(COMPLEMENTS)}`;
    else if (k < 0.77) name = `${stem()}-${r.pick(COMPLEMENTS)}`;
    else if (k < 0.87) name = `${r.pick(["Saint-", "Sainte-", "Le ", "La ", "Les "])}${stem()}`;
    else if (k < 0.95) name = `${r.pick(MOTS)}-${stem()}`;
    else name = `${stem()}-et-${stem()}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${stem()}-${r.pick(COMPLEMENTS)}-${used.size}`;
  used.add(name);
  return name;
}

/** Largest-remainder apportionment of `total` over `weights`. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length][1]]++;
  return out;
}

/** Picks an index with probability proportional to `cum` (cumulative weights). */
function weighted(r, cum) {
  const x = r.next() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
const cumulate = (ws) => {
  let s = 0;
  return ws.map((w) => (s += w));
};

/** Builds the whole territory (plain objects), then the files. */
function buildTerritory(scaleName, seed) {
  const scale = SCALES[scaleName];
  const root = new Rng(seed);
  const academies = ACADEMIES.filter((a) => scale.academies.includes(a[0]));
  const deps = DEPARTEMENTS.filter((d) => scale.academies.includes(d[2]));
  const regionCodes = new Set(deps.map((d) => d[3]));
  const regions = REGIONS.filter((g) => regionCodes.has(g[0]));

  // Counts per département: écoles lean towards rural départements (many communes), EPLE follow population.
  const popW = deps.map((d) => d[4]);
  const mixW = deps.map((d) => 0.7 * d[4] / 1000 + 0.3 * d[5] / 350);
  const ecoles = apportion(scale.ecoles, mixW);
  const colleges = apportion(scale.colleges, deps.map((d, i) => 0.85 * popW[i] + 0.15 * d[5]));
  const lycees = apportion(scale.lycees, popW);
  const lps = apportion(scale.lp, popW);
  const ereas = apportion(scale.erea, popW);

  const T = { scale: scaleName, seed, academies: [], regions: [], deps: [], communes: [], etabs: [], conventions: [] };
  const regionById = new Map();
  for (const [code, nom, sl, acad] of regions) {
    const reg = { code, nom, id: `region-${sl}`, acad, deps: [], type: "region", domaine: `${sl}.fr`, hasEtabs: true, size: 99 };
    T.regions.push(reg);
    regionById.set(code, reg);
  }

  const usedNames = new Set();
  deps.forEach((d, di) => {
    const [code, de, acad, regCode, , nCommunes, prefecture] = d;
    const r = root.fork(`dep:${code}`);
    const dep = { code, de, acad, region: regionById.get(regCode), id: `dep-${code.toLowerCase()}`, communes: [], etabs: [], circos: [], type: "departement", nom: `Département ${de}`, domaine: `departement${code.toLowerCase()}.fr`, hasEtabs: true, size: 99 };
    dep.region.deps.push(dep);
    T.deps.push(dep);
    // Commune codes: distinct numbers, sorted (INSEE codes follow the alphabetical order).
    const dom = code.length === 3;
    const maxCode = dom ? 99 : 999;
    const span = Math.min(maxCode, Math.max(nCommunes, Math.floor(nCommunes * 1.12)));
    const taken = new Set();
    while (taken.size < nCommunes) taken.add(r.int(1, span));
    const codes = [...taken].sort((a, b) => a - b);
    const prefIndex = r.int(0, codes.length - 1);
    codes.forEach((n, i) => {
      const insee = dom ? code + pad(n, 2) : code + pad(n, 3);
      const name = i === prefIndex ? prefecture : communeName(r, usedNames);
      const weight = i === prefIndex ? 0 : Math.min(80, r.pareto(1.2));
      dep.communes.push({ insee, code: insee, nom: name, id: `commune-${insee.toLowerCase()}`, type: "commune", acad, domaine: `mairie-${slug(name)}.fr`, dep, weight, etabs: [], ecoles: 0 });
    });
    dep.communes[prefIndex].weight = 120;
    T.communes.push(...dep.communes);

    // UAIs: distinct 4-digit sequences after the département prefix.
    const usedSeq = new Set();
    const nextUai = () => {
      for (;;) {
        const s = r.int(1, 9999);
        if (!usedSeq.has(s)) {
          usedSeq.add(s);
          return uai(uaiPrefix(code), s);
        }
      }
    };

    // Écoles: about two communes in three have at least one; the rest follows the size.
    const E = ecoles[di];
    const n = dep.communes.length;
    const p1 = n === 1 ? 0 : Math.min(0.66, (0.7 * E) / n);
    let placed = 0;
    for (const c of dep.communes) if (placed < E && r.chance(p1)) (c.ecoles = 1), placed++;
    const cum = cumulate(dep.communes.map((c) => c.weight));
    while (placed < E) (dep.communes[weighted(r, cum)].ecoles++, placed++);
    const cumEple = cumulate(dep.communes.map((c) => Math.pow(c.weight, 1.3)));
    const addEtab = (type, commune) => {
      const e = { uai: nextUai(), type, commune, dep, acad };
      commune.etabs.push(e);
      dep.etabs.push(e);
      T.etabs.push(e);
      return e;
    };
    for (const c of dep.communes) for (let k = 0; k < c.ecoles; k++) addEtab("ecole", c);
    for (let k = 0; k < colleges[di]; k++) addEtab("college", dep.communes[weighted(r, cumEple)]);
    for (let k = 0; k < lycees[di]; k++) addEtab("lycee", dep.communes[weighted(r, cumEple)]);
    for (let k = 0; k < lps[di]; k++) addEtab("lycee_professionnel", dep.communes[weighted(r, cumEple)]);
    for (let k = 0; k < ereas[di]; k++) addEtab("erea", dep.communes[weighted(r, cumEple)]);

    // Circonscriptions: about 40 écoles each, contiguous in commune-code order.
    const ecolesDep = dep.etabs.filter((e) => e.type === "ecole");
    const nCirco = Math.max(1, Math.round(ecolesDep.length / 40));
    for (let k = 0; k < nCirco; k++) {
      const first = ecolesDep[Math.floor((k * ecolesDep.length) / nCirco)];
      dep.circos.push({ uai: nextUai(), nom: `Circonscription d'inspection du 1er degré de ${first ? first.commune.nom : prefecture}${nCirco > 1 ? " " + (k + 1) : ""}`, ien: personne(r), erun: r.chance(0.7) ? personne(r) : undefined });
    }
    ecolesDep.forEach((e, i) => (e.circo = dep.circos[Math.floor((i * nCirco) / ecolesDep.length)]));
  });

  for (const [code, nom, sl, ent] of academies) {
    const r = root.fork(`acad:${code}`);
    T.academies.push({ code, nom, sl, ent, deps: T.deps.filter((d) => d.acad === code), r });
  }
  return T;
}

// ---------------------------------------------------------------------------------------------
// Details of each entity (the gaps are decided here).

const ACTEURS_N0 = ["agent_batiment", "usager", "agent_batiment"];
function maintenanceFull(r, kind) {
  const m = {};
  m.niveau_0 = { acteur: r.pick(ACTEURS_N0) };
  if (kind === "ecoles") {
    m.niveau_1 = { acteur: r.pick(["technicien_collectivite", "referent_technique", "prestataire"]) };
    m.niveau_2 = { acteur: r.pick(["technicien_collectivite", "prestataire", "dsi_collectivite"]) };
    m.niveau_3 = { acteur: r.pick(["prestataire", "dsi_collectivite"]) };
  } else {
    m.niveau_1 = { acteur: r.pick(["referent_technique", "referent_technique", "technicien_collectivite"]) };
    m.niveau_2 = { acteur: "technicien_collectivite", delai_intervention_heures: r.pick([24, 48, 72]) };
    m.niveau_3 = { acteur: r.pick(["dsi_collectivite", "prestataire"]) };
  }
  for (const k of Object.keys(m)) if (m[k].acteur === "prestataire") m[k].prestataire = r.pick(PRESTATAIRES);
  return m;
}

function yamlMaintenance(m, indent) {
  const out = [];
  for (const k of ["niveau_0", "niveau_1", "niveau_2", "niveau_3"]) {
    const v = m[k];
    if (!v) continue;
    const parts = [`acteur: ${v.acteur}`];
    if (v.prestataire) parts.push(`prestataire: ${q(v.prestataire)}`);
    if (v.precision) parts.push(`precision: ${q(v.precision)}`);
    if (v.delai_intervention_heures !== undefined) parts.push(`delai_intervention_heures: ${v.delai_intervention_heures}`);
    out.push(`${indent}${k}: { ${parts.join(", ")} }`);
  }
  return out;
}

function flowPersonne(p, extra = {}) {
  const parts = [];
  if (p && p.nom !== false) parts.push(`nom: ${q(fullName(p))}`);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) parts.push(`${k}: ${typeof v === "string" ? q(v) : v}`);
  return `{ ${parts.join(", ")} }`;
}

function randomDate(r, y0, y1) {
  return day(r.int(y0, y1), r.int(1, 12), r.int(1, 28));
}
/** A date in the last `months` months before the audit date. */
function recentDate(r, months) {
  const back = r.int(0, months - 1);
  let y = AUDIT_YEAR;
  let m = 8 - back; // audit date is 2026-09-01: August is the last full month
  while (m < 1) (m += 12), y--;
  return day(y, m, r.int(1, 28));
}

/** End of a convention that began in `y`: in force on the audit date, except with probability `pExpired`. */
function finDate(r, y, durations, pExpired) {
  let fy = y + r.pick(durations);
  if (y <= AUDIT_YEAR - 1 && r.chance(pExpired)) fy = r.int(Math.max(y + 1, AUDIT_YEAR - 3), AUDIT_YEAR); // ended by 2026-08-31
  else if (fy <= AUDIT_YEAR) fy = AUDIT_YEAR + r.int(1, 3); // renewed (avenant de prolongation)
  return day(fy, 8, 31);
}

// ---------------------------------------------------------------------------------------------
// Documents.

function etablissementDoc(e, ctx) {
  const r = ctx.r;
  const { acad, dom } = ctx;
  const eple = e.type !== "ecole";
  const prive = e.prive;
  const L = [];
  const lower = e.uai.toLowerCase();
  L.push(`# Fiche établissement — ${e.nom} (${e.commune.nom}). Mise à jour : ${ctx.majPar}.`);
  if (e.suppression) L.push(e.suppression);
  L.push("kind: etablissement");
  L.push(`uai: ${qs(e.uai)}`);
  L.push(`nom: ${q(e.nom)}`);
  L.push(`type: ${e.type}`);
  L.push(`statut: ${prive ? "prive" : "public"}`);
  L.push(`academie: ${qs(acad.code)}`);
  L.push(`commune: { code_insee: ${qs(e.commune.insee)}, nom: ${q(e.commune.nom)} }`);
  if (!prive) L.push(`collectivite: ${e.collectivite.id}`);
  if (e.type === "ecole" && e.circo && r.chance(0.92)) L.push(`circonscription: ${qs(e.circo.uai)}`);
  const effectif = { ecole: r.int(25, 380), college: r.int(180, 950), lycee: r.int(350, 1900), lycee_professionnel: r.int(120, 750), erea: r.int(60, 220) }[e.type];
  L.push(`effectif: ${effectif}`);

  // Direction.
  L.push("direction:");
  const chef = personne(r);
  const chefFonction = eple ? (e.type === "college" ? (chef.f ? "principale" : "principal") : chef.f ? "proviseure" : "proviseur") : chef.f ? "directrice d'école" : "directeur d'école";
  if (e.gaps.chefVacant) {
    L.push(`  chef: { fonction: ${q(chefFonction)}, vacant: true }`);
  } else {
    L.push("  chef:");
    L.push(`    nom: ${q(fullName(chef))}`);
    L.push(`    fonction: ${q(chefFonction)}`);
    L.push(`    courriel: ${eple ? "ce" : "ecole"}.${lower}@${dom}`);
    if (r.chance(0.3)) L.push(`    telephone: "${phonePrefix(e.dep.code)} ${pad(r.int(10, 99))} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))}"`);
  }
  if (eple) {
    const adj = personne(r);
    L.push("  adjoint:");
    L.push(`    nom: ${q(fullName(adj))}`);
    L.push(`    fonction: ${q(e.type === "college" ? (adj.f ? "principale adjointe" : "principal adjoint") : adj.f ? "proviseure adjointe" : "proviseur adjoint")}`);
    if (r.chance(0.6)) {
      const sg = personne(r);
      L.push(`  secretaire_general: ${flowPersonne(sg, { fonction: sg.f ? "adjointe gestionnaire" : "adjoint gestionnaire" })}`);
    }
  }

  // Référents.
  if (eple || r.chance(0.3)) {
    if (e.gaps.refNumVacant) L.push("referent_numerique: { vacant: true }");
    else if (!e.gaps.refNumAbsent) {
      const p = personne(r);
      L.push("referent_numerique:");
      if (r.chance(0.85)) L.push(`  nom: ${q(fullName(p))}`);
      L.push(`  fonction: ${q(eple ? `${r.pick(p.f ? DISCIPLINES_F : DISCIPLINES_M)}, ${p.f ? "référente" : "référent"} numérique (IMP)` : p.f ? "professeure des écoles, référente pour les usages" : "professeur des écoles, référent pour les usages")}`);
      L.push("  employeur: etat");
    }
  }
  if (e.gaps.refTechVacant) {
    L.push("referent_technique:");
    L.push(`  fonction: ${q(eple ? "technicien de proximité" : "agent informatique de la commune")}`);
    L.push("  vacant: true");
  } else if (!e.gaps.refTechAbsent) {
    const p = personne(r);
    L.push("referent_technique:");
    if (e.gaps.refTechEtat) {
      L.push(`  nom: ${q(fullName(p))}`);
      L.push(`  fonction: ${q(eple ? r.pick(p.f ? DISCIPLINES_F : DISCIPLINES_M) : p.f ? "professeure des écoles" : "professeur des écoles")}`);
      L.push("  employeur: etat");
      L.push(`  decharge_heures: ${r.int(1, 4)}`);
    } else {
      if (r.chance(0.7)) L.push(`  nom: ${q(fullName(p))}`);
      L.push(`  fonction: ${q(eple ? r.pick(["technicien de proximité", "technicien informatique", "assistant informatique de territoire"]) : r.pick(["technicien du service numérique des écoles", "agent informatique de la commune", "technicien de l'intercommunalité"]))}`);
      L.push(`  courriel: ${mailName(p)}@${e.collectivite ? e.collectivite.domaine : "gestion-" + lower + ".fr"}`);
      L.push(`  employeur: ${prive ? "etablissement" : r.chance(0.9) ? "collectivite" : "prestataire"}`);
    }
  }

  // Instances.
  L.push("instances:");
  if (eple) {
    if (!e.gaps.sansConseilPeda) L.push(`  conseil_pedagogique: { existe: true${r.chance(0.7) ? `, numerique_a_l_ordre_du_jour: ${qs(recentDate(r, 14))}` : ""} }`);
    L.push(`  conseil_administration: { existe: true }`);
  } else L.push("  conseil_ecole: { existe: true }");

  if (eple || r.chance(0.5)) {
    L.push("projet_etablissement:");
    L.push(`  volet_numerique: ${!e.gaps.sansVoletNum}`);
    L.push(`  adopte_le: ${qs(randomDate(r, 2021, 2025))}`);
  }
  if (!e.gaps.sansRI) {
    L.push("reglement_interieur:");
    L.push(`  adopte_le: ${qs(day(r.int(2023, 2026), 6, r.int(10, 30)))}`);
    L.push(`  equipements_personnels: ${!e.gaps.riSansEquipements}`);
    if (r.chance(0.7)) L.push("  telephones_portables: true");
    if (r.chance(0.6)) L.push("  charte_usage: true");
  }
  L.push("securite:");
  L.push(`  filtrage: ${!e.gaps.sansFiltrage}`);
  if (eple) L.push(`  controle_acces_reseau: ${r.chance(0.8)}`);
  if (eple || r.chance(0.3)) {
    L.push("rgpd:");
    L.push(`  registre_traitements: ${!e.gaps.sansRegistre}`);
    if (r.chance(0.8)) L.push(`  dpd_designe: ${r.chance(0.9)}`);
    if (e.gaps.cnil) L.push(`  declarations_cnil: [${qs("vidéoprotection " + r.int(2009, 2016))}, ${qs("gestion des élèves " + r.int(2005, 2012))}]`);
  }
  if (eple || r.chance(0.4)) {
    L.push("formation:");
    L.push(`  plan: ${!e.gaps.sansFormation}`);
    if (r.chance(0.6)) L.push(`  heures_annuelles: ${r.pick([6, 9, 12, 18, 24])}`);
  }
  if (e.maintenance) {
    L.push("maintenance:");
    L.push(...yamlMaintenance(e.maintenance, "  "));
  }

  // Equipment: recent, except in établissements with old devices.
  L.push("equipements:");
  const cats = eple ? ["poste_fixe", "portable", "tablette", "videoprojecteur", "ecran_interactif", "imprimante", "serveur", "borne_wifi"] : ["poste_fixe", "portable", "tablette", "videoprojecteur", "tni", "ecran_interactif", "imprimante", "borne_wifi"];
  const nCat = eple ? r.int(4, 6) : r.int(2, 5);
  const start = r.int(0, cats.length - 1);
  const oldIndex = e.gaps.obsolete ? r.int(0, nCat - 1) : -1;
  for (let k = 0; k < nCat; k++) {
    const cat = cats[(start + k * 3) % cats.length];
    const size = Math.max(1, Math.round(effectif / (eple ? 8 : 12)));
    const nombre = { poste_fixe: size * 2, portable: size, tablette: size * 2, videoprojecteur: Math.ceil(size / 2), tni: Math.ceil(size / 4), ecran_interactif: Math.ceil(size / 3), imprimante: Math.ceil(size / 6), serveur: r.int(1, 3), borne_wifi: Math.ceil(size / 2) }[cat];
    const annee = k === oldIndex ? r.int(2011, 2018) : r.int(AUDIT_YEAR - 4, AUDIT_YEAR - 1);
    L.push(`  - { categorie: ${cat}, nombre: ${Math.max(0, nombre + r.int(-2, 3))}, annee_mise_en_service: ${annee} }`);
  }
  L.push("reseau:");
  const debit = eple ? (e.gaps.debitFaible ? r.pick([20, 50, 80]) : r.pick([200, 500, 1000, 1000])) : e.gaps.debitFaible ? r.pick([4, 8, 20]) : r.pick([30, 50, 100, 300]);
  L.push(`  debit_mbps: ${debit}`);
  L.push(`  fibre: ${debit >= 100}`);
  if (!eple) {
    const wifi = e.gaps.wifi;
    L.push("  wifi:");
    L.push(`    present: ${wifi}`);
    if (wifi) {
      L.push(`    coupure_par_classe: ${!e.gaps.wifiSansCoupure}`);
      if (!e.gaps.wifiSansInformation) L.push(`    conseil_ecole_informe_le: ${qs(randomDate(r, 2019, 2025))}`);
    }
  }
  L.push("ent:");
  L.push(`  utilise: ${r.chance(0.93)}`);
  if (r.chance(0.04)) L.push(`x_commentaire_interne: ${q("fiche relue avec " + (eple ? "le chef d'établissement" : "la direction d'école") + " en " + r.pick(["juin", "septembre", "novembre"]))}`);
  return L.join("\n") + "\n";
}

function collectiviteDoc(c, ctx) {
  const r = ctx.r;
  const L = [];
  const kind = c.type === "region" ? "lycees" : c.type === "departement" ? "colleges" : "ecoles";
  L.push(`# ${c.nom} — ${c.hasEtabs ? "collectivité de rattachement" : "commune sans école publique décrite"}.`);
  if (c.suppression) L.push(c.suppression);
  L.push("kind: collectivite");
  L.push(`id: ${c.id}`);
  L.push(`type: ${c.type}`);
  L.push(`nom: ${q(c.nom)}`);
  L.push(`code_insee: ${qs(c.code)}`);
  L.push(`academie: ${qs(c.acad)}`);
  L.push(`competences: [${kind}]`);
  if (!c.hasEtabs) {
    if (r.chance(0.3)) L.push(`x_note: ${q("élèves scolarisés dans une commune voisine (RPI ou accord intercommunal)")}`);
    return L.join("\n") + "\n";
  }
  const g = c.gaps;
  if (!g.sansOrganisation) L.push(`organisation: ${r.pick(["service_education", "dsi", "partagee"])}`);
  const big = c.type !== "commune" || c.size >= 4;
  L.push("services:");
  L.push("  education:");
  L.push(`    nom: ${q(c.type === "commune" ? r.pick(["Service éducation", "Direction éducation enfance", "Service des affaires scolaires"]) : c.type === "departement" ? "Direction de l'éducation et des collèges" : "Direction de l'éducation et des lycées")}`);
  if (big || r.chance(0.4)) {
    const p = personne(r);
    L.push("    responsable:");
    L.push(`      nom: ${q(fullName(p))}`);
    L.push(`      fonction: ${q(c.type === "commune" ? (p.f ? "responsable des affaires scolaires" : "responsable des affaires scolaires") : p.f ? "cheffe du service numérique éducatif" : "chef du service numérique éducatif")}`);
    L.push(`      courriel: ${mailName(p)}@${c.domaine}`);
  }
  if (big) {
    L.push("  dsi:");
    L.push(`    nom: ${q(r.pick(["Direction des systèmes d'information", "Direction du numérique", "Service informatique mutualisé"]))}`);
    L.push("  batiment:");
    L.push(`    nom: ${q(r.pick(["Direction des bâtiments", "Service du patrimoine bâti", "Services techniques"]))}`);
  }
  if (g.cooperation !== undefined) L.push(`cooperation_batiment: ${g.cooperation}`);
  if (!g.sansGouvernance) {
    L.push("gouvernance_interne:");
    L.push(`  instance: ${q(c.type === "commune" ? r.pick(["Commission des affaires scolaires", "Comité numérique éducatif de la ville", "Commission éducation et numérique"]) : "Comité de pilotage du numérique éducatif")}`);
    L.push(`  reunions: [${qs(recentDate(r, 12))}, ${qs(recentDate(r, 6))}]`);
  }
  if (big || r.chance(0.3)) {
    L.push("projet_numerique:");
    L.push(`  reference: ${q(`Plan numérique ${c.type === "commune" ? "des écoles" : c.type === "departement" ? "des collèges" : "des lycées"} ${r.int(2022, 2025)}-${r.int(2027, 2030)}`)}`);
    L.push(`  adopte_le: ${qs(randomDate(r, 2021, 2025))}`);
  }
  L.push("securite:");
  L.push(`  mise_en_oeuvre_pssi: ${!g.sansPssi}`);
  if (c.maintenance) {
    L.push("maintenance:");
    L.push(...yamlMaintenance(c.maintenance, "  "));
  }
  if (g.renouvellement) {
    L.push("renouvellement:");
    L.push(`  mode: ${g.renouvellement}`);
    if (g.renouvellement === "systematique") L.push(`  age_max_ans: ${c.ageMax}`);
  }
  if (!g.sansReferentiel) {
    L.push("referentiel_equipement:");
    L.push(`  reference: ${q(`Référentiel d'équipement ${c.type === "commune" ? "des écoles" : c.type === "departement" ? "des collèges" : "des lycées"}`)}`);
    L.push(`  adopte_le: ${qs(randomDate(r, 2020, 2025))}`);
    L.push(`  analyse_besoins: ${!g.referentielSansAnalyse}`);
  }
  if (c.ent) {
    L.push("ent:");
    L.push(`  nom: ${q(c.ent)}`);
    if (c.mutualise) L.push(`  mutualise_avec: [${c.mutualise.join(", ")}]`);
  }
  if (g.equipementIndividuel) {
    L.push("equipement_individuel:");
    L.push(`  dispositif: ${q(c.type === "region" ? "ordinateur portable pour chaque lycéen de seconde" : "tablettes pour les élèves de 5e")}`);
    if (g.equipementIndividuel === "accompagne") L.push(`  accompagnement: ${q("assistants d'éducation numérique et formateurs de la DRANE")}`);
  }
  if (c.type !== "commune" && r.chance(0.6)) {
    L.push("accompagnement_territorial:");
    L.push(`  agents: ${r.int(4, 30)}`);
    L.push(`  etablissements_par_agent: ${r.int(8, 15)}`);
  }
  return L.join("\n") + "\n";
}

function conventionDoc(v, comment) {
  const L = [];
  if (comment) L.push(comment);
  L.push("kind: convention");
  L.push(`id: ${v.id}`);
  L.push(`type: ${v.type}`);
  L.push(`objet: ${q(v.objet)}`);
  L.push(`parties: [${v.parties.map(qs).join(", ")}]`);
  L.push("signatures:");
  for (const s of v.signatures) {
    L.push(`  - { partie: ${qs(s.partie)}, role: ${s.role}${s.signataire ? `, signataire: ${q(s.signataire)}` : ""}, date: ${s.date ? qs(s.date) : "null"} }`);
  }
  if (v.autorisation_ca_le) L.push(`autorisation_ca_le: ${qs(v.autorisation_ca_le)}`);
  if (v.debut) L.push(`debut: ${qs(v.debut)}`);
  if (v.fin) L.push(`fin: ${qs(v.fin)}`);
  if (v.transmis) L.push(`transmis_collectivite_le: ${qs(v.transmis)}`);
  if (v.clauses) {
    L.push("clauses:");
    if (v.clauses.maintenance) {
      L.push("  maintenance:");
      L.push(...yamlMaintenance(v.clauses.maintenance, "    "));
    }
    for (const k of ["securite", "formation", "ent", "autorite_fonctionnelle"]) if (v.clauses[k] !== undefined) L.push(`  ${k}: ${v.clauses[k]}`);
    if (v.clauses.taches) {
      L.push("  taches:");
      for (const t of v.clauses.taches) L.push(`    - ${q(t)}`);
    }
  }
  return L.join("\n") + "\n";
}

function academieDoc(a, ctx) {
  const r = ctx.r;
  const L = [];
  L.push(`# Académie ${a.de} : pilotage, circonscriptions et instances de concertation. Personnes fictives.`);
  L.push("kind: academie");
  L.push(`code: ${qs(a.code)}`);
  L.push(`nom: ${q("Académie " + a.de)}`);
  L.push(`region_academique: ${q(a.regionAcademique)}`);
  const rect = personne(r);
  L.push("recteur:");
  L.push(`  nom: ${q(fullName(rect))}`);
  L.push(`  fonction: ${q(`${rect.f ? "rectrice" : "recteur"} de l'académie ${a.de}`)}`);
  L.push(`  courriel: recteur@${a.dom}`);
  if (a.gaps.danVacant) L.push(`dan: { fonction: ${q("délégué régional académique au numérique")}, vacant: true }`);
  else {
    const dan = personne(r);
    L.push("dan:");
    L.push(`  nom: ${q(fullName(dan))}`);
    L.push(`  fonction: ${q(dan.f ? "déléguée régionale académique au numérique" : "délégué régional académique au numérique")}`);
    L.push(`  courriel: dan@${a.dom}`);
  }
  L.push("dane:");
  L.push(`  nom: ${q("DRANE " + a.regionAcademique)}`);
  L.push(`  url: https://drane.${a.dom}`);
  const dsi = personne(r);
  L.push("dsi:");
  L.push("  responsable:");
  L.push(`    nom: ${q(fullName(dsi))}`);
  L.push(`    fonction: ${q(dsi.f ? "directrice des systèmes d'information" : "directeur des systèmes d'information")}`);
  L.push(`    courriel: dsi@${a.dom}`);
  L.push("  assistance:");
  L.push(`    url: https://assistance.${a.dom}`);
  L.push(`    courriel: assistance@${a.dom}`);
  if (!a.gaps.sansDpd) L.push(`dpd: ${flowPersonne(personne(r), { fonction: "délégué à la protection des données", courriel: "dpd@" + a.dom })}`);
  else L.push("# Le DPD académique n'est pas encore renseigné (à compléter).");
  if (!a.gaps.sansPolitiqueSecurite) {
    L.push("politique_securite:");
    L.push(`  reference: ${q(`Politique de sécurité des systèmes d'information de l'académie ${a.de}, version ${r.int(2, 5)}`)}`);
    L.push(`  date: ${qs(randomDate(r, 2022, 2025))}`);
  }
  if (!a.gaps.sansPlanFormation) {
    L.push("plan_formation:");
    L.push(`  reference: ${q("Plan académique de formation 2026-2027, axe « numérique éducatif »")}`);
    L.push(`  date: ${qs(day(2026, 6, r.int(1, 28)))}`);
  }
  L.push("dsden:");
  for (const d of a.deps) {
    const da = personne(r);
    L.push(`  - departement: ${qs(d.code)}`);
    L.push(`    dasen: ${flowPersonne(da, { fonction: `IA-DASEN ${d.de}`, courriel: `ia${d.code.toLowerCase()}@${a.dom}` })}`);
  }
  L.push("circonscriptions:");
  for (const d of a.deps) {
    for (const c of d.circos) {
      L.push(`  - uai: ${qs(c.uai)}`);
      L.push(`    nom: ${q(c.nom)}`);
      L.push(`    departement: ${qs(d.code)}`);
      L.push(`    ien: ${flowPersonne(c.ien, { fonction: "IEN", courriel: `ce.${c.uai.toLowerCase()}@${a.dom}` })}`);
      if (c.erun) L.push(`    erun:\n      - ${flowPersonne(c.erun, { fonction: "ERUN" })}`);
    }
  }
  if (a.residuelle) {
    L.push("maintenance_residuelle:");
    L.push("  niveaux: [2, 3]");
    L.push(`  jusqu_au: ${qs("2027-08-31")}`);
    L.push(`  facturee: ${r.chance(0.5)}`);
    if (a.residuelle !== true) L.push(`  convention: ${a.residuelle}`);
  }
  L.push("instances:");
  for (const inst of a.instances) {
    L.push(`  - id: ${inst.id}`);
    L.push(`    nom: ${q(inst.nom)}`);
    L.push(`    portee: ${inst.portee}`);
    if (inst.projet) L.push(`    projet: ${q(inst.projet)}`);
    L.push("    membres:");
    for (const m of inst.membres) L.push(`      - ${qs(m)}`);
    L.push(`    reunions: [${inst.reunions.map(qs).join(", ")}]`);
  }
  return L.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Decisions for every entity, then writing.

function decideAndWrite(T, emit) {
  const counts = { files: 0, documents: 0, bytes: 0, byKind: { academie: 0, collectivite: 0, etablissement: 0, convention: 0 }, multiDocumentFiles: 0 };
  const write = (path, docs) => {
    const text = docs.join("---\n");
    emit(path, text);
    counts.files++;
    counts.documents += docs.length;
    counts.bytes += Buffer.byteLength(text);
    if (docs.length > 1) counts.multiDocumentFiles++;
  };

  const acadByCode = new Map(ACADEMIES.map((a) => [a[0], a]));
  const acadDir = (code) => `${code}-${acadByCode.get(code)[2]}`;

  for (const a of T.academies) {
    const r = a.r;
    const dir = acadDir(a.code);
    a.dom = `ac-${a.sl}.fr`;
    a.de = ["Orléans-Tours", "Aix-Marseille", "Amiens"].includes(a.nom) ? `d'${a.nom}` : a.nom.startsWith("La ") ? `de ${a.nom}` : `de ${a.nom}`;
    a.regionAcademique = a.deps[0].region.nom;
    a.gaps = { danVacant: r.chance(0.04), sansDpd: r.chance(0.15), sansPolitiqueSecurite: r.chance(0.1), sansPlanFormation: r.chance(0.15) };
    const convs = [];
    const group = new Map(); // file → documents, for grouped conventions
    const addConv = (v, file) => {
      convs.push(v);
      if (file) {
        if (!group.has(file)) group.set(file, []);
        group.get(file).push(v);
      } else write(`${dir}/conventions/${v.id}.yaml`, [conventionDoc(v)]);
      counts.byKind.convention++;
    };
    const dasenOf = new Map(a.deps.map((d) => [d.code, personne(r)]));
    const recteur = "Recteur de l'académie";

    // Collectivités of the académie: its départements, the régions whose chef-lieu is here, communes.
    const colls = [];
    const regionsHere = T.regions.filter((g) => g.acad === a.code);
    colls.push(...regionsHere);
    for (const d of a.deps) {
      colls.push(d);
      for (const c of d.communes) {
        c.size = c.etabs.filter((e) => e.type === "ecole").length;
        colls.push(c);
      }
    }

    // Établissements: status, names, collectivité, gaps.
    for (const d of a.deps) {
      for (const e of d.etabs) {
        const r2 = r;
        const privShare = { ecole: 0.13, college: 0.25, lycee: 0.3, lycee_professionnel: 0.25, erea: 0 }[e.type];
        e.prive = r2.chance(privShare);
        const perso = r2.chance(0.75) ? r2.pick(PERSONNALITES) : r2.pick(LIEUX_ECOLE);
        if (e.type === "ecole") {
          const genre = r2.pick(["élémentaire", "maternelle", "primaire", "primaire"]);
          e.nom = e.prive ? `École ${genre === "maternelle" ? "maternelle" : "primaire"} privée ${r2.pick(SAINTS)}` : e.commune.ecoles === 1 && r2.chance(0.4) ? `École ${genre} publique de ${e.commune.nom}` : `École ${genre} publique ${perso}`;
        } else if (e.type === "college") e.nom = e.prive ? `Collège privé ${r2.pick(SAINTS)}` : `Collège ${r2.pick(PERSONNALITES)}`;
        else if (e.type === "lycee") e.nom = e.prive ? `Lycée privé ${r2.pick(SAINTS)}` : `Lycée ${r2.pick(PERSONNALITES)}`;
        else if (e.type === "lycee_professionnel") e.nom = e.prive ? `Lycée professionnel privé ${r2.pick(SAINTS)}` : `Lycée professionnel ${r2.pick(PERSONNALITES)}`;
        else e.nom = `EREA ${r2.pick(PERSONNALITES)}`;
        if (!e.prive) e.collectivite = e.type === "ecole" ? e.commune : e.type === "college" ? d : d.region;
        const eple = e.type !== "ecole";
        e.gaps = {
          chefVacant: r2.chance(0.008),
          refNumVacant: eple && r2.chance(0.05),
          refNumAbsent: eple && r2.chance(0.04),
          refTechVacant: r2.chance(0.05),
          refTechAbsent: r2.chance(eple ? 0.03 : 0.05),
          refTechEtat: r2.chance(eple ? 0.05 : 0.08),
          sansConseilPeda: eple && r2.chance(0.03),
          sansVoletNum: r2.chance(0.18),
          sansRI: r2.chance(0.03),
          riSansEquipements: r2.chance(0.05),
          sansFiltrage: r2.chance(0.02),
          sansRegistre: r2.chance(0.12),
          cnil: r2.chance(0.04),
          sansFormation: r2.chance(0.15),
          obsolete: r2.chance(0.18),
          debitFaible: r2.chance(0.05),
          wifi: r2.chance(0.45),
          wifiSansCoupure: r2.chance(0.06),
          wifiSansInformation: r2.chance(0.15),
        };
        // A few établissements set their own maintenance (a level or two): precedence, or the référent numérique doing level 1.
        if (r2.chance(0.05)) e.maintenance = { niveau_1: { acteur: r2.chance(0.35) ? "referent_numerique" : "referent_technique" } };
        if (!e.prive && e.type === "ecole" && e.gaps.wifi && e.gaps.wifiSansInformation && r2.chance(0.02)) {
          e.suppression = "# gouvnum-ignore wifi-ecole-non-conforme -- information du conseil d'école prévue à la prochaine séance (procès-verbal en attente)";
        }
        if (!e.suppression && r2.chance(0.002)) e.suppression = "# gouvnum-ignore debit-insuffisant"; // without a reason: reported as invalid
      }
    }

    // Collectivités: decide gaps, maintenance, ENT.
    const ents = [a.ent, "ONE", "Beneylu School", "ENT Skolengo", "NEO"];
    for (const c of colls) {
      c.hasEtabs = c.type !== "commune" || c.etabs.some((e) => !e.prive && e.type === "ecole");
      const small = c.type === "commune" && c.size <= 2;
      c.gaps = {
        sansOrganisation: r.chance(small ? 0.2 : 0.08),
        sansGouvernance: r.chance(small ? 0.3 : 0.1),
        sansPssi: r.chance(small ? 0.15 : 0.06),
        sansReferentiel: r.chance(small ? 0.2 : 0.08),
        referentielSansAnalyse: r.chance(0.08),
        equipementIndividuel: c.type !== "commune" && r.chance(0.5) ? (r.chance(0.85) ? "accompagne" : "seul") : undefined,
      };
      const coop = r.next();
      c.gaps.cooperation = coop < (small ? 0.15 : 0.06) ? undefined : coop < (small ? 0.23 : 0.1) ? false : true;
      const ren = r.next();
      c.gaps.renouvellement = ren < (small ? 0.15 : 0.06) ? undefined : ren < 0.6 ? "systematique" : ren < 0.82 ? "appel_a_projets" : "expression_des_besoins";
      c.ageMax = r.pick([5, 6, 6, 7]);
      const kind = c.type === "region" ? "lycees" : c.type === "departement" ? "colleges" : "ecoles";
      if (c.hasEtabs) {
        const m = r.next();
        c.maintenance = maintenanceFull(r, kind);
        if (m < 0.06) c.maintenance[r.pick(["niveau_2", "niveau_3"])] = { acteur: "a_definir" };
        else if (m < 0.12) delete c.maintenance[r.pick(["niveau_1", "niveau_3"])];
        else if (m < 0.15) c.maintenance = undefined;
        const entRoll = r.next();
        c.ent = entRoll < 0.85 ? a.ent : entRoll < 0.93 ? r.pick(ents.slice(1)) : undefined;
        if (c.ent && c.ent !== a.ent && r.chance(0.3)) {
          c.suppression = `# gouvnum-ignore ent-non-mutualise -- ENT ${c.ent} choisi par délibération du ${day(r.int(2020, 2024), r.int(1, 12), r.int(1, 28))}, réexamen à l'échéance du marché`;
        }
      }
    }
    for (const d of a.deps) if (d.ent && d.region.ent === d.ent && r.chance(0.7)) d.mutualise = [d.region.id];

    // Conventions of EPLE: with the collectivité (L.421-23 II), contrats d'objectifs (L.421-4).
    for (const d of a.deps) {
      for (const e of d.etabs) {
        if (e.prive || e.type === "ecole") continue;
        const c = e.collectivite;
        const lower = e.uai.toLowerCase();
        const short = c.type === "departement" ? `dep${c.code.toLowerCase()}` : "reg" + c.code;
        const chefSign = fullName(personne(r));
        const presidentRole = "president_collectivite";
        const president = c.type === "departement" ? "Président du conseil départemental" : "Président du conseil régional";
        const grouped = c.groupConventions ?? (c.groupConventions = r.chance(0.6));
        if (r.chance(0.88)) {
          const y = r.chance(0.2) ? r.int(2018, 2021) : r.int(2022, 2026);
          const dureeAns = r.pick([3, 4, 5, 5]);
          const chefDate = day(y, r.pick([6, 7]), r.int(10, 28));
          const v = {
            id: `conv-${short}-${lower}-${y}`,
            type: "eple_collectivite",
            objet: `Convention relative au numérique éducatif entre ${c.nom.replace(/^Département/, "le Département").replace(/^Région/, "la Région")} et ${e.nom.replace(/^Lycée/, "le lycée").replace(/^Collège/, "le collège").replace(/^EREA/, "l'EREA")} (art. L.421-23 II)`,
            parties: [`collectivite:${c.id}`, `etablissement:${e.uai}`],
            signatures: [
              { partie: `collectivite:${c.id}`, role: presidentRole, signataire: president, date: r.chance(0.97) ? day(y, 7, r.int(1, 28)) : null },
              { partie: `etablissement:${e.uai}`, role: "chef_etablissement", signataire: chefSign, date: r.chance(0.97) ? chefDate : null },
            ],
            debut: day(y, 9, 1),
            fin: r.chance(0.05) ? undefined : finDate(r, y, [dureeAns], 0.1),
            clauses: { securite: r.chance(0.8), formation: r.chance(0.7), ent: r.chance(0.8) },
          };
          const ca = r.next();
          if (ca < 0.93) v.autorisation_ca_le = day(y, Number(chefDate.slice(5, 7)), Number(chefDate.slice(8, 10)) - r.int(2, 9));
          else if (ca < 0.96) v.autorisation_ca_le = day(y, 9, r.int(10, 28)); // authorised after the signature
          const m = r.next();
          if (m < 0.88) v.clauses.maintenance = maintenanceFull(r, c.type === "region" ? "lycees" : "colleges");
          if (m < 0.04) v.clauses.maintenance.niveau_2 = { acteur: "a_definir" };
          if (m >= 0.88) v.clauses.taches = ["la collectivité fournit et renouvelle les équipements selon son référentiel", "l'établissement tient l'inventaire et signale les pannes"];
          v.clauses.autorite_fonctionnelle = y >= 2022 ? r.chance(0.92) : r.chance(0.3);
          if ((v.fin === undefined || v.fin > AUDIT_DATE) && r.chance(0.04)) {
            // An avenant in the same file: sometimes it names another actor for level 1 (both in force: ambiguous).
            const ya = Math.min(y + r.int(1, 3), 2026);
            const av = {
              id: `${v.id}-avenant-${ya}`,
              type: "eple_collectivite",
              objet: "Avenant n° 1 — équipement individuel des élèves et accompagnement des usages",
              parties: v.parties,
              signatures: v.signatures.map((s) => ({ ...s, date: day(ya, 7, r.int(1, 28)) })),
              autorisation_ca_le: day(ya, 6, r.int(1, 28)),
              debut: day(ya, 9, 1),
              fin: v.fin,
              clauses: { maintenance: { niveau_1: { acteur: r.chance(0.5) ? "assistant_education" : (v.clauses.maintenance?.niveau_1?.acteur ?? "referent_technique"), precision: "support de premier niveau des équipements individuels" } }, formation: true, taches: ["remise des équipements aux familles et charte d'usage"] },
            };
            addConv(v, `${dir}/conventions/groupees/${grouped ? c.id : v.id}.yaml`);
            addConv(av, `${dir}/conventions/groupees/${grouped ? c.id : v.id}.yaml`);
          } else addConv(v, grouped ? `${dir}/conventions/groupees/${c.id}.yaml` : undefined);
        }
        if (r.chance(0.58)) {
          const y = r.int(2021, 2026);
          const lycee = e.type !== "college";
          const chefDate = day(y, 6, r.int(10, 28));
          const v = {
            id: `co-${lower}-${y}`,
            type: "contrat_objectifs",
            objet: `Contrat d'objectifs ${y}-${y + 4} — ${e.nom} (art. L.421-4)`,
            parties: [`academie:${a.code}`, `etablissement:${e.uai}`],
            signatures: [],
            debut: day(y, 9, 1),
            fin: finDate(r, y, [4, 5], 0.12),
          };
          if (!r.chance(0.03)) v.signatures.push({ partie: `academie:${a.code}`, role: lycee ? "recteur" : "dasen", signataire: lycee ? recteur : fullName(dasenOf.get(d.code)), date: day(y, 7, r.int(1, 28)) });
          v.signatures.push({ partie: `etablissement:${e.uai}`, role: "chef_etablissement", signataire: chefSign, date: r.chance(0.97) ? chefDate : null });
          if (r.chance(0.95)) v.autorisation_ca_le = day(y, 6, Number(chefDate.slice(8, 10)) - r.int(2, 9));
          if (r.chance(0.2)) {
            v.parties.push(`collectivite:${c.id}`);
            v.signatures.push({ partie: `collectivite:${c.id}`, role: presidentRole, signataire: president, date: day(y, 7, r.int(1, 28)) });
          } else if (r.chance(0.3)) v.transmis = day(y, 9, r.int(5, 28));
          addConv(v);
        }
      }
    }

    // Écoles: conventions of groups of communes (an intercommunal sector) with the DASEN and the
    // IEN; framework conventions with larger groups (an intercommunalité) or a large commune alone.
    const clusters = (list, smallSize) => {
      const out = [];
      for (let i = 0; i < list.length; ) {
        const size = list[i].size >= 4 ? 1 : smallSize();
        out.push(list.slice(i, i + size).filter((c, k) => k === 0 || c.size < 4));
        i += out[out.length - 1].length;
      }
      return out;
    };
    const sector = (members) => ({
      label: members.length === 1 ? members[0].nom : `secteur de ${members[0].nom}`,
      slug: members.length === 1 ? members[0].insee.toLowerCase() : `secteur-${members[0].insee.toLowerCase()}`,
    });
    for (const d of a.deps) {
      const withEcoles = d.communes.filter((c) => c.hasEtabs);
      for (const members of clusters(withEcoles, () => r.int(1, 5))) {
        const first = members[0];
        const big = first.size >= 4;
        const circos = [...new Set(members.flatMap((c) => c.etabs.filter((e) => e.circo).map((e) => e.circo)))];
        const { label, slug: sectorSlug } = sector(members);
        if (!r.chance(big ? 0.95 : 0.85)) continue;
        const y = r.chance(0.25) ? r.int(2018, 2021) : r.int(2022, 2026);
        const sigs = members.map((c) => ({ partie: `collectivite:${c.id}`, role: "maire", signataire: `Maire de ${c.nom}`, date: r.chance(0.96) ? day(y, 6, r.int(1, 28)) : null }));
        if (r.chance(0.97)) sigs.push({ partie: `academie:${a.code}`, role: "dasen", signataire: fullName(dasenOf.get(d.code)), date: day(y, 7, r.int(1, 28)) });
        if (r.chance(0.95)) for (const ci of circos.slice(0, 3)) sigs.push({ partie: `academie:${a.code}`, role: "ien", signataire: fullName(ci.ien), date: day(y, 6, r.int(1, 28)) });
        const parties = [...members.map((c) => `collectivite:${c.id}`), `academie:${a.code}`];
        if (r.chance(0.01)) {
          const ec = first.etabs.find((e) => e.type === "ecole" && !e.prive);
          if (ec) parties.push(`etablissement:${ec.uai}`);
        }
        const v = {
          id: `conv-ecoles-${sectorSlug}-${y}`,
          type: "ecole_commune",
          objet: `Convention numérique des écoles publiques (${label})`,
          parties,
          signatures: sigs,
          debut: day(y, 9, 1),
          fin: r.chance(0.04) ? undefined : finDate(r, y, [3, 4, 5], 0.1),
          clauses: { securite: r.chance(0.7), formation: r.chance(0.6), ent: r.chance(0.8) },
        };
        if (r.chance(0.9)) v.clauses.maintenance = maintenanceFull(r, "ecoles");
        if (v.clauses.maintenance && r.chance(0.04)) v.clauses.maintenance.niveau_3 = { acteur: "a_definir" };
        addConv(v);
      }
      for (const members of clusters(withEcoles, () => r.int(3, 10))) {
        if (!r.chance(members[0].size >= 4 ? 0.9 : 0.8)) continue;
        const { label, slug: sectorSlug } = sector(members);
        const y = r.int(2019, 2026);
        const v = {
          id: `conv-cadre-${sectorSlug}-${y}`,
          type: "academie_collectivite",
          objet: `Convention de partenariat pour le numérique éducatif (${members.length === 1 ? label : "communes du " + label})`,
          parties: [`academie:${a.code}`, ...members.map((c) => `collectivite:${c.id}`)],
          signatures: [
            { partie: `academie:${a.code}`, role: r.chance(0.6) ? "recteur" : "dasen", signataire: recteur, date: r.chance(0.97) ? day(y, 3, r.int(1, 28)) : null },
            ...members.map((c) => ({ partie: `collectivite:${c.id}`, role: "maire", signataire: `Maire de ${c.nom}`, date: r.chance(0.97) ? day(y, 3, r.int(1, 28)) : null })),
          ],
          debut: day(y, 3, 1),
          fin: r.chance(0.1) ? undefined : finDate(r, y, [5, 6], 0.08),
          clauses: { securite: true, formation: r.chance(0.8), ent: r.chance(0.8) },
        };
        addConv(v);
      }
    }
    // Framework conventions with the départements and the régions of the académie.
    const cadreIds = [];
    for (const c of [...new Set([...a.deps.map((d) => d.region), ...a.deps])]) {
      if (!r.chance(0.88)) continue;
      const y = r.int(2020, 2025);
      const president = c.type === "departement" ? "Président du conseil départemental" : "Présidente du conseil régional";
      const v = {
        id: `conv-cadre-${a.code}-${c.id}-${y}`,
        type: "academie_collectivite",
        objet: `Convention-cadre pour le numérique éducatif entre l'académie ${a.de} et ${c.nom.replace(/^Département/, "le Département").replace(/^Région/, "la Région")}`,
        parties: [`academie:${a.code}`, `collectivite:${c.id}`],
        signatures: [
          { partie: `academie:${a.code}`, role: "recteur", signataire: recteur, date: day(y, 1, r.int(5, 28)) },
          { partie: `collectivite:${c.id}`, role: "president_collectivite", signataire: president, date: r.chance(0.96) ? day(y, 2, r.int(1, 28)) : null },
        ],
        debut: day(y, 3, 1),
        fin: finDate(r, y, [4, 5, 6], 0.08),
        clauses: { securite: true, formation: true, ent: true, taches: ["la collectivité équipe et maintient", "l'académie forme les personnels et définit la politique de sécurité"] },
      };
      addConv(v);
      cadreIds.push(v.id);
    }
    const res = r.next();
    a.residuelle = res < 0.1 && cadreIds.length ? cadreIds[0] : res < 0.18 ? true : undefined;

    // Instances: one académie-wide, one per département with its communes (most of them).
    const reunions = (active) => (active ? [recentDate(r, 12), recentDate(r, 6)].sort() : [day(AUDIT_YEAR - 2, r.int(1, 12), r.int(1, 28)), day(AUDIT_YEAR - 1, r.int(1, 7), r.int(1, 28))]);
    a.instances = [
      {
        id: `comite-numerique-${a.sl}`,
        nom: `Comité académique du numérique éducatif ${a.de}`,
        portee: "transversale",
        membres: [`academie:${a.code}`, ...[...new Set(a.deps.map((d) => d.region.id))].map((id) => `collectivite:${id}`), ...a.deps.map((d) => `collectivite:${d.id}`)],
        reunions: reunions(r.chance(0.9)),
      },
    ];
    for (const d of a.deps) {
      const communes = d.communes.filter((c) => c.hasEtabs && r.chance(0.9));
      a.instances.push({
        id: `comite-ecoles-numeriques-${d.code.toLowerCase()}`,
        nom: `Comité départemental des écoles numériques ${d.de}`,
        portee: "projet",
        projet: "Socle numérique des écoles et accompagnement des communes",
        membres: [`academie:${a.code}`, `collectivite:${d.id}`, ...communes.map((c) => `collectivite:${c.id}`)],
        reunions: reunions(r.chance(0.85)),
      });
    }

    // Write: the académie, its collectivités, its établissements, the grouped conventions.
    const ctx = { r, acad: a, dom: a.dom, majPar: `DRANE ${a.regionAcademique}` };
    write(`${dir}/academie.yaml`, [academieDoc(a, ctx)]);
    counts.byKind.academie++;
    for (const c of colls) {
      write(`${dir}/collectivites/${c.id}.yaml`, [collectiviteDoc(c, ctx)]);
      counts.byKind.collectivite++;
    }
    for (const d of a.deps) {
      for (const e of d.etabs) {
        ctx.majPar = r.pick([`DRANE ${a.regionAcademique}`, "direction de l'établissement", `DSDEN ${d.de}`, "service numérique de la collectivité"]);
        write(`${dir}/etablissements/${e.uai}.yaml`, [etablissementDoc(e, ctx)]);
        counts.byKind.etablissement++;
      }
    }
    for (const [file, vs] of [...group.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      write(file, vs.map((v, i) => conventionDoc(v, i === 0 ? `# ${vs.length > 2 ? "Conventions EPLE-collectivité tenues dans un seul fichier par la collectivité" : "Convention et avenant"} (${vs.length} documents).` : undefined)));
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Command line.

export function generatorHash() {
  return createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
}

/** Generates a corpus into `out` (which must be absent, empty, or a previous corpus). Returns the manifest. */
export function generate({ scale, seed, out }) {
  if (!SCALES[scale]) throw new Error(`échelle inconnue : ${scale} (academie ou national)`);
  const abs = resolve(out);
  if (existsSync(abs) && readdirSync(abs).length > 0) {
    if (!existsSync(join(abs, ".corpus.json"))) throw new Error(`${out} existe et n'est pas un corpus généré : refus de l'écraser`);
    rmSync(abs, { recursive: true, force: true });
  }
  mkdirSync(abs, { recursive: true });
  const t0 = process.hrtime.bigint();
  const T = buildTerritory(scale, seed);
  const hash = createHash("sha256");
  const dirs = new Set();
  const emit = (rel, text) => {
    const slash = rel.lastIndexOf("/");
    const d = rel.slice(0, slash);
    if (!dirs.has(d)) {
      mkdirSync(join(abs, d), { recursive: true });
      dirs.add(d);
    }
    hash.update(rel + "\0" + text + "\0");
    writeFileSync(join(abs, rel), text);
  };
  const config = `# Configuration du corpus de performance (échelle ${scale}, graine ${seed}).\nauditDate: "${AUDIT_DATE}"\nreport:\n  title: ${q(`Audit du numérique éducatif — corpus ${scale === "academie" ? "académique" : "national"} généré (graine ${seed})`)}\n`;
  emit("gouvnum.config.yaml", config);
  const counts = decideAndWrite(T, emit);
  const manifest = {
    scale,
    seed,
    generator: generatorHash(),
    auditDate: AUDIT_DATE,
    ...counts,
    academies: T.academies.length,
    departements: T.deps.length,
    regions: T.regions.length,
    communes: T.communes.length,
    etablissements: T.etabs.length,
    sha256: hash.digest("hex"),
  };
  // The manifest is part of the output: no timing in it, so that the same seed gives the same bytes.
  writeFileSync(join(abs, ".corpus.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { ...manifest, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function parseArgs(argv) {
  const o = { scale: "academie", seed: 1, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`valeur manquante pour ${a}`);
      return argv[++i];
    };
    if (a === "--scale") o.scale = v();
    else if (a.startsWith("--scale=")) o.scale = a.slice(8);
    else if (a === "--seed") o.seed = Number(v());
    else if (a.startsWith("--seed=")) o.seed = Number(a.slice(7));
    else if (a === "--out") o.out = v();
    else if (a.startsWith("--out=")) o.out = a.slice(6);
    else if (a === "-h" || a === "--help") o.help = true;
    else throw new Error(`option inconnue : ${a}`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0) throw new Error("--seed attend un entier positif");
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const o = parseArgs(process.argv.slice(2));
    if (o.help) {
      process.stdout.write("Utilisation : node bench/corpus.mjs --scale academie|national --seed N --out DOSSIER\n");
      process.exit(0);
    }
    const out = o.out ?? `bench/.corpus/${o.scale}-${o.seed}`;
    const m = generate({ scale: o.scale, seed: o.seed, out });
    process.stdout.write(
      `corpus ${m.scale} (graine ${m.seed}) → ${out} : ${m.files} fichiers, ${m.documents} documents ` +
        `(${m.byKind.academie} académies, ${m.byKind.collectivite} collectivités, ${m.byKind.etablissement} établissements, ${m.byKind.convention} conventions), ` +
        `${(m.bytes / 1e6).toFixed(1)} Mo, ${m.multiDocumentFiles} fichiers à plusieurs documents, sha256 ${m.sha256.slice(0, 16)}…, ${m.seconds.toFixed(1)} s\n`,
    );
  } catch (e) {
    process.stderr.write(`bench:corpus : ${e.message}\n`);
    process.exit(2);
  }
}
