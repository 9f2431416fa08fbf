import { z } from 'zod';

const weights = [2, 7, 6, 5, 4, 3, 2, 1];

/** True when `cvr` is 8 digits, does not start with 0, and passes modulus 11 (weights 2,7,6,5,4,3,2,1). */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const sum = weights.reduce((acc, w, i) => acc + w * Number(cvr[i]), 0);
  return sum % 11 === 0;
}

/** Removes spaces, dots and a leading "DK" so "DK 13 74 81 36" reads as 13748136. */
export function normaliseCvr(input: string): string {
  return input.replace(/^\s*DK/i, '').replace(/[\s.-]/g, '');
}

export const cvrSchema = z
  .string()
  .transform(normaliseCvr)
  .refine(isValidCvr, { message: 'CVR-nummeret er ugyldigt: det skal være 8 cifre og bestå modulus 11-kontrollen.' });

/** P-numbers are 10 digits; they are NOT checked with modulus 11 (real P-numbers fail it). */
export const pNumberSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, ''))
  .refine((s) => /^\d{10}$/.test(s), { message: 'P-nummeret skal være 10 cifre.' });
