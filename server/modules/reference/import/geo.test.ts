import { describe, expect, it } from 'vitest';
import { pointInPolygon, representativePoint, type Polygon } from './geo';

const square = (x: number, y: number, size: number): Polygon => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];

describe('representativePoint', () => {
  it('takes the centroid of the largest polygon when it lies inside', () => {
    expect(representativePoint([square(0, 0, 1), square(10, 10, 2)])).toEqual([11, 11]);
  });

  it('finds a point inside a C-shaped polygon whose centroid lies outside', () => {
    const c: Polygon = [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]];
    const point = representativePoint([c]);
    expect(point).not.toBeNull();
    expect(pointInPolygon(point as [number, number], c)).toBe(true);
  });

  it('respects holes and returns null without polygons', () => {
    const withHole: Polygon = [square(0, 0, 4)[0], square(1, 1, 2)[0]];
    expect(pointInPolygon([2, 2], withHole)).toBe(false);
    expect(pointInPolygon([0.5, 0.5], withHole)).toBe(true);
    expect(representativePoint([])).toBeNull();
  });
});
