import type { CheckInMethod, Direction } from '../../domain/check-in';
import type { Db } from '../db/client';

export interface NewCheckIn {
  id: string;
  at: Date;
  pointId: string;
  provinceCode: string;
  personId: string | null;
  method: CheckInMethod;
  direction: Direction;
  fullName: string | null;
  phone: string | null;
  birthYear: number | null;
  gender: string | null;
  idNumberMasked: string | null;
  address: string | null;
  /** The health answers at that moment, as JSON text. */
  health: string | null;
  recordedBy: string | null;
}

const pointColumns = [
  'points.id',
  'points.code',
  'points.name',
  'points.kind',
  'points.province_code',
  'points.commune_code',
  'points.address',
  'points.is_open',
  'points.code_version',
  'points.owner_id',
] as const;

/** The write side of check-ins, and the point lookups recording needs. */
export function createCheckInWriteRepository(db: Db) {
  return {
    /**
     * One multi-row INSERT; a row whose (id, time) exists already is skipped. Returns the keys
     * (`id@epoch-ms`) of the rows this statement inserted.
     */
    async insertMany(rows: readonly NewCheckIn[]): Promise<Set<string>> {
      // Guard against an invalid INSERT without values.
      if (rows.length === 0) return new Set();
      const inserted = await db
        .insertInto('check_ins')
        .values(
          rows.map((r) => ({
            id: r.id,
            checked_in_at: r.at,
            point_id: r.pointId,
            province_code: r.provinceCode,
            person_id: r.personId,
            method: r.method,
            direction: r.direction,
            full_name: r.fullName,
            phone: r.phone,
            birth_year: r.birthYear,
            gender: r.gender,
            id_number_masked: r.idNumberMasked,
            address: r.address,
            health: r.health,
            recorded_by: r.recordedBy,
          })),
        )
        .onConflict((oc) => oc.columns(['id', 'checked_in_at']).doNothing())
        .returning(['id', 'checked_in_at'])
        .execute();
      return new Set(inserted.map((r) => `${r.id}@${r.checked_in_at.getTime()}`));
    },

    findPointByCode: (code: string) =>
      db.selectFrom('points').select(pointColumns).where('points.code', '=', code).executeTakeFirst(),

    findPointById: (id: string) =>
      db.selectFrom('points').select(pointColumns).where('points.id', '=', id).executeTakeFirst(),

    findPointByLegacyCode: (code: string) =>
      db
        .selectFrom('legacy_codes')
        .innerJoin('points', 'points.id', 'legacy_codes.point_id')
        .select(pointColumns)
        .where('legacy_codes.code', '=', code)
        .executeTakeFirst(),

    /** The latest check-ins since `since` of these persons at these points, newest first. */
    findRecentOfMany: (pointIds: readonly string[], personIds: readonly string[], since: Date) =>
      // Guard against an invalid `IN ()`.
      personIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('check_ins')
            .select(['id', 'checked_in_at', 'point_id', 'person_id', 'direction'])
            .where('person_id', 'in', personIds)
            .where('checked_in_at', '>=', since)
            .where('point_id', 'in', pointIds)
            .orderBy('checked_in_at', 'desc')
            .execute(),

    /** Deletes check-ins older than `before`; returns how many. */
    async deleteBefore(before: Date): Promise<number> {
      const res = await db.deleteFrom('check_ins').where('checked_in_at', '<', before).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

export type CheckInWriteRepository = ReturnType<typeof createCheckInWriteRepository>;
export type CheckInPointRow = NonNullable<Awaited<ReturnType<CheckInWriteRepository['findPointById']>>>;
