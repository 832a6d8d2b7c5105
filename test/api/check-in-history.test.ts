import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { COMMUNE, PROVINCE, personBody, put } from '../support/citizen';

describe('check-in history', () => {
  let ctx: TestContext;
  let client: TestClient;
  let personId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    await signInWithOtp(ctx, client, '0912000006');
    personId = (await put(client, '/api/me/profile', personBody())).json().person.id;
  });
  afterAll(() => ctx.close());

  it('lists the person’s check-ins with the point and commune, newest first, page by page', async () => {
    const db = ctx.database.db;
    const market = await db
      .insertInto('points')
      .values({
        code: 'P-MKT',
        name: 'Chợ Đồng Xoài',
        kind: 'market',
        province_code: PROVINCE,
        commune_code: COMMUNE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = Date.parse('2026-03-01T08:00:00Z');
    const at = (h: number) => new Date(base + h * 3_600_000);
    for (const [h, direction, method] of [
      [0, 'in', 'self_scan'],
      [1, 'out', 'staff_scan'],
      [2, 'in', 'id_card'],
    ] as const) {
      await db
        .insertInto('check_ins')
        .values({
          checked_in_at: at(h),
          point_id: market.id,
          province_code: PROVINCE,
          person_id: personId,
          method,
          direction,
        })
        .execute();
    }
    // Someone else's visit at the same place.
    await db
      .insertInto('check_ins')
      .values({
        checked_in_at: at(3),
        point_id: market.id,
        province_code: PROVINCE,
        person_id: null,
        method: 'hand_entry',
        full_name: 'Người khác',
      })
      .execute();

    const first = await client.get(`/api/persons/${personId}/check-ins?limit=2`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.checkIns).toEqual([
      {
        id: expect.any(String),
        at: at(2).toISOString(),
        pointId: market.id,
        pointName: 'Chợ Đồng Xoài',
        communeCode: COMMUNE,
        communeName: 'Phường Đồng Xoài',
        provinceName: 'Tỉnh Đồng Nai',
        method: 'id_card',
        direction: 'in',
      },
      expect.objectContaining({ at: at(1).toISOString(), method: 'staff_scan', direction: 'out' }),
    ]);
    expect(page1.nextBefore).toBe(at(1).toISOString());
    const page2 = (
      await client.get(
        `/api/persons/${personId}/check-ins?limit=2&before=${encodeURIComponent(page1.nextBefore)}`,
      )
    ).json();
    expect(page2.checkIns.map((c: { at: string }) => c.at)).toEqual([at(0).toISOString()]);
    expect(page2.nextBefore).toBeNull();
  });

  it('refuses a malformed cursor', async () => {
    const res = await client.get(`/api/persons/${personId}/check-ins?before=yesterday`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('before');
  });
});
