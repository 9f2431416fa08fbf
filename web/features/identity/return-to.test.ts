import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnTo('/virksomheder?q=trekant')).toBe('/virksomheder?q=trekant');
  });
  it('rejects other sites and the login page itself', () => {
    expect(safeReturnTo('//evil.example')).toBe('/virksomheder');
    expect(safeReturnTo('https://evil.example')).toBe('/virksomheder');
    expect(safeReturnTo('/\\evil.example')).toBe('/virksomheder');
    expect(safeReturnTo('/login')).toBe('/virksomheder');
    expect(safeReturnTo(null, '/admin')).toBe('/admin');
  });
});
