import type { AllocationProblem, AssignmentReasons, SchoolMessage } from '../../../common/schools';
import { useT, type MessageKey } from '../../i18n/i18n';
import { anyThemeLabel, decimalText } from './labels';

const reasonKeys: Record<string, MessageKey> = {
  themes_shared: 'schools.reason.themes_shared', themes_missing: 'schools.reason.themes_missing', themes_none: 'schools.reason.themes_none',
  week_outside: 'schools.reason.week_outside', week_preferred: 'schools.reason.week_preferred', week_not_preferred: 'schools.reason.week_not_preferred',
  week_suitable: 'schools.reason.week_suitable', same_municipality: 'schools.reason.same_municipality',
  outside_municipality: 'schools.reason.outside_municipality', locked: 'schools.reason.locked',
};

/**
 * One reason of an assignment in the user's language, built from the engine's stable code and values (themes by
 * their labels, kilometres with the language's decimal sign); an unknown code shows the engine's Danish sentence.
 */
export function useReasonText(): (item: SchoolMessage) => string {
  const { t, locale } = useT();
  return (item) => {
    const p = item.params;
    if (item.code === 'distance') {
      const km = decimalText(locale, Number(p.km));
      return t(p.precision === 'address' ? 'schools.reason.distance' : 'schools.reason.distanceApprox', { km });
    }
    const key = reasonKeys[item.code];
    if (!key) return item.text;
    const themes = typeof p.themes === 'string' ? p.themes.split(/,\s*/).map((th) => anyThemeLabel(locale, th)).join(', ') : '';
    return t(key, { themes, week: String(p.week ?? '') });
  };
}

/** Why the class got this host week: the reasons on one line, and the points behind them on request. */
export function ReasonsCell({ reasons }: { reasons: AssignmentReasons }) {
  const { t, locale } = useT();
  const text = useReasonText();
  const n = (v: number) => decimalText(locale, v);
  return (
    <>
      <span>{reasons.items.map(text).join(' · ')}</span>
      <details style={{ marginTop: '0.25rem' }}>
        <summary className="small">{t('schools.reason.points', { total: n(reasons.cost.total) })}</summary>
        <p className="small" style={{ margin: '0.25rem 0 0' }}>
          {t('schools.reason.pointsDetail', {
            distance: n(reasons.cost.distance), themes: n(reasons.cost.themes), week: n(reasons.cost.week), municipality: n(reasons.cost.municipality),
          })}
        </p>
      </details>
    </>
  );
}

/** The engine's problems and warnings: Danish sentences (their codes are stable; the text carries the facts). */
export function ProblemList({ problems }: { problems: AllocationProblem[] }) {
  if (problems.length === 0) return null;
  return <ul>{problems.map((p, i) => <li key={`${p.code}-${i}`}>{p.text}</li>)}</ul>;
}
