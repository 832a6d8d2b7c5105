import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/client';
import type { AdminUnitConversionsTable, AdminUnitsTable, Database } from '../db/types';

export type UnitRow = AdminUnitsTable;
export type UnitConversionRow = AdminUnitConversionsTable;

export interface UnitSeed {
  units: UnitRow[];
  conversions: UnitConversionRow[];
}

// Any constant works; it only has to be the same in every vaora process sharing the database.
const SEED_LOCK = 7_310_200_025;
// 500 rows of 8 columns stay far below PostgreSQL's 65,535 bind parameters per statement.
const BATCH_SIZE = 500;

function batchesOf<T>(rows: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) batches.push(rows.slice(i, i + BATCH_SIZE));
  return batches;
}

async function countUnits(db: Db | Transaction<Database>): Promise<number> {
  const row = await db
    .selectFrom('admin_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function insertSeed(trx: Transaction<Database>, seed: UnitSeed) {
  for (const batch of batchesOf(seed.units)) {
    await trx
      .insertInto('admin_units')
      .values(batch)
      .onConflict((oc) => oc.columns(['list', 'code']).doNothing())
      .execute();
  }
  for (const batch of batchesOf(seed.conversions)) {
    await trx
      .insertInto('admin_unit_conversions')
      .values(batch)
      .onConflict((oc) => oc.columns(['old_commune_code', 'new_commune_code']).doNothing())
      .execute();
  }
}

export function createUnitsRepository(db: Db) {
  return {
    countUnits: () => countUnits(db),

    /**
     * Inserts the reference data unless another process already did. The transaction-scoped lock
     * makes a second process starting at the same moment wait, then find the table filled.
     * `load` is only called when the rows are needed (parsing the files takes time).
     */
    seedIfEmpty: (load: () => Promise<UnitSeed>): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(SEED_LOCK)})`.execute(trx);
        if ((await countUnits(trx)) > 0) return false;
        await insertSeed(trx, await load());
        return true;
      }),

    listAll: (): Promise<UnitRow[]> =>
      db
        .selectFrom('admin_units')
        .select(['list', 'code', 'level', 'name', 'division_type', 'parent_code', 'province_code'])
        .execute(),

    findConversions: (oldCommuneCode: string): Promise<UnitConversionRow[]> =>
      db
        .selectFrom('admin_unit_conversions')
        .selectAll()
        .where('old_commune_code', '=', oldCommuneCode)
        .orderBy('new_commune_code')
        .execute(),

    findConversionsInDistrict: (oldDistrictCode: string): Promise<UnitConversionRow[]> =>
      db
        .selectFrom('admin_unit_conversions')
        .selectAll()
        .where('old_district_code', '=', oldDistrictCode)
        .orderBy('new_commune_code')
        .execute(),

    /** The 2025 provinces that received communes of an old province. */
    findNewProvincesOf: async (oldProvinceCode: string): Promise<string[]> => {
      const rows = await db
        .selectFrom('admin_unit_conversions')
        .select('new_province_code')
        .distinct()
        .where('old_province_code', '=', oldProvinceCode)
        .execute();
      return rows.map((r) => r.new_province_code);
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
