import { describe, expect, it } from 'vitest';
import { runSchoolsBench } from './schools';
import { generateSchoolsWorld, midtjylland, readPostalCodes } from './schools-synth';

describe('schools benchmark (small run so the bench code cannot rot)', () => {
  it('allocates shrunken region and national worlds and reports sane metrics', async () => {
    const metrics = await runSchoolsBench({ scale: 'both', factor: 0.05, seed: 3 });
    expect(metrics.map((m) => m.metric)).toEqual(['region_solve_s', 'national_solve_s', 'gap_pct', 'unassigned_classes', 'classes_without_tutor']);
    const value = (name: string) => metrics.find((m) => m.metric === name)?.value ?? NaN;
    expect(value('region_solve_s')).toBeGreaterThan(0);
    expect(value('national_solve_s')).toBeGreaterThan(0);
    expect(value('gap_pct')).toBeGreaterThanOrEqual(0);
    expect(value('gap_pct')).toBeLessThanOrEqual(0.1);
    expect(value('unassigned_classes')).toBe(0);
  }, 60_000);

  it('builds the region world on real postal codes inside Region Midtjylland, the same for the same seed', () => {
    const codes = readPostalCodes();
    expect(codes.length).toBeGreaterThan(500);
    const options = { classes: 30, hosts: 60, tutors: 5, weeks: 20, firstWeek: 6, municipalities: midtjylland, seed: 4 };
    const world = generateSchoolsWorld(codes, options);
    expect(world.classes).toHaveLength(30);
    expect(world.hosts.every((h) => midtjylland.includes(h.municipalityCode) && h.lat > 55.5 && h.lat < 57.2)).toBe(true);
    expect(world.hosts.every((h) => h.weeks.length > 0 && h.weeks.every((w) => w >= 6 && w <= 25))).toBe(true);
    expect(generateSchoolsWorld(codes, options)).toEqual(world);
  });
});
