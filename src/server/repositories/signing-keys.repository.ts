import type { Db } from '../db/client';

export interface NewSigningKey {
  kid: string;
  /** base64url of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  /** base64url of iv | tag | AES-256-GCM ciphertext of the PKCS8 DER private key. */
  privateKeyEnc: string;
  createdAt: Date;
}

const columns = ['kid', 'public_key', 'private_key_enc', 'created_at', 'retired_at', 'expires_at'] as const;
const publicColumns = ['kid', 'created_at', 'retired_at', 'expires_at'] as const;

/** Thrown inside the rotation transaction to roll it back when another process rotated first. */
class ActiveKeyTaken extends Error {}

export function createSigningKeysRepository(db: Db) {
  return {
    /**
     * Inserts the key as the active one unless a key is already active (the unique partial index
     * decides, so two processes starting together cannot both win). False when another key is active.
     */
    async insertActive(key: NewSigningKey): Promise<boolean> {
      const row = await db
        .insertInto('signing_keys')
        .values({
          kid: key.kid,
          public_key: key.publicKey,
          private_key_enc: key.privateKeyEnc,
          created_at: key.createdAt,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('kid')
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Retires the active key (verifying until expiresAt) and makes `key` active, in one transaction.
     * False, with nothing changed, when a concurrent rotation got there first.
     */
    async replaceActive(key: NewSigningKey, retire: { at: Date; expiresAt: Date }): Promise<boolean> {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('signing_keys')
            .set({ retired_at: retire.at, expires_at: retire.expiresAt })
            .where('retired_at', 'is', null)
            .execute();
          const row = await trx
            .insertInto('signing_keys')
            .values({
              kid: key.kid,
              public_key: key.publicKey,
              private_key_enc: key.privateKeyEnc,
              created_at: key.createdAt,
            })
            .onConflict((oc) => oc.doNothing())
            .returning('kid')
            .executeTakeFirst();
          if (!row) throw new ActiveKeyTaken();
        });
        return true;
      } catch (err) {
        if (err instanceof ActiveKeyTaken) return false;
        throw err;
      }
    },

    /** Keys that still verify at `now`: the active one and retired ones not yet expired. */
    listVerifiable: (now: Date) =>
      db
        .selectFrom('signing_keys')
        .select(columns)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .orderBy('created_at', 'desc')
        .execute(),

    /** Every key, newest first, without private material. */
    listAll: () =>
      db.selectFrom('signing_keys').select(publicColumns).orderBy('created_at', 'desc').execute(),

    findByKid: (kid: string) =>
      db.selectFrom('signing_keys').select(columns).where('kid', '=', kid).executeTakeFirst(),
  };
}

export type SigningKeysRepository = ReturnType<typeof createSigningKeysRepository>;
export type SigningKeyRow = NonNullable<Awaited<ReturnType<SigningKeysRepository['findByKid']>>>;
