import { type Kysely, sql } from 'kysely';
import type { MovementState } from '../../domain/movement';
import type { Db } from '../db/client';
import type { Database } from '../db/types';

export interface NewCompanion {
  personId: string | null;
  fullName: string;
  birthYear: number;
  gender: string;
  phone: string | null;
  answers: unknown;
  hasSymptoms: boolean;
}

/** A declaration as the service writes it: codes already checked, vehicle number compact. */
export interface MovementFields {
  personId: string;
  vehicle: string;
  vehicleNumber: string | null;
  seat: string | null;
  departureAt: Date;
  originProvince: string;
  originCommune: string;
  originAddress: string;
  destProvince: string;
  destCommune: string;
  destAddress: string;
  purpose: string;
  answers: unknown;
  hasSymptoms: boolean;
  validUntil: Date;
  companions: NewCompanion[];
}

const movementColumns = [
  'm.id',
  'm.person_id',
  'p.full_name as person_name',
  'p.birth_year as person_birth_year',
  'm.vehicle',
  'm.vehicle_number',
  'm.seat',
  'm.departure_at',
  'm.origin_province',
  'm.origin_commune',
  'm.origin_address',
  'm.dest_province',
  'm.dest_commune',
  'm.dest_address',
  'm.purpose',
  'm.has_symptoms',
  'm.state',
  'm.valid_until',
  'm.created_at',
] as const;

function toColumns(f: MovementFields) {
  return {
    person_id: f.personId,
    vehicle: f.vehicle,
    vehicle_number: f.vehicleNumber,
    seat: f.seat,
    departure_at: f.departureAt,
    origin_province: f.originProvince,
    origin_commune: f.originCommune,
    origin_address: f.originAddress,
    dest_province: f.destProvince,
    dest_commune: f.destCommune,
    dest_address: f.destAddress,
    purpose: f.purpose,
    answers: JSON.stringify(f.answers),
    has_symptoms: f.hasSymptoms,
    valid_until: f.validUntil,
  };
}

async function insertCompanions(trx: Kysely<Database>, declarationId: string, companions: NewCompanion[]) {
  // Guard against an invalid empty INSERT: most journeys have no companions.
  if (companions.length === 0) return;
  await trx
    .insertInto('movement_companions')
    .values(
      companions.map((c, position) => ({
        declaration_id: declarationId,
        person_id: c.personId,
        full_name: c.fullName,
        birth_year: c.birthYear,
        gender: c.gender,
        phone: c.phone,
        answers: JSON.stringify(c.answers),
        has_symptoms: c.hasSymptoms,
        position,
      })),
    )
    .execute();
}

export function createMovementRepository(db: Db) {
  const selectMovements = () =>
    db
      .selectFrom('movement_declarations as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(movementColumns);

  return {
    create: (f: MovementFields, declaredBy: string, at: Date) =>
      db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('movement_declarations')
          .values({ ...toColumns(f), declared_by: declaredBy, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertCompanions(trx, id, f.companions);
        return id;
      }),

    /** Replaces a declaration still in `state`; false when it moved on meanwhile. */
    replace: (id: string, state: MovementState, f: MovementFields, at: Date) =>
      db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('movement_declarations')
          .set({ ...toColumns(f), updated_at: at })
          .where('id', '=', id)
          .where('state', '=', state)
          .returning('id')
          .executeTakeFirst();
        if (!updated) return false;
        await trx.deleteFrom('movement_companions').where('declaration_id', '=', id).execute();
        await insertCompanions(trx, id, f.companions);
        return true;
      }),

    /** The declaration if one of the account's persons made it. */
    findOwned: (accountId: string, id: string) =>
      selectMovements().where('m.id', '=', id).where('p.account_id', '=', accountId).executeTakeFirst(),

    listOwned: (accountId: string, personId: string | undefined, limit: number) => {
      let q = selectMovements().where('p.account_id', '=', accountId);
      if (personId) q = q.where('m.person_id', '=', personId);
      return q.orderBy('m.created_at', 'desc').orderBy('m.id').limit(limit).execute();
    },

    listCompanions: (declarationIds: string[]) =>
      // Guard against an invalid `IN ()` when the account has no declarations.
      declarationIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('movement_companions')
            .select(['declaration_id', 'full_name', 'birth_year', 'gender', 'has_symptoms'])
            .where('declaration_id', 'in', declarationIds)
            .orderBy('declaration_id')
            .orderBy('position')
            .execute(),

    /** Moves a declaration from `from` to `to`; false when another request moved it first. */
    async changeState(
      id: string,
      from: MovementState,
      to: MovementState,
      at: Date,
      stamp?: 'arrived_at' | 'passed_at',
    ) {
      const updated = await db
        .updateTable('movement_declarations')
        .set({ state: to, updated_at: at, ...(stamp ? { [stamp]: at } : {}) })
        .where('id', '=', id)
        .where('state', '=', from)
        .returning('id')
        .executeTakeFirst();
      return updated !== undefined;
    },

    /** One daily declaration per person and day: a second one the same day replaces the first. */
    saveDaily: (d: { personId: string; movementId: string; day: string; symptoms: string[]; at: Date }) =>
      db.transaction().execute(async (trx) => {
        // The person's row lock orders two declarations sent at once, so neither hits the unique key.
        await trx.selectFrom('persons').select('id').where('id', '=', d.personId).forUpdate().execute();
        await trx
          .deleteFrom('daily_declarations')
          .where('person_id', '=', d.personId)
          .where('day', '=', d.day)
          .execute();
        return trx
          .insertInto('daily_declarations')
          .values({
            person_id: d.personId,
            movement_id: d.movementId,
            day: d.day,
            symptoms: d.symptoms,
            created_at: d.at,
          })
          .returning([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'symptoms', 'created_at'])
          .executeTakeFirstOrThrow();
      }),

    listDaily: (movementId: string) =>
      db
        .selectFrom('daily_declarations')
        // A `date` comes back as a Date at local midnight; the ISO day is what is meant.
        .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'symptoms', 'created_at'])
        .where('movement_id', '=', movementId)
        .orderBy('day', 'desc')
        .execute(),
  };
}

export type MovementRepository = ReturnType<typeof createMovementRepository>;
export type MovementRow = NonNullable<Awaited<ReturnType<MovementRepository['findOwned']>>>;
export type CompanionRow = Awaited<ReturnType<MovementRepository['listCompanions']>>[number];
