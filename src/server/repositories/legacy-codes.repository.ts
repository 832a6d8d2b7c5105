import type { LegacyCodeSource } from '../../domain/points';
import type { Db } from '../db/client';

export interface NewLegacyCode {
  code: string;
  pointId: string;
  source: LegacyCodeSource;
}

const CHUNK = 1000;

export function createLegacyCodesRepository(db: Db) {
  return {
    /** All rows or none; a code imported again moves to the point the new table names. */
    upsertMany: (rows: NewLegacyCode[], importedBy: string) =>
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx
            .insertInto('legacy_codes')
            .values(
              rows.slice(i, i + CHUNK).map((r) => ({
                code: r.code,
                point_id: r.pointId,
                source: r.source,
                imported_by: importedBy,
              })),
            )
            .onConflict((oc) =>
              oc.column('code').doUpdateSet((eb) => ({
                point_id: eb.ref('excluded.point_id'),
                source: eb.ref('excluded.source'),
                imported_by: eb.ref('excluded.imported_by'),
                imported_at: new Date(),
              })),
            )
            .execute();
        }
      }),

    list: (filter: { pointCode?: string | undefined }, limit: number) => {
      let q = db
        .selectFrom('legacy_codes as l')
        .innerJoin('points as p', 'p.id', 'l.point_id')
        .select([
          'l.code',
          'l.point_id',
          'p.code as point_code',
          'p.name as point_name',
          'l.source',
          'l.imported_at',
        ])
        .orderBy('l.imported_at', 'desc')
        .orderBy('l.code')
        .limit(limit);
      if (filter.pointCode) q = q.where('p.code', '=', filter.pointCode);
      return q.execute();
    },
  };
}

export type LegacyCodesRepository = ReturnType<typeof createLegacyCodesRepository>;
