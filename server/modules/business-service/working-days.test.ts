import { describe, expect, it } from 'vitest';
import { addWorkingDays, danishHolidays, easterSunday, isWorkingDay, workingDaysBetween } from './working-days';

describe('Danish working days', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('knows the public holidays, and that store bededag ended after 2023', () => {
    const h2026 = danishHolidays(2026);
    expect(h2026.get('2026-04-02')).toBe('Skærtorsdag');
    expect(h2026.get('2026-05-14')).toBe('Kristi himmelfartsdag');
    expect(h2026.get('2026-05-25')).toBe('2. pinsedag');
    expect([...h2026.values()]).not.toContain('Store bededag');
    expect(danishHolidays(2023).get('2023-05-05')).toBe('Store bededag');
  });

  it('skips weekends and holidays when adding working days', () => {
    // Friday 20 Nov 2026 + 5 working days = Friday 27 Nov.
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    // Over Easter 2026: Wednesday 1 April + 1 = Tuesday 7 April (Thu–Mon are holidays/weekend).
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    // Christmas: Tuesday 22 Dec 2026 + 3 = 29 Dec (24, 25 are holidays, 26–27 weekend, 28 Mon, 29 Tue).
    expect(addWorkingDays('2026-12-22', 3)).toBe('2026-12-29');
    // Starting on a Saturday counts from the next working day.
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-23');
    expect(isWorkingDay('2026-06-05')).toBe(false);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(-5);
    expect(workingDaysBetween('2026-04-01', '2026-04-07')).toBe(1);
  });
});
