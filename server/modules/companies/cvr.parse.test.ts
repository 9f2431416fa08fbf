import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidCvr } from '../../../common/cvr';
import { currentOf, parseCvrDocument, type CvrCompanyRecord, type CvrUnitRecord } from './cvr.parse';

const dir = path.resolve(__dirname, '../../../../shared/data/cvr');
const present = fs.existsSync(dir);
if (!present) console.warn(`[companies] ${dir} findes ikke: CVR-parsertest med rigtige dokumenter springes over.`);

function hitsOf(file: string): unknown[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { hits: { hits: unknown[] } }).hits.hits;
}
function companies(): Map<string, CvrCompanyRecord> {
  const out = new Map<string, CvrCompanyRecord>();
  for (const hit of hitsOf('sample_search_response.json')) {
    const r = parseCvrDocument(hit);
    if (r.ok && r.kind === 'company') out.set(r.record.cvr, r.record);
  }
  return out;
}

describe.skipIf(!present)('CVR parser on the real sample documents', () => {
  it('parses every hit of every file without rejections', () => {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const hit of hitsOf(file)) {
        const r = parseCvrDocument(hit);
        expect(r.ok, `${file}: ${JSON.stringify(r)}`).toBe(true);
        if (r.ok && r.kind === 'company') expect(isValidCvr(r.record.cvr)).toBe(true);
      }
    }
  });

  it('reads MAGENTA ApS: current name, address, industry, newest employment band', () => {
    const m = companies().get('25052943') as CvrCompanyRecord;
    expect(m).toMatchObject({
      name: 'MAGENTA ApS', legalForm: 'Anpartsselskab', status: 'active', street: 'Pilestræde 43, 3.', postalCode: '1112',
      city: 'København K', municipalityCode: 101, industryCode: '620200', industrySection: 'J', industryClassification: 'DB07',
      employeeBand: 'ANTAL_20_49', phone: '33369696', email: 'info@magenta.dk', advertisingProtected: true,
    });
    expect(m.productionUnits.map((p) => p.pNumber)).toEqual(['1007256945', '1019601052']);
  });

  it('reads Erhvervsstyrelsen 10150817 with its 11 P-units, ended ones ceased', () => {
    const e = companies().get('10150817') as CvrCompanyRecord;
    expect(e.name).toBe('Erhvervsstyrelsen');
    expect(e.street).toBe('Langelinie Allé 17');
    expect(e.employees).toBe(1198);
    expect(e.employeeBand).toBe('ANTAL_1000_999999');
    expect(e.phone).toBeNull();
    expect(e.productionUnits).toHaveLength(11);
    expect(e.productionUnits.find((p) => p.pNumber === '1008153546')).toMatchObject({ status: 'ceased', endDate: '2000-12-31' });
    expect(e.productionUnits.filter((p) => p.status === 'active').map((p) => p.pNumber)).toContain('1003407806');
  });

  it('marks ASSURE WEALTH A/S as advertising protected and keeps secondary names', () => {
    const a = companies().get('35682872') as CvrCompanyRecord;
    expect(a.advertisingProtected).toBe(true);
    expect(a.secondaryNames).toContain('Assure Reporting A/S');
    expect(companies().get('41774037')?.advertisingProtected).toBe(false);
  });

  it('reads the ceased production units with end date, company relation and P-number as given', () => {
    const units = hitsOf('magenta_plugin-cvr_unit.json').map((h) => parseCvrDocument(h));
    expect(units).toHaveLength(10);
    for (const u of units) expect(u.ok && u.kind === 'unit' && u.record.status === 'ceased' && u.record.endDate !== null).toBe(true);
    const retro = units.map((u) => (u.ok ? u.record : null)).find((u) => (u as CvrUnitRecord | null)?.pNumber === '1021686405') as CvrUnitRecord;
    expect(retro).toMatchObject({ name: 'retroognyt.dk', cvr: '37952273', postalCode: '7100', municipalityCode: 630, endDate: '2017-01-30', advertisingProtected: true });
  });
});

describe('CVR parser rules', () => {
  const doc = (over: Record<string, unknown>) => ({ Vrvirksomhed: { cvrNummer: 13748136, navne: [{ navn: 'Test ApS', periode: { gyldigFra: '2020-01-01', gyldigTil: null } }], ...over } });

  it('rejects a CVR that fails modulus 11, and a missing name', () => {
    expect(parseCvrDocument(doc({ cvrNummer: 13748137 }))).toMatchObject({ ok: false, key: '13748137' });
    expect(parseCvrDocument(doc({ navne: [] }))).toMatchObject({ ok: false, reason: 'Navn mangler.' });
    expect(parseCvrDocument({ foo: 1 })).toMatchObject({ ok: false });
  });

  it('takes the open period, else the one that ended last', () => {
    const p = (navn: string, gyldigFra: string, gyldigTil: string | null) => ({ navn, periode: { gyldigFra, gyldigTil } });
    expect(currentOf([p('Ny', '2020-01-01', null), p('Gammel', '2010-01-01', '2019-12-31')])?.navn).toBe('Ny');
    expect(currentOf([p('A', '2000-01-01', '2005-01-01'), p('B', '2005-01-02', '2010-01-01')])?.navn).toBe('B');
  });

  it('a company whose life period ended is ceased with that end date', () => {
    const r = parseCvrDocument(doc({ livsforloeb: [{ periode: { gyldigFra: '2001-01-01', gyldigTil: '2019-05-31' } }] }));
    expect(r).toMatchObject({ ok: true, record: { status: 'ceased', endDate: '2019-05-31' } });
    const byStatus = parseCvrDocument(doc({ virksomhedMetadata: { sammensatStatus: 'OPLØST EFTER KONKURS' } }));
    expect(byStatus).toMatchObject({ ok: true, record: { status: 'ceased' } });
  });

  it('keeps the DB25 classification when the document says so, DB07 otherwise', () => {
    const db25 = parseCvrDocument(doc({ hovedbranche: [{ branchekode: '620100', branchetekst: 'x', klassifikation: 'DB25', periode: { gyldigFra: '2025-01-01', gyldigTil: null } }] }));
    expect(db25).toMatchObject({ ok: true, record: { industryClassification: 'DB25', industrySection: 'K' } });
    const db07 = parseCvrDocument(doc({ hovedbranche: [{ branchekode: '620100', branchetekst: 'x', periode: { gyldigFra: '2008-01-01', gyldigTil: null } }] }));
    expect(db07).toMatchObject({ ok: true, record: { industryClassification: 'DB07', industrySection: 'J' } });
  });
});
