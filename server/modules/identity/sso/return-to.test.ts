import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps same-origin relative paths with query and fragment', () => {
    expect(safeReturnTo('/virksomheder/123?fane=kontakt#noter')).toBe('/virksomheder/123?fane=kontakt#noter');
    expect(safeReturnTo('/')).toBe('/');
  });

  it.each([
    undefined, '', 'virksomheder', '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example',
    'https://evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', `/${'a'.repeat(2001)}`,
  ])('falls back to / for %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('leaves percent-encoded characters encoded (they cannot change the host)', () => {
    expect(safeReturnTo('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});
