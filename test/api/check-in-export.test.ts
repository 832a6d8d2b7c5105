import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAsDemo, TestClient, type TestContext } from '../support/app';

describe('a point’s check-in list and exports', () => {
  let ctx: TestContext;
  let owner: TestClient;
  let staff: TestClient;
  let marketId: string;
  // 08:30 in Asia/Ho_Chi_Minh, two days ago (sessions and cookies live on the real clock).
  const day = new Date(Date.now() + 7 * 3_600_000 - 2 * 86_400_000).toISOString().slice(0, 10);
  const base = Date.parse(`${day}T01:30:00Z`);
  const [y, m, d] = day.split('-');

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.now = new Date(base + 3 * 3_600_000);
    owner = new TestClient(ctx.app);
    await signInAsDemo(ctx, owner, 'chudiem@demo.vaora.vn');
    staff = new TestClient(ctx.app, '10.0.0.2');
    await signInAsDemo(ctx, staff, '0900000005');
    marketId = (
      await ctx.database.db
        .selectFrom('points')
        .select('id')
        .where('code', '=', 'DEMO0001')
        .executeTakeFirstOrThrow()
    ).id;
    const hand = (fullName: string, minutes: number, phone?: string) => ({
      id: randomUUID(),
      at: new Date(base + minutes * 60_000).toISOString(),
      direction: 'in',
      input: { kind: 'hand', fullName, birthYear: 1980, ...(phone ? { phone } : {}) },
    });
    const res = await staff.post(`/api/points/${marketId}/scans`, {
      items: [
        hand('Nguyễn Văn An', 0, '0912345678'),
        hand('=HYPERLINK("http://evil","x")', 10),
        hand('Trần Thị Bình', 70, '0987654321'),
        hand('+84 Lê', 75),
        hand('Phạm Đức', 130),
        {
          id: randomUUID(),
          at: new Date(base + 140 * 60_000).toISOString(),
          direction: 'in',
          input: { kind: 'cccd', text: '001090012345||Hoàng Văn Em|01051990|Nam|Số 5, "Lê Lợi"|15082021' },
        },
      ],
    });
    expect(res.json().results.every((r: { status: string }) => r.status === 'stored')).toBe(true);
  });
  afterAll(() => ctx.close());

  it('lists newest first with paging; phones masked for staff, in full for the owner', async () => {
    const page1 = (await staff.get(`/api/points/${marketId}/check-ins?pageSize=4`)).json();
    expect(page1.total).toBe(6);
    expect(page1.rows.map((r: { fullName: string }) => r.fullName)).toEqual([
      'Hoàng Văn Em',
      'Phạm Đức',
      '+84 Lê',
      'Trần Thị Bình',
    ]);
    expect(page1.rows[3].phone).toBe('0987***321');
    const page2 = (await staff.get(`/api/points/${marketId}/check-ins?pageSize=4&page=2`)).json();
    expect(page2.rows).toHaveLength(2);
    const ownerView = (await owner.get(`/api/points/${marketId}/check-ins?pageSize=4`)).json();
    expect(ownerView.rows[3].phone).toBe('0987654321');
  });

  it('filters by folded name, phone, method and time', async () => {
    const q = async (qs: string) =>
      (await owner.get(`/api/points/${marketId}/check-ins?${qs}`))
        .json()
        .rows.map((r: { fullName: string }) => r.fullName);
    expect(await q('q=tran thi')).toEqual(['Trần Thị Bình']);
    expect(await q(`q=${encodeURIComponent('PHẠM')}`)).toEqual(['Phạm Đức']);
    expect(await q('q=0912345')).toEqual(['Nguyễn Văn An']);
    expect(await q('method=id_card')).toEqual(['Hoàng Văn Em']);
    const from = new Date(base + 60 * 60_000).toISOString();
    const to = new Date(base + 120 * 60_000).toISOString();
    expect(await q(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).toEqual([
      '+84 Lê',
      'Trần Thị Bình',
    ]);
  });

  it('summarises a day per hour in Asia/Ho_Chi_Minh', async () => {
    const s = (await staff.get(`/api/points/${marketId}/check-ins/summary?date=${day}`)).json();
    expect(s.today).toBe(6);
    expect(s.perHour[8]).toBe(2);
    expect(s.perHour[9]).toBe(2);
    expect(s.perHour[10]).toBe(2);
    expect((await staff.get(`/api/points/${marketId}/check-ins/summary`)).json().today).toBe(6);
  });

  it('exports .xlsx that re-opens with the same rows; a name starting with = is text', async () => {
    const res = await owner.get(
      `/api/points/${marketId}/check-ins/export.xlsx?purpose=${encodeURIComponent('Gửi y tế phường')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 10)).toEqual([
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Giới tính',
      'Số điện thoại',
      'CCCD',
      'Địa chỉ',
      'Thời gian',
      'Hình thức',
    ]);
    const names = [2, 3, 4, 5, 6, 7].map((i) => sheet.getRow(i).getCell(2).value);
    expect(names).toEqual([
      'Nguyễn Văn An',
      '=HYPERLINK("http://evil","x")',
      'Trần Thị Bình',
      '+84 Lê',
      'Phạm Đức',
      'Hoàng Văn Em',
    ]);
    const evil = sheet.getRow(3).getCell(2);
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(8).value).toBe(`${d}/${m}/${y} 08:30`);
    expect(sheet.getRow(7).getCell(6).value).toBe('********2345');
    expect(sheet.getRow(2).getCell(5).value).toBe('0912345678');
  });

  it('exports CSV in UTF-8 with a BOM, formula-like cells prefixed', async () => {
    const res = await owner.get(
      `/api/points/${marketId}/check-ins/export.csv?purpose=${encodeURIComponent('Gửi y tế phường')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^STT,Họ và tên,Năm sinh/);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines[4]).toContain(",'+84 Lê,");
    expect(lines[6]).toContain('"Số 5, ""Lê Lợi"""');
  });

  it('asks for a purpose, allows only the owner, and audits every export', async () => {
    expect((await owner.get(`/api/points/${marketId}/check-ins/export.xlsx`)).statusCode).toBe(400);
    expect((await owner.get(`/api/points/${marketId}/check-ins/export.csv?purpose=ab`)).statusCode).toBe(400);
    expect(
      (await staff.get(`/api/points/${marketId}/check-ins/export.csv?purpose=Kiểm tra`)).statusCode,
    ).toBe(403);
    const audits = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'purpose', 'resource'])
      .where('action', '=', 'export')
      .execute();
    expect(audits).toEqual([
      { action: 'export', purpose: 'Gửi y tế phường', resource: `point:${marketId}:check-ins` },
      { action: 'export', purpose: 'Gửi y tế phường', resource: `point:${marketId}:check-ins` },
    ]);
  });

  it('audits every read of the list: who, from where, and why', async () => {
    const reads = () =>
      ctx.database.db
        .selectFrom('audit_log')
        .innerJoin('users', 'users.id', 'audit_log.actor_id')
        .select(['users.phone', 'audit_log.ip', 'audit_log.purpose'])
        .where('audit_log.action', '=', 'read')
        .where('audit_log.resource', '=', `point:${marketId}:check-ins`)
        .orderBy('audit_log.id')
        .execute();
    const before = (await reads()).length;
    expect((await staff.get(`/api/points/${marketId}/check-ins?pageSize=2`)).statusCode).toBe(200);
    expect((await staff.get(`/api/points/${marketId}/check-ins?page=0`)).statusCode).toBe(400);
    expect((await staff.get(`/api/points/${marketId}/check-ins/summary`)).statusCode).toBe(200);
    expect((await reads()).slice(before)).toEqual([
      { phone: '0900000005', ip: '10.0.0.2', purpose: 'Xem danh sách đã quét của điểm' },
    ]);
  });

  it('keeps the list to the point’s owner and staff', async () => {
    const school = (
      await ctx.database.db
        .selectFrom('points')
        .select('id')
        .where('code', '=', 'DEMO0003')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await staff.get(`/api/points/${school}/check-ins`)).statusCode).toBe(404);
    expect((await owner.get(`/api/points/${school}/check-ins`)).statusCode).toBe(200);
  });
});

