import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages';
import { POINT_CODE_ALPHABET } from '../../src/domain/points';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';

const v = messages.vi.validation;
const PROVINCE = '75'; // Tỉnh Đồng Nai
const COMMUNE = '25210'; // Phường Đồng Xoài

const shop = {
  name: 'Tiệm tạp hóa Cô Ba',
  kind: 'business',
  address: { provinceCode: PROVINCE, communeCode: COMMUNE, detail: '12 Đường Phú Riềng Đỏ' },
  contactPhone: '0912 345 678',
};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function citizen(phone: string, ip: string) {
  const c = new TestClient(ctx.app, ip);
  await signInWithOtp(ctx, c, phone);
  return c;
}

describe('registering a point', () => {
  it('makes the caller its manager, with a short unambiguous code', async () => {
    const owner = await citizen('0911000001', '10.1.0.1');
    const res = await owner.post('/api/points', shop);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: 'Tiệm tạp hóa Cô Ba',
      kind: 'business',
      provinceCode: PROVINCE,
      communeCode: COMMUNE,
      addressDetail: '12 Đường Phú Riềng Đỏ',
      contactPhone: '0912345678',
      isOpen: true,
      isOwner: true,
      codeVersion: 1,
      vehiclePlate: null,
      staff: [],
    });
    expect(p.address).toContain('Phường Đồng Xoài');
    expect(p.code).toHaveLength(8);
    for (const ch of p.code) expect(POINT_CODE_ALPHABET).toContain(ch);

    const mine = (await owner.get('/api/me/points')).json().points;
    expect(mine).toEqual([expect.objectContaining({ id: p.id, isOwner: true })]);
    const grants = await ctx.database.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['role', 'scope_level'])
      .where('users.phone', '=', '0911000001')
      .execute();
    expect(grants).toEqual([{ role: 'point_owner', scope_level: 'points' }]);

    // A second point does not add a second grant.
    expect((await owner.post('/api/points', { ...shop, name: 'Chi nhánh 2' })).statusCode).toBe(201);
    const again = await ctx.database.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('role')
      .where('users.phone', '=', '0911000001')
      .execute();
    expect(again).toHaveLength(1);
  });

  it('needs a valid plate for a passenger vehicle and stores it as painted', async () => {
    const owner = await citizen('0911000002', '10.1.0.2');
    const bus = { ...shop, name: 'Xe khách Phương Trang', kind: 'vehicle' };
    const missing = await owner.post('/api/points', bus);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([{ path: 'vehiclePlate', message: v.plateRequired }]);
    const bad = await owner.post('/api/points', { ...bus, vehiclePlate: 'ABC' });
    expect(bad.json().fields).toEqual([{ path: 'vehiclePlate', message: v.plate }]);
    const ok = await owner.post('/api/points', { ...bus, vehiclePlate: '51b 12345' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().vehiclePlate).toBe('51B-123.45');
    // Other kinds carry no plate.
    const notBus = await owner.post('/api/points', { ...shop, vehiclePlate: '51B12345' });
    expect(notBus.json().vehiclePlate).toBeNull();
  });

  it('reports wrong fields at the field', async () => {
    const owner = await citizen('0911000003', '10.1.0.3');
    const res = await owner.post('/api/points', {
      name: 'x',
      kind: 'casino',
      address: { provinceCode: '7', communeCode: COMMUNE },
      contactPhone: '123',
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .fields.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual(['address.provinceCode', 'contactPhone', 'kind', 'name']);
    const kind = res.json().fields.find((f: { path: string }) => f.path === 'kind');
    expect(kind.message).toBe(v.pointKind);

    const outside = await owner.post('/api/points', {
      ...shop,
      address: { provinceCode: '01', communeCode: COMMUNE, detail: '' },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual([{ path: 'address.communeCode', message: v.communeNotInProvince }]);
    const unknown = await owner.post('/api/points', {
      ...shop,
      address: { provinceCode: PROVINCE, communeCode: '99999', detail: '' },
    });
    expect(unknown.json().fields).toEqual([{ path: 'address.communeCode', message: v.unitCode }]);
    const en = await owner.post('/api/points', { ...shop, kind: 'vehicle' }, { 'accept-language': 'en' });
    expect(en.json().fields[0].message).toBe(messages.en.validation.plateRequired);
  });

  it('is refused without signing in', async () => {
    const anon = new TestClient(ctx.app, '10.1.0.4');
    expect((await anon.post('/api/points', shop)).statusCode).toBe(401);
  });
});

describe('managing a point', () => {
  let owner: TestClient;
  let pointId: string;
  beforeAll(async () => {
    owner = await citizen('0911000010', '10.2.0.1');
    pointId = (await owner.post('/api/points', shop)).json().id;
  });

  it('edits, closes and reopens', async () => {
    const put = await owner.request('PUT', `/api/points/${pointId}`, {
      ...shop,
      name: 'Tiệm tạp hóa Cô Ba (mới)',
      kind: 'market',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ name: 'Tiệm tạp hóa Cô Ba (mới)', kind: 'market' });
    const closed = await owner.post(`/api/points/${pointId}/close`);
    expect(closed.json().isOpen).toBe(false);
    expect((await owner.get(`/api/points/${pointId}`)).json().isOpen).toBe(false);
    const reopened = await owner.post(`/api/points/${pointId}/reopen`);
    expect(reopened.json().isOpen).toBe(true);
  });

  it('adds staff by phone; staff read the point but cannot manage it; strangers see nothing', async () => {
    const add = await owner.post(`/api/points/${pointId}/staff`, { phone: '0911 000 011' });
    expect(add.statusCode, add.body).toBe(200);
    const staffList = add.json().staff;
    expect(staffList).toEqual([expect.objectContaining({ phone: '0911000011' })]);
    const staffId = staffList[0].userId;

    // The staff member had no account: they sign in with a code later and find the point.
    const staff = await citizen('0911000011', '10.2.0.2');
    const mine = (await staff.get('/api/me/points')).json().points;
    expect(mine).toEqual([expect.objectContaining({ id: pointId, isOwner: false })]);
    const seen = await staff.get(`/api/points/${pointId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ isOwner: false, staff: null });
    expect((await staff.post(`/api/points/${pointId}/close`)).statusCode).toBe(403);
    expect((await staff.post(`/api/points/${pointId}/staff`, { phone: '0911000099' })).statusCode).toBe(403);

    // Another manager (holding the role) gets 404 for a point that is not theirs.
    const other = await citizen('0911000012', '10.2.0.3');
    await other.post('/api/points', { ...shop, name: 'Điểm khác' });
    expect((await other.get(`/api/points/${pointId}`)).statusCode).toBe(404);
    expect((await other.post(`/api/points/${pointId}/close`)).statusCode).toBe(404);
    expect((await other.request('PUT', `/api/points/${pointId}`, shop)).statusCode).toBe(404);
    // A citizen with no point role is refused outright.
    const stranger = await citizen('0911000013', '10.2.0.4');
    expect((await stranger.get(`/api/points/${pointId}`)).statusCode).toBe(403);

    const removed = await owner.request('DELETE', `/api/points/${pointId}/staff/${staffId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().staff).toEqual([]);
    expect((await staff.get(`/api/points/${pointId}`)).statusCode).toBe(404);
    expect((await staff.get('/api/me/points')).json().points).toEqual([]);
    expect((await owner.request('DELETE', `/api/points/${pointId}/staff/${staffId}`)).statusCode).toBe(404);
  });

  it('gives road checkpoint staff the checkpoint role', async () => {
    const post = await owner.post('/api/points', { ...shop, name: 'Chốt Km 12', kind: 'road_checkpoint' });
    await owner.post(`/api/points/${post.json().id}/staff`, { phone: '0911000020' });
    const roles = await ctx.database.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('role')
      .where('users.phone', '=', '0911000020')
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['checkpoint_staff']);
  });

  it('gives the staff the role a new kind calls for, at once, keeping one another point still needs', async () => {
    const manager = await citizen('0911000030', '10.2.0.10');
    const gate = (await manager.post('/api/points', { ...shop, name: 'Cổng khu công nghiệp' })).json().id;
    const canteen = (await manager.post('/api/points', { ...shop, name: 'Căng tin' })).json().id;
    await manager.post(`/api/points/${gate}/staff`, { phone: '0911000031' });
    await manager.post(`/api/points/${gate}/staff`, { phone: '0911000032' });
    await manager.post(`/api/points/${canteen}/staff`, { phone: '0911000032' });
    const onlyGate = await citizen('0911000031', '10.2.0.11');
    const both = await citizen('0911000032', '10.2.0.12');
    const rolesOf = async (c: TestClient) =>
      ((await c.get('/api/session')).json().me.grants as { role: string }[]).map((g) => g.role).sort();
    // Sessions are cached: read them once so a stale cache would show.
    expect(await rolesOf(onlyGate)).toEqual(['point_staff']);
    expect(await rolesOf(both)).toEqual(['point_staff']);

    const toCheckpoint = await manager.request('PUT', `/api/points/${gate}`, {
      ...shop,
      kind: 'road_checkpoint',
    });
    expect(toCheckpoint.statusCode, toCheckpoint.body).toBe(200);
    expect(await rolesOf(onlyGate)).toEqual(['checkpoint_staff']);
    // The canteen still calls for point staff.
    expect(await rolesOf(both)).toEqual(['checkpoint_staff', 'point_staff']);
    // Another edit that keeps the kind changes no role.
    await manager.request('PUT', `/api/points/${gate}`, {
      ...shop,
      name: 'Chốt cổng',
      kind: 'road_checkpoint',
    });
    expect(await rolesOf(onlyGate)).toEqual(['checkpoint_staff']);

    const back = await manager.request('PUT', `/api/points/${gate}`, { ...shop, kind: 'office' });
    expect(back.statusCode, back.body).toBe(200);
    expect(await rolesOf(onlyGate)).toEqual(['point_staff']);
    expect(await rolesOf(both)).toEqual(['point_staff']);
    expect(await rolesOf(manager)).toEqual(['point_owner']);
    expect((await onlyGate.get(`/api/points/${gate}`)).statusCode).toBe(200);
  });

  it('keeps the demo manager’s points listed with isOwner', async () => {
    const demo = new TestClient(ctx.app, '10.2.0.9');
    await signInAsDemo(ctx, demo, 'chudiem@demo.vaora.vn');
    const points = (await demo.get('/api/me/points')).json().points;
    expect(points).toHaveLength(5);
    expect(points.every((p: { isOwner: boolean }) => p.isOwner)).toBe(true);
  });
});
