import { randomInt } from 'node:crypto';
import { POINT_CODE_ALPHABET, POINT_CODE_LENGTH, type PointKind, pointKinds } from '../../domain/points';
import type { Db } from '../db/client';
import type { RoleName } from '../db/types';

export interface NewPoint {
  /** Demo points bring their own; otherwise a fresh random code is drawn. */
  code?: string;
  name: string;
  kind: PointKind;
  vehiclePlate?: string | null;
  provinceCode: string;
  communeCode: string;
  address: string;
  contactPhone: string | null;
  ownerId: string | null;
}

export interface PointChanges {
  name: string;
  kind: PointKind;
  vehiclePlate: string | null;
  provinceCode: string;
  communeCode: string;
  address: string;
  contactPhone: string | null;
}

/** The role a point's staff hold for a point of this kind (a rule of the service, applied here). */
export type StaffRoleOf = (kind: PointKind) => RoleName;

const columns = [
  'id',
  'code',
  'name',
  'kind',
  'province_code',
  'commune_code',
  'address',
  'is_open',
  'owner_id',
] as const;

const detailColumns = [...columns, 'vehicle_plate', 'contact_phone', 'code_version'] as const;

/** Codes are random, so a clash is rare (31^8); inserts that hit one draw again. */
const MAX_CODE_ATTEMPTS = 5;
const INSERT_CHUNK = 500;

export function newPointCode(): string {
  let code = '';
  for (let i = 0; i < POINT_CODE_LENGTH; i++)
    code += POINT_CODE_ALPHABET[randomInt(POINT_CODE_ALPHABET.length)];
  return code;
}

function toRow(p: NewPoint, code: string) {
  return {
    code,
    name: p.name,
    kind: p.kind,
    vehicle_plate: p.vehiclePlate ?? null,
    province_code: p.provinceCode,
    commune_code: p.communeCode,
    address: p.address,
    contact_phone: p.contactPhone,
    owner_id: p.ownerId,
  };
}

async function insertAll(db: Db, points: NewPoint[]) {
  const created: Awaited<ReturnType<typeof insertChunk>> = [];
  for (let i = 0; i < points.length; i += INSERT_CHUNK) {
    let pending = points.slice(i, i + INSERT_CHUNK);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === MAX_CODE_ATTEMPTS) throw new Error('Could not draw unique point codes');
      const rows = pending.map((p) => toRow(p, p.code && attempt === 0 ? p.code : newPointCode()));
      const inserted = await insertChunk(db, rows);
      created.push(...inserted);
      const done = new Set(inserted.map((r) => r.code));
      // The rows whose code clashed: same order as sent, so match them by the code they were given.
      pending = pending.filter((_, k) => !done.has(rows[k]!.code));
    }
  }
  return created;
}

function insertChunk(db: Db, rows: ReturnType<typeof toRow>[]) {
  return db
    .insertInto('points')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(columns)
    .execute();
}

export function createPointsRepository(db: Db) {
  return {
    async create(p: NewPoint) {
      const [row] = await insertAll(db, [p]);
      if (!row) throw new Error('Point not created');
      return row;
    },

    /** All or nothing: a spreadsheet import stores every row or none. */
    createMany: (points: NewPoint[]) => db.transaction().execute((trx) => insertAll(trx, points)),

    findById: (id: string) =>
      db.selectFrom('points').select(detailColumns).where('id', '=', id).executeTakeFirst(),

    listDetailsByIds: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db.selectFrom('points').select(detailColumns).where('id', 'in', ids).execute(),

    /**
     * Saves the changes. When the new kind calls for another staff role, the point's staff get it in the
     * same transaction, and lose the old one unless another point they staff still calls for it: roles
     * are held per person, not per point. Returns the staff whose roles changed.
     */
    update: (id: string, c: PointChanges, staffRoleOf: StaffRoleOf, changedBy: string) =>
      db.transaction().execute(async (trx): Promise<string[]> => {
        // Locked, so two edits at once cannot both judge the role change against the same old kind.
        const before = await trx
          .selectFrom('points')
          .select('kind')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        await trx
          .updateTable('points')
          .set({
            name: c.name,
            kind: c.kind,
            vehicle_plate: c.vehiclePlate,
            province_code: c.provinceCode,
            commune_code: c.communeCode,
            address: c.address,
            contact_phone: c.contactPhone,
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .execute();
        if (!before) return [];
        const from = staffRoleOf(before.kind as PointKind);
        const to = staffRoleOf(c.kind);
        if (from === to) return [];
        const staff = await trx
          .selectFrom('point_staff')
          .select('user_id')
          .where('point_id', '=', id)
          .execute();
        const userIds = staff.map((s) => s.user_id);
        // Guard against an invalid `IN ()` when the point has no staff.
        if (userIds.length === 0) return [];
        await trx
          .insertInto('role_assignments')
          .values(
            userIds.map((userId) => ({
              user_id: userId,
              role: to,
              scope_level: 'points' as const,
              unit_code: null,
              province_code: null,
              created_by: changedBy,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
        const kindsOfOldRole = pointKinds.filter((k) => staffRoleOf(k) === from);
        await trx
          .deleteFrom('role_assignments')
          .where('user_id', 'in', userIds)
          .where('role', '=', from)
          .where('scope_level', '=', 'points')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('point_staff as s')
                  .innerJoin('points as p', 'p.id', 's.point_id')
                  .select('s.point_id')
                  .whereRef('s.user_id', '=', 'role_assignments.user_id')
                  .where('p.kind', 'in', kindsOfOldRole),
              ),
            ),
          )
          .execute();
        return userIds;
      }),

    setOpen: (id: string, isOpen: boolean) =>
      db
        .updateTable('points')
        .set({ is_open: isOpen, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),

    /** A new code version: every poster printed before names the old one. */
    rotateCode: (id: string) =>
      db
        .updateTable('points')
        .set((eb) => ({ code_version: eb('code_version', '+', 1), updated_at: new Date() }))
        .where('id', '=', id)
        .returning(detailColumns)
        .executeTakeFirstOrThrow(),

    async addStaff(pointId: string, userId: string) {
      await db
        .insertInto('point_staff')
        .values({ point_id: pointId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async removeStaff(pointId: string, userId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('point_staff')
        .where('point_id', '=', pointId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    listStaff: (pointId: string) =>
      db
        .selectFrom('point_staff as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.phone', 'u.display_name', 's.added_at'])
        .where('s.point_id', '=', pointId)
        .orderBy('s.added_at')
        .execute(),

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

    listByCodes: (codes: string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db.selectFrom('points').select(['id', 'code']).where('code', 'in', codes).execute(),
  };
}

export type PointsRepository = ReturnType<typeof createPointsRepository>;
