import { sql } from 'kysely';
import type { CheckInMethod, Direction } from '../../domain/check-in';
import { AppError } from '../../domain/errors';
import { type Db, prepared } from '../db/client';
import { isValueRefused } from '../db/errors';
import { pgArrayLiteral } from '../db/pg-array';

export interface NewCheckIn {
  id: string;
  /** When it happened (a scanner's clock); `receivedAt`: when it reached the server. */
  at: Date;
  receivedAt: Date;
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
  /**
   * Claims that make a staff scan one check-in (table scan_claims): `deviceKey` for the id the device
   * made (a resend with any time is the same check-in), `tokenKey` for a screen token at this point and
   * direction (a photo of it scanned again is not a new one). Null when the row has none (way 1).
   */
  deviceKey: string | null;
  tokenKey: string | null;
  /** Until when the claims are kept (a resend or replay could be accepted until then). */
  claimUntil: Date | null;
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
     * person's latest health answers are attached, the scan claims taken and way 1's rule checked in
     * the same statement. A row whose (id, time) exists already, whose claim another row holds, or
     * that way 1's rule skips is not inserted. Returns the keys (`id@epoch-ms`) it inserted.
     */
    async insertMany(rows: readonly NewCheckIn[]): Promise<Set<string>> {
      const col = (k: keyof NewCheckIn) => pgArrayLiteral(rows.map((r) => r[k]));
      // The claims are inserted in the same statement as the rows they guard: a refused row takes its
      // claims back with it, and a claim another row holds already skips the row. Keys are unique
      // within one call (the batcher sees to it), so "claimed" answers for this call's rows only.
      const { rows: inserted } = await sql<{
        id: string;
        checked_in_at: Date;
      }>`${sql.raw(prepared('check_ins_insert'))}
        WITH v AS (
          SELECT * FROM unnest(${col('id')}::uuid[], ${col('at')}::timestamptz[], ${col('receivedAt')}::timestamptz[],
            ${col('pointId')}::uuid[],
            ${col('provinceCode')}::text[], ${col('personId')}::uuid[], ${col('method')}::text[],
            ${col('direction')}::text[], ${col('fullName')}::text[], ${col('phone')}::text[],
            ${col('birthYear')}::int[], ${col('gender')}::text[], ${col('idNumberMasked')}::text[],
            ${col('address')}::text[], ${col('recordedBy')}::uuid[], ${col('unlessSince')}::timestamptz[],
            ${col('deviceKey')}::text[], ${col('tokenKey')}::text[], ${col('claimUntil')}::timestamptz[])
            AS v(id, at, received_at, point_id, province_code, person_id, method, direction, full_name, phone,
              birth_year, gender, id_number_masked, address, recorded_by, unless_since, device_key, token_key,
              claim_until)
        ), claimed AS (
          INSERT INTO scan_claims (key, keep_until)
          SELECT k.key, v.claim_until FROM v CROSS JOIN LATERAL (VALUES (v.device_key), (v.token_key)) AS k(key)
           WHERE k.key IS NOT NULL
          ON CONFLICT (key) DO NOTHING
          RETURNING key
        )
        INSERT INTO check_ins (id, checked_in_at, received_at, point_id, province_code, person_id, method, direction,
          full_name, phone, birth_year, gender, id_number_masked, address, recorded_by, health)
        SELECT v.id, v.at, v.received_at, v.point_id, v.province_code, v.person_id, v.method, v.direction,
          v.full_name, v.phone, v.birth_year, v.gender, v.id_number_masked, v.address, v.recorded_by,
          (SELECT h.answers || jsonb_build_object('declaredAt',
              to_char(h.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             FROM health_declarations h WHERE h.person_id = v.person_id
             ORDER BY h.created_at DESC, h.id DESC LIMIT 1)
        FROM v
        WHERE (v.device_key IS NULL OR v.device_key IN (SELECT key FROM claimed))
          AND (v.token_key IS NULL OR v.token_key IN (SELECT key FROM claimed))
          AND (v.unless_since IS NULL OR NOT EXISTS (
            SELECT 1 FROM check_ins c
             WHERE c.person_id = v.person_id AND c.point_id = v.point_id AND c.direction = v.direction
               AND c.checked_in_at >= v.unless_since AND c.checked_in_at <= v.at + (v.at - v.unless_since)))
        ON CONFLICT (id, checked_in_at) DO NOTHING
        RETURNING id, checked_in_at`
        .execute(db)
        .catch((err: unknown) => {
          // A value PostgreSQL refuses is the caller's mistake, not a failure of the database.
          throw isValueRefused(err) ? new AppError('VALIDATION_FAILED', { reason: 'value' }) : err;
        });
      return new Set(inserted.map((r) => `${r.id}@${r.checked_in_at.getTime()}`));
    },

    /** Claims kept until before `at` guard nothing any more (see NewCheckIn); returns how many went. */
    async deleteClaimsBefore(at: Date): Promise<number> {
      const res = await db.deleteFrom('scan_claims').where('keep_until', '<', at).executeTakeFirst();
      return Number(res.numDeletedRows);
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
