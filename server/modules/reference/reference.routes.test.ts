import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDa } from '../../../common/text';
import { createActor, createTestApp, injectAs, type TestActor, type TestApp } from '../../test/helpers';
import { importDb07 } from './import/db07';
import { importPostnumre } from './import/postnumre';
import { tempDir } from './import/test-data';
import { findPostalCode, officialPostalCodes } from '.';
import { seedReferenceData } from './seed';

describe('reference routes', () => {
  let t: TestApp;
  let analyst: TestActor;
  let companyUser: TestActor;
  const tmp = tempDir();
  const get = (url: string, actor: TestActor | null = analyst) => injectAs(t.app, actor, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp();
    await seedReferenceData(t.db);
    // Built in: the partnership area's postal codes, but not yet the official list.
    expect(await officialPostalCodes(t.db)).toBe(false);
    expect(await findPostalCode(t.db, '6000')).toMatchObject({ name: 'Kolding', municipalityCode: 621 });
    analyst = await createActor(t.db, { roles: ['analyst'] });
    companyUser = await createActor(t.db, { roles: ['company_user'], kind: 'company' });
    const postal = path.join(tmp.dir, 'postnumre.csv');
    fs.writeFileSync(postal, 'postnr,navn,stormodtager,lat,lon,kommunekode_primaer,kommunekoder_postnord\n7100,Vejle,false,55.70927,9.53570,630,630|621\n');
    await importPostnumre(t.db, postal, {});
    expect(await officialPostalCodes(t.db)).toBe(true);
    const db07 = path.join(tmp.dir, 'db07.csv');
    fs.writeFileSync(db07, [
      'niveau,kode,kode_punktum,sektion,overordnet_kode,titel_da,nace_rev2_kode,titel_en_nace,nace_klasse_titel_en,note',
      '1,25,25,C,C,Fremstilling af metalprodukter,25,Manufacture of fabricated metal products,,',
      '1,28,28,C,C,Fremstilling af maskiner,28,Manufacture of machinery,,',
      '2,251,25.1,C,25,Fremstilling af konstruktionsmetalprodukter,25.1,Manufacture of structural metal products,,',
    ].join('\n'));
    await importDb07(t.db, db07, {});
  });
  afterAll(async () => {
    tmp.remove();
    await t?.close();
  });

  it('answers 401 without a session on every route', async () => {
    for (const url of ['/api/v1/reference/regions', '/api/v1/reference/municipalities', '/api/v1/reference/industries',
      '/api/v1/reference/occupations', '/api/v1/reference/skills', '/api/v1/reference/postal-codes/7100']) {
      const response = await get(url, null);
      expect(response.statusCode, url).toBe(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('lists the 5 regions in Danish order', async () => {
    const response = await get('/api/v1/reference/regions');
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((r: { name: string }) => r.name);
    expect(names).toEqual(['Region Hovedstaden', 'Region Midtjylland', 'Region Nordjylland', 'Region Sjælland', 'Region Syddanmark']);
    expect(response.json().items[0]).toEqual({ code: 1084, name: 'Region Hovedstaden', nameEn: 'Capital Region of Denmark' });
  });

  it('lists municipalities, all or of one region, in Danish order (Ærø and Aabenraa last)', async () => {
    const all = (await get('/api/v1/reference/municipalities')).json().items;
    expect(all).toHaveLength(98);
    const south = (await get('/api/v1/reference/municipalities?region=1083', companyUser)).json().items as { name: string; regionCode: number }[];
    expect(south).toHaveLength(22);
    expect(south.every((m) => m.regionCode === 1083)).toBe(true);
    const names = south.map((m) => m.name);
    expect(names).toEqual([...names].sort(compareDa));
    expect(names.slice(-2)).toEqual(['Ærø', 'Aabenraa']);
    expect((await get('/api/v1/reference/municipalities?region=x')).statusCode).toBe(400);
  });

  it('lists industries by level, parent and text, in hierarchical code order', async () => {
    const sections = (await get('/api/v1/reference/industries?level=0')).json().items as { code: string }[];
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    const underC = (await get('/api/v1/reference/industries?parent=C')).json().items as { code: string; section: string }[];
    expect(underC.map((i) => i.code)).toEqual(['25', '28']);
    const section = (await get('/api/v1/reference/industries?q=metal')).json().items as { code: string }[];
    expect(section.map((i) => i.code)).toEqual(['25', '251']);
    const byCode = (await get('/api/v1/reference/industries?q=25.1')).json().items as { code: string; titleEn: string }[];
    expect(byCode).toEqual([expect.objectContaining({ code: '251', titleEn: 'Manufacture of structural metal products' })]);
    expect((await get('/api/v1/reference/industries?level=9')).statusCode).toBe(400);
  });

  it('searches occupations in every label and language, accents folded, best match first', async () => {
    const cnc = (await get('/api/v1/reference/occupations?q=cnc')).json().items as { label: string; iscoGroup: string }[];
    expect(cnc.map((o) => o.label)).toEqual(['CNC-operatør', 'CNC-programmør']);
    expect(cnc[0].iscoGroup).toBe('7223');
    const folded = (await get('/api/v1/reference/occupations?q=truckforer')).json().items;
    expect(folded.map((o: { label: string }) => o.label)).toEqual(['Truckfører']);
    expect((await get('/api/v1/reference/occupations?q=welder')).json().items[0].label).toBe('Svejser');
    expect((await get('/api/v1/reference/occupations?q=klejnsmed')).json().items[0].label).toBe('Smed');
    expect((await get('/api/v1/reference/occupations?scheme=isco08')).json().items).toEqual([]);
    const groups = (await get('/api/v1/reference/occupations?scheme=isco08&groups=true&limit=100')).json().items;
    expect(groups).toHaveLength(10);
    expect((await get('/api/v1/reference/occupations?limit=3')).json().items).toHaveLength(3);
    expect((await get('/api/v1/reference/occupations?limit=1000')).statusCode).toBe(400);
  });

  it('searches skills', async () => {
    const welding = (await get('/api/v1/reference/skills?q=svejsning&limit=50')).json().items as { label: string; skillType: string }[];
    expect(welding.map((s) => s.label)).toEqual(expect.arrayContaining(['TIG-svejsning', 'MIG/MAG-svejsning', 'Aluminiumssvejsning']));
    const licence = (await get('/api/v1/reference/skills?q=forklift')).json().items;
    expect(licence).toEqual([{ uri: 'urn:samspil:skill:truckcertifikat', scheme: 'samspil-demo', label: 'Truckcertifikat', skillType: 'certificate' }]);
  });

  it('returns a postal code, 404 for an unknown one and 400 for a malformed one', async () => {
    const response = await get('/api/v1/reference/postal-codes/7100');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ code: '7100', name: 'Vejle', municipalityCode: 630, municipalityCodes: [630, 621], lat: 55.70927, lon: 9.5357, isPoBox: false });
    const missing = await get('/api/v1/reference/postal-codes/0000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toMatch(/0000/);
    expect((await get('/api/v1/reference/postal-codes/abc')).statusCode).toBe(400);
  });
});
