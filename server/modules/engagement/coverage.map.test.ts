import { describe, expect, it } from 'vitest';
import { polygonsOf, simplifyLine, simplifyMultiPolygon, simplifyRing, type Position } from './coverage.map';
import { seriesDates } from './coverage.service';

describe('boundary simplification for the coverage map', () => {
  it('drops points closer to the line than the tolerance and keeps the corners', () => {
    const line: Position[] = [[0, 0], [1, 0.0001], [2, -0.0001], [3, 0], [3, 1], [3.0001, 2], [3, 3]];
    expect(simplifyLine(line, 0.001)).toEqual([[0, 0], [3, 0], [3, 3]]);
    expect(simplifyLine(line, 0.00001)).toEqual(line);
    expect(simplifyLine([[0, 0], [1, 1]], 1)).toEqual([[0, 0], [1, 1]]);
  });

  it('keeps a ring closed and never collapses it below four points', () => {
    const square: Position[] = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0, 1], [0, 0]];
    const simplified = simplifyRing(square, 0.01);
    expect(simplified).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const sliver: Position[] = [[0, 0], [0.00001, 0.00001], [0.00002, 0], [0.00001, -0.00001], [0, 0]];
    expect(simplifyRing(sliver, 0.01, 5)).toHaveLength(5);
  });

  it('drops islands smaller than the tolerance allows unless nothing else is left', () => {
    const land: Position[][] = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
    const islet: Position[][] = [[[5, 5], [5.0001, 5], [5.0001, 5.0001], [5, 5.0001], [5, 5]]];
    expect(simplifyMultiPolygon([land, islet], 0.001)).toHaveLength(1);
    expect(simplifyMultiPolygon([islet], 0.001)).toHaveLength(1);
  });

  it('reads Polygon and MultiPolygon geometries and ignores anything else', () => {
    const ring: Position[] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    expect(polygonsOf({ type: 'Polygon', coordinates: [ring] })).toEqual([[ring]]);
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[ring]] })).toEqual([[ring]]);
    expect(polygonsOf({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
    expect(polygonsOf(null)).toEqual([]);
  });
});

describe('the monthly series dates', () => {
  it('are the eleven month ends before the current month, then today', () => {
    expect(seriesDates('2026-03-15')).toEqual([
      '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30',
      '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15',
    ]);
    expect(seriesDates('2024-03-01', 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-01']);
    expect(seriesDates('2026-01-31', 2)).toEqual(['2025-12-31', '2026-01-31']);
  });
});
