import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../common/identity';
import { ApiError } from '../lib/api';
import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey };
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };
const storageKey = 'samspil.locale';

/** Fills "{name}" placeholders; an unknown placeholder stays visible so it is noticed. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return format(catalogues[locale][key] ?? da[key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in da;
}

/**
 * The message for a failed call. In Danish the server's own `detail` is used (it is Danish and
 * often more specific, e.g. when a lock ends); in English the catalogue's text for the code,
 * falling back to `detail` for codes the catalogue does not know.
 */
export function problemMessage(locale: Locale, error: unknown): string {
  if (!(error instanceof ApiError)) return translate(locale, 'problem.internal');
  const key = `problem.${error.code}`;
  if (error.code === 'network' || (locale === 'da' && !error.detail)) {
    return isMessageKey(key) ? translate(locale, key) : error.detail;
  }
  if (locale === 'da') return error.detail;
  return isMessageKey(key) ? translate(locale, key) : error.detail;
}

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  problem(error: unknown): string;
  formatDate(iso: string | null | undefined, withTime?: boolean): string;
  formatNumber(value: number | null | undefined): string;
}

const I18nContext = createContext<I18nValue | null>(null);
const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dateFormat = new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric' });
    const dateTimeFormat = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' });
    const numberFormat = new Intl.NumberFormat(intlLocale[locale]);
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      problem: (error) => problemMessage(locale, error),
      formatDate: (iso, withTime = false) => {
        if (!iso) return translate(locale, 'common.none');
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return (withTime ? dateTimeFormat : dateFormat).format(date);
      },
      formatNumber: (n) => (n === null || n === undefined ? translate(locale, 'common.none') : numberFormat.format(n)),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's helpers: t(key, params), problem(error), formatDate, formatNumber. */
export function useT(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT must be used inside I18nProvider');
  return value;
}
