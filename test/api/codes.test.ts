import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkCode, revocationsFromList } from '../../src/domain/code-check';
import { pickCurrentToken } from '../../src/domain/codes';
import { messages } from '../../src/domain/messages';
import { foldName } from '../../src/domain/person';
import { signTokenSync, verificationKeysFromJwks, verifyToken } from '../../src/domain/signed-token';
import { createTestApp, signInAsDemo, signInWithOtp, TestClient, type TestContext } from '../support/app';

const healthy = {
  travelled: false,
  symptoms: [] as string[],
  contactConfirmed: false,
  contactFromAffectedArea: false,
  contactWithSymptoms: false,
  vaccineDoses: 2,
  lastDoseDate: '2021-09-01',
  consent: true,
};

interface BatchToken {
  token: string;
  nbf: number;
  exp: number;
}

describe('personal QR codes, printed cards and the verifier', () => {
  let ctx: TestContext;
  let citizen: TestClient;
  let staff: TestClient;
  let accountId: string;
  let personId: string;
  let grandmaId: string;

  const seconds = () => Math.floor(ctx.clock.now.getTime() / 1000);
  const verify = async (token: string, headers?: Record<string, string>) => {
    const res = await staff.post('/api/codes/verify', { token }, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const issueBatch = async (id = personId) => {
    const res = await citizen.post(`/api/persons/${id}/codes`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { tokens: BatchToken[]; status: unknown; latestHealth: unknown };
  };

  async function insertPerson(account: string, fullName: string, birthYear: number) {
    const row = await ctx.database.db
      .insertInto('persons')
      .values({
        account_id: account,
        full_name: fullName,
        name_folded: foldName(fullName),
        birth_year: birthYear,
        gender: 'female',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    citizen = new TestClient(ctx.app);
    await signInWithOtp(ctx, citizen, '0913000001');
    accountId = (await citizen.get('/api/session')).json().me.userId;
    personId = await insertPerson(accountId, 'Phạm Thị Hoa', 1992);
    grandmaId = await insertPerson(accountId, 'Lê Thị Mai', 1940);
    staff = new TestClient(ctx.app);
    await signInAsDemo(ctx, staff, '0900000006');
  });
  afterEach(() => {
    ctx.clock.now = new Date();
  });
  afterAll(() => ctx.close());

  it('issues a batch of tokens that take turns, each verifying while it is current', async () => {
    const start = seconds();
    const batch = await issueBatch();
    expect(batch.tokens).toHaveLength(12);
    batch.tokens.forEach((t, i) => {
      expect(t.nbf).toBe(start + i * 300);
      expect(t.exp).toBe(t.nbf + 600);
    });
    expect(batch.status).toEqual({ colour: 'yellow', reasons: ['not_vaccinated'] });
    expect(batch.latestHealth).toBeNull();

    const base = ctx.clock.now.getTime();
    for (const [i, t] of batch.tokens.entries()) {
      ctx.clock.now = new Date(base + (i * 300 + 10) * 1000);
      expect(pickCurrentToken(batch.tokens, seconds())).toEqual(t);
      const result = await verify(t.token);
      expect(result).toMatchObject({
        valid: true,
        kind: 'personal',
        claims: {
          typ: 'p',
          pid: personId,
          n: 'Phạm Thị Hoa',
          y: 1992,
          col: 'yellow',
          nbf: t.nbf,
          exp: t.exp,
        },
      });
      expect(result.claims.s).toBeUndefined();
    }
  });

  it('refuses an expired personal token and one from later in the batch, each with its reason', async () => {
    const batch = await issueBatch();
    const later = await verify(batch.tokens[5]!.token);
    expect(later).toEqual({
      valid: false,
      code: 'TOKEN_NOT_YET_VALID',
      message: messages.vi.errors.TOKEN_NOT_YET_VALID,
    });
    ctx.clock.advance(601_000);
    expect(await verify(batch.tokens[0]!.token)).toEqual({
      valid: false,
      code: 'TOKEN_EXPIRED',
      message: messages.vi.errors.TOKEN_EXPIRED,
    });
    expect((await verify(batch.tokens[0]!.token, { 'accept-language': 'en' })).message).toBe(
      messages.en.errors.TOKEN_EXPIRED,
    );
    expect((await verify(batch.tokens[1]!.token)).valid).toBe(true);
  });

  it('refuses forged, edited, unreadable and foreign codes with their own reasons', async () => {
    const { token } = (await issueBatch()).tokens[0]!;
    const [kid, body, sig] = token.split('.') as [string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    expect((await verify(`${kid}.${body}.${flip(sig, 5)}`)).code).toBe('TOKEN_BAD_SIGNATURE');
    expect((await verify(`${kid}.${flip(body, 12)}.${sig}`)).code).toBe('TOKEN_TAMPERED');
    expect((await verify('not a code')).code).toBe('TOKEN_MALFORMED');

    const { privateKey } = generateKeyPairSync('ed25519');
    const now = seconds();
    const foreign = signTokenSync({ typ: 'p', iat: now, exp: now + 60 }, 'Zz0Zz0Zz', (d) =>
      sign(null, d, privateKey),
    );
    expect((await verify(foreign)).code).toBe('TOKEN_UNKNOWN_KEY');

    // A place QR is signed by us but is nobody's personal code.
    const place = await ctx.services.signing.sign({ typ: 'c', pt: 'P1' }, 60);
    expect((await verify(place)).code).toBe('TOKEN_MALFORMED');
  });

  it('colours the code from the latest health declaration', async () => {
    await ctx.database.db
      .insertInto('health_declarations')
      .values({
        person_id: personId,
        answers: JSON.stringify({ ...healthy, symptoms: ['fever'] }),
        has_symptoms: true,
        created_at: ctx.clock.now,
      })
      .execute();
    const batch = await issueBatch();
    expect(batch.status).toEqual({ colour: 'yellow', reasons: ['symptoms'] });
    expect(batch.latestHealth).toEqual({ symptoms: ['fever'], at: ctx.clock.now.toISOString() });
    const { claims } = await verify(batch.tokens[0]!.token);
    expect(claims).toMatchObject({ col: 'yellow', r: ['symptoms'], s: ['fever'], ht: seconds() });

    ctx.clock.advance(1000);
    await ctx.database.db
      .insertInto('health_declarations')
      .values({
        person_id: personId,
        answers: JSON.stringify(healthy),
        has_symptoms: false,
        created_at: ctx.clock.now,
      })
      .execute();
    expect((await issueBatch()).status).toEqual({ colour: 'green', reasons: ['vaccinated'] });
  });

  it('records who saw a person’s data through a scan', async () => {
    const { token } = (await issueBatch(grandmaId)).tokens[0]!;
    await verify(token);
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'subject_person_id', 'purpose', 'actor_role'])
      .where('subject_person_id', '=', grandmaId)
      .execute();
    expect(entries).toEqual([
      {
        action: 'read',
        resource: 'code:personal',
        subject_person_id: grandmaId,
        purpose: 'Kiểm tra mã QR tại điểm',
        actor_role: 'checkpoint_staff',
      },
    ]);
  });

  it('issues printed cards; a revoked or replaced card is refused online and offline', async () => {
    const issued = await citizen.post(`/api/persons/${grandmaId}/card`);
    expect(issued.statusCode).toBe(200);
    const first = issued.json();
    expect(Date.parse(first.card.expiresAt) - Date.parse(first.card.issuedAt)).toBe(365 * 86_400_000);
    expect(await verify(first.token)).toMatchObject({
      valid: true,
      kind: 'card',
      claims: { typ: 'k', cid: first.card.id, pid: grandmaId, n: 'Lê Thị Mai', y: 1940 },
    });
    expect((await citizen.get(`/api/persons/${grandmaId}/card`)).json().card.id).toBe(first.card.id);
    const svg = await citizen.get(`/api/persons/${grandmaId}/card.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('<svg');

    const second = (await citizen.post(`/api/persons/${grandmaId}/card`)).json();
    expect((await verify(first.token)).code).toBe('TOKEN_REVOKED');
    expect((await verify(second.token)).valid).toBe(true);

    // `since` is inclusive (a repeat is harmless, a miss is not), so the list is asked a second later.
    ctx.clock.advance(1000);
    const before = (await staff.get('/api/codes/revocations')).json();
    expect(before.cards).toContain(first.card.id);
    expect(before.cards).not.toContain(second.card.id);

    ctx.clock.advance(1000);
    expect((await citizen.post(`/api/persons/${grandmaId}/card/revoke`)).json()).toEqual({ ok: true });
    const revoked = await verify(second.token);
    expect(revoked).toEqual({
      valid: false,
      code: 'TOKEN_REVOKED',
      message: messages.vi.errors.TOKEN_REVOKED,
    });
    expect((await citizen.get(`/api/persons/${grandmaId}/card`)).json()).toEqual({ card: null, token: null });
    expect((await citizen.get(`/api/persons/${grandmaId}/card.svg`)).statusCode).toBe(404);

    const since = encodeURIComponent(before.asOf);
    const changes = (await staff.get(`/api/codes/revocations?since=${since}`)).json();
    expect(changes.cards).toEqual([second.card.id]);

    // The browser scanner decides the same offline, from the JWKS and the revocation list.
    const keys = verificationKeysFromJwks((await ctx.app.inject({ url: '/.well-known/jwks.json' })).json());
    const list = revocationsFromList((await staff.get('/api/codes/revocations')).json());
    const offline = (token: string) => checkCode(token, (t) => verifyToken(t, keys, seconds()), list);
    expect(await offline(second.token)).toEqual({ valid: false, code: 'TOKEN_REVOKED' });
    const { token } = (await citizen.post(`/api/persons/${grandmaId}/card`)).json();
    expect(await offline(token)).toMatchObject({ valid: true, kind: 'card' });
  });

  it('refuses the QR of a cancelled movement declaration', async () => {
    const departureAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await citizen.post('/api/movements', {
      personId,
      vehicle: 'motorbike',
      vehicleNumber: '59X1-123.45',
      departureAt,
      origin: { provinceCode: '79', communeCode: '26740' },
      destination: { provinceCode: '75', communeCode: '25195', address: 'Số 9 Hùng Vương' },
      answers: healthy,
    });
    expect(created.statusCode, created.body).toBe(200);
    const { movement, token } = created.json();
    expect(await verify(token)).toMatchObject({
      valid: true,
      kind: 'movement',
      claims: { mid: movement.id },
    });
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('subject_person_id')
      .where('resource', '=', 'code:movement')
      .execute();
    expect(audit).toEqual([{ subject_person_id: personId }]);

    await citizen.post(`/api/movements/${movement.id}/cancel`);
    expect((await verify(token)).code).toBe('TOKEN_REVOKED');
    expect((await staff.get('/api/codes/revocations')).json().movements).toEqual([movement.id]);
  });

  it('keeps codes and cards to their account, and the verifier to staff', async () => {
    const other = new TestClient(ctx.app);
    await signInWithOtp(ctx, other, '0913000002');
    expect((await other.post(`/api/persons/${personId}/codes`)).statusCode).toBe(404);
    expect((await other.post(`/api/persons/${personId}/card`)).statusCode).toBe(404);
    expect((await other.get(`/api/persons/${personId}/card`)).statusCode).toBe(404);
    expect((await other.post(`/api/persons/${personId}/card/revoke`)).statusCode).toBe(404);

    const { token } = (await issueBatch()).tokens[0]!;
    const refused = await other.post('/api/codes/verify', { token });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await other.get('/api/codes/revocations')).statusCode).toBe(403);
    expect((await new TestClient(ctx.app).post('/api/codes/verify', { token })).statusCode).toBe(401);
  });
});
