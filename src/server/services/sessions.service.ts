import { hash, randomBytes } from 'node:crypto';
import type { Principal } from '../../domain/access';
import type { LiveSession, SessionsRepository } from '../repositories/sessions.repository';
import { createLoadBatcher } from './write-batcher';

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

const hashToken = (token: string) => hash('sha256', token, 'base64url');

/** What one server process tells the others it drops from its cache. */
export type SessionCacheEvent = { session: string } | { user: string };

/** The other processes of this server (WORKERS > 1): they hear each drop, and this one hears theirs. */
export interface SessionCachePeers {
  publish(event: SessionCacheEvent): void;
  subscribe(handler: (event: SessionCacheEvent) => void): void;
}

/**
 * Resolved sessions are kept this long in the process: a request then costs no query for who is
 * calling. Sign-out and role changes take effect at once in this process and its peers (workers of
 * one server); made through another server they take up to this long.
 */
export const SESSION_CACHE_MS = 10_000;
const SESSION_CACHE_MAX = 50_000;

export function createSessionsService(
  sessions: SessionsRepository,
  options: { days: number; now: () => Date; cacheMs?: number; peers?: SessionCachePeers },
) {
  const cacheMs = options.cacheMs ?? SESSION_CACHE_MS;
  const cache = new Map<string, { session: ResolvedSession | null; until: number }>();

  function drop(event: SessionCacheEvent): void {
    if ('session' in event) cache.delete(event.session);
    else
      for (const [id, entry] of cache) if (entry.session?.principal.userId === event.user) cache.delete(id);
  }
  function dropEverywhere(event: SessionCacheEvent): void {
    drop(event);
    options.peers?.publish(event);
  }
  options.peers?.subscribe(drop);

  // Sessions not in the cache (after a restart, or a crowd arriving at once): one query for many.
  const loader = createLoadBatcher(async (ids: string[]) => {
    const rows = await sessions.findLiveMany(ids, options.now());
    return new Map<string, LiveSession>(rows.map((r) => [r.id, r]));
  });

  async function load(id: string): Promise<ResolvedSession | null> {
    const row = await loader.load(id);
    if (!row || row.disabled_at) return null;
    return {
      id: row.id,
      csrfToken: row.csrf_token,
      principal: {
        userId: row.user_id,
        displayName: row.display_name,
        phone: row.phone,
        email: row.email,
        grants: row.grants,
        pointIds: row.point_ids,
        persons: row.persons,
      },
    };
  }

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
      const id = hashToken(token);
      const t = options.now().getTime();
      const hit = cache.get(id);
      if (hit && hit.until > t) return hit.session;
      const session = await load(id);
      if (cacheMs > 0) {
        // Bounded: random cookies must not grow it without limit.
        if (cache.size >= SESSION_CACHE_MAX) cache.clear();
        cache.set(id, { session, until: t + cacheMs });
      }
      return session;
    },

    async destroy(id: string) {
      await sessions.delete(id);
      dropEverywhere({ session: id });
    },

    /** Drops a user's cached sessions after their roles, points or persons changed, so it shows at once. */
    forgetUser(userId: string) {
      dropEverywhere({ user: userId });
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
