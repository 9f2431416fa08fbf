const fallback = '/';
const probeOrigin = 'http://samspil.invalid';

/**
 * Where to send the browser after login: only a path on our own origin. Anything that a browser
 * could read as another host ('//evil', '/\evil', 'https://evil', control characters) becomes '/'.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  // Browsers treat '\' like '/', and stray control characters can be stripped into '//'.
  if ([...value].some((ch) => ch === '\\' || ch <= '\u001f' || ch === '\u007f')) return fallback;
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== probeOrigin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
