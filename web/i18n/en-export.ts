import type { daExport } from './da-export';

/** English messages of the list exports (ExportMenu). */
export const enExport: Record<keyof typeof daExport, string> = {
  'export.button': 'Export',
  'export.csv': 'CSV',
  'export.csvHint': '(semicolon, opens in Danish Excel)',
  'export.xlsx': 'Excel (.xlsx)',
  'export.allRows': 'All {count} rows – not just this page.',
  'export.oneRow': '1 row.',
  'export.allMatching': 'All matching rows – not just this page.',
  'export.timeline': 'Export timeline',
  'export.interactions': 'Export contacts with notes',
};
