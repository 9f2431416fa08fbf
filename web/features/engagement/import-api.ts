import type { ImportErrorPage, ImportJob, ImportMapping, ImportUpload } from '../../../common/engagement-import';
import { api, apiGet } from '../../lib/api';

/** The CSV import API as the web app calls it; shapes come from common/engagement-import.ts. */
const job = (id: string) => `/engagement/imports/${encodeURIComponent(id)}`;

export const importApi = {
  list: () => apiGet<{ items: ImportJob[] }>('/engagement/imports'),
  get: (id: string) => apiGet<ImportJob>(job(id)),
  upload: (body: ImportUpload) => api<ImportJob>('POST', '/engagement/imports', body),
  setMapping: (id: string, mapping: ImportMapping) => api<ImportJob>('PUT', `${job(id)}/mapping`, { mapping }),
  errors: (id: string, page: number) => apiGet<ImportErrorPage>(`${job(id)}/errors?page=${page}`),
  apply: (id: string) => api<ImportJob>('POST', `${job(id)}/apply`),
  discard: (id: string) => api<void>('DELETE', job(id)),
};

/**
 * A chosen file as text. Most exports are UTF-8; Excel's "Unicode text" is UTF-16 with a byte order mark, and
 * older Danish Excel and CRM exports are Windows-1252, recognised by bytes that are not valid UTF-8.
 */
export async function readFileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
