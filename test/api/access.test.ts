import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../../src/server/http/plugins/auth';
import { DEMO_COMMUNE, DEMO_OTHER_COMMUNE } from '../../src/server/services/demo.service';
import {
  createTestApp,
  DEMO_PASSWORD,
  signInAsDemo,
  signInWithOtp,
  TestClient,
  type TestContext,
} from '../support/app';

describe('staff sign-in, sessions and CSRF', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
    await ctx.services.demo.seed(DEMO_PASSWORD);
  });
  afterAll(() => ctx.close());

  it('signs a health officer in with e-mail and password', async () => {
    const client = new TestClient(ctx.app);
    const body = await signInAsDemo(ctx, client, 'phuong@demo.vaora.vn');
    expect(body.me.grants).toEqual([
      {
        role: 'health_officer',
        scope: { level: 'commune', provinceCode: '75', communeCode: DEMO_COMMUNE },
        unitName: 'Phường Đồng Xoài',
      },
    ]);
  });

  it('signs staff in with a phone number too', async () => {
    const res = await new TestClient(ctx.app).post('/api/auth/password', {
      login: '0900000005',
      password: DEMO_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().me.grants[0].role).toBe('point_staff');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await new TestClient(ctx.app).post('/api/auth/password', {
      login: 'phuong@demo.vaora.vn',
      password: 'nope-nope-nope',
    });
    const unknown = await new TestClient(ctx.app).post('/api/auth/password', {
      login: 'nobody@demo.vaora.vn',
      password: 'nope-nope-nope',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('BAD_CREDENTIALS');
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const client = new TestClient(ctx.app);
    await signInAsDemo(ctx, client, 'admin@demo.vaora.vn');
    const missing = await client.post('/api/admin/keys/rotate', {}, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_FAILED');
    const forged = await client.post('/api/auth/sign-out', {}, { 'x-csrf-token': 'forged-token-value' });
    expect(forged.json().code).toBe('CSRF_FAILED');
  });

  it('signs out: the old session cookie stops working', async () => {
    const client = new TestClient(ctx.app);
    await signInAsDemo(ctx, client, 'tinh@demo.vaora.vn');
    const token = client.cookies.get('vaora_session')!;
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await client.get('/api/session')).json().me).toBeNull();
    const replay = await ctx.app.inject({ url: '/api/units/75/points', cookies: { vaora_session: token } });
    expect(replay.statusCode).toBe(401);
  });
});

describe('roles and areas', () => {
  let ctx: TestContext;
  let commune: TestClient;
  let province: TestClient;
  beforeAll(async () => {
    ctx = await createTestApp();
    commune = new TestClient(ctx.app);
    province = new TestClient(ctx.app);
    await signInAsDemo(ctx, commune, 'phuong@demo.vaora.vn');
    await signInAsDemo(ctx, province, 'tinh@demo.vaora.vn');
  });
  afterAll(() => ctx.close());

  it("lets a commune officer see their commune's points", async () => {
    const res = await commune.get(`/api/units/${DEMO_COMMUNE}/points`);
    expect(res.statusCode).toBe(200);
    const names = res.json().points.map((p: { name: string }) => p.name);
    expect(names).toContain('Chợ Đồng Xoài');
    expect(names).not.toContain('Quán cà phê Hương Điều');
  });

  it("gives an officer of commune A 403 on commune B's data", async () => {
    const res = await commune.get(`/api/units/${DEMO_OTHER_COMMUNE}/points`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Bạn không có quyền xem hoặc thực hiện việc này.',
    });
    expect((await commune.get('/api/units/75/points')).statusCode).toBe(403);
  });

  it('lets a province officer see every commune of the province, and nothing outside it', async () => {
    expect((await province.get(`/api/units/${DEMO_OTHER_COMMUNE}/points`)).json().points).toHaveLength(2);
    expect((await province.get('/api/units/75/points')).json().points).toHaveLength(5);
    expect((await province.get('/api/units/00004/points')).statusCode).toBe(403);
    expect((await province.get('/api/units/01/points')).statusCode).toBe(403);
  });

  it('refuses citizens and strangers', async () => {
    const citizen = new TestClient(ctx.app, '10.9.0.1');
    await signInWithOtp(ctx, citizen, '0987654321');
    expect((await citizen.get(`/api/units/${DEMO_COMMUNE}/points`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `/api/units/${DEMO_COMMUNE}/points` })).statusCode).toBe(401);
  });

  it("lists a point staff member's own points only", async () => {
    const staff = new TestClient(ctx.app);
    await signInAsDemo(ctx, staff, '0900000005');
    const names = (await staff.get('/api/me/points')).json().points.map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual(['Bến xe Đồng Xoài', 'Chợ Đồng Xoài']);
  });
});

