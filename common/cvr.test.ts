import { describe, expect, it } from 'vitest';
import { cvrSchema, isValidCvr, normaliseCvr, pNumberSchema } from './cvr';

describe('CVR numbers', () => {
  it('accepts the official test vector and real CVR numbers', () => {
    for (const cvr of ['13748136', '25052943', '10150817', '40863753']) expect(isValidCvr(cvr)).toBe(true);
  });

  it('rejects wrong check digits, wrong lengths and a leading zero', () => {
    for (const cvr of ['13748137', '1374813', '137481360', '03748136', 'abcdefgh', '']) expect(isValidCvr(cvr)).toBe(false);
  });

  it('normalises spaces and a DK prefix, and explains a refusal in Danish', () => {
    expect(normaliseCvr('DK 13 74 81 36')).toBe('13748136');
    const result = cvrSchema.safeParse('12345678');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/CVR-nummeret er ugyldigt/);
  });

  it('does not apply modulus 11 to P-numbers', () => {
    expect(pNumberSchema.safeParse('1003388394').success).toBe(true);
    expect(pNumberSchema.safeParse('1234567890').success).toBe(true);
    expect(pNumberSchema.safeParse('123456789').success).toBe(false);
  });
});
