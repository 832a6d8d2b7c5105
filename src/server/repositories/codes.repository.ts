import type { Db } from '../db/client';

const cardColumns = ['id', 'person_id', 'issued_at', 'expires_at'] as const;

/** What personal codes, printed cards and the verifier read and write. */
export function createCodesRepository(db: Db) {
  return {
    /** The person's newest health declaration, for the colour of their QR. */
    findLatestHealth: (personId: string) =>
      db
        .selectFrom('health_declarations')
        .select(['answers', 'created_at'])
        .where('person_id', '=', personId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** A new card; the person's earlier live cards are revoked in the same transaction. */
    issueCard: (personId: string, at: Date, expiresAt: Date) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('person_cards')
          .set({ revoked_at: at })
          .where('person_id', '=', personId)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', at)
          .execute();
        return trx
          .insertInto('person_cards')
          .values({ person_id: personId, issued_at: at, expires_at: expiresAt })
          .returning(cardColumns)
          .executeTakeFirstOrThrow();
      }),

    findLiveCard: (personId: string, at: Date) =>
      db
        .selectFrom('person_cards')
        .select(cardColumns)
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .orderBy('issued_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** Revokes the person's live cards; how many there were. */
    async revokeCards(personId: string, at: Date): Promise<number> {
      const rows = await db
        .updateTable('person_cards')
        .set({ revoked_at: at })
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('id')
        .execute();
      return rows.length;
    },

    findCardState: (cardId: string) =>
      db
        .selectFrom('person_cards')
        .select(['person_id', 'revoked_at'])
        .where('id', '=', cardId)
        .executeTakeFirst(),

    findMovementState: (movementId: string) =>
      db
        .selectFrom('movement_declarations')
        .select(['person_id', 'state'])
        .where('id', '=', movementId)
        .executeTakeFirst(),

    /** Cards revoked since `since` (all when absent) whose token has not expired yet. */
    listRevokedCardIds: (since: Date | undefined, at: Date) => {
      let q = db
        .selectFrom('person_cards')
        .select('id')
        .where('revoked_at', 'is not', null)
        .where('expires_at', '>', at);
      if (since) q = q.where('revoked_at', '>=', since);
      return q.orderBy('revoked_at').execute();
    },

    /** Declarations cancelled since `since` whose QR would otherwise still be valid. */
    listCancelledMovementIds: (since: Date | undefined, at: Date) => {
      // A cancelled declaration never changes again, so its updated_at is the time of cancelling.
      let q = db
        .selectFrom('movement_declarations')
        .select('id')
        .where('state', '=', 'cancelled')
        .where('valid_until', '>', at);
      if (since) q = q.where('updated_at', '>=', since);
      return q.orderBy('updated_at').execute();
    },
  };
}

export type CodesRepository = ReturnType<typeof createCodesRepository>;
export type CardRow = Awaited<ReturnType<CodesRepository['issueCard']>>;
