import type { Area, Principal } from '../../domain/access';
import type { PointKind, PointSummary } from '../../domain/points';
import type { PointsRepository } from '../repositories/points.repository';
import type { UnitsService } from './units.service';

type PointRow = Awaited<ReturnType<PointsRepository['listByIds']>>[number];

export function createPointsService(repo: PointsRepository, units: UnitsService) {
  const toSummary = (r: PointRow): PointSummary => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as PointKind,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    communeName: units.nameOf(r.commune_code),
    address: r.address,
    isOpen: r.is_open,
  });

  return {
    /** Points of an area the caller was already authorized for (the route declares the unit). */
    listInArea: async (area: Area): Promise<PointSummary[]> =>
      (await repo.listInArea(area, 500)).map(toSummary),

    /** The points a person owns or may scan for. */
    listMine: async (principal: Principal): Promise<PointSummary[]> =>
      (await repo.listByIds(principal.pointIds)).map(toSummary),
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
