import type { Db } from '../db/client';

export function createOtpRepository(db: Db) {
  return {
    async create(phone: string, codeHash: string, expiresAt: Date) {
      await db
        .insertInto('otp_codes')
        .values({ phone, code_hash: codeHash, expires_at: expiresAt })
        .execute();
    },

    /** The newest unused code of a phone: asking for a new code makes the older ones useless. */
    latestUnused: (phone: string) =>
      db
        .selectFrom('otp_codes')
        .select(['id', 'code_hash', 'attempts', 'expires_at'])
        .where('phone', '=', phone)
        .where('consumed_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** Counts a wrong attempt atomically, so parallel guesses cannot slip past the limit. */
    async addAttempt(id: string): Promise<number> {
      const row = await db
        .updateTable('otp_codes')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirstOrThrow();
      return row.attempts;
    },

    /** Marks the code used; false when another request used it first. */
    async consume(id: string, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('otp_codes')
        .set({ consumed_at: now })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async deleteOlderThan(cutoff: Date): Promise<number> {
      const r = await db.deleteFrom('otp_codes').where('created_at', '<', cutoff).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type OtpRepository = ReturnType<typeof createOtpRepository>;
