import { sql } from 'kysely';
import type { HeldPerson, RoleGrant } from '../../domain/access';
import { type Db, prepared } from '../db/client';
import type { RoleName, ScopeLevel } from '../db/types';
import { toGrant } from './users.repository';

/** A live session with everything a request needs to know about its user. */
export interface LiveSession {
  id: string;
  csrf_token: string;
  user_id: string;
  phone: string | null;
  email: string | null;
  display_name: string;
  disabled_at: Date | null;
  grants: RoleGrant[];
  point_ids: string[];
  persons: HeldPerson[];
}

type GrantRow = {
  role: RoleName;
  scope_level: ScopeLevel;
  unit_code: string | null;
  province_code: string | null;
};

export function createSessionsRepository(db: Db) {
  return {
    async create(s: {
      id: string;
      userId: string;
      csrfToken: string;
      method: 'otp' | 'password';
      expiresAt: Date;
      userAgent: string | null;
    }) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          method: s.method,
          expires_at: s.expiresAt,
          user_agent: s.userAgent,
        })
        .execute();
    },

    /**
     * The live sessions among `ids` with their users, roles, points and persons: one query for the
     * sessions of many concurrent requests.
     */
    async findLiveMany(ids: readonly string[], now: Date): Promise<LiveSession[]> {
      const { rows } = await sql<Omit<LiveSession, 'grants'> & { grants: GrantRow[] }>`${sql.raw(
        prepared('sessions_live'),
      )}
        SELECT s.id, s.csrf_token, u.id AS user_id, u.phone, u.email, u.display_name, u.disabled_at,
          coalesce((SELECT json_agg(json_build_object('role', r.role, 'scope_level', r.scope_level,
                      'unit_code', r.unit_code, 'province_code', r.province_code) ORDER BY r.created_at)
                      FROM role_assignments r WHERE r.user_id = u.id), '[]'::json) AS grants,
          ARRAY(SELECT ps.point_id FROM point_staff ps WHERE ps.user_id = u.id
                UNION SELECT p.id FROM points p WHERE p.owner_id = u.id) AS point_ids,
          coalesce((SELECT json_agg(json_build_object('id', pe.id, 'fullName', pe.full_name,
                      'phone', pe.phone, 'birthYear', pe.birth_year, 'gender', pe.gender,
                      'idNumberLast', pe.id_number_last) ORDER BY pe.created_at)
                      FROM persons pe WHERE pe.account_id = u.id), '[]'::json) AS persons
          FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = ANY(${ids}::text[]) AND s.expires_at > ${now}`.execute(db);
      return rows.map((r) => ({ ...r, grants: r.grants.map(toGrant) }));
    },

    async delete(id: string) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async deleteExpired(now: Date): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
