import type { Problem, ProblemFieldError } from '../../common/problem';

/** A failed API call: the problem+json the server sent, or a synthetic one for network errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  /** The whole problem body: some problems carry more than code and detail (e.g. an allocation's shortage report). */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(problem: Pick<Problem, 'status' | 'code' | 'detail'> & { errors?: ProblemFieldError[] }, body: Record<string, unknown> = {}) {
    super(problem.detail);
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.body = body;
  }

  /** The message for one field (path "email", "sso.issuer"…), if the server named it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

export const csrfCookieName = 'samspil_csrf';
let csrfToken: string | null = null;

/** Remembers the token from the latest session response (it rotates at login and logout). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

function readCsrfCookie(): string | null {
  if (typeof document === 'undefined') return null;
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${csrfCookieName}=`));
  return match ? decodeURIComponent(match.slice(csrfCookieName.length + 1)) : null;
}

type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

/** Builds "?a=1&b=2&b=3", skipping empty values, so URLs stay short and shareable. */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === 'string') {
        return new ApiError({
          status: response.status, code: body.code, detail: body.detail ?? response.statusText, errors: body.errors,
        }, body as Record<string, unknown>);
      }
    } catch {
      // fall through to the generic error below
    }
  }
  return new ApiError({ status: response.status, code: `http_${response.status}`, detail: response.statusText });
}

/** Calls the API: JSON in and out, CSRF header on writes, problem+json turned into ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (stateChanging.has(method)) {
    const token = readCsrfCookie() ?? csrfToken;
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: 'Netværksfejl.' });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 202) {
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await response.json()) as T;
}

export const apiGet = <T>(path: string) => api<T>('GET', path);

/** Lists come either bare or wrapped as { items }; callers get the array either way. */
export async function apiList<T>(path: string): Promise<T[]> {
  const result = await apiGet<T[] | { items: T[] }>(path);
  return Array.isArray(result) ? result : result.items;
}
