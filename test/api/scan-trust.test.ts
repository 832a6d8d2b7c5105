import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCheckInWriteRepository,
  type NewCheckIn,
} from '../../src/server/repositories/check-in-write.repository';
import { createCheckInBatcher } from '../../src/server/services/check-in-batcher';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { answersBody, personBody, put } from '../support/citizen';

const MINUTE = 60_000;

/** Issue 15, items 1 and 2: one bad item hurts no other, and one scanned code is one check-in. */
describe('scans you can trust', () => {
  let ctx: TestContext;
  let staff: TestClient;
  let citizen: TestClient;
  let selfId: string;
  let accountId: string;
  let market: { id: string; province_code: string };
  let busStation: { id: string; province_code: string };

  const hand = (fullName: string, over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    at: ctx.clock.now.toISOString(),
    direction: 'in',
    input: { kind: 'hand', fullName, birthYear: 1980 },
    ...over,
  });
  const vaora = (token: string, over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    at: ctx.clock.now.toISOString(),
    direction: 'in',
    input: { kind: 'vaora', token },
    ...over,
  });
  const scan = (pointId: string, items: unknown[]) => staff.post(`/api/points/${pointId}/scans`, { items });
  const outcomes = (res: { json: () => { results: { status: string; code?: string }[] } }) =>
    res.json().results.map((r) => r.code ?? r.status);
  const rowsOf = (ids: string[]) =>
    ctx.database.db.selectFrom('check_ins').selectAll().where('id', 'in', ids).execute();
  const countAt = async (pointId: string, personId: string) =>
    (
      await ctx.database.db
        .selectFrom('check_ins')
        .select('id')
        .where('point_id', '=', pointId)
        .where('person_id', '=', personId)
        .execute()
    ).length;

  beforeAll(async () => {
    ctx = await createTestApp();
    staff = new TestClient(ctx.app, '10.0.0.2');
    await signInAsDemo(ctx, staff, '0900000005');
    citizen = new TestClient(ctx.app);
    await signInWithOtp(ctx, citizen, '0912000202');
    selfId = (await put(citizen, '/api/me/profile', personBody())).json().person.id;
    await citizen.post(`/api/persons/${selfId}/health`, { answers: answersBody() });
    accountId = (
      await ctx.database.db
        .selectFrom('persons')
        .select('account_id')
        .where('id', '=', selfId)
        .executeTakeFirstOrThrow()
    ).account_id;
    const points = await ctx.database.db
      .selectFrom('points')
      .select(['id', 'code', 'province_code'])
      .execute();
    market = points.find((p) => p.code === 'DEMO0001')!;
    busStation = points.find((p) => p.code === 'DEMO0002')!;
  });
  afterAll(() => ctx.close());

  it('a hand entry with a NUL byte is refused alone; 60 honest concurrent scans at another point are all stored', async () => {
    const honest = Array.from({ length: 60 }, (_, i) => hand(`Trần Văn Khách ${i}`));
    const bad = hand('Nguyễn\u0000Văn Độc');
    const [badRes, ...honestRes] = await Promise.all([
      scan(market.id, [bad, hand('Lê Thị Ngay Thẳng')]),
      ...honest.map((item) => scan(busStation.id, [item])),
    ]);
    for (const res of honestRes) {
      expect(res.statusCode).toBe(200);
      expect(outcomes(res)).toEqual(['stored']);
    }
    expect(badRes.statusCode).toBe(200);
    const [refused, beside] = badRes.json().results;
    expect(refused).toMatchObject({ id: bad.id, status: 'rejected', code: 'VALIDATION_FAILED' });
    expect(refused.message).toEqual(expect.any(String));
    expect(beside.status).toBe('stored');
    expect(await rowsOf(honest.map((h) => h.id))).toHaveLength(60);
    expect(await rowsOf([bad.id])).toHaveLength(0);
  });

  it('the write path: a row the database refuses fails alone, the statement retried in halves', async () => {
    // Straight to the batcher, past the request schema: whatever slips through the boundary, the
    // database's refusal falls on the guilty row only.
    const batcher = createCheckInBatcher({
      insertMany: createCheckInWriteRepository(ctx.database.db).insertMany,
      maxInFlight: 1,
    });
    const row = (fullName: string): NewCheckIn => ({
      id: randomUUID(),
      at: ctx.clock.now,
      receivedAt: ctx.clock.now,
      pointId: busStation.id,
      provinceCode: busStation.province_code,
      direction: 'in',
      method: 'hand_entry',
      personId: null,
      fullName,
      birthYear: 1980,
      gender: null,
      phone: null,
      idNumberMasked: null,
      address: null,
      recordedBy: null,
      unlessSince: null,
      deviceKey: null,
      tokenKey: null,
      claimUntil: null,
    });
    const rows = Array.from({ length: 40 }, (_, i) => row(`Khách ${i}`));
    rows.splice(17, 0, row('Xấu\u0000'));
    rows.splice(31, 0, row('Cũng xấu\u0000'));
    const settled = await Promise.allSettled(rows.map((r) => batcher.add(r)));
    const refusedAt = settled.flatMap((s, i) => (s.status === 'rejected' ? [i] : []));
    expect(refusedAt).toEqual([17, 31]);
    for (const i of refusedAt) {
      const reason = (settled[i] as PromiseRejectedResult).reason;
      expect(reason).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(settled.filter((s) => s.status === 'fulfilled' && s.value === true)).toHaveLength(40);
  });

  it('each item is judged on its own: a malformed item is refused with its fields, the rest stored', async () => {
    const good = hand('Phạm Thị Đúng');
    const res = await scan(market.id, [
      {
        id: randomUUID(),
        at: 'hôm qua',
        direction: 'in',
        input: { kind: 'hand', fullName: 'A', birthYear: 1980 },
      },
      { id: randomUUID(), at: ctx.clock.now.toISOString(), direction: 'sideways', input: { kind: 'x' } },
      good,
    ]);
    expect(res.statusCode).toBe(200);
    const [a, b, c] = res.json().results;
    expect(a).toMatchObject({ status: 'rejected', code: 'VALIDATION_FAILED' });
    expect(a.fields.map((f: { path: string }) => f.path)).toEqual(['at']);
    expect(a.fields[0].message).toEqual(expect.any(String));
    expect(b).toMatchObject({ status: 'rejected', code: 'VALIDATION_FAILED' });
    expect(c).toMatchObject({ id: good.id, status: 'stored' });
    // An envelope without an id to answer for is the whole request's fault.
    const noId = await scan(market.id, [{ at: ctx.clock.now.toISOString() }]);
    expect(noId.statusCode).toBe(400);
  });

  it('a device-made id is stored once whatever time comes with it', async () => {
    const item = hand('Võ Văn Một Lần');
    const times = [0, -3, -60].map((m) => new Date(ctx.clock.now.getTime() + m * MINUTE).toISOString());
    const replies = await Promise.all(times.map((at) => scan(market.id, [{ ...item, at }])));
    const later = await scan(market.id, [
      { ...item, at: new Date(ctx.clock.now.getTime() - 2 * 86_400_000).toISOString() },
    ]);
    const statuses = [...replies, later].map((r) => outcomes(r)[0]);
    expect(statuses.filter((s) => s === 'stored')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(3);
    expect(await rowsOf([item.id])).toHaveLength(1);
  });

  it('a photographed personal QR is one check-in per point and direction, however often and whenever it is replayed', async () => {
    ctx.clock.advance(MINUTE);
    const { tokens } = await ctx.services.personalCodes.issueBatch(accountId, selfId);
    const token = tokens[0]!.token;
    const before = await countAt(market.id, selfId);
    const replays = await Promise.all(
      [0, 1, 2, 3].map((m) =>
        scan(market.id, [vaora(token, { at: new Date(ctx.clock.now.getTime() + m * MINUTE).toISOString() })]),
      ),
    );
    expect(replays.map((r) => outcomes(r)[0]).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'stored',
    ]);
    expect(await countAt(market.id, selfId)).toBe(before + 1);
    // Leaving is another record; another point is another place.
    expect(outcomes(await scan(market.id, [vaora(token, { direction: 'out' })]))).toEqual(['stored']);
    expect(outcomes(await scan(market.id, [vaora(token, { direction: 'out' })]))).toEqual(['duplicate']);
    expect(outcomes(await scan(busStation.id, [vaora(token)]))).toEqual(['stored']);
    // The next token of the batch is a new showing of the QR: a new check-in.
    ctx.clock.advance(5 * MINUTE);
    expect(outcomes(await scan(market.id, [vaora(tokens[1]!.token)]))).toEqual(['stored']);
  });

  it('the scan time must lie within the token’s validity: not before it was made, not after it expired', async () => {
    ctx.clock.advance(MINUTE);
    const { tokens } = await ctx.services.personalCodes.issueBatch(accountId, selfId);
    const token = tokens[0]!.token;
    const made = ctx.clock.now.getTime();
    const backdated = await scan(busStation.id, [
      vaora(token, { at: new Date(made - 3 * 86_400_000).toISOString() }),
    ]);
    expect(outcomes(backdated)).toEqual(['TOKEN_NOT_YET_VALID']);
    ctx.clock.advance(40 * MINUTE);
    const afterExpiry = await scan(busStation.id, [
      vaora(token, { at: new Date(made + 30 * MINUTE).toISOString() }),
    ]);
    expect(outcomes(afterExpiry)).toEqual(['TOKEN_EXPIRED']);
    // Beyond the offline queue's week, any time is refused with its own reason.
    const ancient = await scan(busStation.id, [
      hand('Cũ Quá', { at: new Date(made - 8 * 86_400_000).toISOString() }),
    ]);
    expect(outcomes(ancient)).toEqual(['SCAN_TIME_INVALID']);
  });

  it('a movement QR is one check-in per point and direction', async () => {
    ctx.clock.advance(MINUTE);
    const departure = new Date(ctx.clock.now.getTime() + 2 * 3_600_000 + 7 * 3_600_000);
    const res = await citizen.post('/api/movements', {
      personId: selfId,
      vehicle: 'car',
      vehicleNumber: '51a-123.45',
      seat: '',
      departureAt: `${departure.toISOString().slice(0, 19)}+07:00`,
      origin: { provinceCode: '79', communeCode: '26740', address: '12 Lê Lợi' },
      destination: { provinceCode: '75', communeCode: '25210', address: 'Số 5 Phú Riềng Đỏ' },
      purpose: 'Về quê',
      answers: answersBody(),
      companions: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { movement, token } = res.json() as { movement: { id: string }; token: string };
    // The QR is re-signed each time it is opened; it is the same journey.
    ctx.clock.advance(MINUTE);
    const again = (await citizen.get(`/api/movements/${movement.id}`)).json().token as string;
    expect(again).not.toBe(token);
    const first = await scan(busStation.id, [vaora(token)]);
    expect(outcomes(first)).toEqual(['stored']);
    expect(outcomes(await scan(busStation.id, [vaora(again)]))).toEqual(['duplicate']);
    expect(outcomes(await scan(busStation.id, [vaora(again, { direction: 'out' })]))).toEqual(['stored']);
  });

  it('a printed card is one check-in per point and direction within 10 minutes', async () => {
    const card = await ctx.services.personalCodes.issueCard(accountId, selfId);
    expect(outcomes(await scan(market.id, [vaora(card.token)]))).toEqual(['stored']);
    ctx.clock.advance(5 * MINUTE);
    expect(outcomes(await scan(market.id, [vaora(card.token)]))).toEqual(['duplicate']);
    ctx.clock.advance(6 * MINUTE);
    expect(outcomes(await scan(market.id, [vaora(card.token)]))).toEqual(['stored']);
  });

  it('a scan synced late keeps the device time and the time it reached the server, and the list says so', async () => {
    const late = hand('Đinh Văn Muộn', {
      at: new Date(ctx.clock.now.getTime() - 3 * 3_600_000).toISOString(),
    });
    const onTime = hand('Đinh Văn Đúng Giờ');
    expect(outcomes(await scan(market.id, [late, onTime]))).toEqual(['stored', 'stored']);
    const rows = new Map((await rowsOf([late.id, onTime.id])).map((r) => [r.id, r]));
    expect(rows.get(late.id)!.checked_in_at.toISOString()).toBe(late.at);
    expect(rows.get(late.id)!.received_at.toISOString()).toBe(ctx.clock.now.toISOString());
    const owner = new TestClient(ctx.app, '10.0.0.3');
    await signInAsDemo(ctx, owner, '0900000004');
    const list = await owner.get(`/api/points/${market.id}/check-ins?q=${encodeURIComponent('Đinh Văn')}`);
    expect(list.statusCode, list.body).toBe(200);
    const listed = new Map(
      (list.json().rows as { id: string; at: string; receivedAt: string }[]).map((c) => [c.id, c]),
    );
    expect(listed.get(late.id)).toMatchObject({ at: late.at, receivedAt: ctx.clock.now.toISOString() });
    expect(Date.parse(listed.get(onTime.id)!.receivedAt)).toBe(Date.parse(onTime.at));
  });
});
