import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIssuer, createDiscoveryCache, IssuerNotAllowedError } from './oidc-client';

describe('checkIssuer', () => {
  it('accepts https anywhere and plain http only on this machine', () => {
    expect(checkIssuer('https://login.microsoftonline.com/tenant/v2.0').insecureLocal).toBe(false);
    expect(checkIssuer('http://127.0.0.1:4000').insecureLocal).toBe(true);
    expect(checkIssuer('http://localhost:4000/realm').insecureLocal).toBe(true);
    for (const issuer of ['http://broker.example', 'http://127.0.0.1.evil.example', 'ftp://localhost', 'ikke en url']) {
      expect(() => checkIssuer(issuer)).toThrow(IssuerNotAllowedError);
    }
  });
});

describe('createDiscoveryCache', () => {
  let server: http.Server;
  let issuer = '';
  let hits = 0;
  let failNext = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits += 1;
      if (failNext || req.url !== '/.well-known/openid-configuration') {
        failNext = false;
        res.statusCode = 503;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('discovers once per TTL and forgets failures at once', async () => {
    let clock = 1_000;
    const cache = createDiscoveryCache({ ttlMs: 60_000, now: () => clock });
    const settings = { issuer, clientId: 'c', clientSecret: 's' };
    hits = 0;
    failNext = true;
    await expect(cache.get(settings)).rejects.toThrow();
    const config = await cache.get(settings);
    expect(config.serverMetadata().token_endpoint).toBe(`${issuer}/token`);
    await cache.get(settings);
    expect(hits).toBe(2);
    clock += 60_001;
    await cache.get(settings);
    expect(hits).toBe(3);
    // Another client of the same issuer gets its own configuration.
    await cache.get({ ...settings, clientId: 'other' });
    expect(hits).toBe(4);
  });
});
