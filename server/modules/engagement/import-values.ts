import { z } from 'zod';
import { isValidCvr, normaliseCvr } from '../../../common/cvr';
import {
  engagementThemes, type EngagementTheme, type InteractionChannel, type InteractionPurpose,
} from '../../../common/engagement';
import type { ImportErrorCode } from '../../../common/engagement-import';

/*
 * One cell of another CRM's file → a Samspil value, or a Danish message saying what is wrong with it.
 * Other systems write the same thing many ways ("Tlf.", "Telefonopkald", "phone"), so each parser knows the
 * common Danish and English spellings. Pure: no I/O.
 */

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: ImportErrorCode; message: string; params: Record<string, string> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(code: ImportErrorCode, message: string, params: Record<string, string> = {}): Parsed<T> =>
  ({ ok: false, code, message, params });

/** Letters and digits only, lower case, æ/ø/å spelled out: "E-mail" and "email" are the same word. */
const word = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
  .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');

function lookup<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of Object.entries(table) as [T, string[]][]) {
    map.set(word(value), value);
    for (const s of spellings) map.set(word(s), value);
  }
  return map;
}

const channels = lookup<InteractionChannel>({
  visit: ['besøg', 'virksomhedsbesøg', 'fysisk besøg', 'company visit', 'besog'],
  phone: ['telefon', 'telefonopkald', 'opkald', 'tlf', 'telefonmøde', 'phone call', 'call', 'telephone'],
  meeting: ['møde', 'online møde', 'teams', 'teams-møde', 'videomøde', 'online meeting', 'virtuelt møde'],
  email: ['e-mail', 'mail', 'e-post', 'emails'],
  event: ['arrangement', 'netværksmøde', 'konference', 'workshop', 'seminar', 'messe'],
});

const purposes = lookup<InteractionPurpose>({
  recruitment: ['rekruttering', 'rekrutering', 'recruiting'],
  retention: ['fastholdelse'],
  upskilling: ['opkvalificering', 'kompetenceudvikling', 'efteruddannelse', 'uddannelse'],
  business_development: ['erhvervsudvikling', 'forretningsudvikling', 'virksomhedsudvikling', 'business development'],
});

const themes = lookup<EngagementTheme>({
  automation_digitalisation: ['automatisering og digitalisering', 'automatisering', 'digitalisering', 'automation and digitalisation', 'automation', 'digitalisation', 'digitalization'],
  green_transition: ['grøn omstilling', 'bæredygtighed', 'green transition', 'sustainability'],
  leadership: ['ledelse', 'leadership', 'management'],
  export: ['eksport', 'internationalisering'],
  financing: ['finansiering', 'kapital', 'financing', 'funding'],
  skills_recruitment: ['kompetencer og rekruttering', 'kompetencer', 'skills and recruitment', 'skills'],
  production_lean: ['produktion og lean', 'produktion', 'lean', 'production and lean', 'production'],
  innovation: ['innovation', 'produktudvikling'],
  ownership_change: ['ejerskifte', 'generationsskifte', 'ownership change', 'succession'],
});

const truthy = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', 'sand', '1', 'fortrolig', 'confidential']);
const falsy = new Set(['nej', 'n', 'no', 'false', 'falsk', '0', 'ikkefortrolig']);

const months = new Map<string, number>([
  ['jan', 1], ['januar', 1], ['january', 1], ['feb', 2], ['februar', 2], ['february', 2], ['mar', 3], ['marts', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['maj', 5], ['may', 5], ['jun', 6], ['juni', 6], ['june', 6], ['jul', 7], ['juli', 7], ['july', 7],
  ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9], ['okt', 10], ['oktober', 10], ['oct', 10], ['october', 10],
  ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

function isoDay(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) && year >= 1900 ? iso : null;
}

/**
 * A calendar day: ISO (2024-03-05, also with a time after it), Danish day-first (05-03-2024, 5.3.2024,
 * 05/03/2024) or with the month's name (5. marts 2024). Two-digit years are refused: they are ambiguous.
 */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  let iso: string | null = null;
  if (m) iso = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})(?:[ T].*)?$/.exec(s))) iso = isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{1,2})\.?\s+([a-zA-ZæøåÆØÅ]+)\.?\s+(\d{4})$/.exec(s))) {
    const month = months.get(m[2].toLowerCase());
    if (month) iso = isoDay(Number(m[3]), month, Number(m[1]));
  }
  return iso ? ok(iso) : fail('invalid_date', `Ugyldig dato «${s}». Skriv datoen som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.`, { value: s });
}

export function parseChannel(raw: string): Parsed<InteractionChannel> {
  const value = channels.get(word(raw));
  return value ? ok(value) : fail('invalid_channel', `Ukendt kontaktform «${raw.trim()}». Brug besøg, telefon, møde, e-mail eller arrangement.`, { value: raw.trim() });
}

export function parsePurpose(raw: string): Parsed<InteractionPurpose> {
  const value = purposes.get(word(raw));
  return value ? ok(value) : fail('invalid_purpose', `Ukendt formål «${raw.trim()}». Brug rekruttering, fastholdelse, opkvalificering eller erhvervsudvikling.`, { value: raw.trim() });
}

/** Themes separated by comma, semicolon or |; each must be one of the partnership's themes. */
export function parseThemes(raw: string): Parsed<EngagementTheme[]> {
  const found: EngagementTheme[] = [];
  for (const part of raw.split(/[,;|]/).map((p) => p.trim()).filter(Boolean)) {
    const theme = themes.get(word(part));
    if (!theme) {
      return fail('invalid_theme', `Ukendt tema «${part}». Brug fx automatisering og digitalisering, grøn omstilling, ledelse, eksport eller innovation.`, { value: part });
    }
    if (!found.includes(theme)) found.push(theme);
  }
  return ok(engagementThemes.filter((t) => found.includes(t)));
}

/** Ja/nej in the ways spreadsheets write it; an empty cell is "no". */
export function parseBoolean(raw: string): Parsed<boolean> {
  const w = word(raw);
  if (w === '' || falsy.has(w)) return ok(false);
  if (truthy.has(w)) return ok(true);
  return fail('invalid_boolean', `«${raw.trim()}» er hverken ja eller nej.`, { value: raw.trim() });
}

const emailSchema = z.string().email().max(254);

export function parseEmail(raw: string): Parsed<string> {
  const value = raw.trim().toLowerCase();
  return emailSchema.safeParse(value).success ? ok(value) : fail('invalid_email', `Ugyldig e-mailadresse «${raw.trim()}».`, { value: raw.trim() });
}

export function parseCvr(raw: string): Parsed<string> {
  const value = normaliseCvr(raw);
  return isValidCvr(value) ? ok(value)
    : fail('invalid_cvr', `Ugyldigt CVR-nummer «${raw.trim()}»: det skal være 8 cifre og bestå modulus 11-kontrollen.`, { value: raw.trim() });
}

/** P-numbers are 10 digits and are not modulus-11 checked (real ones fail it). */
export function parsePNumber(raw: string): Parsed<string> {
  const value = raw.replace(/\s/g, '');
  return /^\d{10}$/.test(value) ? ok(value) : fail('invalid_p_number', `Ugyldigt P-nummer «${raw.trim()}»: det skal være 10 cifre.`, { value: raw.trim() });
}

/** Free text, trimmed, with a limit. */
export function parseText(raw: string, max: number): Parsed<string> {
  const value = raw.trim();
  return value.length <= max ? ok(value) : fail('too_long', `Teksten er for lang (${value.length} tegn; højst ${max}).`, { max: String(max), length: String(value.length) });
}
