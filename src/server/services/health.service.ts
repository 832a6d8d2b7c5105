import type { Principal } from '../../domain/access';
import { type HealthAnswers, type HealthDeclarationView, hasSymptoms } from '../../domain/health';
import type { HealthDeclarationRow, HealthRepository } from '../repositories/health.repository';
import type { PersonsService } from './persons.service';
import { createLoadBatcher } from './write-batcher';

function viewOf(row: HealthDeclarationRow): HealthDeclarationView {
  return {
    id: row.id,
    personId: row.person_id,
    answers: row.answers as HealthAnswers,
    hasSymptoms: row.has_symptoms,
    createdAt: row.created_at,
  };
}

/** Health declarations (khai báo y tế) of the account's persons. */
export function createHealthService(deps: {
  health: HealthRepository;
  persons: Pick<PersonsService, 'requireOwned'>;
}) {
  const { health, persons } = deps;
  // Scans at a busy point ask for many persons' answers at once: one query serves them all.
  const latestLoader = createLoadBatcher(async (ids: string[]) => {
    const rows = await health.findLatestOfMany(ids);
    return new Map(rows.map((r) => [r.person_id, r]));
  });

  return {
    async declare(
      actor: Principal,
      personId: string,
      answers: HealthAnswers,
    ): Promise<HealthDeclarationView> {
      await persons.requireOwned(actor, personId);
      const row = await health.add({
        personId,
        declaredBy: actor.userId,
        answers,
        hasSymptoms: hasSymptoms(answers),
      });
      return viewOf(row);
    },

    /** Newest first. */
    async history(actor: Principal, personId: string, limit: number): Promise<HealthDeclarationView[]> {
      await persons.requireOwned(actor, personId);
      return (await health.listForPerson(personId, limit)).map(viewOf);
    },

    async latest(actor: Principal, personId: string): Promise<HealthDeclarationView | null> {
      await persons.requireOwned(actor, personId);
      const row = await health.findLatest(personId);
      return row ? viewOf(row) : null;
    },

    /**
     * The latest answers of a person, as computeStatus takes them. No ownership check: the caller has
     * already found the person (a personal QR of the account, a scanned code).
     */
    async latestFor(personId: string): Promise<{ answers: HealthAnswers; at: Date } | null> {
      const row = await latestLoader.load(personId);
      return row ? { answers: row.answers as HealthAnswers, at: row.created_at } : null;
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
