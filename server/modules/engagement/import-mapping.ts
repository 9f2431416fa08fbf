import {
  importFields, importRequiredFields, type ImportField, type ImportKind, type ImportMapping,
} from '../../../common/engagement-import';
import type { ProblemFieldError } from '../../../common/problem';

/*
 * Which column of another CRM's file holds which field: suggestions from Danish and English header names,
 * and the check of a mapping before the dry run starts. Pure: no I/O.
 */

/** Danish names of the target fields, for messages. */
export const fieldLabels: Record<ImportField, string> = {
  cvr: 'CVR-nummer', pNumber: 'P-nummer', date: 'Dato', channel: 'Kontaktform', purpose: 'Formål', themes: 'Temaer',
  notes: 'Noter', participants: 'Deltagere', confidential: 'Fortrolig', followUpDate: 'Opfølgningsdato',
  consultantEmail: 'Konsulentens e-mail', externalRef: 'Ekstern id', name: 'Navn', title: 'Titel', phone: 'Telefon',
  email: 'E-mail', role: 'Rolle',
};

/** Lower case, æ/ø/å spelled out, everything but letters and digits dropped: "CVR-nr." → "cvrnr". */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
}

type Synonyms = Partial<Record<ImportField, { exact: string[]; contains?: string[] }>>;

const companyKeys: Synonyms = {
  cvr: { exact: ['cvr', 'cvrnr', 'cvrnummer', 'cvrno', 'cvrnumber', 'virksomhedscvr', 'companycvr', 'vatno', 'vatnumber'], contains: ['cvr'] },
  pNumber: { exact: ['pnr', 'pnummer', 'pnumber', 'pno', 'penhed', 'produktionsenhed', 'productionunit', 'pnrproduktionsenhed'], contains: ['pnummer', 'produktionsenhed'] },
  externalRef: { exact: ['eksternid', 'id', 'externalid', 'externalref', 'reference', 'ref', 'crmid', 'noegle', 'key', 'loebenummer', 'recordid', 'eksternreference'], contains: ['eksternid', 'externalid', 'crmid'] },
};

const synonyms: Record<ImportKind, Synonyms> = {
  interactions: {
    ...companyKeys,
    date: { exact: ['dato', 'kontaktdato', 'date', 'interaktionsdato', 'aktivitetsdato', 'moededato', 'datoforkontakt', 'contactdate', 'activitydate'], contains: ['dato', 'date'] },
    channel: { exact: ['kontaktform', 'kanal', 'type', 'kontakttype', 'channel', 'medie', 'aktivitetstype', 'activitytype', 'contacttype'], contains: ['kontaktform', 'kanal', 'channel'] },
    purpose: { exact: ['formaal', 'purpose', 'formaalmedkontakten', 'kontaktformaal'], contains: ['formaal', 'purpose'] },
    themes: { exact: ['temaer', 'tema', 'themes', 'theme', 'emner', 'topics'], contains: ['tema', 'theme'] },
    notes: { exact: ['note', 'notat', 'noter', 'notater', 'beskrivelse', 'referat', 'notes', 'comment', 'comments', 'kommentar', 'bemaerkning', 'description'], contains: ['notat', 'note'] },
    participants: { exact: ['deltagere', 'deltager', 'participants', 'kontaktperson', 'kontaktpersoner', 'attendees'], contains: ['deltager'] },
    confidential: { exact: ['fortrolig', 'confidential', 'hemmelig', 'privat', 'private'], contains: ['fortrolig', 'confidential'] },
    followUpDate: { exact: ['opfoelgning', 'opfoelgningsdato', 'followup', 'followupdate', 'naestekontakt', 'opfoelgningdato'], contains: ['opfoelgning', 'followup'] },
    consultantEmail: { exact: ['konsulentemail', 'konsulentmail', 'medarbejderemail', 'ansvarligemail', 'consultantemail', 'owneremail', 'useremail', 'registreretaf'], contains: ['konsulentemail', 'konsulentmail', 'consultantemail'] },
  },
  contacts: {
    ...companyKeys,
    name: { exact: ['navn', 'fuldtnavn', 'fuldenavn', 'kontaktperson', 'name', 'fullname', 'kontaktnavn', 'contactname'], contains: ['navn', 'name'] },
    title: { exact: ['titel', 'stilling', 'jobtitel', 'stillingsbetegnelse', 'title', 'jobtitle', 'position'], contains: ['titel', 'stilling', 'title'] },
    phone: { exact: ['telefon', 'tlf', 'tlfnr', 'telefonnummer', 'mobil', 'mobilnummer', 'phone', 'telephone', 'mobile', 'phonenumber'], contains: ['telefon', 'tlf', 'phone', 'mobil'] },
    email: { exact: ['email', 'mail', 'emailadresse', 'epost', 'emailaddress'], contains: ['mail'] },
    role: { exact: ['rolle', 'role', 'funktion', 'kontaktrolle'], contains: ['rolle', 'role'] },
  },
};

