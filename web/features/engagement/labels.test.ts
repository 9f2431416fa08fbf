import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n';
import { daysLabel, formatDay, todayIso } from './labels';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('da', key, params);

describe('todayIso', () => {
  it('uses the Danish calendar day, also late in the evening UTC', () => {
    expect(todayIso(new Date('2026-11-21T10:00:00Z'))).toBe('2026-11-21');
    // 23:30 UTC is 00:30 the next day in Copenhagen (winter time).
    expect(todayIso(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
  });
});

describe('formatDay', () => {
  it('writes Danish and English dates without moving the day', () => {
    expect(formatDay('da', '2026-03-01')).toBe('1. marts 2026');
    expect(formatDay('en', '2026-03-01')).toBe('1 March 2026');
    expect(formatDay('da', '2026-03-01T23:59:00Z')).toBe('1. marts 2026');
    expect(formatDay('da', null)).toBe('–');
  });
});

describe('daysLabel', () => {
  it('says how overdue a company is in words', () => {
    expect(daysLabel(t, 12)).toBe('12 dage over');
    expect(daysLabel(t, 1)).toBe('1 dag over');
    expect(daysLabel(t, 0)).toBe('I dag');
    expect(daysLabel(t, -1)).toBe('Om 1 dag');
    expect(daysLabel(t, -5)).toBe('Om 5 dage');
  });
});
