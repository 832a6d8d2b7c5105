import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { AuditEntry } from '../repositories/audit.repository';
import type { PersonsRepository } from '../repositories/persons.repository';
import type { AuditService } from './audit.service';

export interface AccessLogEntry {
  id: string;
  at: Date;
  actorName: string;
  /** A role key (`health_officer`…), or `citizen`. */
  actorRole: string;
  action: AuditEntry['action'];
  purpose: string;
  personId: string;
  personName: string;
}

/** What a citizen may see and do about their data: who looked at it, and deleting it all. */
export function createPrivacyService(deps: {
  persons: Pick<PersonsRepository, 'listOwned' | 'deleteAccount'>;
  audit: Pick<AuditService, 'list'>;
  /** A deleted account's cached sessions must stop working at once. */
  onAccountDeleted?: (userId: string) => void;
}) {
  const { persons, audit } = deps;

  return {
    /** Who accessed the data of the account's persons, when and why; newest first. */
    async accessLog(
      actor: Principal,
      page: { limit: number; before?: Date | undefined },
    ): Promise<AccessLogEntry[]> {
      const names = new Map((await persons.listOwned(actor.userId)).map((p) => [p.id, p.full_name]));
      const rows = await audit.list({ subjectPersonIds: [...names.keys()], ...page });
      return rows.flatMap((r) => {
        const personName = r.subject_person_id ? names.get(r.subject_person_id) : undefined;
        if (!r.subject_person_id || personName === undefined) return [];
        return [
          {
            id: String(r.id),
            at: r.at,
            actorName: r.actor_label,
            actorRole: r.actor_role,
            action: r.action,
            purpose: r.purpose,
            personId: r.subject_person_id,
            personName,
          },
        ];
      });
    },

    /**
     * Deletes the account with its persons, declarations, check-ins, notices and sessions. Staff
     * accounts are refused: their roles, points and the invitations they made are an administrator's
     * to wind up.
     */
    async deleteAccount(actor: Principal): Promise<void> {
      if (actor.grants.length > 0) throw new AppError('CONFLICT', { reason: 'staffAccount' });
      if (!(await persons.deleteAccount(actor.userId))) throw new AppError('NOT_FOUND');
      deps.onAccountDeleted?.(actor.userId);
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
