import { describe, expect, it } from 'vitest';
import { haversineKm, PointIndex } from './geo';
import { lcg } from './test-fixtures';

describe('haversineKm', () => {
  it('measures Copenhagen–Aarhus as about 157 km and is symmetric', () => {
    const d = haversineKm(55.6761, 12.5683, 56.1629, 10.2039);
    expect(d).toBeGreaterThan(154);
    expect(d).toBeLessThan(160);
    expect(haversineKm(56.1629, 10.2039, 55.6761, 12.5683)).toBeCloseTo(d, 9);
    expect(haversineKm(55, 10, 55, 10)).toBe(0);
  });
});

describe('PointIndex', () => {
  it('visits every point within the radius (randomised, Danish latitudes and beyond)', () => {
    const rnd = lcg(7);
    const lats = Array.from({ length: 2000 }, () => 54 + rnd() * 10);
    const lons = Array.from({ length: 2000 }, () => 7 + rnd() * 10);
    const index = new PointIndex(lats, lons);
    for (let q = 0; q < 60; q++) {
      const lat = 54 + rnd() * 10;
      const lon = 7 + rnd() * 10;
      const radius = rnd() * 150;
      const seen = new Set<number>();
      index.forEachNear(lat, lon, radius, (i) => seen.add(i));
      const within = lats.map((_, i) => i).filter((i) => haversineKm(lat, lon, lats[i], lons[i]) <= radius);
      for (const i of within) expect(seen.has(i)).toBe(true);
      // The filter must also prune: far fewer than all points for small radii.
      if (radius < 20) expect(seen.size).toBeLessThan(400);
    }
  });

  it('visits everything for an unbounded radius', () => {
    const index = new PointIndex([55, 56, 57], [9, 10, 11]);
    const seen: number[] = [];
    index.forEachNear(56, 10, Infinity, (i) => seen.push(i));
    expect(seen.sort()).toEqual([0, 1, 2]);
  });
});