/**
 * A mapping from the file's own column names: exact synonyms first, then names that contain a telling word
 * ("Virksomhedens CVR-nummer"). Each column is used once; a field without a match stays unmapped.
 */
export function suggestMapping(kind: ImportKind, header: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  const normalised = header.map((h) => ({ column: h, key: normaliseHeader(h) }));
  const fields = importFields[kind] as readonly ImportField[];
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of fields) {
      if (mapping[field]) continue;
      const words = synonyms[kind][field]?.[pass] ?? [];
      const hit = normalised.find((h) => !used.has(h.column) && words.some((w) => (pass === 'exact' ? h.key === w : h.key.includes(w))));
      if (hit) {
        mapping[field] = hit.column;
        used.add(hit.column);
      }
    }
  }
  return mapping;
}

/** A mapping checked against the kind's fields and the file's header: field errors (Danish) or the clean mapping. */
export function checkMapping(kind: ImportKind, header: readonly string[], input: Record<string, string>):
  { ok: true; mapping: ImportMapping } | { ok: false; detail: string; errors: ProblemFieldError[] } {
  const fields = importFields[kind] as readonly string[];
  const errors: ProblemFieldError[] = [];
  const mapping: ImportMapping = {};
  const usedBy = new Map<string, ImportField>();
  for (const [field, column] of Object.entries(input)) {
    if (!fields.includes(field)) {
      errors.push({ path: field, message: `Feltet «${field}» kan ikke importeres som ${kind === 'interactions' ? 'kontakt' : 'kontaktperson'}.` });
      continue;
    }
    const target = field as ImportField;
    if (!header.includes(column)) {
      errors.push({ path: field, message: `Kolonnen «${column}» findes ikke i filen.` });
      continue;
    }
    const other = usedBy.get(column);
    if (other) {
      errors.push({ path: field, message: `Kolonnen «${column}» er allerede valgt til ${fieldLabels[other]}.` });
      continue;
    }
    usedBy.set(column, target);
    mapping[target] = column;
  }
  const missing = importRequiredFields[kind].filter((f) => !mapping[f]).map((f) => fieldLabels[f]);
  for (const field of importRequiredFields[kind]) {
    if (!mapping[field] && !errors.some((e) => e.path === field)) errors.push({ path: field, message: `Vælg kolonnen med ${fieldLabels[field].toLowerCase()}.` });
  }
  if (!mapping.cvr && !mapping.pNumber) {
    missing.push('CVR-nummer eller P-nummer');
    if (!errors.some((e) => e.path === 'cvr')) errors.push({ path: 'cvr', message: 'Vælg kolonnen med CVR-nummer eller P-nummer: uden den kan virksomhederne ikke findes.' });
  }
  if (errors.length === 0) return { ok: true, mapping };
  const detail = missing.length > 0
    ? `Filen mangler kolonner, der skal bruges: ${joinDanish(missing)}. Vælg dem, eller kontrollér, at det er den rigtige fil.`
    : 'Tilknytningen af kolonner er ikke gyldig. Ret de markerede felter.';
  return { ok: false, detail, errors };
}

/** "a, b og c" */
export function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}
