/** Danish messages of the list exports (ExportMenu). */
export const daExport = {
  'export.button': 'Eksportér',
  'export.csv': 'CSV',
  'export.csvHint': '(semikolon, åbner i dansk Excel)',
  'export.xlsx': 'Excel (.xlsx)',
  'export.allRows': 'Alle {count} rækker – ikke kun denne side.',
  'export.oneRow': '1 række.',
  'export.allMatching': 'Alle rækker, der matcher – ikke kun denne side.',
  'export.timeline': 'Eksportér tidslinje',
  'export.interactions': 'Eksportér kontakter med noter',
} as const;
