import { calendarYearOfWeek } from '../../../common/schools';

/** Monday of ISO week `week` of `year` (YYYY-MM-DD). */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday and Friday of a school year's week. */
export function schoolWeekDates(schoolYear: string, week: number): { start: string; end: string } {
  const start = isoWeekMonday(calendarYearOfWeek(schoolYear, week), week);
  return { start, end: addDays(start, 4) };
}

/** "12. marts 2027" */
export function danishDate(isoDate: string): string {
  const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d}. ${months[m - 1]} ${y}`;
}
