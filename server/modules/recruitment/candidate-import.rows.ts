import { candidateCreateSchema, certificateLabels, certificates, type CandidateCreate } from '../../../common/recruitment';

/*
 * A job centre's candidate export as rows: which column is which field (Danish and English header synonyms), and
 * each row's cells as a candidate (`candidateCreateSchema`'s input) with Danish errors per cell. Pure: the codes
 * are checked against the reference tables afterwards (candidate-import.service).
 */

export type ImportField =
  | 'externalRef' | 'name' | 'cpr' | 'email' | 'phone' | 'occupations' | 'skills' | 'certificates' | 'educationLevel' | 'languages'
  | 'postalCode' | 'maxCommuteKm' | 'availableFrom' | 'hoursPerWeek' | 'targetGroup' | 'cvText';

/** Header names per field, normalised (lower case, æ→ae, ø→oe, å→aa, separators → _). */
const synonyms: Record<ImportField, string[]> = {
  externalRef: ['id', 'kandidat_id', 'kandidatid', 'kandidatnr', 'kandidatnummer', 'borger_id', 'external_id', 'external_ref', 'candidate_id'],
  name: ['navn', 'fulde_navn', 'fuldt_navn', 'name', 'full_name'],
  cpr: ['cpr', 'cpr_nr', 'cprnr', 'cpr_nummer', 'cprnummer', 'personnummer', 'ssn'],
  email: ['email', 'e_mail', 'mail', 'emailadresse', 'e_mailadresse'],
  phone: ['telefon', 'tlf', 'tlf_nr', 'telefonnummer', 'mobil', 'phone', 'mobile'],
  occupations: ['erhverv', 'stilling', 'stillinger', 'stillingsbetegnelse', 'jobmaal', 'occupation', 'occupations', 'disco', 'esco_erhverv'],
  skills: ['kompetencer', 'kompetence', 'faerdigheder', 'skills', 'skill'],
  certificates: ['certifikater', 'certifikat', 'beviser', 'certificates', 'licences', 'licenses'],
  educationLevel: ['uddannelse', 'uddannelsesniveau', 'education', 'education_level'],
  languages: ['sprog', 'languages', 'language'],
  postalCode: ['postnummer', 'postnr', 'post_nr', 'postal_code', 'postcode', 'zip'],
  maxCommuteKm: ['maks_km', 'max_km', 'maks_transport', 'maks_transport_km', 'transport_km', 'max_commute_km', 'commute_km'],
  availableFrom: ['ledig_fra', 'tilgaengelig_fra', 'kan_starte', 'startdato', 'available_from', 'start_date'],
  hoursPerWeek: ['timer', 'timer_pr_uge', 'ugentlige_timer', 'hours', 'hours_per_week'],
  targetGroup: ['maalgruppe', 'malgruppe', 'ydelse', 'target_group'],
  cvText: ['cv', 'cv_tekst', 'cv_text', 'resume'],
};

/** Danish column names for messages. */
export const fieldNames: Record<ImportField, string> = {
  externalRef: 'id', name: 'navn', cpr: 'cpr', email: 'email', phone: 'telefon', occupations: 'erhverv', skills: 'kompetencer',
  certificates: 'certifikater', educationLevel: 'uddannelse', languages: 'sprog', postalCode: 'postnummer', maxCommuteKm: 'maks_km',
  availableFrom: 'ledig_fra', hoursPerWeek: 'timer', targetGroup: 'målgruppe', cvText: 'cv',
};

export const requiredFields: readonly ImportField[] = ['externalRef', 'name', 'occupations', 'postalCode'];

export function normaliseName(raw: string): string {
  return raw.trim().toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[\s\-./]+/g, '_').replace(/[^a-z0-9_]/g, '');
}

/** Which column holds which field; columns nobody recognises are listed so the message can name them. */
export function mapHeader(header: readonly string[]): { fields: Map<ImportField, number>; columns: Record<string, ImportField>; unknown: string[]; missing: ImportField[] } {
  const fields = new Map<ImportField, number>();
  const columns: Record<string, ImportField> = {};
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const name = normaliseName(raw);
    const field = (Object.keys(synonyms) as ImportField[]).find((f) => synonyms[f].includes(name));
    if (field && !fields.has(field)) {
      fields.set(field, index);
      columns[raw.trim()] = field;
    } else if (raw.trim()) {
      unknown.push(raw.trim());
    }
  });
  return { fields, columns, unknown, missing: requiredFields.filter((f) => !fields.has(f)) };
}

