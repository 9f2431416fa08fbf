import { csvRecords, detectDelimiter, stripBom } from '../../import/csv-text';
import { classImportHeaders, parseSchoolTheme, type ClassImportRowError, type SchoolTheme } from '../../../common/schools';

/*
 * The pure part of the classes CSV import: split the text, find the columns by their Danish or English names and
 * check every row. No I/O: the service looks up municipalities and schools and writes.
 */

export type ImportField = keyof typeof classImportHeaders;
const requiredFields: ImportField[] = ['school', 'municipality', 'grade', 'letter', 'pupils'];
const fieldLabels: Record<ImportField, string> = {
  school: 'skole', municipality: 'kommune', postalCode: 'postnummer', grade: 'klassetrin', letter: 'klasse', pupils: 'elever',
  weeks: 'uger', themes: 'temaer', teacherName: 'lærer', teacherEmail: 'lærermail',
};

export interface ParsedClassRow {
  rowNumber: number;
  school: string;
  municipalityCode: number;
  postalCode: string | null;
  grade: number;
  letter: string;
  pupils: number;
  weeks: number[];
  themes: SchoolTheme[];
  teacherName: string | null;
  teacherEmail: string | null;
}

/** Splits CSV text into rows of cells with the shared reader (quotes, CRLF/LF, the delimiter guessed from the header). */
export function splitCsv(text: string): string[][] {
  const body = stripBom(text);
  return [...csvRecords(body, detectDelimiter(body))].map((r) => r.fields).filter((r) => r.some((c) => c.trim() !== ''));
}

const normHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_.()-]/g, '');

/** Column index of each field found in the header, and the required fields it lacks (Danish names). */
export function mapHeader(header: string[]): { columns: Partial<Record<ImportField, number>>; missing: string[] } {
  const columns: Partial<Record<ImportField, number>> = {};
  header.forEach((h, i) => {
    const n = normHeader(h);
    for (const [field, names] of Object.entries(classImportHeaders) as [ImportField, readonly string[]][]) {
      if (columns[field] === undefined && names.some((name) => normHeader(name) === n)) columns[field] = i;
    }
  });
  return { columns, missing: requiredFields.filter((f) => columns[f] === undefined).map((f) => fieldLabels[f]) };
}

/** "10,11,14-16" or "10 11" → [10, 11, 14, 15, 16]; null when something is not a week. */
export function parseWeeks(text: string): number[] | null {
  const weeks = new Set<number>();
  for (const part of text.split(/[\s,|]+/).filter(Boolean)) {
    const m = /^(?:uge\s*)?(\d{1,2})(?:\s*-\s*(\d{1,2}))?$/i.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to > 53 || to < from) return null;
    for (let w = from; w <= to; w++) weeks.add(w);
  }
  return [...weeks].sort((a, b) => a - b);
}

const wholeNumber = (v: string): number | null => (/^-?\d+$/.test(v.trim()) ? Number(v.trim()) : null);

/**
 * Checks one data row. Errors read "Række 4: en klasse skal have mindst 1 elev" (row numbers count the header as 1).
 * `knownMunicipality` says whether a municipality code exists.
 */
export function checkRow(cells: string[], rowNumber: number, columns: Partial<Record<ImportField, number>>,
  knownMunicipality: (code: number) => boolean): { row: ParsedClassRow | null; errors: ClassImportRowError[] } {
  const errors: ClassImportRowError[] = [];
  const get = (f: ImportField) => (columns[f] === undefined ? '' : (cells[columns[f]] ?? '').trim());
  const fail = (field: ImportField, code: string, text: string) =>
    errors.push({ rowNumber, column: fieldLabels[field], code, message: `Række ${rowNumber}: ${text}` });

  const school = get('school');
  if (!school) fail('school', 'required', 'skolens navn mangler');
  else if (school.length > 200) fail('school', 'too_long', 'skolens navn må højst være 200 tegn');
  const municipalityCode = wholeNumber(get('municipality'));
  if (municipalityCode === null) fail('municipality', 'invalid_municipality', `kommunekoden «${get('municipality')}» er ikke et tal`);
  else if (!knownMunicipality(municipalityCode)) fail('municipality', 'unknown_municipality', `ukendt kommunekode ${municipalityCode}`);
  const postal = get('postalCode');
  if (postal && !/^\d{4}$/.test(postal)) fail('postalCode', 'invalid_postal_code', `postnummeret «${postal}» skal være fire cifre`);
  const grade = wholeNumber(get('grade').replace(/\.$/, ''));
  if (grade === null || grade < 0 || grade > 10) fail('grade', 'invalid_grade', `klassetrinnet «${get('grade')}» skal være et tal fra 0 til 10`);
  const letter = get('letter');
  if (!letter) fail('letter', 'required', 'klassens bogstav mangler');
  else if (letter.length > 10) fail('letter', 'too_long', 'klassebetegnelsen må højst være 10 tegn');
  const pupils = wholeNumber(get('pupils'));
  if (pupils === null) fail('pupils', 'invalid_pupils', `antal elever «${get('pupils')}» er ikke et helt tal`);
  else if (pupils < 1) fail('pupils', 'too_few_pupils', 'en klasse skal have mindst 1 elev');
  else if (pupils > 60) fail('pupils', 'too_many_pupils', 'en klasse kan højst have 60 elever');
  const weeks = parseWeeks(get('weeks'));
  if (weeks === null) fail('weeks', 'invalid_weeks', `ugerne «${get('weeks')}» skal være ugenumre fra 1 til 53, fx 10,11,14-16`);
  const themes: SchoolTheme[] = [];
  for (const t of get('themes').split(/[,|]+/).map((s) => s.trim()).filter(Boolean)) {
    const theme = parseSchoolTheme(t);
    if (theme) { if (!themes.includes(theme)) themes.push(theme); } else fail('themes', 'invalid_theme', `ukendt tema «${t}»`);
  }
  const teacherEmail = get('teacherEmail').toLowerCase();
  if (teacherEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(teacherEmail)) fail('teacherEmail', 'invalid_email', `ugyldig e-mailadresse «${teacherEmail}»`);
  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      rowNumber, school, municipalityCode: municipalityCode!, postalCode: postal || null, grade: grade!, letter: letter.toUpperCase(),
      pupils: pupils!, weeks: weeks!, themes, teacherName: get('teacherName') || null, teacherEmail: teacherEmail || null,
    },
    errors,
  };
}

/** Two rows for the same class (school, municipality, grade, letter): the later one is an error. */
export function duplicateKey(r: ParsedClassRow): string {
  return `${r.municipalityCode}|${r.school.toLowerCase()}|${r.grade}|${r.letter}`;
}
