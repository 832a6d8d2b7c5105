import type { PointKind } from '../../domain/points';
import type { Db } from '../db/client';

export interface NewPoint {
  code: string;
  name: string;
  kind: PointKind;
  provinceCode: string;
  communeCode: string;
  address: string;
  contactPhone: string | null;
  ownerId: string | null;
}

const columns = [
  'id',
  'code',
  'name',
  'kind',
  'province_code',
  'commune_code',
  'address',
  'is_open',
] as const;

export function createPointsRepository(db: Db) {
  return {
    create: (p: NewPoint) =>
      db
        .insertInto('points')
        .values({
          code: p.code,
          name: p.name,
          kind: p.kind,
          province_code: p.provinceCode,
          commune_code: p.communeCode,
          address: p.address,
          contact_phone: p.contactPhone,
          owner_id: p.ownerId,
        })
        .returning(columns)
        .executeTakeFirstOrThrow(),

    async addStaff(pointId: string, userId: string) {
      await db
        .insertInto('point_staff')
        .values({ point_id: pointId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    listInArea: (area: { provinceCode: string; communeCode?: string | undefined }, limit: number) => {
      let q = db.selectFrom('points').select(columns).where('province_code', '=', area.provinceCode);
      if (area.communeCode) q = q.where('commune_code', '=', area.communeCode);
      return q.orderBy('name').limit(limit).execute();
    },

    listByIds: (ids: string[]) =>
      // Guard against an invalid `IN ()` when the person has no points.
      ids.length === 0
        ? Promise.resolve([])
        : db.selectFrom('points').select(columns).where('id', 'in', ids).orderBy('name').execute(),

    findByCode: (code: string) =>
      db.selectFrom('points').select(columns).where('code', '=', code).executeTakeFirst(),
  };
}

export type PointsRepository = ReturnType<typeof createPointsRepository>;
