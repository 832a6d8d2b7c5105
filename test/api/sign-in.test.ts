import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTP_MAX_ATTEMPTS, signInLimits } from '../../src/server/services/sign-in.service';
import { createTestApp, lastCode, TestClient, type TestContext } from '../support/app';

describe('citizen sign-in with a one-time code', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('signs in with the code sent to the phone and sets safe cookies', async () => {
    const client = new TestClient(ctx.app, '10.1.0.1');
    const req = await client.post('/api/auth/otp/request', { phone: '0912 345 678' });
    expect(req.statusCode).toBe(200);
    expect(req.json()).toEqual({ expiresInSeconds: 300 });
    const code = lastCode(ctx, '0912345678');
    expect(code).toMatch(/^\d{6}$/);

    const res = await client.post('/api/auth/otp/verify', { phone: '0912345678', code });
    expect(res.statusCode).toBe(200);
    expect(res.json().me).toMatchObject({ phone: '0912345678', isCitizen: true, grants: [] });
    const session = res.cookies.find((c) => c.name === 'vaora_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeFalsy();
    const csrf = res.cookies.find((c) => c.name === 'vaora_csrf');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(res.json().csrfToken);

    const me = await client.get('/api/session');
    expect(me.json().me.phone).toBe('0912345678');
  });

  it('stores only a keyed hash of the code', async () => {
    const client = new TestClient(ctx.app, '10.1.0.2');
    await client.post('/api/auth/otp/request', { phone: '0912000001' });
    const code = lastCode(ctx, '0912000001');
    const rows = await ctx.database.db
      .selectFrom('otp_codes')
      .selectAll()
      .where('phone', '=', '0912000001')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).not.toContain(code);
    expect(rows[0]!.code_hash.length).toBeGreaterThan(30);
  });

  it('refuses a code after five minutes', async () => {
    const client = new TestClient(ctx.app, '10.1.0.3');
    await client.post('/api/auth/otp/request', { phone: '0912000002' });
    const code = lastCode(ctx, '0912000002');
    ctx.clock.advance(5 * 60_000 + 1000);
    const res = await client.post('/api/auth/otp/verify', { phone: '0912000002', code });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'OTP_EXPIRED',
      message: 'Mã xác thực đã hết hạn. Vui lòng lấy mã mới.',
    });
  });

  it('locks a code after five wrong attempts, even for the right code', async () => {
    const client = new TestClient(ctx.app, '10.1.0.4');
    await client.post('/api/auth/otp/request', { phone: '0912000003' });
    const code = lastCode(ctx, '0912000003');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= OTP_MAX_ATTEMPTS; i++) {
      const res = await client.post('/api/auth/otp/verify', { phone: '0912000003', code: wrong });
      expect(res.json().code).toBe(i < OTP_MAX_ATTEMPTS ? 'OTP_INVALID' : 'OTP_TOO_MANY_ATTEMPTS');
    }
    const right = await client.post('/api/auth/otp/verify', { phone: '0912000003', code });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('OTP_TOO_MANY_ATTEMPTS');
  });

  it('does not accept a code twice', async () => {
    const client = new TestClient(ctx.app, '10.1.0.5');
    await client.post('/api/auth/otp/request', { phone: '0912000004' });
    const code = lastCode(ctx, '0912000004');
    expect((await client.post('/api/auth/otp/verify', { phone: '0912000004', code })).statusCode).toBe(200);
    const again = await new TestClient(ctx.app, '10.1.0.5').post('/api/auth/otp/verify', {
      phone: '0912000004',
      code,
    });
    expect(again.json().code).toBe('OTP_INVALID');
  });

  it('limits how often one phone can ask for codes', async () => {
    const { max } = signInLimits.sendPerPhone;
    for (let i = 0; i < max; i++) {
      const res = await new TestClient(ctx.app, `10.2.0.${i + 1}`).post('/api/auth/otp/request', {
        phone: '0912000005',
      });
      expect(res.statusCode).toBe(200);
    }
    const res = await new TestClient(ctx.app, '10.2.0.99').post('/api/auth/otp/request', {
      phone: '0912000005',
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    // The limit lifts with the next window.
    ctx.clock.advance(signInLimits.sendPerPhone.windowSeconds * 1000);
    const later = await new TestClient(ctx.app, '10.2.0.98').post('/api/auth/otp/request', {
      phone: '0912000005',
    });
    expect(later.statusCode).toBe(200);
  });

  it('limits how many codes one client address can ask for', async () => {
    const { max } = signInLimits.sendPerIp;
    const client = new TestClient(ctx.app, '10.3.0.1');
    for (let i = 0; i < max; i++) {
      const phone = `0913${String(i).padStart(6, '0')}`;
      expect((await client.post('/api/auth/otp/request', { phone })).statusCode).toBe(200);
    }
    expect((await client.post('/api/auth/otp/request', { phone: '0913999999' })).statusCode).toBe(429);
    expect(
      (await new TestClient(ctx.app, '10.3.0.2').post('/api/auth/otp/request', { phone: '0913999999' }))
        .statusCode,
    ).toBe(200);
  });

  it('limits code guesses per client address across phones', async () => {
    const { max } = signInLimits.verifyPerIp;
    const client = new TestClient(ctx.app, '10.4.0.1');
    let last = 0;
    for (let i = 0; i <= max; i++) {
      last = (
        await client.post('/api/auth/otp/verify', {
          phone: `0914${String(i).padStart(6, '0')}`,
          code: '123456',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });

  it('explains a bad phone number at the field, in Vietnamese or English', async () => {
    const vi = await new TestClient(ctx.app, '10.5.0.1').post('/api/auth/otp/request', { phone: '12345' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'phone', message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.' }],
    });
    const en = await new TestClient(ctx.app, '10.5.0.2').post(
      '/api/auth/otp/request',
      { phone: '12345' },
      { 'accept-language': 'en-US' },
    );
    expect(en.json().fields[0].message).toBe('A phone number has 10 digits and starts with 0.');
  });
});

describe('cookies behind HTTPS', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => ctx.close());

  it('marks the session cookie Secure when the request came over HTTPS', async () => {
    const client = new TestClient(ctx.app, '10.6.0.1');
    await client.post('/api/auth/otp/request', { phone: '0915000001' }, { 'x-forwarded-proto': 'https' });
    const code = lastCode(ctx, '0915000001');
    const res = await client.post(
      '/api/auth/otp/verify',
      { phone: '0915000001', code },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.cookies.find((c) => c.name === 'vaora_session')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
  });
});
