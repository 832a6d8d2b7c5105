import { api } from '../../app/api-client';

export interface ResolvedPoint {
  point: {
    id: string;
    name: string;
    kind: string;
    address: string;
    communeName: string | null;
    provinceName: string | null;
  };
  via: string;
}

export interface SelfCheckIn {
  personId: string;
  id: string;
  at: string;
  duplicate: boolean;
}

export function resolvePointCode(code: string): Promise<ResolvedPoint> {
  return api<ResolvedPoint>('POST', '/api/check-ins/resolve', { code });
}

export function checkInSelf(code: string, personIds: string[], direction: 'in' | 'out') {
  return api<{ checkIns: SelfCheckIn[] }>('POST', '/api/check-ins/self', { code, personIds, direction });
}
