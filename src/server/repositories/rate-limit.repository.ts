import { sql } from 'kysely';
import type { Db } from '../db/client';

export function createRateLimitRepository(db: Db) {
  return {
    /** Adds one hit to the key's window and returns the window's total. */
    async hit(key: string, windowStart: Date): Promise<number> {
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start: windowStart, hits: 1 })
        .onConflict((oc) =>
          oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow();
      return row.hits;
    },

    async deleteOlderThan(cutoff: Date): Promise<number> {
      const r = await db.deleteFrom('rate_limits').where('window_start', '<', cutoff).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
