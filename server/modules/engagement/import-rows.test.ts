import { describe, expect, it } from 'vitest';
import { importRequiredFields, type ImportMapping } from '../../../common/engagement-import';
import { columnIndexes, readRow, resolveRow, type ChunkLookups } from './import-rows';

const header = ['CVR', 'P-nr', 'Dato', 'Type', 'Formål', 'Fortrolig', 'Opfølgning', 'Konsulent', 'ID', 'Note'];
const mapping: ImportMapping = {
  cvr: 'CVR', pNumber: 'P-nr', date: 'Dato', channel: 'Type', purpose: 'Formål', confidential: 'Fortrolig',
  followUpDate: 'Opfølgning', consultantEmail: 'Konsulent', externalRef: 'ID', notes: 'Note',
};
const spec = { mapping, indexes: columnIndexes(mapping, header), headerLength: header.length, today: '2026-11-21', required: importRequiredFields.interactions };
const lookups = (): ChunkLookups => ({
  companiesByCvr: new Map([['13748136', 'company-a']]),
  unitsByPNumber: new Map([['1000000001', { id: 'unit-a', companyId: 'company-a' }], ['1000000002', { id: 'unit-b', companyId: 'company-b' }]]),
  usersByEmail: new Map([['karin@kolding.dk', 'user-karin']]),
  existingRefs: new Map([['OLD-1', { deleted: false }], ['GONE-1', { deleted: true }]]),
  seenRefs: new Map(),
  organisationName: 'Erhvervskontor Kolding',
});
const row = (cells: Partial<Record<string, string>>) => header.map((h) => cells[h] ?? '');
const ok = { CVR: '13748136', Dato: '2026-11-20', Type: 'Besøg', Formål: 'Rekruttering' };

describe('import rows', () => {
  it('normalises a valid row into the record to write', () => {
    const draft = readRow('interactions', spec, 2, row({ ...ok, Fortrolig: 'ja', Opfølgning: '01-12-2026', Konsulent: 'Karin@Kolding.dk', ID: 'OLD-1', Note: ' Svejsere ' }));
    expect(resolveRow('interactions', draft, mapping, lookups())).toEqual({
      rowNumber: 2, companyId: 'company-a', errors: null, update: true,
      record: {
        externalRef: 'OLD-1', date: '2026-11-20', channel: 'visit', purpose: 'recruitment', notes: 'Svejsere', confidential: true,
        followUpDate: '2026-12-01', authorId: 'user-karin',
      },
    });
  });

  it('collects every error of a row at the file\'s own column names', () => {
    const draft = readRow('interactions', spec, 7, row({ CVR: '13748137', Dato: '22-11-2026', Type: 'Fax', Opfølgning: '2026-11-01', Konsulent: 'ukendt@x.dk' }));
    const staged = resolveRow('interactions', draft, mapping, lookups());
    expect(staged.record).toBeNull();
    expect(staged.errors?.map((e) => [e.column, e.code])).toEqual([
      ['Formål', 'required'], ['CVR', 'invalid_cvr'], ['Dato', 'date_in_future'], ['Type', 'invalid_channel'],
      ['Opfølgning', 'follow_up_before_date'], ['Konsulent', 'unknown_consultant'],
    ]);
    expect(staged.errors?.find((e) => e.code === 'unknown_consultant')?.message).toBe('Ingen bruger i Erhvervskontor Kolding har e-mailen ukendt@x.dk.');
  });

  it('finds the company by P-number, and refuses a P-number of another company or none at all', () => {
    const l = lookups();
    const byP = resolveRow('interactions', readRow('interactions', spec, 2, row({ ...ok, CVR: '', 'P-nr': '1000000001' })), mapping, l);
    expect(byP.companyId).toBe('company-a');
    const other = resolveRow('interactions', readRow('interactions', spec, 3, row({ ...ok, 'P-nr': '1000000002' })), mapping, l);
    expect(other.errors?.map((e) => e.code)).toEqual(['p_number_other_company']);
    const none = resolveRow('interactions', readRow('interactions', spec, 4, row({ ...ok, CVR: '' })), mapping, l);
    expect(none.errors?.map((e) => [e.column, e.message])).toEqual([['CVR', 'Rækken mangler CVR-nummer eller P-nummer.']]);
  });

  it('refuses an external id used twice in the file and one deleted in Samspil', () => {
    const l = lookups();
    expect(resolveRow('interactions', readRow('interactions', spec, 2, row({ ...ok, ID: 'X-1' })), mapping, l).errors).toBeNull();
    const again = resolveRow('interactions', readRow('interactions', spec, 9, row({ ...ok, ID: 'X-1' })), mapping, l);
    expect(again.errors?.[0].message).toBe('Ekstern id «X-1» står også i række 2; hver række skal have sit eget id.');
    const gone = resolveRow('interactions', readRow('interactions', spec, 10, row({ ...ok, ID: 'GONE-1' })), mapping, l);
    expect(gone.errors?.map((e) => e.code)).toEqual(['deleted_ref']);
  });

  it('refuses a row with more filled fields than the header has columns', () => {
    const draft = readRow('interactions', spec, 5, [...row(ok), 'overflødig']);
    expect(draft.errors.map((e) => [e.column, e.code])).toEqual([[null, 'extra_fields']]);
  });

  it('reads a contact row, with the P-unit when the P-number column is mapped', () => {
    const contactMapping: ImportMapping = { name: 'Navn', email: 'Mail', cvr: 'CVR', pNumber: 'P', externalRef: 'ID' };
    const contactHeader = ['Navn', 'Mail', 'CVR', 'P', 'ID'];
    const contactSpec = { mapping: contactMapping, indexes: columnIndexes(contactMapping, contactHeader), headerLength: 5, today: '2026-11-21', required: importRequiredFields.contacts };
    const staged = resolveRow('contacts', readRow('contacts', contactSpec, 2, ['Gitte Jensen', 'GJ@Firma.dk', '13748136', '1000000001', '']), contactMapping, lookups());
    expect(staged).toMatchObject({ companyId: 'company-a', errors: null, record: { name: 'Gitte Jensen', email: 'gj@firma.dk', productionUnitId: 'unit-a', externalRef: null } });
    const bad = resolveRow('contacts', readRow('contacts', contactSpec, 3, ['', 'gj@', '13748136', '', '']), contactMapping, lookups());
    expect(bad.errors?.map((e) => e.code)).toEqual(['required', 'invalid_email']);
  });
});
