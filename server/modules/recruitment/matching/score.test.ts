import { describe, expect, it } from 'vitest';
import { dayNumber, haversineKm, isoDate } from './geo';
import { listDa } from './reasons';
import { availabilityPoints, distancePoints, hoursPenalty, scorePlan, scoreTenths, weights } from './score';

describe('score parts', () => {
  it('gives full distance points at the workplace and half at the candidate\'s max', () => {
    expect(distancePoints(0, 40)).toBe(weights.distance);
    expect(distancePoints(40, 40)).toBe(weights.distance / 2);
    expect(distancePoints(Number.NaN, 40)).toBe(weights.distanceUnknown);
    expect(distancePoints(90, Number.NaN)).toBe(0);
  });

  it('takes a point a week off for a late start, down to the floor', () => {
    expect(availabilityPoints(100, 100)).toBe(weights.availability);
    expect(availabilityPoints(114, 100)).toBe(weights.availability - 2);
    expect(availabilityPoints(1000, 100)).toBe(weights.availabilityMin);
  });

  it('penalises a shortfall in hours in proportion, with grace', () => {
    expect(hoursPenalty(36, 37)).toBe(0);
    expect(hoursPenalty(18.5, 37)).toBeCloseTo(-weights.hoursShortfall / 2);
    expect(hoursPenalty(45, 37)).toBe(-weights.hoursExcess);
    expect(hoursPenalty(Number.NaN, 37)).toBe(0);
  });

  it('normalises to 0–1000 tenths by what the order makes possible', () => {
    const perfect = { occupationPoints: weights.occupationExact, requiredHeld: 4, wantedHeld: 2, distanceKm: 0, maxCommuteKm: 30, availableDay: 0, hoursWanted: 37, missingLanguages: 0 };
    expect(scoreTenths(scorePlan(4, 2, 10, 37), perfect)).toBe(1000);
    expect(scoreTenths(scorePlan(0, 0, 10, 37), perfect)).toBe(1000);
    expect(scoreTenths(scorePlan(4, 0, 10, 37), { ...perfect, requiredHeld: 2 })).toBe(Math.round(1000 * (100 - 27.5) / 100));
    expect(scoreTenths(scorePlan(4, 2, 10, 37), { ...perfect, occupationPoints: 0, requiredHeld: 0, wantedHeld: 0, missingLanguages: 12 })).toBe(0);
  });
});

describe('geo and wording helpers', () => {
  it('measures Vejle–Aarhus at about 70 km', () => {
    expect(haversineKm(55.7113, 9.5357, 56.1567, 10.2108)).toBeGreaterThan(62);
    expect(haversineKm(55.7113, 9.5357, 56.1567, 10.2108)).toBeLessThan(68);
  });

  it('round-trips ISO dates through day numbers and rejects junk', () => {
    expect(isoDate(dayNumber('2026-03-01'))).toBe('2026-03-01');
    expect(dayNumber('2026-03-02') - dayNumber('2026-02-28')).toBe(2);
    expect(() => dayNumber('1/3/2026')).toThrow();
  });

  it('lists names the Danish way', () => {
    expect(listDa(['a'])).toBe('a');
    expect(listDa(['a', 'b', 'c'])).toBe('a, b og c');
    expect(listDa(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c og 2 andre');
  });
});
