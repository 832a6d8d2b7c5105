import type { Db } from '../db/client';
import type { RoleName, ScopeLevel } from '../db/types';

export interface NewInvitation {
  tokenHash: string;
  phone: string | null;
  email: string | null;
  displayName: string;
  role: RoleName;
  scopeLevel: ScopeLevel;
  unitCode: string | null;
  provinceCode: string | null;
  createdBy: string;
  expiresAt: Date;
}

export function createInvitationsRepository(db: Db) {
  return {
    create: (i: NewInvitation) =>
      db
        .insertInto('invitations')
        .values({
          token_hash: i.tokenHash,
          phone: i.phone,
          email: i.email,
          display_name: i.displayName,
          role: i.role,
          scope_level: i.scopeLevel,
          unit_code: i.unitCode,
          province_code: i.provinceCode,
          created_by: i.createdBy,
          expires_at: i.expiresAt,
        })
        .returning(['id', 'expires_at'])
        .executeTakeFirstOrThrow(),

    findOpen: (tokenHash: string, now: Date) =>
      db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst(),

    /** Marks the invitation used; false when it was used meanwhile. */
    async accept(id: string, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('invitations')
        .set({ accepted_at: now })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    listOpen: (now: Date) =>
      db
        .selectFrom('invitations')
        .select([
          'id',
          'phone',
          'email',
          'display_name',
          'role',
          'scope_level',
          'unit_code',
          'created_at',
          'expires_at',
        ])
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute(),
  };
}

export type InvitationsRepository = ReturnType<typeof createInvitationsRepository>;
