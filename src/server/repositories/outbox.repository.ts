import type { Db } from '../db/client';

export function createOutboxRepository(db: Db) {
  return {
    async add(channel: 'sms' | 'email', recipient: string, body: string) {
      await db.insertInto('outbox_messages').values({ channel, recipient, body }).execute();
    },

    list: (limit: number, recipient?: string) => {
      let q = db
        .selectFrom('outbox_messages')
        .select(['id', 'channel', 'recipient', 'body', 'created_at'])
        .orderBy('created_at', 'desc')
        .limit(limit);
      if (recipient) q = q.where('recipient', '=', recipient);
      return q.execute();
    },

    async deleteOlderThan(cutoff: Date): Promise<number> {
      const r = await db.deleteFrom('outbox_messages').where('created_at', '<', cutoff).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
