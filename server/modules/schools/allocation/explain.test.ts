import { describe, expect, it } from 'vitest';
import { formatKm } from './explain';
import { allocateSchools } from './solve';
import { hostOffer, schoolClass } from './test-fixtures';

describe('assignment reasons', () => {
  it('formats km with a Danish decimal comma', () => {
    expect(formatKm(12.44)).toBe('12,4');
    expect(formatKm(3)).toBe('3,0');
  });

  it('says why: distance, themes, week and municipality, as facts and Danish sentences', async () => {
    const result = await allocateSchools({
      classes: [schoolClass('a', { themes: ['Robotter', 'svejsning', 'træ'], suitableWeeks: [12, 13], preferredWeeks: [13], precision: 'address' })],
      hosts: [hostOffer('h', { municipalityCode: '746', lat: 56.25, lon: 10.2, themes: ['robotter', 'Svejsning'], weeks: [12], precision: 'address' })],
    });
    if (result.status !== 'optimal') throw new Error(result.status);
    const r = result.assignments[0].reasons;
    expect(r).toMatchObject({
      sharedThemes: ['Robotter', 'svejsning'], missingThemes: ['træ'], preferredWeek: false, suitableWeek: true,
      sameMunicipality: false, precision: 'address',
    });
    expect(r.distanceKm).toBeCloseTo(11.1, 1);
    expect(r.cost.themes).toBeCloseTo(25 / 3, 9);
    expect(r.cost.total).toBeCloseTo(r.cost.distance + 25 / 3 + 15 + 20, 9);
    expect(r.summary).toBe('11,1 km fra skolen · temaer: Robotter, svejsning · mangler tema: træ · uge 12 passer klassen, men er ikke en ønskeuge · uden for kommunen');
    expect(r.items.map((i) => i.code)).toEqual(['distance', 'themes_shared', 'themes_missing', 'week_not_preferred', 'outside_municipality']);
  });

  it('marks postal-code distances as approximate and a preferred week as such', async () => {
    const result = await allocateSchools({
      classes: [schoolClass('a', { suitableWeeks: [], preferredWeeks: [12] })],
      hosts: [hostOffer('h')],
    });
    if (result.status !== 'optimal') throw new Error(result.status);
    expect(result.assignments[0].reasons.summary)
      .toMatch(/^ca\. 1,3 km fra skolen · klassen har ingen temaønsker · uge 12 passer klassen \(ønskeuge\) · i klassens egen kommune$/);
  });
});
