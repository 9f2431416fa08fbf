import { describe, expect, it } from 'vitest';
import { formatCpr } from './cpr-input';
import { numberText, parseNumber, splitList } from './form-parts';
import { formatPercent, scoreText } from './labels';

describe('formatCpr', () => {
  it('adds the hyphen after the birth date and drops anything but ten digits', () => {
    expect(formatCpr('0101901234')).toBe('010190-1234');
    expect(formatCpr('010190-1234')).toBe('010190-1234');
    expect(formatCpr('01019')).toBe('01019');
    expect(formatCpr('010190 12345678')).toBe('010190-1234');
  });
});

describe('form numbers and lists', () => {
  it('reads Danish decimal commas and reports text as NaN', () => {
    expect(parseNumber('37,5')).toBe(37.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('tolv')).toBeNaN();
    expect(numberText(37.5)).toBe('37,5');
    expect(numberText(null)).toBe('');
  });

  it('splits language lists on commas, semicolons and lines', () => {
    expect(splitList('da:flydende, en:godt;de:basis\n')).toEqual(['da:flydende', 'en:godt', 'de:basis']);
  });
});

describe('KPI and score formatting', () => {
  it('shows shares with one decimal: a comma in Danish, a point in English', () => {
    expect(formatPercent('da', 0.4545).replace(/\s/g, ' ')).toBe('45,5 %');
    expect(formatPercent('en', 0.4545)).toBe('45.5%');
    expect(formatPercent('da', null)).toBe('–');
  });

  it('rounds a 0–100 score to a whole number', () => {
    expect(scoreText(95.4)).toBe('95');
    expect(scoreText(1)).toBe('1');
  });
});
