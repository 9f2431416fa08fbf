import type { Reason } from './types';

/** Danish names of common certificate and licence codes; the taxonomy may add or override labels. */
export const defaultCertificateLabels: Readonly<Record<string, string>> = {
  forklift: 'truckcertifikat',
  crane: 'kranførerbevis',
  welding: 'svejsecertifikat',
  hot_work: 'certifikat til varmt arbejde',
  first_aid: 'førstehjælpsbevis',
  adr: 'ADR-bevis (farligt gods)',
  driver_cpc: 'chaufføruddannelsesbevis',
  ...Object.fromEntries(['A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D', 'DE', 'T']
    .map((category) => [`driving_licence_${category}`, `kørekort kategori ${category}`])),
};

/** Danish names of languages by ISO 639-1 code, as they read inside a sentence. */
export const languageNames: Readonly<Record<string, string>> = {
  da: 'dansk', en: 'engelsk', de: 'tysk', sv: 'svensk', no: 'norsk', nb: 'norsk', fr: 'fransk', es: 'spansk',
  it: 'italiensk', pl: 'polsk', ro: 'rumænsk', lt: 'litauisk', lv: 'lettisk', uk: 'ukrainsk', ru: 'russisk',
  ar: 'arabisk', tr: 'tyrkisk', fa: 'persisk', so: 'somalisk', ti: 'tigrinya', ur: 'urdu', bg: 'bulgarsk',
};

const monthsDa = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-03-01" → "1. marts", with the year when it is not `currentYear`. */
export function formatDayDa(iso: string, currentYear: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return y === currentYear ? `${d}. ${monthsDa[m - 1]}` : `${d}. ${monthsDa[m - 1]} ${y}`;
}

/** Whole kilometres, "under 1 km" close by. */
export function formatKm(km: number): string {
  return km < 1 ? 'under 1 km' : `${Math.round(km)} km`;
}

/** "a", "a og b", "a, b og c", and "a, b, c og 4 andre" beyond `max` names. */
export function listDa(names: readonly string[], max = 3): string {
  if (names.length <= max) {
    return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
  }
  return `${names.slice(0, max).join(', ')} og ${names.length - max} andre`;
}

const hoursText = (h: number) => String(Math.round(h * 10) / 10).replace('.', ',');

type Params = Record<string, string | number>;
const make = (code: string, params: Params, text: string): Reason => ({ code, params, text });

/** Every reason the candidate matcher gives, in one place so the wording stays consistent. */
export const reasons = {
  occupationExact: (occupation: string) => make('occupation_exact', { occupation }, `samme erhverv: ${occupation}`),
  occupationGroup: (group: string, occupation: string | null) => make('occupation_group', { group, occupation: occupation ?? '' },
    occupation === null ? `samme faggruppe (DISCO ${group})` : `samme faggruppe (DISCO ${group}): ${occupation}`),
  occupationRelated: (occupation: string, shared: number) =>
    make('occupation_related', { occupation, shared }, `beslægtet erhverv: ${occupation} (${shared} fælles nødvendige kompetencer)`),
  occupationOther: () => make('occupation_other', {}, 'erhverv uden for faget'),
  skillsRequired: (held: number, total: number) =>
    make('skills_required', { held, total }, `${held} af ${total} nødvendige kompetencer`),
  skillsMissing: (labels: readonly string[]) =>
    make('skills_missing', { count: labels.length, skills: labels.join('; ') }, `mangler: ${listDa(labels)}`),
  skillsWanted: (held: number, total: number) =>
    make('skills_wanted', { held, total }, `${held} af ${total} ønskede kompetencer`),
  certificateHeld: (code: string, label: string) => make('certificate_held', { certificate: code }, label),
  certificateMissing: (code: string, label: string) =>
    make('certificate_missing', { certificate: code }, `mangler ${label}`),
  distance: (km: number, maxKm: number | null) => make('distance', { km: Math.round(km), maxKm: maxKm ?? '' },
    maxKm === null ? `${formatKm(km)} til arbejdspladsen` : `${formatKm(km)} til arbejdspladsen (maks. ${Math.round(maxKm)})`),
  distanceUnknown: () => make('distance_unknown', {}, 'afstanden er ukendt (postnummer mangler)'),
  availableNow: () => make('available_now', {}, 'kan starte straks'),
  availableFrom: (date: string, currentYear: number) =>
    make('available_from', { date }, `kan starte ${formatDayDa(date, currentYear)}`),
  availableLate: (date: string, start: string, currentYear: number) => make('available_late', { date, start },
    `kan først starte ${formatDayDa(date, currentYear)} (jobstart ${formatDayDa(start, currentYear)})`),
  hours: (hours: number) => make('hours', { hours }, `ønsker ${hoursText(hours)} timer om ugen`),
  hoursMismatch: (hours: number, jobHours: number) =>
    make('hours_mismatch', { hours, jobHours }, `ønsker ${hoursText(hours)} timer om ugen (jobbet er ${hoursText(jobHours)})`),
  languageMissing: (language: string) =>
    make('language_missing', { language }, `mangler sprog: ${languageNames[language] ?? language}`),
};
