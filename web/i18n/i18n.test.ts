import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { da } from './da';
import { en } from './en';
import { format, problemMessage, translate } from './i18n';

describe('message catalogues', () => {
  it('have exactly the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it('have no empty messages', () => {
    for (const [key, text] of [...Object.entries(da), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(da) as (keyof typeof da)[]) {
      expect(names(en[key]), key).toEqual(names(da[key]));
    }
  });
});

describe('format and translate', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('{a} og {b}', { a: 1 })).toBe('1 og {b}');
    expect(translate('en', 'companies.total', { count: 3 })).toBe('3 companies found');
    expect(translate('da', 'companies.total', { count: 3 })).toBe('3 virksomheder fundet');
  });
});

describe('problemMessage', () => {
  const locked = new ApiError({ status: 423, code: 'account_locked', detail: 'Kontoen er låst til kl. 14.35.' });
  const unknown = new ApiError({ status: 409, code: 'email_taken', detail: 'E-mailen er i brug.' });

  it('uses the server detail in Danish', () => {
    expect(problemMessage('da', locked)).toBe('Kontoen er låst til kl. 14.35.');
  });

  it('translates known codes in English and falls back to detail', () => {
    expect(problemMessage('en', locked)).toBe(en['problem.account_locked']);
    expect(problemMessage('en', unknown)).toBe('E-mailen er i brug.');
  });

  it('translates client-side network errors in both languages', () => {
    const network = new ApiError({ status: 0, code: 'network', detail: 'Netværksfejl.' });
    expect(problemMessage('da', network)).toBe(da['problem.network']);
    expect(problemMessage('en', network)).toBe(en['problem.network']);
  });
});
