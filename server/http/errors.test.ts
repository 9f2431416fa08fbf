import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app';
import { createTestDatabase, testEngine, type TestDatabase } from '../db/test-db';
import { loadEnv } from '../env';
import { createActor, injectAs, type TestActor } from '../test/helpers';

describe(`HTTP edges: problem+json, CSRF, health (${testEngine})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let actor: TestActor;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp(database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
    app.withTypeProvider<ZodTypeProvider>().post('/api/v1/test-echo', {
      schema: { body: z.object({ name: z.string().min(2, 'Navnet er for kort.') }) },
    }, async (request) => ({ name: request.body.name }));
    app.delete('/api/v1/test-echo', async () => ({ deleted: true }));
    app.get('/api/v1/test-crash', async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
    actor = await createActor(database.db, { roles: ['business_consultant'] });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const post = (payload: string, headers: Record<string, string> = {}) =>
    injectAs(app, actor, { method: 'POST', url: '/api/v1/test-echo', payload, headers: { 'content-type': 'application/json', ...headers } });

  it('answers a valid request', async () => {
    const response = await post('{"name":"Kolding"}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'Kolding' });
  });

  it('turns malformed JSON into a 400 problem', async () => {
    const response = await post('{"name": "Kold');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'malformed_json' });
  });

  it('turns an oversized body into a 413 problem', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'body_too_large' });
  });

  it('accepts a bodiless DELETE that carries a JSON content type', async () => {
    const response = await injectAs(app, actor, {
      method: 'DELETE', url: '/api/v1/test-echo', headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deleted: true });
  });

  it('explains schema violations in Danish even where a schema gives no message', async () => {
    const response = await post('{"name": 42}');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).toMatch(/forventede streng/);
  });

  it('lists invalid fields with their messages', async () => {
    const response = await post('{"name":"K"}');
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'name', message: 'Navnet er for kort.' })]);
  });

  it('refuses a state-changing request without a valid CSRF token', async () => {
    const missing = await post('{"name":"Kolding"}', { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf' });
    const wrong = await post('{"name":"Kolding"}', { 'x-csrf-token': 'A'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
  });

  it('hides internal errors behind a 500 problem', async () => {
    const response = await injectAs(app, actor, { method: 'GET', url: '/api/v1/test-crash' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret internal detail');
    expect(response.json()).toMatchObject({ code: 'internal' });
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });

  it('reports engine and migration version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.engine).toBe(testEngine);
    expect(body.migration).toBe(body.latestMigration);
  });

  it('publishes an OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().openapi).toMatch(/^3\./);
  });
});
