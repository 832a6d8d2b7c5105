import type { Db } from '../db/client';

export interface AuditEntry {
  actorId: string | null;
  actorLabel: string;
  /** The role the actor acted in, or `citizen`. */
  actorRole: string;
  action: 'read' | 'export' | 'update' | 'delete';
  resource: string;
  subjectPersonId: string | null;
  purpose: string;
  ip: string | null;
}

export function createAuditRepository(db: Db) {
  return {
    async addMany(entries: AuditEntry[]) {
      await db
        .insertInto('audit_log')
        .values(
          entries.map((e) => ({
            actor_id: e.actorId,
            actor_label: e.actorLabel,
            actor_role: e.actorRole,
            action: e.action,
            resource: e.resource,
            subject_person_id: e.subjectPersonId,
            purpose: e.purpose,
            ip: e.ip,
          })),
        )
        .execute();
    },

    list: (filter: { subjectPersonIds?: string[]; limit: number; before?: Date }) => {
      let q = db
        .selectFrom('audit_log')
        .select([
          'id',
          'at',
          'actor_label',
          'actor_role',
          'action',
          'resource',
          'subject_person_id',
          'purpose',
        ])
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit);
      // Guard against an invalid `IN ()`: no persons means no entries.
      if (filter.subjectPersonIds) {
        if (filter.subjectPersonIds.length === 0) return Promise.resolve([]);
        q = q.where('subject_person_id', 'in', filter.subjectPersonIds);
      }
      if (filter.before) q = q.where('at', '<', filter.before);
      return q.execute();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
