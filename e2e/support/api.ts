import type { Page } from 'playwright-core';

export interface ApiResult { status: number; body: Record<string, unknown> }

/** Calls the API from inside the signed-in page, CSRF header included, as the SPA does. */
export function apiCall(page: Page, method: string, path: string, body?: unknown): Promise<ApiResult> {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('samspil_csrf='))?.split('=')[1] ?? '';
    const response = await fetch(`/api/v1${path}`, {
      method, credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': decodeURIComponent(csrf), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() as Record<string, unknown> };
  }, { method, path, body });
}
