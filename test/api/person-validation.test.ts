import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/domain/messages/vi';
import { createTestApp, signInWithOtp, TestClient, type TestContext } from '../support/app';
import { COMMUNE, COMMUNE_ELSEWHERE, isoDay, PROVINCE, personBody } from '../support/citizen';

const v = viMessages.validation;
const thisYear = new Date().getUTCFullYear();

describe('validation of a person, field by field, in Vietnamese', () => {
  let ctx: TestContext;
  let client: TestClient;
  beforeAll(async () => {
    ctx = await createTestApp();
    client = new TestClient(ctx.app);
    await signInWithOtp(ctx, client, '0912000002');
  });
  afterAll(() => ctx.close());

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a short name', { fullName: 'A' }, 'fullName', v.tooShort],
    ['a phone number', { phone: '12345' }, 'phone', v.phone],
    ['an ID number', { idNumber: '12345' }, 'idNumber', v.idNumber],
    ['an insurance number', { insuranceNumber: 'XX123' }, 'insuranceNumber', v.insuranceNumber],
    ['no birth date or year', { birthDate: undefined }, 'birthYear', v.birthYear],
    ['a year before 1900', { birthDate: undefined, birthYear: 1800 }, 'birthYear', v.birthYear],
    ['a year with a fraction', { birthDate: undefined, birthYear: 1990.5 }, 'birthYear', v.birthYear],
    [
      'a year of birth to come',
      { birthDate: undefined, birthYear: thisYear + 1 },
      'birthYear',
      v.birthInFuture,
    ],
    ['a date of birth to come', { birthDate: isoDay(2) }, 'birthDate', v.birthInFuture],
    ['a date that does not exist', { birthDate: '1990-13-01' }, 'birthDate', v.date],
    ['a year that contradicts the date', { birthYear: 1991 }, 'birthYear', v.birthYear],
    ['a gender', { gender: 'x' }, 'gender', v.gender],
    ['a nationality', { nationality: 'Vietnam' }, 'nationality', v.nationality],
    [
      'a province code',
      { address: { provinceCode: 'x', communeCode: COMMUNE } },
      'address.provinceCode',
      v.unitCode,
    ],
    [
      'a commune outside the province',
      { address: { provinceCode: PROVINCE, communeCode: COMMUNE_ELSEWHERE } },
      'address.communeCode',
      v.communeNotInProvince,
    ],
    [
      'a commune that does not exist',
      { address: { provinceCode: PROVINCE, communeCode: '99999' } },
      'address.communeCode',
      v.communeNotInProvince,
    ],
  ];

  for (const [what, override, path, message] of cases) {
    it(`refuses ${what} (${path})`, async () => {
      for (const [method, url] of [
        ['POST', '/api/persons'],
        ['PUT', '/api/me/profile'],
      ] as const) {
        const res = await client.request(method, url, personBody(override));
        expect(res.statusCode, `${method} ${url}`).toBe(400);
        const body = res.json();
        expect(body.code).toBe('VALIDATION_FAILED');
        expect(body.message).toBe('Thông tin chưa hợp lệ, vui lòng kiểm tra lại.');
        expect(body.fields).toEqual([{ path, message }]);
      }
    });
  }

  it('answers in English when asked', async () => {
    const res = await client.request('POST', '/api/persons', personBody({ gender: 'x' }), {
      'accept-language': 'en',
    });
    expect(res.json().fields).toEqual([{ path: 'gender', message: 'Please choose a gender.' }]);
  });

  it('stored nothing', async () => {
    expect((await client.get('/api/persons')).json().persons).toEqual([]);
  });
});