export interface CellError { field: ImportField | null; message: string }

const list = (v: string) => v.split('|').map((s) => s.trim()).filter(Boolean);
const certificateByWord = new Map<string, string>([
  ...certificates.map((c) => [normaliseName(c), c] as const),
  ...certificates.map((c) => [normaliseName(certificateLabels[c].da), c] as const),
]);

/** `2026-03-01`, `01-03-2026`, `1.3.2026` or `01/03/2026` as `YYYY-MM-DD`; null when it is none of these. */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number; let m: number; let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [d, m, y] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const number = (v: string) => (/^-?\d+([.,]\d+)?$/.test(v.trim()) ? Number(v.trim().replace(',', '.')) : Number.NaN);

/** A row's cells as a candidate to validate; conversion errors (dates, numbers, certificates) are reported per cell. */
export function rowInput(cells: readonly string[], fields: Map<ImportField, number>): { input: CandidateCreate; errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (f: ImportField) => {
    const i = fields.get(f);
    return i === undefined ? undefined : (cells[i] ?? '').trim();
  };
  const optional = (f: ImportField) => {
    const v = cell(f);
    return v === undefined ? undefined : v === '' ? null : v;
  };
  const input: Record<string, unknown> = {
    externalRef: cell('externalRef') || null, name: cell('name') ?? '', occupations: list(cell('occupations') ?? ''),
    postalCode: cell('postalCode') ?? '',
  };
  for (const f of ['email', 'phone', 'cpr', 'cvText'] as const) {
    const v = optional(f);
    if (v !== undefined) input[f] = v;
  }
  const skills = cell('skills');
  if (skills !== undefined) input.skills = list(skills);
  const languages = cell('languages');
  if (languages !== undefined) input.languages = list(languages).map((l) => l.toLowerCase().replace(/\s/g, ''));
  const certs = cell('certificates');
  if (certs !== undefined) {
    const found = list(certs).map((c) => [c, certificateByWord.get(normaliseName(c))] as const);
    const unknown = found.filter(([, code]) => !code).map(([c]) => c);
    if (unknown.length) errors.push({ field: 'certificates', message: `Ukendt certifikat: ${unknown.join(', ')}.` });
    input.certificates = [...new Set(found.flatMap(([, code]) => (code ? [code] : [])))];
  }
  for (const f of ['educationLevel', 'targetGroup'] as const) {
    const v = optional(f);
    if (v !== undefined) input[f] = v === null ? null : normaliseName(v);
  }
  const km = optional('maxCommuteKm');
  if (km) {
    const n = number(km);
    if (!Number.isInteger(n)) errors.push({ field: 'maxCommuteKm', message: `Maks. transport skal være et helt antal km, ikke «${km}».` });
    else input.maxCommuteKm = n;
  }
  const hours = optional('hoursPerWeek');
  if (hours) {
    const n = number(hours);
    if (Number.isNaN(n)) errors.push({ field: 'hoursPerWeek', message: `Timer pr. uge skal være et tal, ikke «${hours}».` });
    else input.hoursPerWeek = n;
  }
  const from = optional('availableFrom');
  if (from) {
    const iso = parseDate(from);
    if (!iso) errors.push({ field: 'availableFrom', message: `Ugyldig dato «${from}»: skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.` });
    else input.availableFrom = iso;
  } else if (from === null) {
    input.availableFrom = null;
  }
  return { input: input as CandidateCreate, errors };
}

/** Validates a row's candidate with the API's own schema; issues come back per field with the schema's Danish message. */
export function validateRow(input: CandidateCreate): { value?: ReturnType<typeof candidateCreateSchema.parse>; errors: CellError[] } {
  const parsed = candidateCreateSchema.safeParse(input);
  if (parsed.success) return { value: parsed.data, errors: [] };
  return {
    errors: parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? '') as ImportField;
      return { field: field in fieldNames ? field : null, message: i.message };
    }),
  };
}
