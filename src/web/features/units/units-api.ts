import type { UnitSummary } from '../../../domain/units';
import { api } from '../../app/api-client';

/** What an address picker hands back. */
export interface UnitChoice {
  code: string;
  name: string;
  /** The unit and its ancestors: "Phường Đồng Xoài, Tỉnh Đồng Nai". */
  path: string;
  level: UnitSummary['level'];
  provinceCode: string;
}

export type { UnitSummary };

export const toChoice = (u: UnitSummary): UnitChoice => ({
  code: u.code,
  name: u.name,
  path: u.path,
  level: u.level,
  provinceCode: u.provinceCode,
});

/** The provinces (no parent) or the children of a unit, in the 2025 list. */
export async function listUnits(parent?: string, signal?: AbortSignal): Promise<UnitSummary[]> {
  const data = await api<{ units: UnitSummary[] }>('GET', '/api/units', undefined, {
    query: { parent, list: '2025' },
    ...(signal ? { signal } : {}),
  });
  return data.units;
}

export async function searchUnits(
  q: string,
  filter: { level?: 'province' | 'commune' | undefined; province?: string | undefined },
  signal?: AbortSignal,
): Promise<UnitSummary[]> {
  const data = await api<{ units: UnitSummary[] }>('GET', '/api/units/search', undefined, {
    query: { q, level: filter.level, province: filter.province, limit: 20 },
    ...(signal ? { signal } : {}),
  });
  return data.units;
}
