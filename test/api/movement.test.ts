import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages';
import { foldName } from '../../src/domain/person';
import { verificationKeysFromJwks, verifyToken } from '../../src/domain/signed-token';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';

const HOUR = 3_600_000;
const v = messages.vi.validation;

const healthy = {
  travelled: false,
  symptoms: [],
  contactConfirmed: false,
  contactFromAffectedArea: false,
  contactWithSymptoms: false,
  vaccineDoses: 2,
  lastDoseDate: '2021-09-01',
  consent: true,
};

/** A time `hours` from the real now, as a form sends it (Asia/Ho_Chi_Minh offset). */
function vnTime(hours: number): string {
  const local = new Date(Date.now() + hours * HOUR + 7 * HOUR);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

const companion = (personId: string | undefined, fullName: string, birthYear: number) => ({
  ...(personId ? { personId } : {}),
  fullName,
  birthYear,
  gender: 'male',
  answers: healthy,
});

async function insertPerson(ctx: TestContext, accountId: string, fullName: string, birthYear: number) {
  const row = await ctx.database.db
    .insertInto('persons')
    .values({
      account_id: accountId,
      full_name: fullName,
      name_folded: foldName(fullName),
      birth_year: birthYear,
      gender: 'male',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface MovementJson {
  id: string;
  status: string;
  departureAt: string;
  validUntil: string;
  vehicleNumber: string;
  companions: Record<string, unknown>[];
}

async function signInCitizen(ctx: TestContext, phone: string) {
  const client = new TestClient(ctx.app);
  await signInWithOtp(ctx, client, phone);
  const userId: string = (await client.get('/api/session')).json().me.userId;
  return { client, userId };
}

describe('domestic movement declarations', () => {
  let ctx: TestContext;
  let client: TestClient;
  let selfId: string;
  let childId: string;
  let strangerId: string;
  let accountId: string;

  /** Ho Chi Minh City (Phường Sài Gòn) by car to Đồng Nai (Phường Đồng Xoài), with a child. */
  const trip = (over: Record<string, unknown> = {}) => ({
    personId: selfId,
    vehicle: 'car',
    vehicleNumber: '51a-123.45',
    seat: '',
    departureAt: vnTime(2),
    origin: { provinceCode: '79', communeCode: '26740', address: '12 Lê Lợi' },
    destination: { provinceCode: '75', communeCode: '25210', address: 'Số 5 Phú Riềng Đỏ' },
    purpose: 'Về quê',
    answers: healthy,
    companions: [companion(childId, 'Nguyễn Bảo An', 2015)],
    ...over,
  });

  const declare = async (over: Record<string, unknown> = {}) => {
    const res = await client.post('/api/movements', trip(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { movement: MovementJson; token: string | null };
  };

  const put = (id: string, body = trip()) => client.request('PUT', `/api/movements/${id}`, body);
  const act = (id: string, action: 'cancel' | 'arrived') => client.post(`/api/movements/${id}/${action}`);
  const show = async (id: string) => (await client.get(`/api/movements/${id}`)).json();

  beforeAll(async () => {
    ctx = await createTestApp();
    const me = await signInCitizen(ctx, '0912000001');
    client = me.client;
    accountId = me.userId;
    selfId = await insertPerson(ctx, me.userId, 'Nguyễn Văn Bình', 1985);
    childId = await insertPerson(ctx, me.userId, 'Nguyễn Bảo An', 2015);
    const other = await signInCitizen(ctx, '0912000002');
    strangerId = await insertPerson(ctx, other.userId, 'Trần Thị Cúc', 1990);
  });
  afterEach(() => {
    ctx.clock.now = new Date();
  });
  afterAll(() => ctx.close());

  it('declares a journey by car with a companion and returns a QR token a scanner verifies offline', async () => {
    const departureAt = vnTime(2);
    const { movement, token } = await declare({ departureAt });
    expect(movement).toMatchObject({
      personId: selfId,
      personName: 'Nguyễn Văn Bình',
      vehicle: 'car',
      vehicleNumber: '51A-123.45',
      seat: null,
      origin: {
        provinceCode: '79',
        communeCode: '26740',
        address: '12 Lê Lợi',
        text: '12 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
      },
      destination: { communeCode: '25210', text: 'Số 5 Phú Riềng Đỏ, Phường Đồng Xoài, Tỉnh Đồng Nai' },
      hasSymptoms: false,
      companions: [{ fullName: 'Nguyễn Bảo An', birthYear: 2015, gender: 'male', hasSymptoms: false }],
      status: 'declared',
    });
    const departure = Date.parse(departureAt);
    expect(Date.parse(movement.departureAt)).toBe(departure);
    expect(Date.parse(movement.validUntil)).toBe(departure + 72 * HOUR);

    const row = await ctx.database.db
      .selectFrom('movement_declarations')
      .select(['vehicle_number', 'declared_by'])
      .where('id', '=', movement.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ vehicle_number: '51A12345', declared_by: accountId });
    const companions = await ctx.database.db
      .selectFrom('movement_companions')
      .select(['person_id', 'has_symptoms'])
      .where('declaration_id', '=', movement.id)
      .execute();
    expect(companions).toEqual([{ person_id: childId, has_symptoms: false }]);

    const claims = await ctx.services.signing.verify(token!);
    expect(claims).toMatchObject({
      typ: 'm',
      mid: movement.id,
      n: 'Nguyễn Văn Bình',
      y: 1985,
      v: 'car',
      vn: '51A12345',
      oc: '26740',
      dc: '25210',
      cc: 1,
      sy: 0,
      dep: Math.floor(departure / 1000),
      exp: Math.floor((departure + 72 * HOUR) / 1000),
    });
    const jwks = (await ctx.app.inject({ url: '/.well-known/jwks.json' })).json();
    const nowSeconds = Math.floor(ctx.clock.now.getTime() / 1000);
    await expect(verifyToken(token!, verificationKeysFromJwks(jwks), nowSeconds)).resolves.toEqual(claims);
  });

  it.each([
    ['plateRequired', { vehicleNumber: undefined }, 'vehicleNumber'],
    ['plate', { vehicleNumber: '5A-123' }, 'vehicleNumber'],
    ['tripNumberRequired', { vehicle: 'airplane', vehicleNumber: undefined }, 'vehicleNumber'],
    ['tripNumber', { vehicle: 'train', vehicleNumber: '1234' }, 'vehicleNumber'],
    ['departurePast', { departureAt: vnTime(-30) }, 'departureAt'],
    ['departureTooFar', { departureAt: vnTime(31 * 24) }, 'departureAt'],
    [
      'sameOriginDestination',
      { destination: { provinceCode: '79', communeCode: '26740', address: 'Số 1 Lý Tự Trọng' } },
      'destination.communeCode',
    ],
    [
      'destinationAddress',
      { destination: { provinceCode: '75', communeCode: '25210', address: ' ' } },
      'destination.address',
    ],
  ] as const)('refuses %s', async (key, over, path) => {
    const res = await client.post('/api/movements', trip(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().fields).toContainEqual({ path, message: v[key] });
  });

  it('refuses a person declared twice in one journey, and too many companions', async () => {
    const cases = [
      [[companion(selfId, 'Nguyễn Văn Bình', 1985)], v.companionTwice],
      [
        [companion(childId, 'Nguyễn Bảo An', 2015), companion(childId, 'Nguyễn Bảo An', 2015)],
        v.companionTwice,
      ],
      [Array(11).fill(companion(undefined, 'Lê Văn Dũng', 1980)), v.tooMany],
    ] as const;
    for (const [companions, message] of cases) {
      const res = await client.post('/api/movements', trip({ companions }));
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toContainEqual({ path: 'companions', message });
    }
  });

  it('refuses a commune outside its province and an unknown province', async () => {
    const res = await client.post(
      '/api/movements',
      trip({ origin: { provinceCode: '79', communeCode: '25195', address: '' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'origin.communeCode', message: v.communeNotInProvince }]);
    const unknown = await client.post(
      '/api/movements',
      trip({ destination: { provinceCode: '99', communeCode: '25210', address: 'Số 5 Phú Riềng Đỏ' } }),
    );
    expect(unknown.json().fields).toEqual([{ path: 'destination.provinceCode', message: v.unitCode }]);
  });

  it('answers 404 for someone else’s person, as declarant or companion', async () => {
    const asDeclarant = await client.post('/api/movements', trip({ personId: strangerId, companions: [] }));
    expect(asDeclarant.statusCode).toBe(404);
    expect(asDeclarant.json().code).toBe('NOT_FOUND');
    const stranger = companion(strangerId, 'Trần Thị Cúc', 1990);
    const asCompanion = await client.post('/api/movements', trip({ companions: [stranger] }));
    expect(asCompanion.statusCode).toBe(404);
  });

  it('lists the account’s declarations newest first, and hides them from other accounts', async () => {
    const first = await declare();
    // A typed-in companion with a phone and symptoms: the phone is kept but never listed.
    const coughing = {
      ...companion(undefined, 'Lê Văn Dũng', 1980),
      phone: '0912999999',
      answers: { ...healthy, symptoms: ['cough'] },
    };
    const second = await declare({
      personId: childId,
      vehicle: 'bus',
      vehicleNumber: '51B01234',
      companions: [coughing],
    });
    const all = (await client.get('/api/movements')).json().movements as MovementJson[];
    expect(all.slice(0, 2).map((m) => m.id)).toEqual([second.movement.id, first.movement.id]);
    expect(all[0]!.vehicleNumber).toBe('51B-012.34');
    expect(all[0]!.companions).toEqual([
      { fullName: 'Lê Văn Dũng', birthYear: 1980, gender: 'male', hasSymptoms: true },
    ]);
    expect(await ctx.services.signing.verify(second.token!)).toMatchObject({ cc: 1, sy: 1, vn: '51B01234' });

    const mine = (await client.get(`/api/movements?personId=${childId}`)).json().movements;
    expect(mine.map((m: { id: string }) => m.id)).toEqual([second.movement.id]);
    expect((await client.get(`/api/movements?personId=${strangerId}`)).statusCode).toBe(404);

    const other = await signInCitizen(ctx, '0912000003');
    expect((await other.client.get(`/api/movements/${first.movement.id}`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/movements/${first.movement.id}/cancel`)).statusCode).toBe(404);
    expect((await other.client.get('/api/movements')).json().movements).toEqual([]);
  });

  it('allows changes and cancelling only while declared', async () => {
    const { movement } = await declare();
    const changed = await put(movement.id, trip({ vehicleNumber: '60C-111.22', companions: [] }));
    expect(changed.statusCode).toBe(200);
    expect(changed.json().movement).toMatchObject({ vehicleNumber: '60C-111.22', companions: [] });
    expect(changed.json().token).toEqual(expect.any(String));

    const cancelled = await act(movement.id, 'cancel');
    expect(cancelled.json().movement.status).toBe('cancelled');
    expect((await show(movement.id)).token).toBeNull();
    expect((await put(movement.id)).statusCode).toBe(409);
    expect((await act(movement.id, 'cancel')).json().code).toBe('CONFLICT');
    expect((await act(movement.id, 'arrived')).statusCode).toBe(409);

    const passed = await declare();
    await ctx.database.db
      .updateTable('movement_declarations')
      .set({ state: 'passed' })
      .where('id', '=', passed.movement.id)
      .execute();
    expect((await put(passed.movement.id)).statusCode).toBe(409);
    expect((await act(passed.movement.id, 'cancel')).statusCode).toBe(409);
    expect((await show(passed.movement.id)).token).toEqual(expect.any(String));
    const arrived = await act(passed.movement.id, 'arrived');
    expect(arrived.json().movement.status).toBe('arrived');
  });

  it('confirms arrival once; the QR is then no longer shown', async () => {
    const { movement } = await declare();
    const res = await act(movement.id, 'arrived');
    expect(res.statusCode).toBe(200);
    expect(res.json().movement.status).toBe('arrived');
    const row = await ctx.database.db
      .selectFrom('movement_declarations')
      .select('arrived_at')
      .where('id', '=', movement.id)
      .executeTakeFirstOrThrow();
    expect(row.arrived_at?.getTime()).toBe(ctx.clock.now.getTime());
    expect((await act(movement.id, 'arrived')).statusCode).toBe(409);
    expect((await show(movement.id)).token).toBeNull();
  });

  it('takes daily declarations only while followed up, one per day', async () => {
    const { movement } = await declare();
    const url = `/api/movements/${movement.id}/daily`;
    expect((await client.post(url, { healthy: true })).statusCode).toBe(409);
    await act(movement.id, 'arrived');

    const bad = await client.post(url, { healthy: false, symptoms: [] });
    expect(bad.json().fields).toContainEqual({ path: 'symptoms', message: v.healthyOrSymptoms });

    // Days are Viet Nam days: 23:30 and 23:50 there are one day; 00:10 is the next, though UTC is not.
    ctx.clock.now = new Date('2021-10-15T16:30:00Z');
    const first = await client.post(url, { healthy: true });
    expect(first.json().declaration).toMatchObject({ day: '2021-10-15', healthy: true, symptoms: [] });
    ctx.clock.now = new Date('2021-10-15T16:50:00Z');
    await client.post(url, { healthy: false, symptoms: ['cough', 'fever'] });
    ctx.clock.now = new Date('2021-10-15T17:10:00Z');
    await client.post(url, { healthy: true });

    const list = (await client.get(url)).json().declarations;
    expect(list).toMatchObject([
      { day: '2021-10-16', healthy: true, symptoms: [] },
      { day: '2021-10-15', healthy: false, symptoms: ['cough', 'fever'] },
    ]);
    const rows = await ctx.database.db
      .selectFrom('daily_declarations')
      .select('id')
      .where('person_id', '=', selfId)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('shows a declaration as expired once valid_until has passed, without a QR', async () => {
    const { movement, token } = await declare({ departureAt: vnTime(1) });
    ctx.clock.advance(73 * HOUR + 60_000);
    const res = await show(movement.id);
    expect(res.movement.status).toBe('expired');
    expect(res.token).toBeNull();
    await expect(ctx.services.signing.verify(token!)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect((await put(movement.id)).statusCode).toBe(409);
    expect((await act(movement.id, 'cancel')).statusCode).toBe(409);
    expect((await act(movement.id, 'arrived')).statusCode).toBe(409);
    const listed = (await client.get('/api/movements')).json().movements;
    expect(listed.find((m: { id: string }) => m.id === movement.id).status).toBe('expired');
  });
});
