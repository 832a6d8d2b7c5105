import type { Db } from '../db/client';

export interface AuditEntry {
  actorId: string | null;
  actorLabel: string;
  /** The role the actor acted in, or `citizen`. */
  actorRole: string;
  action: 'read' | 'export' | 'update' | 'delete';
  resource: string;
  subjectUserId: string | null;
  purpose: string;
  ip: string | null;
}

export function createAuditRepository(db: Db) {
  return {
    async add(e: AuditEntry) {
      await db
        .insertInto('audit_log')
        .values({
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          actor_role: e.actorRole,
          action: e.action,
          resource: e.resource,
          subject_user_id: e.subjectUserId,
          purpose: e.purpose,
          ip: e.ip,
        })
        .execute();
    },

    list: (filter: { subjectUserId?: string; limit: number; before?: Date }) => {
      let q = db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor_label', 'actor_role', 'action', 'resource', 'subject_user_id', 'purpose'])
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit);
      if (filter.subjectUserId) q = q.where('subject_user_id', '=', filter.subjectUserId);
      if (filter.before) q = q.where('at', '<', filter.before);
      return q.execute();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
