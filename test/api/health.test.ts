import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/domain/messages/vi';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { answersBody, isoDay, personBody, put } from '../support/citizen';

const v = viMessages.validation;

describe('health declarations', () => {
  let ctx: TestContext;
  let client: TestClient;
  let stranger: TestClient;
  let selfId: string;
  let childId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    stranger = new TestClient(ctx.app, '10.0.0.2');
    await signInWithOtp(ctx, client, '0913000001');
    await signInWithOtp(ctx, stranger, '0913000002');
    selfId = (await put(client, '/api/me/profile', personBody())).json().person.id;
    childId = (
      await client.post(
        '/api/persons',
        personBody({ fullName: 'Trần Minh Khang', idNumber: undefined, relation: 'Con' }),
      )
    ).json().person.id;
  });
  afterAll(() => ctx.close());

  it('has no latest declaration before the first', async () => {
    const res = await client.get(`/api/persons/${selfId}/health/latest`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ declaration: null });
  });

  it('stores a declaration as declared, with whether it lists symptoms', async () => {
    const answers = answersBody({
      travelled: true,
      travelPlaces: 'TP. Hồ Chí Minh',
      symptoms: ['fever', 'cough'],
    });
    const res = await client.post(`/api/persons/${selfId}/health`, { answers });
    expect(res.statusCode).toBe(200);
    const { declaration } = res.json();
    expect(declaration).toEqual({
      id: expect.any(String),
      personId: selfId,
      answers,
      hasSymptoms: true,
      createdAt: expect.any(String),
    });
    const row = await ctx.database.db
      .selectFrom('health_declarations')
      .selectAll()
      .where('id', '=', declaration.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ has_symptoms: true, declared_by: expect.any(String), answers });
  });

  it('declares for a dependant too, and keeps each person’s history apart, newest first', async () => {
    await client.post(`/api/persons/${childId}/health`, {
      answers: answersBody({ vaccineDoses: 0, lastDoseDate: undefined }),
    });
    await client.post(`/api/persons/${selfId}/health`, { answers: answersBody() });

    const history = (await client.get(`/api/persons/${selfId}/health`)).json().declarations;
    expect(history.map((d: { hasSymptoms: boolean }) => d.hasSymptoms)).toEqual([false, true]);
    expect(history.every((d: { personId: string }) => d.personId === selfId)).toBe(true);
    expect((await client.get(`/api/persons/${selfId}/health?limit=1`)).json().declarations).toHaveLength(1);

    const latest = (await client.get(`/api/persons/${selfId}/health/latest`)).json().declaration;
    expect(latest).toMatchObject({ id: history[0].id, hasSymptoms: false });
    const child = (await client.get(`/api/persons/${childId}/health`)).json().declarations;
    expect(child).toHaveLength(1);
    expect(child[0].answers.vaccineDoses).toBe(0);
  });

  it('gives the latest answers with their time', async () => {
    const { declaration } = (await client.get(`/api/persons/${selfId}/health/latest`)).json();
    // The schema's defaults are stored too.
    expect(declaration.answers).toEqual({ ...answersBody(), travelPlaces: '' });
    expect(Number.isNaN(Date.parse(declaration.createdAt))).toBe(false);
  });

  it('gives another account 404 on my person’s health', async () => {
    for (const res of [
      await stranger.post(`/api/persons/${selfId}/health`, { answers: answersBody() }),
      await stranger.get(`/api/persons/${selfId}/health`),
      await stranger.get(`/api/persons/${childId}/health/latest`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await client.get(`/api/persons/${selfId}/health`)).json().declarations).toHaveLength(2);
  });
});

describe('validation of the health answers, field by field, in Vietnamese', () => {
  let ctx: TestContext;
  let client: TestClient;
  let personId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    await signInWithOtp(ctx, client, '0913000003');
    personId = (await put(client, '/api/me/profile', personBody())).json().person.id;
  });
  afterAll(() => ctx.close());

  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'places when travelled',
      { travelled: true, travelPlaces: '  ' },
      'answers.travelPlaces',
      v.travelPlaces,
    ],
    ['no consent', { consent: false }, 'answers.consent', v.consent],
    ['a missing consent', { consent: undefined }, 'answers.consent', v.consent],
    ['a missing answer', { travelled: undefined }, 'answers.travelled', v.required],
    ['a dose date to come', { lastDoseDate: isoDay(2) }, 'answers.lastDoseDate', v.dateInFuture],
    [
      'a test date to come',
      { latestTest: { result: 'negative', date: isoDay(2) } },
      'answers.latestTest.date',
      v.dateInFuture,
    ],
    [
      'a test without a result',
      { latestTest: { result: 'maybe', date: '2021-10-01' } },
      'answers.latestTest.result',
      v.required,
    ],
    [
      '0 doses with a date',
      { vaccineDoses: 0, lastDoseDate: '2021-09-01' },
      'answers.lastDoseDate',
      v.invalid,
    ],
    ['too many doses', { vaccineDoses: 11 }, 'answers.vaccineDoses', v.invalid],
    ['a date that does not exist', { lastDoseDate: '2021-13-01' }, 'answers.lastDoseDate', v.date],
    ['a symptom twice', { symptoms: ['fever', 'fever'] }, 'answers.symptoms', v.invalid],
    ['an unknown symptom', { symptoms: ['headache'] }, 'answers.symptoms.0', v.invalid],
  ];

  for (const [what, override, path, message] of cases) {
    it(`refuses ${what} (${path})`, async () => {
      const res = await client.post(`/api/persons/${personId}/health`, { answers: answersBody(override) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Thông tin chưa hợp lệ, vui lòng kiểm tra lại.',
      });
      expect(res.json().fields).toEqual([{ path, message }]);
    });
  }

  it('stored nothing', async () => {
    expect((await client.get(`/api/persons/${personId}/health`)).json().declarations).toEqual([]);
  });
});
