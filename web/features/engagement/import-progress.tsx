/**
 * A progress bar that screen readers can read (role progressbar with aria-valuenow and a spoken value text).
 * Without a known value (the server is writing in one transaction) it is indeterminate: no aria-valuenow.
 */
export function ImportProgress({ labelledBy, value, max, text }: {
  labelledBy: string; value: number | null; max: number; text: string;
}) {
  const share = value === null || max <= 0 ? null : Math.min(100, Math.round((value / max) * 100));
  return (
    <div className="import-progress">
      <div
        role="progressbar" aria-labelledby={labelledBy} aria-valuemin={0} aria-valuemax={max}
        aria-valuenow={value ?? undefined} aria-valuetext={text}
        style={{
          height: '1.25rem', border: '2px solid var(--primary)', borderRadius: 'var(--radius)', background: 'var(--bg-soft)',
          overflow: 'hidden', maxWidth: '40rem', margin: '0.75rem 0',
        }}
      >
        <div
          style={{
            height: '100%', background: 'var(--primary)', width: share === null ? '35%' : `${share}%`,
            opacity: share === null ? 0.5 : 1, transition: 'width 0.3s ease-out',
          }}
        />
      </div>
      <p>{share === null ? text : `${text} (${share} %)`}</p>
    </div>
  );
}
