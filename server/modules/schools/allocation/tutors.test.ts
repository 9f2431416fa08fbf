import { describe, expect, it } from 'vitest';
import { allocateSchools } from './solve';
import { hostOffer, schoolClass } from './test-fixtures';
import type { Tutor } from './types';

const tutor = (id: string, over: Partial<Tutor> = {}): Tutor =>
  ({ id, label: `Tutor ${id}`, municipalityCode: '751', lat: 56.16, lon: 10.21, weeks: [12, 13], maxClasses: 2, ...over });

describe('tutor stage', () => {
  it('gives each class a tutor available in its week, nearest first, within the tutors\' limits', async () => {
    const classes = [schoolClass('a', { suitableWeeks: [12] }), schoolClass('b', { suitableWeeks: [13] }), schoolClass('c', { suitableWeeks: [13] })];
    const hosts = [hostOffer('h', { weeks: [12, 13], classesPerWeek: 2 })];
    const tutors = [
      tutor('near', { maxClasses: 2 }),
      tutor('far', { lat: 56.4, weeks: [13] }),
      tutor('away', { weeks: [20] }),
    ];
    const result = await allocateSchools({ classes, hosts, tutors });
    if (result.status !== 'optimal') throw new Error(result.status);
    const byClass = new Map(result.tutorAssignments.map((t) => [t.classId, t]));
    expect(byClass.get('a')).toMatchObject({ tutorId: 'near', week: 12 });
    // Week 13 has two classes: one per tutor per week, so "near" takes one and "far" the other.
    expect(new Set([byClass.get('b')?.tutorId, byClass.get('c')?.tutorId])).toEqual(new Set(['near', 'far']));
    expect(result.warnings).toEqual([]);
    expect(result.tutorAssignments.some((t) => t.tutorId === 'away')).toBe(false);
    expect(byClass.get('a')?.text).toMatch(/^Tutor near, \d+,\d km fra værten, uge 12$/);
  });

  it('warns about a class without a tutor but still returns the plan', async () => {
    const classes = [schoolClass('a', { suitableWeeks: [12] }), schoolClass('b', { suitableWeeks: [12] })];
    const hosts = [hostOffer('h', { weeks: [12], classesPerWeek: 2 })];
    const result = await allocateSchools({ classes, hosts, tutors: [tutor('only', { maxClasses: 5 })] });
    if (result.status !== 'optimal') throw new Error(result.status);
    expect(result.tutorAssignments).toHaveLength(1);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'tutor.class_without_tutor', severity: 'warning' });
    expect(result.warnings[0].text).toMatch(/^Klasse 8\.[ab] har ingen tutor i uge 12: ingen ledig tutor er tilgængelig den uge\.$/);
    expect(result.stats.classesWithoutTutor).toBe(1);
  });

  it('respects maxClasses over the year', async () => {
    const classes = ['a', 'b', 'c'].map((id, i) => schoolClass(id, { suitableWeeks: [10 + i] }));
    const hosts = [hostOffer('h', { weeks: [10, 11, 12] })];
    const result = await allocateSchools({ classes, hosts, tutors: [tutor('t', { weeks: [10, 11, 12], maxClasses: 2 })] });
    if (result.status !== 'optimal') throw new Error(result.status);
    expect(result.tutorAssignments).toHaveLength(2);
    expect(result.warnings).toHaveLength(1);
  });
});
