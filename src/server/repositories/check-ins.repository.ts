import type { Db } from '../db/client';

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
  };
}

export type CheckInsRepository = ReturnType<typeof createCheckInsRepository>;
export type CheckInHistoryRow = Awaited<ReturnType<CheckInsRepository['listForPerson']>>[number];
