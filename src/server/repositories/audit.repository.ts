import { sql } from 'kysely';
import { type Db, prepared } from '../db/client';

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
      // Arrays, not a VALUES list: the statement's text is the same for any number of rows.
      const col = <K extends keyof AuditEntry>(k: K) => entries.map((e) => e[k]);
      await sql`${sql.raw(prepared('audit_add'))}
        INSERT INTO audit_log (actor_id, actor_label, actor_role, action, resource, subject_person_id,
          purpose, ip)
        SELECT * FROM unnest(${col('actorId')}::uuid[], ${col('actorLabel')}::text[],
          ${col('actorRole')}::text[], ${col('action')}::text[], ${col('resource')}::text[],
          ${col('subjectPersonId')}::uuid[], ${col('purpose')}::text[], ${col('ip')}::text[])`.execute(db);
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
