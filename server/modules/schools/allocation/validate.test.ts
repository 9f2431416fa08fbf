import { describe, expect, it } from 'vitest';
import { allocateSchools } from './solve';
import { hostOffer, schoolClass } from './test-fixtures';
import type { AllocationInput, Problem } from './types';

async function problemsOf(input: AllocationInput): Promise<Problem[]> {
  const result = await allocateSchools(input);
  if (result.status !== 'invalid') throw new Error(`expected invalid, got ${result.status}`);
  return result.problems;
}

describe('validation', () => {
  it('reports every problem at once, with stable codes and Danish text', async () => {
    const problems = await problemsOf({
      classes: [schoolClass('a', { pupils: 0, label: '7.A' }), schoolClass('a'), schoolClass('b', { suitableWeeks: [60] })],
      hosts: [hostOffer('h1', { weeks: [] }), hostOffer('h2', { classesPerWeek: 0 }), hostOffer('h3', { maxPupils: 0 })],
    });
    expect(problems.map((p) => p.code)).toEqual([
      'class.duplicate_id', 'class.no_pupils', 'class.invalid_week', 'host.no_weeks', 'host.no_capacity', 'host.no_pupils',
    ]);
    const text = (code: string) => problems.find((p) => p.code === code)?.text;
    expect(text('class.no_pupils')).toBe('Klasse 7.A har 0 elever; en klasse skal have mindst 1 elev.');
    expect(text('host.no_weeks')).toBe('Firma h1 (tilbud h1) tilbyder ingen uger.');
    expect(text('host.no_capacity')).toBe('Firma h2 (tilbud h2) skal tage mindst 1 klasse om ugen (fik 0).');
    expect(problems.find((p) => p.code === 'class.no_pupils')?.ref).toEqual({ classId: 'a' });
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('checks locks and forbidden pairs against the data', async () => {
    const classes = [schoolClass('a'), schoolClass('b'), schoolClass('big', { pupils: 35 })];
    const hosts = [hostOffer('h', { weeks: [12] })];
    const problems = await problemsOf({
      classes, hosts,
      forbidden: [{ classId: 'b', hostOfferId: 'h' }, { classId: 'ghost', companyId: 'co-x' }],
      locks: [
        { classId: 'a', hostOfferId: 'h', week: 12 },
        { classId: 'b', hostOfferId: 'h', week: 12 },
        { classId: 'a', hostOfferId: 'h', week: 13 },
        { classId: 'big', hostOfferId: 'h', week: 12 },
        { classId: 'x', hostOfferId: 'nope', week: 12 },
      ],
    });
    expect(problems.map((p) => p.code).sort()).toEqual([
      'forbidden.unknown_class', 'forbidden.unknown_company', 'lock.duplicate_class', 'lock.forbidden', 'lock.over_capacity',
      'lock.too_many_pupils', 'lock.unknown_class', 'lock.unknown_host', 'lock.week_not_offered',
    ]);
    expect(problems.find((p) => p.code === 'lock.over_capacity')?.text)
      .toBe('Firma h (tilbud h) har plads til 1 klasse(r) i uge 12, men flere klasser er fastlåst dertil.');
    expect(problems.find((p) => p.code === 'lock.forbidden')?.text).toBe('Klasse 8.b er både fastlåst til og udelukket fra Firma h (tilbud h).');
  });

  it('rejects negative weights and a zero time limit', async () => {
    const problems = await problemsOf({ classes: [], hosts: [], weights: { perKm: -1 }, options: { timeLimitS: 0 } });
    expect(problems.map((p) => p.code)).toEqual(['weights.invalid', 'options.invalid']);
  });

  it('accepts an empty school year as an empty optimal plan', async () => {
    const result = await allocateSchools({ classes: [], hosts: [hostOffer('h')] });
    expect(result).toMatchObject({ status: 'optimal', assignments: [], objective: 0, gapPct: 0 });
  });
});
