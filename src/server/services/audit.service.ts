import type { Principal } from '../../domain/access';
import type { AuditEntry, AuditRepository } from '../repositories/audit.repository';
import { createWriteBatcher } from './write-batcher';

export interface AccessRecord {
  action: AuditEntry['action'];
  /** What was touched, e.g. `outbox`, `accounts`, `person:<id>`. */
  resource: string;
  subjectPersonId?: string | null;
  purpose: string;
  ip?: string | null;
}

export function labelOf(p: Principal): string {
  return p.displayName || p.phone || p.email || p.userId;
}

function auditEntryOf(actor: Principal, r: AccessRecord): AuditEntry {
  return {
    actorId: actor.userId,
    actorLabel: labelOf(actor),
    actorRole: actor.grants[0]?.role ?? 'citizen',
    action: r.action,
    resource: r.resource,
    subjectPersonId: r.subjectPersonId ?? null,
    purpose: r.purpose,
    ip: r.ip ?? null,
  };
}

export function createAuditService(repo: AuditRepository) {
  // Accesses of concurrent requests are written together: one statement, not one per request.
  const batcher = createWriteBatcher((rows: AuditEntry[]) => repo.addMany(rows));
  return {
    /** Writes who accessed which personal data and why; call it before the data leaves the server. */
    record: (actor: Principal, r: AccessRecord) => batcher.add(auditEntryOf(actor, r)),

    list: (filter: { subjectPersonIds?: string[]; limit: number; before?: Date }) => repo.list(filter),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
