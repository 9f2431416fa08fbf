import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AllocationInput, HostOffer, SchoolClass, Tutor } from '../server/modules/schools/allocation';
import { seededRandom } from '../common/random';

/** Real Danish postal-code centroids (../shared/data beside the checkout, read only here). */
export interface PostalCode {
  code: string;
  lat: number;
  lon: number;
  municipalityCode: string;
}

const csvPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/dk_postnumre.csv');

/** Postal codes with a centroid of their own (large receivers share their municipality's, so they are left out). */
export function readPostalCodes(file = csvPath): PostalCode[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => line.split(',')).filter((f) => f[at('stormodtager')] !== 'true')
    .map((f) => ({ code: f[at('postnr')], lat: Number(f[at('lat')]), lon: Number(f[at('lon')]), municipalityCode: f[at('kommunekode_primaer')] }))
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && p.municipalityCode !== '');
}


export const themes = ['robotter', 'svejsning', 'cnc', 'automatisering', 'elektronik', 'træ', 'fødevarer', 'plast', 'metal', 'energi', 'logistik', 'design'];

/** Region Midtjylland's municipalities: the region-scale world. */
export const midtjylland = ['615', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741', '746', '751', '756', '760', '766', '779', '791'];

export interface SchoolsWorldOptions {
  classes: number;
  hosts: number;
  tutors: number;
  /** Weeks in the school year's window (ISO weeks from firstWeek on). */
  weeks: number;
  firstWeek: number;
  /** Municipality codes to draw from; empty = the whole country. */
  municipalities: string[];
  seed: number;
}

/**
 * A synthetic school year on real geography: classes and host offers at random postal codes (weighted like the
 * file: every code once), 1–3 offered weeks, 1–2 classes a week, 20–30 pupils; half the classes can come any
 * week, the rest in 4–8 weeks with one or two wishes. Capacity is several times demand, so a full plan exists.
 */
export function generateSchoolsWorld(postalCodes: PostalCode[], o: SchoolsWorldOptions): AllocationInput {
  const rnd = seededRandom(o.seed);
  const pool = o.municipalities.length > 0 ? postalCodes.filter((p) => o.municipalities.includes(p.municipalityCode)) : postalCodes;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const some = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  const allWeeks = Array.from({ length: o.weeks }, (_, i) => o.firstWeek + i);
  // Jitter within ~2 km so points at one postal code are not identical.
  const place = () => {
    const p = pick(pool);
    return { municipalityCode: p.municipalityCode, lat: p.lat + (rnd() - 0.5) * 0.03, lon: p.lon + (rnd() - 0.5) * 0.05 };
  };
  const classes: SchoolClass[] = Array.from({ length: o.classes }, (_, i) => {
    const suitable = rnd() < 0.5 ? [] : some(allWeeks, int(4, 8)).sort((a, b) => a - b);
    return {
      id: `c${i}`, label: `${int(7, 9)}.${'ABCDE'[int(0, 4)]} skole ${i}`, ...place(), pupils: int(18, 28),
      suitableWeeks: suitable, preferredWeeks: some(suitable.length > 0 ? suitable : allWeeks, int(1, 2)),
      themes: some(themes, int(1, 3)),
    };
  });
  const companies = Math.max(1, Math.round(o.hosts * 0.7));
  const hosts: HostOffer[] = Array.from({ length: o.hosts }, (_, i) => {
    const company = i < companies ? i : int(0, companies - 1);
    return {
      id: `h${i}`, companyId: `v${company}`, companyName: `Virksomhed ${company}`, ...place(),
      weeks: some(allWeeks, int(1, 3)).sort((a, b) => a - b), classesPerWeek: rnd() < 0.8 ? 1 : 2,
      maxPupils: int(24, 30), themes: some(themes, int(1, 4)),
    };
  });
  const tutors: Tutor[] = Array.from({ length: o.tutors }, (_, i) => ({
    id: `t${i}`, label: `Tutor ${i}`, ...place(), weeks: some(allWeeks, int(4, 10)), maxClasses: int(2, 5),
  }));
  return { classes, hosts, tutors };
}
