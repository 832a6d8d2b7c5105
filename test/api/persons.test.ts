import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPENDANTS } from '../../src/server/services/persons.service';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { COMMUNE, del, ID_NUMBER, PROVINCE, personBody, put } from '../support/citizen';

describe('the profile of the account holder', () => {
  let ctx: TestContext;
  let client: TestClient;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    await signInWithOtp(ctx, client, '0912000001');
  });
  afterAll(() => ctx.close());

  it('is null until filled in', async () => {
    const res = await client.get('/api/me/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ person: null });
  });

  it('saves the profile with the account’s phone, the ID number masked in the reply', async () => {
    const res = await put(client, '/api/me/profile', personBody({ phone: '0987000000', relation: 'Con' }));
    expect(res.statusCode).toBe(200);
    const { person } = res.json();
    expect(person).toMatchObject({
      isSelf: true,
      relation: null,
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-01',
      birthYear: 1990,
      gender: 'male',
      phone: '0912000001',
      idNumberMasked: '******001234',
      insuranceNumber: 'DN4797912345678',
      nationality: 'VN',
      address: {
        provinceCode: PROVINCE,
        communeCode: COMMUNE,
        detail: 'Số 5 Lê Lợi',
        text: 'Số 5 Lê Lợi, Phường Đồng Xoài, Tỉnh Đồng Nai',
      },
    });
    expect(person).not.toHaveProperty('idNumber');
    expect(res.body).not.toContain(ID_NUMBER);
    expect((await client.get('/api/session')).json().me.displayName).toBe('Nguyễn Văn An');
  });

  it('shows the holder their own ID number in clear, and keeps it encrypted in the database', async () => {
    const res = await client.get('/api/me/profile');
    expect(res.json().person).toMatchObject({ idNumber: ID_NUMBER, idNumberMasked: '******001234' });
    expect(res.headers['cache-control']).toBe('no-store');
    const row = await ctx.database.db.selectFrom('persons').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER);
    expect(row).toMatchObject({ id_number_last: '001234', name_folded: 'nguyen van an' });
    expect(row.id_number_enc).toMatch(/^v1\./);
    expect(row.id_number_hash).toBeTruthy();
  });

  it('updates the same person on a second save, and clears what the form leaves out', async () => {
    const first = (await client.get('/api/me/profile')).json().person;
    const {
      idNumber: _id,
      address: _address,
      ...rest
    } = personBody({ birthDate: undefined, birthYear: 1950 });
    const res = await put(client, '/api/me/profile', rest);
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({
      id: first.id,
      birthDate: null,
      birthYear: 1950,
      idNumberMasked: null,
      address: null,
    });
    expect((await client.get('/api/persons')).json().persons).toHaveLength(1);
  });

  it('stores "Nguyễn" typed composed or decomposed as the same name and the same folded name', async () => {
    const composed = 'Nguy\u1EC5n Th\u1ECB H\u1ED3ng';
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng';
    expect(composed).not.toBe(decomposed);
    const a = await client.post('/api/persons', personBody({ fullName: composed, idNumber: undefined }));
    const b = await client.post('/api/persons', personBody({ fullName: decomposed, idNumber: undefined }));
    expect(a.json().person.fullName).toBe(composed);
    expect(b.json().person.fullName).toBe(composed);
    const rows = await ctx.database.db
      .selectFrom('persons')
      .select(['full_name', 'name_folded'])
      .where('id', 'in', [a.json().person.id, b.json().person.id])
      .execute();
    expect(rows).toEqual([
      { full_name: composed, name_folded: 'nguyen thi hong' },
      { full_name: composed, name_folded: 'nguyen thi hong' },
    ]);
  });
});

