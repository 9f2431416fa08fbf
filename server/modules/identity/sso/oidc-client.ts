import crypto from 'node:crypto';
import * as oidc from 'openid-client';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

export class IssuerNotAllowedError extends Error {}

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Plain http is tolerated only for an issuer on this machine (tests and local development);
 * every real identity provider (MitID Erhverv broker, Entra ID) must be https.
 */
export function checkIssuer(issuer: string): { url: URL; insecureLocal: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new IssuerNotAllowedError('issuer is not a URL');
  }
  if (url.protocol === 'https:') return { url, insecureLocal: false };
  if (url.protocol === 'http:' && localHosts.has(url.hostname)) return { url, insecureLocal: true };
  throw new IssuerNotAllowedError('issuer must use https');
}

interface Entry {
  expiresAt: number;
  config: Promise<oidc.Configuration>;
}

export interface DiscoveryCache {
  get(settings: OidcClientSettings): Promise<oidc.Configuration>;
}

/**
 * Discovery documents change rarely, so each (issuer, client) pair is discovered once per TTL.
 * A failed discovery is forgotten at once so the next login retries instead of failing for an hour.
 */
export function createDiscoveryCache(options: { ttlMs: number; timeoutSeconds?: number; now?: () => number }): DiscoveryCache {
  const entries = new Map<string, Entry>();
  const now = options.now ?? Date.now;
  return {
    get(settings) {
      const secretHash = crypto.createHash('sha256').update(settings.clientSecret ?? '').digest('hex');
      const key = `${settings.issuer}\n${settings.clientId}\n${secretHash}`;
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return cached.config;
      const { url, insecureLocal } = checkIssuer(settings.issuer);
      const config = oidc.discovery(
        url,
        settings.clientId,
        settings.clientSecret ? { client_secret: settings.clientSecret } : undefined,
        settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
        { execute: insecureLocal ? [oidc.allowInsecureRequests] : [], timeout: options.timeoutSeconds ?? 10 },
      );
      const entry: Entry = { expiresAt: now() + options.ttlMs, config };
      entries.set(key, entry);
      config.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return config;
    },
  };
}
