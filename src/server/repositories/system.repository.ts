import { sql } from 'kysely';
import type { Db } from '../db/client';

export function createSystemRepository(db: Db) {
  return {
    async ping(): Promise<void> {
      await sql`SELECT 1`.execute(db);
    },
  };
}
