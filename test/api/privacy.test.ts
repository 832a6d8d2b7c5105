import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/access';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { answersBody, COMMUNE, del, ID_NUMBER, PROVINCE, personBody, put } from '../support/citizen';

/** Keeps every response, to search them all for what must not be there. */
class RecordingClient extends TestClient {
  readonly seen: { what: string; res: LightMyRequestResponse }[] = [];

  override async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const res = await super.request(method, url, body, headers);
    this.seen.push({ what: `${method} ${url}`, res });
    return res;
  }
}

/** The principal of a signed-in staff member, as the services see it. */
async function staffPrincipal(ctx: TestContext, login: string): Promise<Principal> {
  const { me } = await signInAsDemo(ctx, new TestClient(ctx.app, '10.7.0.1'), login);
  return {
    userId: me.userId,
    displayName: me.displayName,
    phone: me.phone,
    email: me.email,
    grants: me.grants.map((g: { role: string; scope: unknown }) => ({ role: g.role, scope: g.scope })),
    pointIds: me.pointIds,
    persons: [],
  };
}

describe('the ID number in responses', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('appears in clear only in the two single-person reads, through a whole flow', async () => {
    const client = new RecordingClient(ctx.app);
    const { me } = await signInWithOtp(ctx, client, '0914000001');
    const childId = '079215000777';
    const self = (await put(client, '/api/me/profile', personBody())).json().person;
    const child = (
      await client.post(
        '/api/persons',
        personBody({ fullName: 'Lê Thu Hà', idNumber: childId, relation: 'Con' }),
      )
    ).json().person;
    await put(client, `/api/persons/${child.id}`, personBody({ fullName: 'Lê Thu Hà', idNumber: childId }));
    await client.post(`/api/persons/${self.id}/health`, { answers: answersBody() });
    await client.post(`/api/persons/${child.id}/health`, { answers: answersBody() });
    await client.get(`/api/persons/${self.id}/health`);
    await client.get(`/api/persons/${child.id}/health/latest`);
    const point = await ctx.database.db
      .insertInto('points')
      .values({
        code: 'P-ID',
        name: 'Nhà thuốc',
        kind: 'shop',
        province_code: PROVINCE,
        commune_code: COMMUNE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .insertInto('check_ins')
      .values({
        checked_in_at: new Date(),
        point_id: point.id,
        province_code: PROVINCE,
        person_id: self.id,
        method: 'self_scan',
      })
      .execute();
    await client.get(`/api/persons/${self.id}/check-ins`);
    await ctx.services.notices.notify(me.userId, child.id, 'declaration', { at: '2026-03-01T08:00:00Z' });
    await client.get('/api/notices');
    await client.get('/api/persons');
    await client.get('/api/me/access-log');
    await client.get('/api/session');
    await client.get('/api/me/profile');
    await client.get(`/api/persons/${child.id}`);

    const clear = client.seen.filter(({ res }) => res.body.includes(ID_NUMBER) || res.body.includes(childId));
    expect(clear.map((s) => s.what)).toEqual(['GET /api/me/profile', `GET /api/persons/${child.id}`]);
    for (const { what, res } of client.seen) expect(res.statusCode, what).toBeLessThan(300);
    expect(client.seen.length).toBeGreaterThan(15);
    const list = client.seen.find((s) => s.what === 'GET /api/persons')!.res.json().persons;
    expect(list.map((p: { idNumberMasked: string }) => p.idNumberMasked)).toEqual([
      '******001234',
      '******000777',
    ]);
  });
});

describe('the access log', () => {
  let ctx: TestContext;
  let client: TestClient;
  let officer: Principal;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    await signInWithOtp(ctx, client, '0914000002');
    officer = await staffPrincipal(ctx, 'phuong@demo.vaora.vn');
  });
  afterAll(() => ctx.close());

  it('is empty before anyone looked', async () => {
    expect((await client.get('/api/me/access-log')).json()).toEqual({ entries: [] });
  });

  it('shows who read my persons’ data and why, and nothing about other accounts’ persons', async () => {
    const self = (await put(client, '/api/me/profile', personBody())).json().person;
    const child = (
      await client.post('/api/persons', personBody({ fullName: 'Phạm Gia Huy', idNumber: undefined }))
    ).json().person;
    const other = new TestClient(ctx.app, '10.0.0.9');
    await signInWithOtp(ctx, other, '0914000003');
    const stranger = (await put(other, '/api/me/profile', personBody({ fullName: 'Người Lạ' }))).json()
      .person;

    const record = (subjectPersonId: string, purpose: string) =>
      ctx.services.audit.record(officer, {
        action: 'read',
        resource: `person:${subjectPersonId}`,
        subjectPersonId,
        purpose,
      });
    await record(self.id, 'Theo dõi người về từ vùng dịch');
    await record(stranger.id, 'Điều tra ca bệnh khác');
    await record(child.id, 'Truy vết F1 tại chợ');

    const entries = (await client.get('/api/me/access-log')).json().entries;
    expect(entries).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        actorName: 'Lê Văn Đức',
        actorRole: 'health_officer',
        action: 'read',
        purpose: 'Truy vết F1 tại chợ',
        personId: child.id,
        personName: 'Phạm Gia Huy',
      },
      expect.objectContaining({
        purpose: 'Theo dõi người về từ vùng dịch',
        personId: self.id,
        personName: 'Nguyễn Văn An',
      }),
    ]);
    const theirs = (await other.get('/api/me/access-log')).json().entries;
    expect(theirs.map((e: { purpose: string }) => e.purpose)).toEqual(['Điều tra ca bệnh khác']);
    expect((await client.get('/api/me/access-log?limit=1')).json().entries).toHaveLength(1);
  });
});

