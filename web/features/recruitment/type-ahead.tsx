import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { describedBy, Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';

/**
 * A text box that suggests matches as the user types (ARIA 1.2 combobox with a listbox): arrow keys move through
 * the suggestions, Enter picks one, Escape closes the list. Searching starts at two characters, 250 ms after the
 * last key, and only the newest answer is shown.
 */
export function TypeAhead<T>({ id, label, hint, error, search, optionKey, optionLabel, onPick, required, placeholder, clearOnPick = true }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; placeholder?: string;
  search(q: string): Promise<T[]>; optionKey(item: T): string; optionLabel(item: T): string; onPick(item: T): void;
  /** Empty the box after a pick (multi-select) or keep the picked label in it. */
  clearOnPick?: boolean;
}) {
  const { t } = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) { setItems([]); setStatus(''); return undefined; }
    let current = true;
    const timer = window.setTimeout(() => {
      searchRef.current(q).then((found) => {
        if (!current) return;
        setItems(found);
        setActive(-1);
        setStatus(found.length ? t('recruitment.typeAhead.count', { count: found.length }) : t('recruitment.typeAhead.none'));
      }, () => { if (current) setStatus(t('recruitment.typeAhead.failed')); });
    }, 250);
    return () => { current = false; window.clearTimeout(timer); };
  }, [text, t]);

  function pick(item: T) {
    onPick(item);
    setText(clearOnPick ? '' : optionLabel(item));
    setItems([]);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (event.key === 'Enter' && open && active >= 0 && items[active]) {
      event.preventDefault();
      pick(items[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const expanded = open && items.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      <div className="type-ahead" style={{ position: 'relative', maxWidth: '32rem' }}>
        <input
          id={id} name={id} type="text" role="combobox" autoComplete="off" value={text} placeholder={placeholder}
          aria-expanded={expanded} aria-controls={listId} aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => { setText(e.target.value); setOpen(true); }}
          onKeyDown={onKeyDown} onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          style={{ width: '100%' }}
        />
        <ul
          id={listId} role="listbox" aria-label={typeof label === 'string' ? label : undefined}
          className="card plain-list"
          style={{ display: expanded ? 'grid' : 'none', position: 'absolute', zIndex: 10, left: 0, right: 0, margin: 0, padding: '0.25rem 0', gap: 0, maxHeight: '18rem', overflowY: 'auto' }}
        >
          {items.map((item, i) => (
            <li
              key={optionKey(item)} id={optionId(i)} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); pick(item); }}
              style={{ padding: '0.35rem 0.75rem', cursor: 'pointer', background: i === active ? 'var(--info-bg)' : undefined }}
            >
              {optionLabel(item)}
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status">{status}</p>
      </div>
    </Field>
  );
}