describe('dependants ("khai hộ")', () => {
  let ctx: TestContext;
  let owner: TestClient;
  let stranger: TestClient;
  let childId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    owner = new TestClient(ctx.app);
    stranger = new TestClient(ctx.app, '10.0.0.2');
    await signInWithOtp(ctx, owner, '0912000003');
    await signInWithOtp(ctx, stranger, '0912000004');
  });
  afterAll(() => ctx.close());

  it('adds a dependant with a relation, and lists the holder first', async () => {
    const child = await owner.post(
      '/api/persons',
      personBody({ fullName: 'Nguyễn Bảo Ngọc', birthDate: '2015-03-02', relation: 'Con', gender: 'female' }),
    );
    expect(child.statusCode).toBe(200);
    expect(child.json().person).toMatchObject({ isSelf: false, relation: 'Con', phone: null });
    childId = child.json().person.id;
    await put(owner, '/api/me/profile', personBody({ idNumber: '079203009999' }));
    const list = (await owner.get('/api/persons')).json().persons;
    expect(list.map((p: { isSelf: boolean; fullName: string }) => [p.isSelf, p.fullName])).toEqual([
      [true, 'Nguyễn Văn An'],
      [false, 'Nguyễn Bảo Ngọc'],
    ]);
    expect(list.every((p: object) => !('idNumber' in p))).toBe(true);
  });

  it('shows one person in clear for the edit form, and replaces it on PUT', async () => {
    const one = await owner.get(`/api/persons/${childId}`);
    expect(one.json().person).toMatchObject({ id: childId, idNumber: ID_NUMBER });
    const res = await put(
      owner,
      `/api/persons/${childId}`,
      personBody({
        fullName: 'Nguyễn Bảo Ngọc',
        relation: 'Con gái',
        idNumber: 'B1234567',
        phone: '0909123456',
      }),
    );
    expect(res.json().person).toMatchObject({
      relation: 'Con gái',
      idNumberMasked: '******67',
      phone: '0909123456',
    });
    expect((await owner.get(`/api/persons/${childId}`)).json().person.idNumber).toBe('B1234567');
  });

  it('refuses the same ID number twice within one account, but not across accounts', async () => {
    const twice = await owner.post('/api/persons', personBody({ idNumber: 'B 1234567', relation: 'Cha' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'CONFLICT', details: { field: 'idNumber' } });
    const elsewhere = await stranger.post('/api/persons', personBody({ idNumber: 'B1234567' }));
    expect(elsewhere.statusCode).toBe(200);
  });

  it('gives another account 404 on my person, the same as for an id that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [childId, missing]) {
      const reads = [
        await stranger.get(`/api/persons/${id}`),
        await put(stranger, `/api/persons/${id}`, personBody()),
        await del(stranger, `/api/persons/${id}`),
        await stranger.get(`/api/persons/${id}/check-ins`),
      ];
      for (const res of reads) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy.' });
      }
    }
    expect((await owner.get(`/api/persons/${childId}`)).json().person.fullName).toBe('Nguyễn Bảo Ngọc');
  });

  it('keeps the holder’s own person out of DELETE', async () => {
    const self = (await owner.get('/api/me/profile')).json().person;
    const res = await del(owner, `/api/persons/${self.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual({ reason: 'selfPerson' });
  });

  it('deletes a dependant with their declarations and check-ins', async () => {
    await owner.post(`/api/persons/${childId}/health`, {
      answers: {
        travelled: false,
        symptoms: [],
        contactConfirmed: false,
        contactFromAffectedArea: false,
        contactWithSymptoms: false,
        vaccineDoses: 0,
        consent: true,
      },
    });
    const point = await ctx.database.db
      .insertInto('points')
      .values({ code: 'P-DEL', name: 'Chợ', kind: 'market', province_code: PROVINCE, commune_code: COMMUNE })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .insertInto('check_ins')
      .values({
        checked_in_at: new Date(),
        point_id: point.id,
        province_code: PROVINCE,
        person_id: childId,
        method: 'self_scan',
      })
      .execute();
    expect((await del(owner, `/api/persons/${childId}`)).json()).toEqual({ ok: true });
    expect((await owner.get(`/api/persons/${childId}`)).statusCode).toBe(404);
    const db = ctx.database.db;
    expect(await db.selectFrom('health_declarations').where('person_id', '=', childId).execute()).toEqual([]);
    expect(await db.selectFrom('check_ins').where('person_id', '=', childId).execute()).toEqual([]);
  });

  it(`allows ${MAX_DEPENDANTS} dependants and no more`, async () => {
    const family = new TestClient(ctx.app, '10.0.0.3');
    await signInWithOtp(ctx, family, '0912000005');
    await put(family, '/api/me/profile', personBody({ idNumber: undefined }));
    for (let i = 0; i < MAX_DEPENDANTS; i++) {
      const res = await family.post(
        '/api/persons',
        personBody({ fullName: `Người thứ ${i}`, idNumber: undefined }),
      );
      expect(res.statusCode).toBe(200);
    }
    const over = await family.post(
      '/api/persons',
      personBody({ fullName: 'Một người nữa', idNumber: undefined }),
    );
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'tooManyPersons', max: 20 } });
    expect((await family.get('/api/persons')).json().persons).toHaveLength(MAX_DEPENDANTS + 1);
  });

  it('refuses strangers without a session', async () => {
    expect((await ctx.app.inject({ url: '/api/persons' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/me/profile' })).statusCode).toBe(401);
  });
});
