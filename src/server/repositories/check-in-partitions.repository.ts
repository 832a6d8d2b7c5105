import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/client';
import type { Database } from '../db/types';

// Any constant works; the same in every process sharing the database.
const PARTITION_LOCK = 7_310_200_022;
const NAME = /^check_ins_p(\d{4})(\d{2})(\d{2})$/;

const dayName = (day: Date) => `check_ins_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
const dayStart = (day: Date) => `${day.toISOString().slice(0, 10)} 00:00:00+00`;

/**
 * One partition of check_ins per UTC day, so retention drops whole tables (no vacuum, no bloat, and
 * nothing left to recover). Rows of days without a partition stay in the default partition.
 */
export function createCheckInPartitionsRepository(db: Db) {
  return {
    /** Creates the partitions of these days that do not exist yet; returns the names created. */
    async ensureDays(days: Date[]): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(trx);
        const existing = new Set(await listNames(trx));
        const created: string[] = [];
        for (const day of days) {
          const name = dayName(day);
          if (existing.has(name)) continue;
          const next = new Date(day.getTime() + 86_400_000);
          // Rows of that day already in the default partition would make this fail: they stay there
          // and go by DELETE instead, so a savepoint keeps the rest of the work.
          try {
            await sql`SAVEPOINT partition_day`.execute(trx);
            await sql
              .raw(
                `CREATE TABLE ${name} PARTITION OF check_ins FOR VALUES FROM ('${dayStart(day)}') TO ('${dayStart(next)}')`,
              )
              .execute(trx);
            await sql`RELEASE SAVEPOINT partition_day`.execute(trx);
            created.push(name);
          } catch {
            await sql`ROLLBACK TO SAVEPOINT partition_day`.execute(trx);
          }
        }
        return created;
      });
    },

    /** Drops the day partitions that end at or before `cutoff`; returns the names dropped. */
    async dropDaysBefore(cutoff: Date): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`.execute(trx);
        const dropped: string[] = [];
        for (const name of await listNames(trx)) {
          const m = NAME.exec(name);
          if (!m) continue;
          const end = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + 86_400_000;
          if (end > cutoff.getTime()) continue;
          await sql.raw(`DROP TABLE ${name}`).execute(trx);
          dropped.push(name);
        }
        return dropped;
      });
    },
  };
}

async function listNames(db: Db | Transaction<Database>) {
  const rows = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'check_ins'`.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => NAME.test(n));
}

export type CheckInPartitionsRepository = ReturnType<typeof createCheckInPartitionsRepository>;
