import type { Db } from '../db/client';

/** The persons of an account: the holder (is_self) and their dependants. */
export function createPersonsRepository(db: Db) {
  return {
    /** The person if it belongs to the account; every citizen route checks ownership through this. */
    findOwned: (accountId: string, personId: string) =>
      db
        .selectFrom('persons')
        .selectAll()
        .where('id', '=', personId)
        .where('account_id', '=', accountId)
        .executeTakeFirst(),

    listOwned: (accountId: string) =>
      db
        .selectFrom('persons')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('is_self', 'desc')
        .orderBy('created_at')
        .execute(),
  };
}

export type PersonsRepository = ReturnType<typeof createPersonsRepository>;
export type PersonRow = NonNullable<Awaited<ReturnType<PersonsRepository['findOwned']>>>;
