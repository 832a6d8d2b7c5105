import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LiveSession, SessionsRepository } from '../../src/server/repositories/sessions.repository';
import { createSessionsService } from '../../src/server/services/sessions.service';

const idOf = (token: string) => createHash('sha256').update(token).digest('base64url');

function liveSession(token: string, userId: string): LiveSession {
  return {
    id: idOf(token),
    csrf_token: `csrf-${token}`,
    user_id: userId,
    phone: null,
    email: null,
    display_name: userId,
    disabled_at: null,
    grants: [],
    point_ids: [],
    persons: [],
  };
}

describe('sessions service', () => {
  it('loads the uncached sessions of concurrent requests in one query, and each gets its own', async () => {
    const known = new Map([liveSession('a', 'user-a'), liveSession('b', 'user-b')].map((s) => [s.id, s]));
    const calls: string[][] = [];
    const repo = {
      findLiveMany: async (ids: readonly string[]) => {
        calls.push([...ids]);
        return ids.flatMap((id) => known.get(id) ?? []);
      },
    } as unknown as SessionsRepository;
    const sessions = createSessionsService(repo, { days: 30, now: () => new Date() });

    const [a, b, unknown, again] = await Promise.all(
      ['a', 'b', 'nobody', 'a'].map((t) => sessions.resolve(t)),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(3);
    expect(a?.principal.userId).toBe('user-a');
    expect(b?.principal.userId).toBe('user-b');
    expect(unknown).toBeNull();
    expect(again?.csrfToken).toBe('csrf-a');

    // Cached now: no second query.
    await sessions.resolve('b');
    expect(calls).toHaveLength(1);
  });

  it('treats a disabled user as signed out', async () => {
    const row = { ...liveSession('c', 'user-c'), disabled_at: new Date() };
    const repo = { findLiveMany: async () => [row] } as unknown as SessionsRepository;
    const sessions = createSessionsService(repo, { days: 30, now: () => new Date() });
    expect(await sessions.resolve('c')).toBeNull();
  });
});
