import type { Locale } from '../../common/identity';
import { useT } from '../i18n/i18n';
import { api } from '../lib/api';
import { useSession } from '../lib/session';

const choices: { locale: Locale; name: string }[] = [{ locale: 'da', name: 'Dansk' }, { locale: 'en', name: 'English' }];

/** Dansk/English buttons, each named in its own language; a signed-in user's choice is also saved on the server (PATCH /me). */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useT();
  const { user } = useSession();

  function choose(next: Locale) {
    if (next === locale) return;
    setLocale(next);
    if (user) void api('PATCH', '/me', { locale: next }).catch(() => undefined);
  }

  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {choices.map((c) => (
        <button
          key={c.locale} type="button" lang={c.locale} aria-pressed={locale === c.locale} onClick={() => choose(c.locale)}
        >
          {c.name}
        </button>
      ))}
    </div>
  );
}
