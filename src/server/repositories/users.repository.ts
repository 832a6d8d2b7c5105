import type { RoleGrant } from '../../domain/access';
import type { Db } from '../db/client';
import type { RoleName, ScopeLevel } from '../db/types';

export interface UserRow {
  id: string;
  phone: string | null;
  email: string | null;
  display_name: string;
  password_hash: string | null;
  disabled_at: Date | null;
}

export interface NewGrant {
  role: RoleName;
  scopeLevel: ScopeLevel;
  unitCode: string | null;
  provinceCode: string | null;
}

const userColumns = ['id', 'phone', 'email', 'display_name', 'password_hash', 'disabled_at'] as const;

export function createUsersRepository(db: Db) {
  return {
    findByPhone: (phone: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').select(userColumns).where('phone', '=', phone).executeTakeFirst(),

    findByEmail: (email: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').select(userColumns).where('email', '=', email).executeTakeFirst(),

    findById: (id: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst(),

    /** Finds the user with this phone, or creates one: a citizen's first sign-in is their registration. */
    async upsertByPhone(phone: string): Promise<UserRow> {
      await db
        .insertInto('users')
        .values({ phone })
        .onConflict((oc) => oc.column('phone').doNothing())
        .execute();
      return db.selectFrom('users').select(userColumns).where('phone', '=', phone).executeTakeFirstOrThrow();
    },

    create: (user: {
      phone: string | null;
      email: string | null;
      displayName: string;
      passwordHash: string | null;
    }) =>
      db
        .insertInto('users')
        .values({
          phone: user.phone,
          email: user.email,
          display_name: user.displayName,
          password_hash: user.passwordHash,
        })
        .returning(userColumns)
        .executeTakeFirstOrThrow(),

    update: (id: string, fields: { displayName?: string; passwordHash?: string; email?: string | null }) =>
      db
        .updateTable('users')
        .set({
          ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
          ...(fields.passwordHash !== undefined ? { password_hash: fields.passwordHash } : {}),
          ...(fields.email !== undefined ? { email: fields.email } : {}),
        })
        .where('id', '=', id)
        .execute(),

    async addGrant(userId: string, grant: NewGrant, createdBy: string | null): Promise<void> {
      await db
        .insertInto('role_assignments')
        .values({
          user_id: userId,
          role: grant.role,
          scope_level: grant.scopeLevel,
          unit_code: grant.unitCode,
          province_code: grant.provinceCode,
          created_by: createdBy,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    /** Staff with their roles; with a province, only roles within it. */
    listStaff: (page: { limit: number; offset: number }, provinceCode: string | null) => {
      let q = db
        .selectFrom('users')
        .innerJoin('role_assignments as r', 'r.user_id', 'users.id')
        .select(['users.id', 'users.phone', 'users.email', 'users.display_name', 'users.disabled_at'])
        .select(['r.role', 'r.scope_level', 'r.unit_code', 'r.province_code'])
        .orderBy('users.display_name')
        .orderBy('users.id')
        .limit(page.limit)
        .offset(page.offset);
      if (provinceCode) q = q.where('r.province_code', '=', provinceCode);
      return q.execute();
    },

    countUsers: async (): Promise<number> => {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

/** A role_assignments row as the grant it gives. */
export function toGrant(r: {
  role: RoleName;
  scope_level: ScopeLevel;
  unit_code: string | null;
  province_code: string | null;
}): RoleGrant {
  return { role: r.role, scope: toScope(r.scope_level, r.unit_code, r.province_code) };
}

function toScope(
  level: ScopeLevel,
  unitCode: string | null,
  provinceCode: string | null,
): RoleGrant['scope'] {
  switch (level) {
    case 'country':
      return { level };
    case 'points':
      return { level };
    case 'province':
      return { level, provinceCode: unitCode ?? '' };
    case 'commune':
      return { level, provinceCode: provinceCode ?? '', communeCode: unitCode ?? '' };
    default: {
      const unreachable: never = level;
      return unreachable;
    }
  }
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