describe('check-in retention', () => {
  it('deletes check-ins older than CHECK_IN_RETENTION_DAYS', async () => {
    const ctx = await createTestApp({ CHECK_IN_RETENTION_DAYS: '30' });
    try {
      const db = ctx.database.db;
      const point = await db
        .insertInto('points')
        .values({ code: 'P-RET', name: 'Chợ', kind: 'market', province_code: '75', commune_code: '25210' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const days of [31, 29]) {
        await db
          .insertInto('check_ins')
          .values({
            checked_in_at: new Date(ctx.clock.now.getTime() - days * 86_400_000),
            point_id: point.id,
            province_code: '75',
            method: 'hand_entry',
          })
          .execute();
      }
      expect((await ctx.services.checkInRetention.apply()).deletedRows).toBe(1);
      expect(await db.selectFrom('check_ins').select('id').execute()).toHaveLength(1);
    } finally {
      await ctx.close();
    }
  });

  it('keeps a partition per day and drops whole days past the retention period', async () => {
    const ctx = await createTestApp({ CHECK_IN_RETENTION_DAYS: '30' });
    try {
      const db = ctx.database.db;
      const first = await ctx.services.checkInRetention.apply();
      const today = `check_ins_p${ctx.clock.now.toISOString().slice(0, 10).replaceAll('-', '')}`;
      expect(first.createdPartitions).toHaveLength(8);
      expect(first.createdPartitions[0]).toBe(today);
      // A second run, as from another process, finds nothing to do.
      expect((await ctx.services.checkInRetention.apply()).createdPartitions).toEqual([]);

      const point = await db
        .insertInto('points')
        .values({ code: 'P-PART', name: 'Chợ', kind: 'market', province_code: '75', commune_code: '25210' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('check_ins')
        .values({
          checked_in_at: ctx.clock.now,
          point_id: point.id,
          province_code: '75',
          method: 'hand_entry',
        })
        .execute();
      const where = await sql<{
        part: string;
      }>`SELECT tableoid::regclass::text AS part FROM check_ins`.execute(db);
      expect(where.rows).toEqual([{ part: today }]);

      ctx.clock.advance(32 * 86_400_000);
      const later = await ctx.services.checkInRetention.apply();
      expect(later.droppedPartitions).toContain(today);
      expect(await db.selectFrom('check_ins').select('id').execute()).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