describe('deleting the account', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('asks for the typed confirmation', async () => {
    const client = new TestClient(ctx.app);
    await signInWithOtp(ctx, client, '0914000004');
    for (const body of [{}, { confirm: 'xoa' }, { confirm: 'yes' }]) {
      const res = await del(client, '/api/me', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([{ path: 'confirm', message: 'Giá trị không hợp lệ.' }]);
    }
    expect((await client.get('/api/session')).json().me).not.toBeNull();
  });

  it('removes the persons and their data, keeps the audit trail, and ends the session', async () => {
    const client = new TestClient(ctx.app);
    const { me } = await signInWithOtp(ctx, client, '0914000005');
    const self = (await put(client, '/api/me/profile', personBody())).json().person;
    const child = (
      await client.post('/api/persons', personBody({ fullName: 'Võ Tuấn Kiệt', idNumber: undefined }))
    ).json().person;
    await client.post(`/api/persons/${child.id}/health`, { answers: answersBody() });
    await ctx.services.notices.notify(me.userId, child.id, 'exposure', {
      pointName: 'Chợ',
      at: '2026-03-01T08:00:00Z',
    });
    const db = ctx.database.db;
    const point = await db
      .insertInto('points')
      .values({ code: 'P-GONE', name: 'Chợ', kind: 'market', province_code: PROVINCE, commune_code: COMMUNE })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('check_ins')
      .values({
        checked_in_at: new Date(),
        point_id: point.id,
        province_code: PROVINCE,
        person_id: self.id,
        method: 'self_scan',
      })
      .execute();
    const officer = await staffPrincipal(ctx, 'phuong@demo.vaora.vn');
    await ctx.services.audit.record(officer, {
      action: 'read',
      resource: `person:${self.id}`,
      subjectPersonId: self.id,
      purpose: 'Theo dõi',
    });
    // Someone else's data stays.
    const other = new TestClient(ctx.app, '10.0.0.8');
    await signInWithOtp(ctx, other, '0914000006');
    await put(other, '/api/me/profile', personBody({ fullName: 'Người Ở Lại' }));

    const token = client.cookies.get('vaora_session')!;
    const res = await del(client, '/api/me', { confirm: 'XOA' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(res.cookies.find((c) => c.name === 'vaora_session')?.value).toBe('');

    expect((await client.get('/api/session')).json().me).toBeNull();
    const replay = await ctx.app.inject({ url: '/api/persons', cookies: { vaora_session: token } });
    expect(replay.statusCode).toBe(401);

    const ids = [self.id, child.id];
    expect(await db.selectFrom('users').where('id', '=', me.userId).execute()).toEqual([]);
    expect(await db.selectFrom('persons').where('account_id', '=', me.userId).execute()).toEqual([]);
    expect(await db.selectFrom('health_declarations').where('person_id', 'in', ids).execute()).toEqual([]);
    expect(await db.selectFrom('notices').where('account_id', '=', me.userId).execute()).toEqual([]);
    expect(await db.selectFrom('check_ins').where('person_id', 'in', ids).execute()).toEqual([]);
    expect(await db.selectFrom('sessions').where('user_id', '=', me.userId).execute()).toEqual([]);
    const trail = await db
      .selectFrom('audit_log')
      .select('purpose')
      .where('subject_person_id', '=', self.id)
      .execute();
    expect(trail).toEqual([{ purpose: 'Theo dõi' }]);
    expect((await other.get('/api/persons')).json().persons).toHaveLength(1);
    // Sign-in traces of the phone go too.
    expect(await db.selectFrom('otp_codes').where('phone', '=', '0914000005').execute()).toEqual([]);
    expect(await db.selectFrom('rate_limits').where('key', 'like', '%0914000005%').execute()).toEqual([]);
    expect(await db.selectFrom('otp_codes').where('phone', '=', '0914000006').execute()).toHaveLength(1);

    // The phone can register again, as a new, empty account.
    const again = new TestClient(ctx.app, '10.0.0.7');
    const second = await signInWithOtp(ctx, again, '0914000005');
    expect(second.me.userId).not.toBe(me.userId);
    expect((await again.get('/api/me/profile')).json()).toEqual({ person: null });
  });

  it('refuses a staff account: an administrator winds up its roles', async () => {
    const staff = new TestClient(ctx.app, '10.7.0.2');
    await signInAsDemo(ctx, staff, '0900000005');
    const res = await del(staff, '/api/me', { confirm: 'XOA' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'staffAccount' } });
  });
});
