import { haversineKm } from '../../../../common/geo';
export { haversineKm };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** An ISO date ("2026-03-01", a time part is ignored) as whole days since 1970-01-01 (UTC). Throws on anything else. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Ugyldig dato: "${iso}" (forventede ÅÅÅÅ-MM-DD).`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The inverse of `dayNumber`: days since 1970-01-01 as an ISO date. */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
