import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../../domain/access';
import type { SessionsRepository } from '../repositories/sessions.repository';
import type { UsersRepository } from '../repositories/users.repository';

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  principal: Principal;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSessionsService(
  sessions: SessionsRepository,
  users: UsersRepository,
  options: { days: number; now: () => Date },
) {
  return {
    async create(userId: string, method: 'otp' | 'password', userAgent: string | null): Promise<NewSession> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(options.now().getTime() + options.days * 86_400_000);
      await sessions.create({
        id: hashToken(token),
        userId,
        csrfToken,
        method,
        expiresAt,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      return { token, csrfToken, expiresAt };
    },

    async resolve(token: string): Promise<ResolvedSession | null> {
      const row = await sessions.findLive(hashToken(token), options.now());
      if (!row || row.disabled_at) return null;
      const [grants, pointIds] = await Promise.all([
        users.grantsOf(row.user_id),
        users.pointIdsOf(row.user_id),
      ]);
      return {
        id: row.id,
        csrfToken: row.csrf_token,
        principal: {
          userId: row.user_id,
          displayName: row.display_name,
          phone: row.phone,
          email: row.email,
          grants,
          pointIds,
        },
      };
    },

    destroy: (id: string) => sessions.delete(id),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
