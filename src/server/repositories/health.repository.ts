import type { HealthAnswers } from '../../domain/health';
import type { Db } from '../db/client';

const columns = ['id', 'person_id', 'answers', 'has_symptoms', 'created_at'] as const;

export function createHealthRepository(db: Db) {
  return {
    add: (d: { personId: string; declaredBy: string; answers: HealthAnswers; hasSymptoms: boolean }) =>
      db
        .insertInto('health_declarations')
        .values({
          person_id: d.personId,
          declared_by: d.declaredBy,
          answers: JSON.stringify(d.answers),
          has_symptoms: d.hasSymptoms,
        })
        .returning(columns)
        .executeTakeFirstOrThrow(),

    listForPerson: (personId: string, limit: number) =>
      db
        .selectFrom('health_declarations')
        .select(columns)
        .where('person_id', '=', personId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    findLatest: (personId: string) =>
      db
        .selectFrom('health_declarations')
        .select(columns)
        .where('person_id', '=', personId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** The latest declaration of each of many persons, in one query. */
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
export type HealthDeclarationRow = Awaited<ReturnType<HealthRepository['add']>>;
