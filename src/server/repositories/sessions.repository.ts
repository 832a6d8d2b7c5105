import type { Db } from '../db/client';

export function createSessionsRepository(db: Db) {
  return {
    async create(s: {
      id: string;
      userId: string;
      csrfToken: string;
      method: 'otp' | 'password';
      expiresAt: Date;
      userAgent: string | null;
    }) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          method: s.method,
          expires_at: s.expiresAt,
          user_agent: s.userAgent,
        })
        .execute();
    },

    findLive: (id: string, now: Date) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.id', 'sessions.csrf_token', 'sessions.method', 'users.id as user_id'])
        .select(['users.phone', 'users.email', 'users.display_name', 'users.disabled_at'])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now)
        .executeTakeFirst(),

    async delete(id: string) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async deleteExpired(now: Date): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
