import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../../common/geo';
import { readCsvRows } from '../../../import/csv';
import { dataFile, hasSharedData, noDataMessage } from '../import/test-data';
import { db07Sections, iscoMajorGroups } from './classifications';
import { demoOccupations, demoSkills } from './demo-taxonomy';
import { builtinMunicipalities, builtinRegions } from './geography';
import { builtinPostalCodes } from './postal-codes';

async function rows(file: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const row of readCsvRows(dataFile(file), [])) out.push(row.values);
  return out;
}

describe('built-in facts', () => {
  it('has 5 regions and 98 municipalities with unique codes in known regions', () => {
    expect(builtinRegions.map((r) => r.code)).toEqual([1081, 1082, 1083, 1084, 1085]);
    expect(builtinMunicipalities).toHaveLength(98);
    expect(new Set(builtinMunicipalities.map((m) => m.code)).size).toBe(98);
    for (const m of builtinMunicipalities) expect(builtinRegions.some((r) => r.code === m.regionCode)).toBe(true);
  });

  it('has DB07 sections A–U and ISCO-08 major groups 0–9', () => {
    expect(db07Sections.map((s) => s.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(iscoMajorGroups.map((g) => g.code).join('')).toBe('0123456789');
  });

  it('has a demo taxonomy whose relations point at its own skills, without repeats', () => {
    const skills = new Set(demoSkills.map((s) => s.slug));
    expect(skills.size).toBe(demoSkills.length);
    expect(demoSkills.length).toBeGreaterThanOrEqual(55);
    expect(demoOccupations.length).toBeGreaterThanOrEqual(24);
    for (const o of demoOccupations) {
      const related = [...o.essential, ...o.optional];
      expect(related.filter((s) => !skills.has(s)), o.slug).toEqual([]);
      expect(new Set(related).size, o.slug).toBe(related.length);
      expect(o.isco).toMatch(/^\d{4}$/);
    }
  });

  it('has postal codes with unique 4-digit codes in real municipalities, inside Denmark', () => {
    expect(new Set(builtinPostalCodes.map((p) => p.code)).size).toBe(builtinPostalCodes.length);
    const municipalities = new Set(builtinMunicipalities.map((m) => m.code));
    for (const p of builtinPostalCodes) {
      expect(p.code, p.name).toMatch(/^\d{4}$/);
      expect(municipalities.has(p.municipalityCode), p.code).toBe(true);
      expect(p.lat > 54.5 && p.lat < 57.8 && p.lon > 8 && p.lon < 15.2, p.code).toBe(true);
    }
  });
});

describe.skipIf(!hasSharedData)(`built-in facts agree with the official files ${hasSharedData ? '' : noDataMessage}`, () => {
  it('municipalities: same codes, names and regions as dk_kommuner.csv (Ertholmene is no municipality)', async () => {
    const official = (await rows('dk_kommuner.csv')).filter((r) => r.kommunekode !== '411')
      .map((r) => ({ code: Number(r.kommunekode), name: r.kommunenavn, regionCode: Number(r.regionskode) }))
      .sort((a, b) => a.code - b.code);
    expect(builtinMunicipalities).toEqual(official);
  });

  it('regions: same codes, names and NUTS2 as dk_regioner.csv', async () => {
    const official = (await rows('dk_regioner.csv')).map((r) => ({ code: Number(r.regionskode), name: r.regionsnavn, nuts2: r.nuts2 }));
    expect(builtinRegions.map(({ code, name, nuts2 }) => ({ code, name, nuts2 }))).toEqual(official);
  });

  it('DB07 sections carry DST titles, ISCO groups DISCO-08 titles, demo occupations real unit groups', async () => {
    const db07 = (await rows('db07.csv')).filter((r) => r.niveau === '0');
    expect(db07Sections.map((s) => [s.letter, s.titleDa])).toEqual(db07.map((r) => [r.kode, r.titel_da]));
    const disco = await rows('disco08_da.csv');
    const majors = new Map(disco.filter((r) => r.niveau === '1').map((r) => [r.kode, r.titel_da.toLowerCase()]));
    for (const g of iscoMajorGroups) expect(g.da.toLowerCase()).toBe(majors.get(g.code));
    const unitGroups = new Set(disco.filter((r) => r.niveau === '4').map((r) => r.kode));
    expect(demoOccupations.filter((o) => !unitGroups.has(o.isco)).map((o) => o.slug)).toEqual([]);
  });

  it('postal codes: same names and primary municipality as dk_postnumre.csv, each within 8 km of its official centroid (town centre vs. polygon centroid)', async () => {
    const official = new Map((await rows('dk_postnumre.csv')).map((r) => [r.postnr, r]));
    const wrong = builtinPostalCodes.flatMap((p) => {
      const o = official.get(p.code);
      if (!o) return [`${p.code}: not an official code`];
      const problems: string[] = [];
      if (o.navn !== p.name) problems.push(`${p.code}: name ${p.name} ≠ ${o.navn}`);
      if (Number(o.kommunekode_primaer) !== p.municipalityCode) problems.push(`${p.code}: municipality ${p.municipalityCode} ≠ ${o.kommunekode_primaer}`);
      const distance = haversineKm(p.lat, p.lon, Number(o.lat), Number(o.lon));
      if (distance > 8) problems.push(`${p.code}: ${distance.toFixed(1)} km from the official centroid`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });
});
