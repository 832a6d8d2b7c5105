import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';

const v = messages.vi.validation;
let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = new TestClient(ctx.app, '10.5.0.1');
  await signInAsDemo(ctx, admin, 'admin@demo.vaora.vn');
});
afterAll(() => ctx.close());

const storedCodes = () => ctx.database.db.selectFrom('legacy_codes').selectAll().orderBy('code').execute();
const importAudits = async () =>
  (await admin.get('/api/admin/audit'))
    .json()
    .entries.filter((e: { resource: string }) => e.resource === 'legacy-codes');

describe('legacy codes', () => {
  it('stores nothing when a row names an unknown point or sends one code to two points', async () => {
    const res = await admin.post('/api/admin/legacy-codes', {
      rows: [
        { code: 'https://bluezone.gov.vn/qr/ABC', pointCode: 'DEMO0001', source: 'bluezone' },
        { code: 'VHD-123', pointCode: 'NOPE1234', source: 'vhd' },
        { code: 'https://BLUEZONE.gov.vn/qr/ABC/', pointCode: 'DEMO0002', source: 'bluezone' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      imported: 0,
      errors: [
        { row: 2, message: `${v.pointCodeUnknown} (NOPE1234)` },
        { row: 3, message: v.duplicateInFile },
      ],
    });
    expect(await storedCodes()).toEqual([]);
    // Nothing changed, so nothing is audited.
    expect(await importAudits()).toEqual([]);
  });

  it('imports normalised codes and lists them, by point too', async () => {
    const res = await admin.post('/api/admin/legacy-codes', {
      rows: [
        { code: '  HTTPS://BlueZone.GOV.vn/qr/AbC/  ', pointCode: 'DEMO0001', source: 'bluezone' },
        { code: 'https://bluezone.gov.vn/qr/AbC', pointCode: 'demo0001', source: 'bluezone' },
        { code: 'https://tokhaiyte.vn/?page=Checkin&id=42', pointCode: 'DEMO0002', source: 'vhd' },
      ],
    });
    expect(res.json()).toEqual({ imported: 2, errors: [] });
    expect(await importAudits()).toEqual([
      expect.objectContaining({
        actorName: 'Quản trị hệ thống',
        actorRole: 'admin',
        action: 'update',
        purpose: 'Nhập bảng mã cũ BlueZone/VHD: 2 mã',
      }),
    ]);
    expect((await storedCodes()).map((r) => r.code)).toEqual([
      'https://bluezone.gov.vn/qr/AbC',
      'https://tokhaiyte.vn/?page=Checkin&id=42',
    ]);
    const all = (await admin.get('/api/admin/legacy-codes')).json().codes;
    expect(all).toHaveLength(2);
    const one = (await admin.get('/api/admin/legacy-codes?pointCode=DEMO0002')).json().codes;
    expect(one).toEqual([
      expect.objectContaining({
        code: 'https://tokhaiyte.vn/?page=Checkin&id=42',
        pointCode: 'DEMO0002',
        pointName: 'Bến xe Đồng Xoài',
        source: 'vhd',
      }),
    ]);
  });

  it('checks the body and is for administrators only', async () => {
    const bad = await admin.post('/api/admin/legacy-codes', {
      rows: [{ code: '', pointCode: 'DEMO0001', source: 'zalo' }],
    });
    expect(bad.statusCode).toBe(400);
    expect((await admin.post('/api/admin/legacy-codes', { rows: [] })).statusCode).toBe(400);

    const owner = new TestClient(ctx.app, '10.5.0.2');
    await signInAsDemo(ctx, owner, 'chudiem@demo.vaora.vn');
    const rows = [{ code: 'X1', pointCode: 'DEMO0001', source: 'other' }];
    expect((await owner.post('/api/admin/legacy-codes', { rows })).statusCode).toBe(403);
    expect((await owner.get('/api/admin/legacy-codes')).statusCode).toBe(403);
    const citizen = new TestClient(ctx.app, '10.5.0.3');
    await signInWithOtp(ctx, citizen, '0914000001');
    expect((await citizen.get('/api/admin/legacy-codes')).statusCode).toBe(403);
    // Only the one stored import of the test above is audited.
    expect(await importAudits()).toHaveLength(1);
  });
});
