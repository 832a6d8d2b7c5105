import { createDecipheriv, createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { decodeToken, verificationKeysFromJwks, verifyToken } from '../../src/domain/signed-token';
import type { DatabaseHandle } from '../../src/server/db/client';
import { createSigningKeysRepository } from '../../src/server/repositories/signing-keys.repository';
import { createSigningService } from '../../src/server/services/signing.service';
import { createTestApp, signInAsDemo, TEST_SECRET, TestClient, type TestContext } from '../support/app';
import { createTestDatabase } from '../support/database';

const DAY_MS = 86_400_000;
const MAX_DAYS = 400; // the configured default of SIGNED_TOKEN_MAX_DAYS

function serviceOn(database: DatabaseHandle, ctx: TestContext, secret = TEST_SECRET) {
  return createSigningService({
    keys: createSigningKeysRepository(database.db),
    secret,
    now: () => ctx.clock.now,
    maxTokenDays: ctx.config.SIGNED_TOKEN_MAX_DAYS,
  });
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no error';
}

async function jwksOf(ctx: TestContext) {
  const res = await ctx.app.inject({ url: '/.well-known/jwks.json' });
  expect(res.statusCode).toBe(200);
  return res;
}

function activeRows(database: DatabaseHandle) {
  return database.db.selectFrom('signing_keys').selectAll().where('retired_at', 'is', null).execute();
}

describe('signing keys', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('publishes the active key as a cacheable JWKS', async () => {
    const res = await jwksOf(ctx);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const [active] = await activeRows(ctx.database);
    const body = res.json();
    expect(body).toEqual({
      keys: [
        { kty: 'OKP', crv: 'Ed25519', x: active!.public_key, kid: active!.kid, use: 'sig', alg: 'EdDSA' },
      ],
    });
    expect(active!.kid).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('signs tokens the server and a browser with the JWKS both verify', async () => {
    const token = await ctx.services.signing.sign({ typ: 'm', sub: 'abc', to: '01' }, 600);
    const payload = await ctx.services.signing.verify(token);
    const iat = Math.floor(ctx.clock.now.getTime() / 1000);
    expect(payload).toEqual({ typ: 'm', sub: 'abc', to: '01', iat, exp: iat + 600 });

    const keys = verificationKeysFromJwks((await jwksOf(ctx)).json());
    await expect(verifyToken(token, keys, iat)).resolves.toEqual(payload);
  });

  it('caps the lifetime at SIGNED_TOKEN_MAX_DAYS', async () => {
    const token = await ctx.services.signing.sign({ typ: 'k' }, 10_000 * 86_400);
    const { payload } = decodeToken(token);
    expect(payload.exp - payload.iat).toBe(MAX_DAYS * 86_400);
  });

  it('reports forged and expired tokens with their own codes', async () => {
    const token = await ctx.services.signing.sign({ typ: 'p', sub: 'x' }, 60);
    const [kid, body, sig] = token.split('.') as [string, string, string];
    const tampered = `${kid}.${body.slice(0, 2)}${body[2] === 'A' ? 'B' : 'A'}${body.slice(3)}.${sig}`;
    expect(await errorCode(ctx.services.signing.verify(tampered))).toBe('TOKEN_TAMPERED');
    expect(await errorCode(ctx.services.signing.verify('nope'))).toBe('TOKEN_MALFORMED');
    expect(await errorCode(ctx.services.signing.verify(`Zz9Zz9Zz.${body}.${sig}`))).toBe('TOKEN_UNKNOWN_KEY');

    const expiring = createSigningService({
      keys: createSigningKeysRepository(ctx.database.db),
      secret: TEST_SECRET,
      now: () => new Date(ctx.clock.now.getTime() - 120_000),
      maxTokenDays: MAX_DAYS,
    });
    await expiring.init();
    const old = await expiring.sign({ typ: 'p' }, 60);
    expect(await errorCode(ctx.services.signing.verify(old))).toBe('TOKEN_EXPIRED');
  });

  it('stores the private key encrypted under the server secret', async () => {
    const [row] = await activeRows(ctx.database);
    // Decrypting with the documented scheme recovers the key that matches the published public key...
    const blob = Buffer.from(row!.private_key_enc, 'base64url');
    const kek = Buffer.from(hkdfSync('sha256', TEST_SECRET, Buffer.alloc(0), 'vaora signing keys', 32));
    const decipher = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, 12));
    decipher.setAAD(Buffer.from(row!.kid));
    decipher.setAuthTag(blob.subarray(12, 28));
    const pkcs8 = Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    expect(createPublicKey(privateKey).export({ format: 'jwk' }).x).toBe(row!.public_key);

    // ...and neither the PKCS8 bytes nor the 32-byte seed appear in the row in any common encoding.
    const seed = pkcs8.subarray(pkcs8.length - 32);
    const stored = JSON.stringify(row);
    const storedBytes = Buffer.concat([Buffer.from(stored), blob]);
    for (const secretBytes of [pkcs8, seed]) {
      expect(storedBytes.includes(secretBytes)).toBe(false);
      for (const encoding of ['base64', 'base64url', 'hex'] as const) {
        expect(stored.includes(secretBytes.toString(encoding).slice(0, 40))).toBe(false);
      }
    }
  });

  it('refuses to start with another secret rather than sign with garbage', async () => {
    const wrong = serviceOn(ctx.database, ctx, Buffer.from('another-secret-another-secret-another!!'));
    await expect(wrong.init()).rejects.toThrow(/Cannot decrypt signing key/);
    await expect(wrong.sign({ typ: 'p' }, 60)).rejects.toThrow();
    expect(await activeRows(ctx.database)).toHaveLength(1);
  });

  it('lets admins, and only admins, list and rotate keys', async () => {
    const anonymous = new TestClient(ctx.app, '10.0.1.1');
    expect((await anonymous.get('/api/admin/keys')).statusCode).toBe(401);
    expect((await anonymous.post('/api/admin/keys/rotate')).statusCode).toBe(401);

    const officer = new TestClient(ctx.app, '10.0.1.2');
    await signInAsDemo(ctx, officer, 'phuong@demo.vaora.vn');
    expect((await officer.get('/api/admin/keys')).statusCode).toBe(403);
    expect((await officer.post('/api/admin/keys/rotate')).statusCode).toBe(403);
    expect(await activeRows(ctx.database)).toHaveLength(1);

    const admin = new TestClient(ctx.app, '10.0.1.3');
    await signInAsDemo(ctx, admin, 'admin@demo.vaora.vn');
    const list = await admin.get('/api/admin/keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/private|public_key/i);
    const [active] = await activeRows(ctx.database);
    expect(list.json().keys).toContainEqual({
      kid: active!.kid,
      createdAt: active!.created_at.toISOString(),
      retiredAt: null,
      expiresAt: null,
      isActive: true,
    });
    for (const key of list.json().keys) {
      expect(Object.keys(key).sort()).toEqual(['createdAt', 'expiresAt', 'isActive', 'kid', 'retiredAt']);
    }
  });

  it('rotates: old tokens keep verifying, new ones carry the new kid, the JWKS lists both', async () => {
    const admin = new TestClient(ctx.app, '10.0.1.4');
    await signInAsDemo(ctx, admin, 'admin@demo.vaora.vn');
    const [before] = await activeRows(ctx.database);
    const oldToken = await ctx.services.signing.sign({ typ: 'c', pt: 'P1' }, 300 * 86_400);

    const res = await admin.post('/api/admin/keys/rotate');
    expect(res.statusCode).toBe(200);
    const { kid } = res.json();
    expect(kid).not.toBe(before!.kid);

    const newToken = await ctx.services.signing.sign({ typ: 'c', pt: 'P1' }, 60);
    expect(decodeToken(newToken).kid).toBe(kid);
    await expect(ctx.services.signing.verify(oldToken)).resolves.toMatchObject({ pt: 'P1' });
    await expect(ctx.services.signing.verify(newToken)).resolves.toMatchObject({ pt: 'P1' });

    const retired = await ctx.database.db
      .selectFrom('signing_keys')
      .selectAll()
      .where('kid', '=', before!.kid)
      .executeTakeFirstOrThrow();
    expect(retired.retired_at).toEqual(ctx.clock.now);
    expect(retired.expires_at).toEqual(new Date(ctx.clock.now.getTime() + MAX_DAYS * DAY_MS));

    const jwks = (await jwksOf(ctx)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid).sort()).toEqual([before!.kid, kid].sort());
    const nowSeconds = Math.floor(ctx.clock.now.getTime() / 1000);
    const keys = verificationKeysFromJwks(jwks);
    await expect(verifyToken(oldToken, keys, nowSeconds)).resolves.toMatchObject({ pt: 'P1' });
    await expect(verifyToken(newToken, keys, nowSeconds)).resolves.toMatchObject({ pt: 'P1' });
  });

  it('picks up a rotation made by another process', async () => {
    const elsewhere = serviceOn(ctx.database, ctx);
    await elsewhere.init();
    const kid = await elsewhere.rotate();
    const token = await elsewhere.sign({ typ: 'p' }, 60);
    expect(decodeToken(token).kid).toBe(kid);
    // Verifying reloads the keys at once on an unknown kid...
    await expect(ctx.services.signing.verify(token)).resolves.toMatchObject({ typ: 'p' });
    // ...and signing switches to the new key within a minute.
    ctx.clock.advance(61_000);
    expect(decodeToken(await ctx.services.signing.sign({ typ: 'p' }, 60)).kid).toBe(kid);
  });

  it('stops trusting a retired key once it expires', async () => {
    const oldToken = await ctx.services.signing.sign({ typ: 'k' }, MAX_DAYS * 86_400);
    const oldKid = decodeToken(oldToken).kid;
    await ctx.services.signing.rotate();

    ctx.clock.advance(MAX_DAYS * DAY_MS - 60_000);
    await expect(ctx.services.signing.verify(oldToken)).resolves.toMatchObject({ typ: 'k' });

    ctx.clock.advance(120_000);
    expect(await errorCode(ctx.services.signing.verify(oldToken))).toBe('TOKEN_UNKNOWN_KEY');
    const kids = (await jwksOf(ctx)).json().keys.map((k: { kid: string }) => k.kid);
    expect(kids).not.toContain(oldKid);
    expect(kids).toHaveLength(1);
  });
});

describe('first key', () => {
  let ctx: TestContext;
  let database: DatabaseHandle;
  beforeAll(async () => {
    ctx = await createTestApp();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
    await ctx.close();
  });

  it('is created once when several processes start together', async () => {
    expect(await activeRows(database)).toHaveLength(0);
    const services = Array.from({ length: 6 }, () => serviceOn(database, ctx));
    await Promise.all(services.map((s) => s.init()));

    const rows = await database.db.selectFrom('signing_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.retired_at).toBeNull();
    const tokens = await Promise.all(services.map((s) => s.sign({ typ: 'p' }, 60)));
    expect(new Set(tokens.map((t) => decodeToken(t).kid))).toEqual(new Set([rows[0]!.kid]));
    for (const s of services) {
      for (const t of tokens) await expect(s.verify(t)).resolves.toMatchObject({ typ: 'p' });
    }
  });

  it('lets one of two simultaneous rotations win', async () => {
    const [a, b] = [serviceOn(database, ctx), serviceOn(database, ctx)];
    await Promise.all([a.init(), b.init()]);
    const results = await Promise.allSettled([a.rotate(), b.rotate()]);
    expect(await activeRows(database)).toHaveLength(1);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    }
  });
});
