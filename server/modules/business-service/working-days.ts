/**
 * Danish working days for response deadlines. Non-working: Saturdays, Sundays, the public holidays
 * (helligdage: nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, store bededag until 2023 —
 * abolished from 2024 —, Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag) and the days
 * the public sector also closes: grundlovsdag (5 June), juleaftensdag (24 Dec) and nytårsaftensdag (31 Dec).
 * Dates are ISO strings (YYYY-MM-DD) in Danish local time; arithmetic runs in UTC to avoid DST shifts.
 */

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Map<string, string>>();

/** The non-working days of a year (besides weekends) with their Danish names. */
export function danishHolidays(year: number): Map<string, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = toUtc(easterSunday(year));
  const rel = (days: number) => toIso(easter + days * DAY);
  const days: [string, string][] = [
    [`${year}-01-01`, 'Nytårsdag'],
    [rel(-3), 'Skærtorsdag'],
    [rel(-2), 'Langfredag'],
    [rel(0), 'Påskedag'],
    [rel(1), '2. påskedag'],
    ...(year <= 2023 ? [[rel(26), 'Store bededag'] as [string, string]] : []),
    [rel(39), 'Kristi himmelfartsdag'],
    [rel(49), 'Pinsedag'],
    [rel(50), '2. pinsedag'],
    [`${year}-06-05`, 'Grundlovsdag'],
    [`${year}-12-24`, 'Juleaftensdag'],
    [`${year}-12-25`, 'Juledag'],
    [`${year}-12-26`, '2. juledag'],
    [`${year}-12-31`, 'Nytårsaftensdag'],
  ];
  const map = new Map(days);
  cache.set(year, map);
  return map;
}

export function isWorkingDay(iso: string): boolean {
  const weekday = new Date(toUtc(iso)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !danishHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** The date `n` working days after `iso` (n ≥ 0; n = 0 gives `iso` itself, or the next working day if it is not one). */
export function addWorkingDays(iso: string, n: number): string {
  let ms = toUtc(iso);
  while (!isWorkingDay(toIso(ms))) ms += DAY;
  for (let left = n; left > 0;) {
    ms += DAY;
    if (isWorkingDay(toIso(ms))) left -= 1;
  }
  return toIso(ms);
}

/** Working days from `from` to `to`: the count of working days d with from < d ≤ to (negative when to < from). */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let ms = toUtc(from) + DAY, end = toUtc(to); ms <= end; ms += DAY) if (isWorkingDay(toIso(ms))) count += 1;
  return count;
}
