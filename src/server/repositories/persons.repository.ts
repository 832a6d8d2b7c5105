import { sql } from 'kysely';
import type { Db } from '../db/client';
import type { PersonsTable } from '../db/types';

// A `date` column comes back from pg and PGlite as a Date at local midnight; the row type promises the
// ISO day, so it is read as text.
const personColumns = [
  'id',
  'account_id',
  'is_self',
  'relation',
  'full_name',
  'name_folded',
  sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date'),
  'birth_year',
  'gender',
  'phone',
  'id_number_enc',
  'id_number_hash',
  'id_number_last',
  'insurance_number',
  'nationality',
  'province_code',
  'commune_code',
  'address_detail',
  'epi_status',
  'epi_status_since',
  'created_at',
  'updated_at',
] as const;

/** What a citizen writes about a person; the service has already encrypted and folded. */
export interface PersonFields {
  relation: string | null;
  fullName: string;
  nameFolded: string;
  birthDate: string | null;
  birthYear: number;
  gender: PersonsTable['gender'];
  phone: string | null;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberLast: string | null;
  insuranceNumber: string | null;
  nationality: string;
  provinceCode: string | null;
  communeCode: string | null;
  addressDetail: string;
}

function toColumns(f: PersonFields) {
  return {
    relation: f.relation,
    full_name: f.fullName,
    name_folded: f.nameFolded,
    birth_date: f.birthDate,
    birth_year: f.birthYear,
    gender: f.gender,
    phone: f.phone,
    id_number_enc: f.idNumberEnc,
    id_number_hash: f.idNumberHash,
    id_number_last: f.idNumberLast,
    insurance_number: f.insuranceNumber,
    nationality: f.nationality,
    province_code: f.provinceCode,
    commune_code: f.communeCode,
    address_detail: f.addressDetail,
  };
}

function personQueries(db: Db) {
  return {
    /** The person if it belongs to the account; every citizen route checks ownership through this. */
    findOwned: (accountId: string, personId: string) =>
      db
        .selectFrom('persons')
        .select(personColumns)
        .where('id', '=', personId)
        .where('account_id', '=', accountId)
        .executeTakeFirst(),

    /** Many persons by id, whoever's they are: callers check the account themselves. */
    listOwned: (accountId: string) =>
      db
        .selectFrom('persons')
        .select(personColumns)
        .where('account_id', '=', accountId)
        .orderBy('is_self', 'desc')
        .orderBy('created_at')
        .execute(),

    findSelf: (accountId: string) =>
      db
        .selectFrom('persons')
        .select(personColumns)
        .where('account_id', '=', accountId)
        .where('is_self', '=', true)
        .executeTakeFirst(),

    countDependants: async (accountId: string): Promise<number> => {
      const row = await db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('is_self', '=', false)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** True when another person of the account already has this ID number. */
    hasIdNumber: async (accountId: string, idNumberHash: string, exceptPersonId: string | null) => {
      let q = db
        .selectFrom('persons')
        .select('id')
        .where('account_id', '=', accountId)
        .where('id_number_hash', '=', idNumberHash);
      if (exceptPersonId) q = q.where('id', '!=', exceptPersonId);
      return (await q.executeTakeFirst()) !== undefined;
    },

    insert: (p: { id: string; accountId: string; isSelf: boolean } & PersonFields) =>
      db
        .insertInto('persons')
        .values({ id: p.id, account_id: p.accountId, is_self: p.isSelf, ...toColumns(p) })
        .returning(personColumns)
        .executeTakeFirstOrThrow(),

    /** The account's display name follows its holder's profile (greetings, the audit trail). */
    async setAccountName(accountId: string, name: string) {
      await db.updateTable('users').set({ display_name: name }).where('id', '=', accountId).execute();
    },

    update: (accountId: string, personId: string, fields: PersonFields, at: Date) =>
      db
        .updateTable('persons')
        .set({ ...toColumns(fields), updated_at: at })
        .where('id', '=', personId)
        .where('account_id', '=', accountId)
        .returning(personColumns)
        .executeTakeFirst(),
  };
}

type PersonQueries = ReturnType<typeof personQueries>;

/** The persons of an account: the holder (is_self) and their dependants. */
export function createPersonsRepository(db: Db) {
  return {
    ...personQueries(db),

    /**
     * Runs fn with the account row locked, so that concurrent requests of one account (two phones, a
     * double tap) cannot both pass a limit or both create the self person.
     */
    withAccountLocked: <T>(accountId: string, fn: (repo: PersonQueries) => Promise<T>) =>
      db.transaction().execute(async (trx) => {
        await trx.selectFrom('users').select('id').where('id', '=', accountId).forUpdate().execute();
        return fn(personQueries(trx));
      }),

    /** A dependant with everything about them. False when there is no such dependant of the account. */
    deleteDependant: (accountId: string, personId: string) =>
      db.transaction().execute(async (trx) => {
        const r = await trx
          .deleteFrom('persons')
          .where('id', '=', personId)
          .where('account_id', '=', accountId)
          .where('is_self', '=', false)
          .executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) return false;
        // check_ins is partitioned and has no foreign key to cascade from.
        await trx.deleteFrom('check_ins').where('person_id', '=', personId).execute();
        return true;
      }),

    /**
     * The account, its persons and everything that hangs off them (declarations, cards, notices and
     * sessions cascade). The audit log keeps its rows: they name the subject by id only.
     */
    deleteAccount: (accountId: string) =>
      db.transaction().execute(async (trx) => {
        // check_ins is partitioned and has no foreign key to cascade from.
        await trx
          .deleteFrom('check_ins')
          .where(
            'person_id',
            'in',
            trx.selectFrom('persons').select('id').where('account_id', '=', accountId),
          )
          .execute();
        const user = await trx
          .selectFrom('users')
          .select('phone')
          .where('id', '=', accountId)
          .executeTakeFirst();
        if (user?.phone) {
          // The phone number also sits in sign-in traces; they go with the account, not a day later.
          await trx.deleteFrom('otp_codes').where('phone', '=', user.phone).execute();
          await trx.deleteFrom('outbox_messages').where('recipient', '=', user.phone).execute();
          await trx.deleteFrom('rate_limits').where('key', 'like', `%:phone:${user.phone}:%`).execute();
        }
        const r = await trx.deleteFrom('users').where('id', '=', accountId).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      }),
  };
}

export type PersonsRepository = ReturnType<typeof createPersonsRepository>;
export type PersonRow = NonNullable<Awaited<ReturnType<PersonsRepository['findOwned']>>>;
