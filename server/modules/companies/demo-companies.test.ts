import { describe, expect, it } from 'vitest';
import { isValidCvr } from '../../../common/cvr';
import { compareDa } from '../../../common/text';
import { cvrFromPrefix, generateDemoCompanies } from './demo-companies';

describe('demo company generator', () => {
  it('is deterministic', () => {
    expect(generateDemoCompanies(300)).toEqual(generateDemoCompanies(300));
    expect(generateDemoCompanies(50, { seed: 2 })).not.toEqual(generateDemoCompanies(50, { seed: 3 }));
  });

  it('gives every company a unique CVR that passes modulus 11, far from real ones', () => {
    const list = generateDemoCompanies(3000);
    expect(new Set(list.map((c) => c.cvr)).size).toBe(3000);
    for (const c of list) {
      expect(isValidCvr(c.cvr)).toBe(true);
      expect(Number(c.cvr)).toBeGreaterThanOrEqual(90_000_000);
    }
    expect(cvrFromPrefix(1374813)).toBe('13748136');
  });

  it('includes the anchors and plausible data for the seven municipalities', () => {
    const list = generateDemoCompanies(3000);
    const anchor = list.find((c) => c.name === 'Trekant Stålindustri A/S');
    expect(anchor).toMatchObject({ postalCode: '6000', city: 'Kolding', municipalityCode: 621, industryCode: '251100', employees: 45 });
    expect(anchor?.units).toHaveLength(2);
    for (const name of ['Vejle Plast ApS', 'Fredericia Maskinfabrik A/S', 'Ærø Automation ApS', 'Aabenraa Smede ApS', 'Østergaard Metal A/S']) {
      expect(list.some((c) => c.name === name)).toBe(true);
    }
    expect(new Set(list.map((c) => c.municipalityCode))).toEqual(new Set([530, 607, 510, 621, 410, 575, 630]));
    const manufacturing = list.filter((c) => c.industrySection === 'C').length / list.length;
    expect(manufacturing).toBeGreaterThan(0.5);
    const ceased = list.filter((c) => c.status === 'ceased').length / list.length;
    expect(ceased).toBeGreaterThan(0.005);
    expect(ceased).toBeLessThan(0.05);
    expect(list.some((c) => c.advertisingProtected)).toBe(true);
    expect(compareDa('Aabenraa Smede ApS', 'Østergaard Metal A/S')).toBeGreaterThan(0);
  });
});
