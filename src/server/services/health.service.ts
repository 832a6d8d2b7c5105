import type { Principal } from '../../domain/access';
import { type HealthAnswers, type HealthDeclarationView, hasSymptoms } from '../../domain/health';
import type { HealthDeclarationRow, HealthRepository } from '../repositories/health.repository';
import type { PersonsService } from './persons.service';

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
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
