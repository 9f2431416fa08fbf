import { describe, expect, it } from 'vitest';
import { anyThemeLabel, parseWeeks, percentText, schoolYearChoices, schoolYearOf, weeksText } from './labels';
import { diffPlans } from './plan-changes';
import type { Plan } from '../../../common/schools';

describe('weeks', () => {
  it('writes runs of weeks as ranges', () => {
    expect(weeksText([14, 10, 11, 12, 16, 17])).toBe('10–12, 14, 16, 17');
    expect(weeksText([])).toBe('');
  });

  it('reads weeks as people type them and rejects what is not a week', () => {
    expect(parseWeeks('10, 11,14-16')).toEqual([10, 11, 14, 15, 16]);
    expect(parseWeeks(' 12 12 ')).toEqual([12]);
    expect(parseWeeks('')).toEqual([]);
    expect(parseWeeks('0')).toBeNull();
    expect(parseWeeks('54')).toBeNull();
    expect(parseWeeks('16-14')).toBeNull();
    expect(parseWeeks('uge 10')).toBeNull();
  });
});

describe('school years', () => {
  it('starts a school year on 1 August', () => {
    expect(schoolYearOf('2026-07-31')).toBe('2025/26');
    expect(schoolYearOf('2026-08-01')).toBe('2026/27');
    expect(schoolYearOf('2099-12-01')).toBe('2099/00');
  });

  it('offers last year, this year and the next two', () => {
    expect(schoolYearChoices('2026/27')).toEqual(['2025/26', '2026/27', '2027/28', '2028/29']);
  });
});

describe('labels', () => {
  it('names themes from codes or labels and keeps unknown text', () => {
    expect(anyThemeLabel('en', 'green_transition')).toBe('Green transition');
    expect(anyThemeLabel('en', 'Metal og svejsning')).toBe('Metal and welding');
    expect(anyThemeLabel('da', 'rumfart')).toBe('rumfart');
  });

  it('writes shares as per cent in each language', () => {
    expect(percentText('da', 0.255)).toBe('25,5 %');
    expect(percentText('en', 0.255)).toBe('25.5%');
    expect(percentText('da', null)).toBe('–');
  });
});

describe('diffPlans', () => {
  const assignment = (classId: string, hostOfferId: string, week: number) => ({
    classId, hostOfferId, week, classLabel: `7.${classId}`, schoolName: 'Skole', companyName: `Vært ${hostOfferId}`,
  });
  const plan = (list: ReturnType<typeof assignment>[]) => ({ assignments: list }) as unknown as Plan;

  it('lists moved, added and removed classes and leaves unchanged ones out', () => {
    const published = plan([assignment('A', 'h1', 10), assignment('B', 'h1', 11), assignment('C', 'h2', 12)]);
    const draft = plan([assignment('A', 'h1', 10), assignment('B', 'h2', 11), assignment('D', 'h2', 13)]);
    const changes = diffPlans(published, draft);
    expect(changes.map((c) => [c.classId, c.before?.hostOfferId ?? null, c.after?.hostOfferId ?? null])).toEqual([
      ['B', 'h1', 'h2'], ['C', 'h2', null], ['D', null, 'h2'],
    ]);
  });
});