describe('invitations and the audit log', () => {
  let ctx: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestApp();
    admin = new TestClient(ctx.app);
    await signInAsDemo(ctx, admin, 'admin@demo.vaora.vn');
  });
  afterAll(() => ctx.close());

  it('invites a commune officer who then sets a password and sees only that commune', async () => {
    const inv = await admin.post('/api/admin/invitations', {
      displayName: 'Đỗ Thị Mai',
      phone: '0933000111',
      role: 'health_officer',
      unitCode: DEMO_OTHER_COMMUNE,
    });
    expect(inv.statusCode).toBe(200);
    const link: string = inv.json().link;
    const sms = ctx.sent.at(-1)!;
    expect(sms).toMatchObject({ channel: 'sms', to: '0933000111' });
    expect(sms.text).toContain(link);
    // Without diacritics, the role in words: an SMS with diacritics is cut after 70 characters.
    expect(sms.text).toContain('Do Thi Mai');
    expect(sms.text).toContain('Can bo y te');

    const officer = new TestClient(ctx.app);
    const token = link.split('#')[1]!;
    const accepted = await officer.post('/api/invitations/accept', {
      token,
      password: 'mat-khau-rat-dai-2026',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().me.grants[0].scope).toEqual({
      level: 'commune',
      provinceCode: '75',
      communeCode: DEMO_OTHER_COMMUNE,
    });
    expect((await officer.get(`/api/units/${DEMO_OTHER_COMMUNE}/points`)).statusCode).toBe(200);
    expect((await officer.get(`/api/units/${DEMO_COMMUNE}/points`)).statusCode).toBe(403);

    const again = await new TestClient(ctx.app).post('/api/invitations/accept', {
      token,
      password: 'another-password-1',
    });
    expect(again.json().code).toBe('INVITATION_INVALID');
    const signIn = await new TestClient(ctx.app).post('/api/auth/password', {
      login: '0933000111',
      password: 'mat-khau-rat-dai-2026',
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('keeps non-admins from inviting', async () => {
    const officer = new TestClient(ctx.app);
    await signInAsDemo(ctx, officer, 'tinh@demo.vaora.vn');
    const res = await officer.post('/api/admin/invitations', {
      displayName: 'Ai Đó',
      phone: '0933000222',
      role: 'admin',
    });
    expect(res.statusCode).toBe(403);
  });

  it('asks for a purpose before listing accounts, and records who looked and why', async () => {
    const noPurpose = await admin.get('/api/admin/accounts');
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().fields[0]).toMatchObject({ path: 'purpose' });
    const res = await admin.get(
      `/api/admin/accounts?purpose=${encodeURIComponent('Rà soát tài khoản cán bộ')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().accounts.length).toBeGreaterThanOrEqual(6);
    const audit = (await admin.get('/api/admin/audit')).json().entries;
    expect(audit[0]).toMatchObject({
      action: 'read',
      resource: 'accounts',
      purpose: 'Rà soát tài khoản cán bộ',
    });
    expect(audit[0]).toMatchObject({ actorName: 'Quản trị hệ thống', actorRole: 'admin' });
  });

  it('lets an administrator read the outbox, and audits it', async () => {
    await new TestClient(ctx.app, '10.8.0.1').post('/api/auth/otp/request', { phone: '0944000111' });
    const res = await admin.get('/api/admin/outbox?phone=0944000111');
    expect(res.statusCode).toBe(200);
    const audit = (await admin.get('/api/admin/audit')).json().entries;
    expect(audit[0]).toMatchObject({ resource: 'outbox:0944000111' });
  });
});

describe('route declarations', () => {
  it('every route of the app declares who may call it', async () => {
    const ctx = await createTestApp();
    try {
      const routes = ctx.app.routeAccess.filter((r) => r.method !== 'HEAD');
      expect(routes.length).toBeGreaterThan(15);
      expect(routes.filter((r) => !r.access)).toEqual([]);
      expect(routes).toContainEqual({ method: 'GET', url: '/api/admin/outbox', access: 'outbox.read' });
    } finally {
      await ctx.close();
    }
  });

  it('refuses to start when a route forgets its access declaration', async () => {
    const app = Fastify();
    registerAuth(app, {} as never);
    app.get('/api/forgotten', async () => 'oops');
    await expect(app.ready()).rejects.toThrow(/without an access declaration: GET \/api\/forgotten/);
  });
});
