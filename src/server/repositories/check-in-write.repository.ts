import { sql } from 'kysely';
import type { CheckInMethod, Direction } from '../../domain/check-in';
import { type Db, prepared } from '../db/client';
import { pgArrayLiteral } from '../db/pg-array';

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
  recordedBy: string | null;
  /**
   * Way 1's rule: when set, the row is skipped if the same person has a check-in at the same point in
   * the same direction since then (or as long after `at`: a scanner's clock may run ahead). The upper
   * bound also lets PostgreSQL probe only the day partitions of that window, not every one.
   */
  unlessSince: Date | null;
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
     * One INSERT for many rows, its text the same for any number (arrays, not a VALUES list): the
     * person's latest health answers are attached and way 1's rule is checked in the same statement.
     * A row whose (id, time) exists already is skipped. Returns the keys (`id@epoch-ms`) it inserted.
     */
    async insertMany(rows: readonly NewCheckIn[]): Promise<Set<string>> {
      const col = (k: keyof NewCheckIn) => pgArrayLiteral(rows.map((r) => r[k]));
      const { rows: inserted } = await sql<{
        id: string;
        checked_in_at: Date;
      }>`${sql.raw(prepared('check_ins_insert'))}
        INSERT INTO check_ins (id, checked_in_at, point_id, province_code, person_id, method, direction,
          full_name, phone, birth_year, gender, id_number_masked, address, recorded_by, health)
        SELECT v.id, v.at, v.point_id, v.province_code, v.person_id, v.method, v.direction,
          v.full_name, v.phone, v.birth_year, v.gender, v.id_number_masked, v.address, v.recorded_by,
          (SELECT h.answers || jsonb_build_object('declaredAt',
              to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             FROM health_declarations h WHERE h.person_id = v.person_id
             ORDER BY h.created_at DESC, h.id DESC LIMIT 1)
        FROM unnest(${col('id')}::uuid[], ${col('at')}::timestamptz[], ${col('pointId')}::uuid[],
          ${col('provinceCode')}::text[], ${col('personId')}::uuid[], ${col('method')}::text[],
          ${col('direction')}::text[], ${col('fullName')}::text[], ${col('phone')}::text[],
          ${col('birthYear')}::int[], ${col('gender')}::text[], ${col('idNumberMasked')}::text[],
          ${col('address')}::text[], ${col('recordedBy')}::uuid[], ${col('unlessSince')}::timestamptz[])
          AS v(id, at, point_id, province_code, person_id, method, direction, full_name, phone,
            birth_year, gender, id_number_masked, address, recorded_by, unless_since)
        WHERE v.unless_since IS NULL OR NOT EXISTS (
          SELECT 1 FROM check_ins c
           WHERE c.person_id = v.person_id AND c.point_id = v.point_id AND c.direction = v.direction
             AND c.checked_in_at >= v.unless_since AND c.checked_in_at <= v.at + (v.at - v.unless_since))
        ON CONFLICT (id, checked_in_at) DO NOTHING
        RETURNING id, checked_in_at`.execute(db);
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

    /** The latest check-in of a visit (person, point, direction) since `since`. */
    findLatestVisit: (v: { pointId: string; personId: string; direction: Direction }, since: Date) =>
      db
        .selectFrom('check_ins')
        .select(['id', 'checked_in_at'])
        .where('person_id', '=', v.personId)
        .where('point_id', '=', v.pointId)
        .where('direction', '=', v.direction)
        .where('checked_in_at', '>=', since)
        .orderBy('checked_in_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** Deletes check-ins older than `before`; returns how many. */
    async deleteBefore(before: Date): Promise<number> {
      const res = await db.deleteFrom('check_ins').where('checked_in_at', '<', before).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

export type CheckInWriteRepository = ReturnType<typeof createCheckInWriteRepository>;
export type CheckInPointRow = NonNullable<Awaited<ReturnType<CheckInWriteRepository['findPointById']>>>;
