import type { TestClient } from './app';

/** Phường Đồng Xoài, Tỉnh Đồng Nai (2025 list), the demo commune. */
export const COMMUNE = '25210';
export const PROVINCE = '75';
/** Phường Ba Đình, Hà Nội: a commune outside PROVINCE. */
export const COMMUNE_ELSEWHERE = '00004';

export const ID_NUMBER = '079203001234';

export function personBody(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-05-01',
    gender: 'male',
    idNumber: ID_NUMBER,
    insuranceNumber: 'DN4797912345678',
    nationality: 'VN',
    address: { provinceCode: PROVINCE, communeCode: COMMUNE, detail: 'Số 5 Lê Lợi' },
    ...overrides,
  };
}

export function answersBody(overrides: Record<string, unknown> = {}) {
  return {
    travelled: false,
    symptoms: [],
    contactConfirmed: false,
    contactFromAffectedArea: false,
    contactWithSymptoms: false,
    vaccineDoses: 2,
    lastDoseDate: '2021-09-01',
    consent: true,
    ...overrides,
  };
}

/** YYYY-MM-DD, `days` from today (UTC, as the schemas compare). */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const put = (client: TestClient, url: string, body: unknown) => client.request('PUT', url, body);
export const del = (client: TestClient, url: string, body?: unknown) => client.request('DELETE', url, body);
