import { sql } from 'kysely';
import type { CheckInMethod } from '../../domain/check-in';
import { foldText } from '../../domain/text';
import type { Db } from '../db/client';

/** Filters of a point's list and export. */
export interface PointCheckInFilter {
  pointId: string;
  from?: Date | undefined;
  to?: Date | undefined;
  method?: CheckInMethod | undefined;
  /** Folded name words, or phone digits. */
  q?: string | undefined;
}

/**
 * `translate()` arguments that fold Vietnamese letters to ASCII in SQL (no `unaccent` extension on
 * PGlite, and `lower()` only knows ASCII under the C locale): the list's `q` matches the folded name.
 */
const FOLD = (() => {
  let from = '';
  let to = '';
  for (const [lo, hi] of [
    [0xc0, 0x24f],
    [0x1ea0, 0x1ef9],
  ] as const) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = foldText(ch);
      if (/^[a-z]$/.test(folded)) {
        from += ch;
        to += folded;
      }
    }
  }
  return { from, to };
})();

const listColumns = [
  'check_ins.id',
  'check_ins.checked_in_at',
  'check_ins.full_name',
  'check_ins.birth_year',
  'check_ins.gender',
  'check_ins.phone',
  'check_ins.id_number_masked',
  'check_ins.address',
  'check_ins.method',
  'check_ins.direction',
  'check_ins.health',
  'check_ins.received_at',
] as const;

/** The read side of check-ins for a citizen's history; the check-in issue writes them. */
export function createCheckInsRepository(db: Db) {
  return {
    /** Newest first; `before` pages back from the oldest time already shown. */
    listForPerson: (personId: string, page: { limit: number; before?: Date | undefined }) => {
      let q = db
        .selectFrom('check_ins')
        // No foreign key on a partitioned table: a point deleted since still leaves the visit.
        .leftJoin('points', 'points.id', 'check_ins.point_id')
        .select([
          'check_ins.id',
          'check_ins.checked_in_at',
          'check_ins.point_id',
          'points.name as point_name',
          'points.commune_code',
          'check_ins.province_code',
          'check_ins.method',
          'check_ins.direction',
        ])
        .where('check_ins.person_id', '=', personId)
        .orderBy('check_ins.checked_in_at', 'desc')
        .orderBy('check_ins.id', 'desc')
        .limit(page.limit);
      if (page.before) q = q.where('check_ins.checked_in_at', '<', page.before);
      return q.execute();
    },

    ...pointReads(db),
  };
}

function pointReads(db: Db) {
  const filtered = (f: PointCheckInFilter) => {
    let q = db.selectFrom('check_ins').where('check_ins.point_id', '=', f.pointId);
    if (f.from) q = q.where('check_ins.checked_in_at', '>=', f.from);
    if (f.to) q = q.where('check_ins.checked_in_at', '<', f.to);
    if (f.method) q = q.where('check_ins.method', '=', f.method);
    const text = f.q ? foldText(f.q) : '';
    if (text) {
      const digits = text.replace(/\s+/g, '');
      const nameLike = `%${text.replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) => {
        const byName = eb(
          sql<string>`lower(translate(check_ins.full_name, ${FOLD.from}, ${FOLD.to}))`,
          'like',
          nameLike,
        );
        return /^\d{3,}$/.test(digits)
          ? eb.or([byName, eb('check_ins.phone', 'like', `%${digits}%`)])
          : byName;
      });
    }
    return q;
  };

  return {
    /** Newest first, one page, with the total of the filter. */
    async listForPoint(f: PointCheckInFilter, page: { offset: number; limit: number }) {
      const [rows, total] = await Promise.all([
        filtered(f)
          .select(listColumns)
          .orderBy('check_ins.checked_in_at', 'desc')
          .orderBy('check_ins.id', 'desc')
          .offset(page.offset)
          .limit(page.limit)
          .execute(),
        filtered(f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** Check-ins per hour from `start` (24 hours). */
    countPerHour: (pointId: string, start: Date) => {
      const end = new Date(start.getTime() + 86_400_000);
      return db
        .selectFrom('check_ins')
        .select([
          sql<number>`floor(extract(epoch from (check_ins.checked_in_at - ${start}::timestamptz)) / 3600)::int`.as(
            'hour',
          ),
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where('check_ins.point_id', '=', pointId)
        .where('check_ins.direction', '=', 'in')
        .where('check_ins.checked_in_at', '>=', start)
        .where('check_ins.checked_in_at', '<', end)
        .groupBy('hour')
        .execute();
    },

    /**
     * Oldest first, in chunks by keyset (time, id): memory stays constant at any size, on PGlite and on
     * pg without a cursor library (Kysely's `.stream()` needs `pg-cursor`, and PGlite's buffers everything).
     */
    async *streamForPoint(f: PointCheckInFilter, chunkSize: number) {
      // The cursor keeps the time as PostgreSQL's text: a JS Date drops the microseconds, and rows
      // within one millisecond would be exported twice.
      let after: { at: string; id: string } | null = null;
      for (;;) {
        let q = filtered(f)
          .select(listColumns)
          .select(sql<string>`check_ins.checked_in_at::text`.as('at_key'));
        if (after) {
          const a = after;
          q = q.where(
            sql<boolean>`(check_ins.checked_in_at, check_ins.id) > (${a.at}::timestamptz, ${a.id}::uuid)`,
          );
        }
        const rows = await q
          .orderBy('check_ins.checked_in_at', 'asc')
          .orderBy('check_ins.id', 'asc')
          .limit(chunkSize)
          .execute();
        if (rows.length === 0) return;
        yield rows;
        const last = rows[rows.length - 1]!;
        after = { at: last.at_key, id: last.id };
        if (rows.length < chunkSize) return;
      }
    },
  };
}

export type PointCheckInRow = Awaited<
  ReturnType<ReturnType<typeof pointReads>['listForPoint']>
>['rows'][number];

export type CheckInsRepository = ReturnType<typeof createCheckInsRepository>;
export type CheckInHistoryRow = Awaited<ReturnType<CheckInsRepository['listForPerson']>>[number];
