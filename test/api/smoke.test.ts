import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/app';

describe('system', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('reports healthy when the database answers', async () => {
    const res = await ctx.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await ctx.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const otp = doc.paths['/api/auth/otp/request'].post;
    expect(otp.requestBody.content['application/json'].schema.properties).toHaveProperty('phone');
    expect(doc.paths).toHaveProperty('/api/units/search');
    expect(doc.paths).toHaveProperty('/.well-known/jwks.json');
    expect(doc.paths).not.toHaveProperty('/api/openapi.json');
  });

  it('answers unknown API paths with a JSON 404 in the caller’s language', async () => {
    const res = await ctx.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'Not found.' });
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('hides internal details of a malformed request', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/otp/request',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Thông tin chưa hợp lệ, vui lòng kiểm tra lại.',
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
