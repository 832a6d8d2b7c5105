import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { answersBody, del, personBody, put } from '../support/citizen';

const HOST = 'https://vaora.example';

describe('check-ins: recording', () => {
  let ctx: TestContext;
  let citizen: TestClient;
  let staff: TestClient;
  let selfId: string;
  let childId: string;
  let market: { id: string; code: string };
  let school: { id: string; code: string };
  const poster = async (code: string, v = 1) =>
    `${HOST}/c/${await ctx.services.signing.sign({ typ: 'c', pt: code, v }, 86_400)}`;
  const count = async (pointId: string) =>
    Number(
      (
        await ctx.database.db
          .selectFrom('check_ins')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('point_id', '=', pointId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    staff = new TestClient(ctx.app, '10.0.0.2');
    await signInAsDemo(ctx, staff, '0900000005');
    citizen = new TestClient(ctx.app);
    await signInWithOtp(ctx, citizen, '0912000101');
    selfId = (await put(citizen, '/api/me/profile', personBody())).json().person.id;
    childId = (
      await citizen.post(
        '/api/persons',
        personBody({
          fullName: 'Nguyễn Bé Na',
          birthDate: '2015-02-03',
          idNumber: undefined,
          relation: 'con',
        }),
      )
    ).json().person.id;
    await citizen.post(`/api/persons/${selfId}/health`, { answers: answersBody({ symptoms: ['cough'] }) });
    const points = await ctx.database.db
      .selectFrom('points')
      .select(['id', 'code', 'name'])
      .orderBy('code')
      .execute();
    market = points.find((p) => p.code === 'DEMO0001')!;
    school = points.find((p) => p.code === 'DEMO0003')!;
  });
  afterAll(() => ctx.close());

  it('resolves a poster URL to its point', async () => {
    const res = await citizen.post('/api/check-ins/resolve', { code: await poster(market.code) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      point: {
        id: market.id,
        name: 'Chợ Đồng Xoài',
        kind: 'market',
        address: 'Đường Phú Riềng Đỏ',
        communeName: 'Phường Đồng Xoài',
        provinceName: 'Tỉnh Đồng Nai',
      },
      via: 'poster',
    });
  });

  it('way 1: checks in the caller and a dependant with their health answers; 10 minutes later is new', async () => {
    const code = await poster(market.code);
    const first = await citizen.post('/api/check-ins/self', { code, personIds: [selfId, childId] });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.checkIns).toHaveLength(2);
    expect(body.checkIns.every((c: { duplicate: boolean }) => !c.duplicate)).toBe(true);
    const row = await ctx.database.db
      .selectFrom('check_ins')
      .selectAll()
      .where('id', '=', body.checkIns[0].id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      method: 'self_scan',
      person_id: selfId,
      full_name: 'Nguyễn Văn An',
      point_id: market.id,
    });
    const health = row.health as { symptoms: string[]; declaredAt: string };
    expect(health.symptoms).toEqual(['cough']);
    expect(health.declaredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const child = await ctx.database.db
      .selectFrom('check_ins')
      .select('health')
      .where('id', '=', body.checkIns[1].id)
      .executeTakeFirstOrThrow();
    // The child never declared: no answers, not someone else's.
    expect(child.health).toBeNull();

    ctx.clock.advance(5 * 60_000);
    const again = (await citizen.post('/api/check-ins/self', { code, personIds: [selfId] })).json();
    expect(again.checkIns[0]).toMatchObject({ id: body.checkIns[0].id, duplicate: true });
    // Leaving is another record, not a duplicate of arriving.
    const out = (
      await citizen.post('/api/check-ins/self', { code, personIds: [selfId], direction: 'out' })
    ).json();
    expect(out.checkIns[0].duplicate).toBe(false);
    ctx.clock.advance(6 * 60_000);
    const later = (await citizen.post('/api/check-ins/self', { code, personIds: [selfId] })).json();
    expect(later.checkIns[0].duplicate).toBe(false);
    expect(await count(market.id)).toBe(4);
  });

  it('way 1: a double tap (two requests at once) is one check-in', async () => {
    const code = await poster(school.code);
    const before = await count(school.id);
    const [a, b] = await Promise.all(
      [1, 2].map(() => citizen.post('/api/check-ins/self', { code, personIds: [selfId] })),
    );
    const both = [a!.json().checkIns[0], b!.json().checkIns[0]];
    expect(both.map((c) => c.duplicate).sort()).toEqual([false, true]);
    expect(both[0].id).toBe(both[1].id);
    expect(await count(school.id)).toBe(before + 1);
  });

  it('way 1: someone else’s person is not found', async () => {
    const other = new TestClient(ctx.app, '10.0.0.9');
    await signInWithOtp(ctx, other, '0912000102');
    const res = await other.post('/api/check-ins/self', {
      code: await poster(market.code),
      personIds: [selfId],
    });
    expect(res.statusCode).toBe(404);
  });

  it('way 1: a dependant can be checked in as soon as added, and not once removed', async () => {
    const code = await poster(school.code);
    const added = (
      await citizen.post(
        '/api/persons',
        personBody({
          fullName: 'Nguyễn Bé Bông',
          birthDate: '2018-05-06',
          idNumber: undefined,
          relation: 'con',
        }),
      )
    ).json().person.id;
    const first = await citizen.post('/api/check-ins/self', { code, personIds: [added] });
    expect(first.statusCode).toBe(200);
    const row = await ctx.database.db
      .selectFrom('check_ins')
      .select(['full_name', 'birth_year'])
      .where('id', '=', first.json().checkIns[0].id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ full_name: 'Nguyễn Bé Bông', birth_year: 2018 });
    expect((await del(citizen, `/api/persons/${added}`)).json()).toEqual({ ok: true });
    const after = await citizen.post('/api/check-ins/self', { code, personIds: [added] });
    expect(after.statusCode).toBe(404);
  });

  it('refuses forged, rotated, closed and unknown codes, each with its code', async () => {
    const good = await poster(school.code);
    const forged = `${good.slice(0, -4)}AAAA`;
    const codeOf = async (code: string) =>
      (await citizen.post('/api/check-ins/resolve', { code })).json().code;
    expect(await codeOf(forged)).toMatch(/^TOKEN_/);
    const self = async (code: string) => citizen.post('/api/check-ins/self', { code, personIds: [selfId] });
    expect((await self(forged)).json().code).toMatch(/^TOKEN_/);

    await ctx.database.db
      .updateTable('points')
      .set({ code_version: 2 })
      .where('id', '=', school.id)
      .execute();
    ctx.clock.advance(10_000); // past the point cache
    const rotated = await self(good);
    expect(rotated.statusCode).toBe(400);
    expect(rotated.json().code).toBe('POINT_CODE_ROTATED');
    expect((await self(await poster(school.code, 2))).statusCode).toBe(200);

    await ctx.database.db.updateTable('points').set({ is_open: false }).where('id', '=', school.id).execute();
    ctx.clock.advance(10_000); // past the point cache
    const closed = await self(await poster(school.code, 2));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('POINT_CLOSED');

    const unknown = await self('https://bluezone.vn/place/NOT-IMPORTED');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNKNOWN_CODE');
  });

  it('a legacy code imported for a point records there', async () => {
    await ctx.database.db
      .insertInto('legacy_codes')
      .values({ code: 'https://bluezone.vn/place/abc123', point_id: market.id, source: 'bluezone' })
      .execute();
    const res = await citizen.post('/api/check-ins/resolve', { code: ' HTTPS://BlueZone.vn/place/abc123/ ' });
    expect(res.json()).toMatchObject({ point: { id: market.id }, via: 'legacy' });
  });

  it('way 2: stores each input kind once however often it is sent, with who scanned it', async () => {
    const batch = await ctx.services.personalCodes.issueBatch(
      (
        await ctx.database.db
          .selectFrom('persons')
          .select('account_id')
          .where('id', '=', selfId)
          .executeTakeFirstOrThrow()
      ).account_id,
      selfId,
    );
    const card = await ctx.services.personalCodes.issueCard(
      (
        await ctx.database.db
          .selectFrom('persons')
          .select('account_id')
          .where('id', '=', childId)
          .executeTakeFirstOrThrow()
      ).account_id,
      childId,
    );
    const at = ctx.clock.now.toISOString();
    const items = [
      { id: randomUUID(), at, direction: 'in', input: { kind: 'vaora', token: batch.tokens[0]!.token } },
      { id: randomUUID(), at, direction: 'in', input: { kind: 'vaora', token: card.token } },
      {
        id: randomUUID(),
        at,
        direction: 'in',
        input: {
          kind: 'national',
          text: '******123456|NGUYEN VAN BA|1990-**-**|0|QID123|1<GD4877*******<0943******',
        },
      },
      {
        id: randomUUID(),
        at,
        direction: 'in',
        input: {
          kind: 'cccd',
          text: '001090012345|123456789|Trần Văn Cường|01051990|Nam|Số 5 Lê Lợi|15082021',
        },
      },
      {
        id: randomUUID(),
        at,
        direction: 'out',
        input: {
          kind: 'hand',
          fullName: 'Lê Thị Dung',
          phone: '0913 456 789',
          idNumber: '079203009999',
          birthYear: 1950,
          gender: 'female',
        },
      },
      {
        id: randomUUID(),
        at,
        direction: 'in',
        input: { kind: 'legacy', code: 'https://bluezone.vn/place/abc123' },
      },
      { id: randomUUID(), at, direction: 'in', input: { kind: 'cccd', text: 'not a card' } },
      {
        id: randomUUID(),
        at: new Date(ctx.clock.now.getTime() - 8 * 86_400_000).toISOString(),
        direction: 'in',
        input: { kind: 'hand', fullName: 'Cũ', birthYear: 1990 },
      },
    ];
    const before = await count(market.id);
    const res = await staff.post(`/api/points/${market.id}/scans`, { items }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'stored',
      'stored',
      'stored',
      'stored',
      'stored',
      'stored',
      'rejected',
      'rejected',
    ]);
    expect(results[0].person).toMatchObject({
      name: 'Nguyễn Văn An',
      birthYear: 1990,
      colour: expect.any(String),
    });
    expect(results[6]).toMatchObject({ code: 'TOKEN_MALFORMED', message: 'The code cannot be read.' });
    expect(results[7].code).toBe('SCAN_TIME_INVALID');
    expect(await count(market.id)).toBe(before + 6);

    const rows = await ctx.database.db
      .selectFrom('check_ins')
      .selectAll()
      .where(
        'id',
        'in',
        items.slice(0, 6).map((i) => i.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The row is the record of the scan: who scanned whom, where and when.
    const staffUser = await ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', '0900000005')
      .executeTakeFirstOrThrow();
    for (const item of items.slice(0, 6)) expect(byId.get(item.id)!.recorded_by).toBe(staffUser.id);
    expect(byId.get(items[0]!.id)).toMatchObject({ method: 'staff_scan', person_id: selfId });
    expect((byId.get(items[0]!.id)!.health as { symptoms: string[] }).symptoms).toEqual(['cough']);
    expect(byId.get(items[1]!.id)).toMatchObject({ method: 'staff_scan', person_id: childId });
    expect(byId.get(items[2]!.id)).toMatchObject({
      method: 'national_qr',
      id_number_masked: '******123456',
      gender: 'male',
      birth_year: 1990,
    });
    expect(byId.get(items[3]!.id)).toMatchObject({
      method: 'id_card',
      id_number_masked: '********2345',
      address: 'Số 5 Lê Lợi',
    });
    expect(byId.get(items[4]!.id)).toMatchObject({
      method: 'hand_entry',
      phone: '0913456789',
      id_number_masked: '********9999',
      direction: 'out',
    });
    expect(byId.get(items[5]!.id)).toMatchObject({ method: 'legacy_code', person_id: null });
    expect(JSON.stringify(rows)).not.toContain('123456789');

    // The offline queue sends again (twice, even concurrently): nothing new is stored.
    const [again1, again2] = await Promise.all([
      staff.post(`/api/points/${market.id}/scans`, { items }),
      staff.post(`/api/points/${market.id}/scans`, { items }),
    ]);
    for (const again of [again1, again2]) {
      expect(
        again
          .json()
          .results.slice(0, 6)
          .map((r: { status: string }) => r.status),
      ).toEqual(Array(6).fill('duplicate'));
    }
    expect(await count(market.id)).toBe(before + 6);
  });

  it('way 2: a revoked card and an expired token are refused; a token valid when scanned offline is kept', async () => {
    const accountId = (
      await ctx.database.db
        .selectFrom('persons')
        .select('account_id')
        .where('id', '=', childId)
        .executeTakeFirstOrThrow()
    ).account_id;
    const revoked = await ctx.services.personalCodes.issueCard(accountId, childId);
    await ctx.services.personalCodes.revokeCard(accountId, childId);
    // Signing is deterministic: a minute on, the batch differs from the one scanned above.
    ctx.clock.advance(60_000);
    const batch = await ctx.services.personalCodes.issueBatch(accountId, selfId);
    const scannedAt = ctx.clock.now.toISOString();
    ctx.clock.advance(3 * 3_600_000);
    const res = await staff.post(`/api/points/${market.id}/scans`, {
      items: [
        {
          id: randomUUID(),
          at: ctx.clock.now.toISOString(),
          direction: 'in',
          input: { kind: 'vaora', token: revoked.token },
        },
        {
          id: randomUUID(),
          at: ctx.clock.now.toISOString(),
          direction: 'in',
          input: { kind: 'vaora', token: batch.tokens[0]!.token },
        },
        {
          id: randomUUID(),
          at: scannedAt,
          direction: 'in',
          input: { kind: 'vaora', token: batch.tokens[0]!.token },
        },
      ],
    });
    expect(res.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual([
      'TOKEN_REVOKED',
      'TOKEN_EXPIRED',
      'stored',
    ]);
  });

  it('way 2: a point the caller does not scan for is not found', async () => {
    const res = await staff.post(`/api/points/${school.id}/scans`, {
      items: [
        {
          id: randomUUID(),
          at: ctx.clock.now.toISOString(),
          direction: 'in',
          input: { kind: 'hand', fullName: 'A', birthYear: 1990 },
        },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await citizen.post(`/api/points/${market.id}/scans`, { items: [] })).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });
});
