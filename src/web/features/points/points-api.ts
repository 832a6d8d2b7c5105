import type { PointSummary } from '../../../domain/points';

export type { PointSummary };

export interface PointsAnswer {
  points: PointSummary[];
}

export const myPointsPath = '/api/me/points';
export const areaPointsPath = (unitCode: string) => `/api/units/${encodeURIComponent(unitCode)}/points`;
