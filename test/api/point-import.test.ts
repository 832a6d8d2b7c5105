import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages';
import { pointImportColumns } from '../../src/domain/points';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const v = messages.vi.validation;
const headers = Object.values(pointImportColumns);

let ctx: TestContext;
let owner: TestClient;
beforeAll(async () => {
  ctx = await createTestApp();
  owner = new TestClient(ctx.app, '10.4.0.1');
  await signInWithOtp(ctx, owner, '0913000001');
});
afterAll(() => ctx.close());

async function workbook(rows: (string | number | null)[][], header: string[] = headers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Điểm');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (body: Buffer, headers: Record<string, string> = {}) =>
  owner.post('/api/points/import', body, { 'content-type': XLSX, ...headers });

const countPoints = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('points')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bulk registration from a spreadsheet', () => {
  it('registers every row for the caller (codes, labels, names and numbers as Excel keeps them)', async () => {
    const file = await workbook([
      [
        'Xe khách Phương Trang 01',
        'Phương tiện chở khách',
        '51B-123.45',
        '75',
        '25210',
        'Bến xe',
        '0912345678',
      ],
      ['Nhà hàng Hương Sen', 'restaurant', null, 75, 25210, '5 Lê Lợi', 912345679],
      ['Trường Tiểu học Tân Phú', 'Trường học', null, 'Đồng Nai', 'Đồng Xoài', '', null],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.created).toBe(3);
    expect(body.points.map((p: { kind: string }) => p.kind)).toEqual(['vehicle', 'restaurant', 'school']);
    expect(body.points[2]).toMatchObject({ provinceCode: '75', communeCode: '25210' });
    const mine = (await owner.get('/api/me/points')).json().points;
    expect(mine).toHaveLength(3);
    expect(mine.every((p: { isOwner: boolean }) => p.isOwner)).toBe(true);
    const bus = (await owner.get(`/api/points/${body.points[0].id}`)).json();
    expect(bus.vehiclePlate).toBe('51B-123.45');
    const restaurant = (await owner.get(`/api/points/${body.points[1].id}`)).json();
    expect(restaurant.contactPhone).toBe('0912345679');
  });

  it('stores nothing when any row is wrong, and says which row and column in the caller’s language', async () => {
    const before = await countPoints();
    const file = await workbook([
      ['Điểm tốt', 'Chợ', null, '75', '25210', '', ''],
      ['Xe không biển', 'vehicle', null, '75', '25210', '', ''],
      ['Sai xã', 'Chợ', null, '01', '25210', '', ''],
      ['', 'casino', null, '75', '25210', '', '123'],
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const rows = res.json().details.rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'vehiclePlate', message: v.plateRequired },
        { row: 4, field: 'communeCode', message: v.communeNotInProvince },
        { row: 5, field: 'kind', message: v.pointKind },
        { row: 5, field: 'contactPhone', message: v.phone },
        { row: 5, field: 'name', message: v.tooShort },
      ]),
    );
    expect(rows.some((r: { row: number }) => r.row === 2)).toBe(false);
    expect(await countPoints()).toBe(before);

    const en = await upload(file, { 'accept-language': 'en' });
    expect(en.json().details.rows[0]).toEqual({
      row: 3,
      field: 'vehiclePlate',
      message: messages.en.validation.plateRequired,
    });
  });

  it('rejects a file that is not a spreadsheet, has no rows, or lacks the columns', async () => {
    const garbage = await upload(Buffer.from('not a zip'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().details.rows).toEqual([{ row: 0, field: 'file', message: v.importFile }]);
    const empty = await upload(await workbook([]));
    expect(empty.json().details.rows[0].message).toBe(v.importEmpty);
    const noHeader = await upload(await workbook([['a', 'b']], ['Tên', 'Khác']));
    expect(noHeader.json().details.rows[0].message).toBe(v.importHeader);
  });

  it('refuses more than 2,000 rows', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => [`Điểm ${i}`, 'Chợ', null, '75', '25210', '', '']);
    const res = await upload(await workbook(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.rows[0].message).toBe(v.importTooMany);
  });

  it('gives a template whose sample row imports as it is', async () => {
    const res = await owner.get('/api/points/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    const imported = await upload(res.rawPayload);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().points[0].kind).toBe('vehicle');
  });

  it('needs a signed-in person', async () => {
    const anon = new TestClient(ctx.app, '10.4.0.2');
    const res = await anon.post('/api/points/import', await workbook([]), { 'content-type': XLSX });
    expect(res.statusCode).toBe(401);
  });
});
