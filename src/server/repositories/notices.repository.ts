import type { Db } from '../db/client';
import type { NoticesTable } from '../db/types';

export type NoticeKind = NoticesTable['kind'];

export function createNoticesRepository(db: Db) {
  return {
    add: (n: { accountId: string; personId: string | null; kind: NoticeKind; params: object; at: Date }) =>
      db
        .insertInto('notices')
        .values({
          account_id: n.accountId,
          person_id: n.personId,
          kind: n.kind,
          params: JSON.stringify(n.params),
          created_at: n.at,
        })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow(),

    /** Newest first, with the name of the person a notice is about. */
    listForAccount: (accountId: string, limit: number) =>
      db
        .selectFrom('notices')
        .leftJoin('persons', 'persons.id', 'notices.person_id')
        .select([
          'notices.id',
          'notices.person_id',
          'persons.full_name as person_name',
          'notices.kind',
          'notices.params',
          'notices.created_at',
          'notices.read_at',
        ])
        .where('notices.account_id', '=', accountId)
        .orderBy('notices.created_at', 'desc')
        .orderBy('notices.id', 'desc')
        .limit(limit)
        .execute(),

    countUnread: async (accountId: string): Promise<number> => {
      const row = await db
        .selectFrom('notices')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** False when the notice is not the account's. Reading it twice keeps the first time. */
    markRead: async (accountId: string, noticeId: string, at: Date): Promise<boolean> => {
      const row = await db
        .updateTable('notices')
        .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
        .where('id', '=', noticeId)
        .where('account_id', '=', accountId)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async markAllRead(accountId: string, at: Date): Promise<void> {
      await db
        .updateTable('notices')
        .set({ read_at: at })
        .where('account_id', '=', accountId)
        .where('read_at', 'is', null)
        .execute();
    },
  };
}

export type NoticesRepository = ReturnType<typeof createNoticesRepository>;
