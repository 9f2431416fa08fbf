/** Only same-site paths are followed after log in, so a crafted link cannot send users elsewhere. */
export function safeReturnTo(value: string | null | undefined, fallback = '/virksomheder'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/login')) return fallback;
  return value;
}
