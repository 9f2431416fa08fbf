/** Shared presentational components: no data fetching, no routing. */
export { Alert, type AlertTone } from './alert';
export { Badge, type BadgeTone } from './badge';
export { Button, type ButtonVariant } from './button';
export { Checkbox } from './checkbox';
export { EmptyState } from './empty-state';
export { ExportMenu } from './export-menu';
export { PageHeader } from './page-header';
export { Pagination } from './pagination';
export { Select, type SelectOption } from './select';
export { Spinner } from './spinner';
export { Table, type Column } from './table';
export { TextField } from './text-field';
