import { useId, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell(row: T): ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The row's name: rendered as a row header for screen readers. */
  rowHeader?: boolean;
}

export function Table<T>({ caption, columns, rows, rowKey, captionHidden }: {
  caption: ReactNode; columns: readonly Column<T>[]; rows: readonly T[]; rowKey(row: T): string; captionHidden?: boolean;
}) {
  const captionId = useId();
  // A wide table scrolls sideways inside its wrapper; keyboard users must be able to reach and scroll it (WCAG 2.1.1).
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (c.rowHeader
                ? <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>{c.cell(row)}</th>
                : <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
