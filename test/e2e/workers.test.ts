// WORKERS=2 on a PostgreSQL server: the processes share the port, a sign-out made through one worker
// is honoured at once by the other (its session cache is told), and SIGTERM stops them all.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/client';
import { DEMO_PASSWORD, type RunningServer, startServer } from './support/server';

const pgUrl = process.env.TEST_DATABASE_URL;

/** One request on its own connection: the cluster hands each new connection to the next worker. */
function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; json: unknown; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        agent: false,
        headers: {
          connection: 'close',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: text ? JSON.parse(text) : null,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe.skipIf(!pgUrl)('several server processes (WORKERS=2)', () => {
  let server: RunningServer;
  const name = `vaora_e2e_workers_${randomBytes(4).toString('hex')}`;
  const admin = pgUrl ? openPostgres(pgUrl, 1) : null;

  beforeAll(async () => {
    await admin!.withConnection((run) => run(`CREATE DATABASE ${name}`));
    const url = new URL(pgUrl!);
    url.pathname = `/${name}`;
    server = await startServer(90_000, {
      DATABASE_URL: url.toString(),
      WORKERS: '2',
      SECRET: randomBytes(32).toString('base64url'),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await admin?.withConnection((run) => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await admin?.close();
  });

  it('a sign-out through one worker ends the session in the other at once', async () => {
    const base = server.baseURL;
    const csrf = 'e2e-workers-csrf';
    const csrfCookie = `vaora_csrf=${csrf}`;
    const signIn = await call(
      base,
      'POST',
      '/api/auth/password',
      { cookie: csrfCookie, 'x-csrf-token': csrf },
      { login: 'admin@demo.vaora.vn', password: DEMO_PASSWORD },
    );
    expect(signIn.status).toBe(200);
    // The session cookie and a new CSRF cookie, as a browser keeps them.
    const cookie = signIn.setCookie.map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toContain('vaora_session=');
    const whoAmI = async () =>
      ((await call(base, 'GET', '/api/session', { cookie })).json as { me: unknown }).me;

    // Several connections in turn reach both workers, and each keeps the session in its cache.
    for (let i = 0; i < 6; i++) expect(await whoAmI()).not.toBeNull();

    // Signed in, the session's own CSRF token counts.
    const { csrfToken } = signIn.json as { csrfToken: string };
    const out = await call(base, 'POST', '/api/auth/sign-out', { cookie, 'x-csrf-token': csrfToken }, {});
    expect(out.status).toBeLessThan(300);
    for (let i = 0; i < 6; i++) expect(await whoAmI()).toBeNull();
  });

  it('stops every process on SIGTERM', async () => {
    await server.stop();
    expect(server.exitCode()).toBe(0);
  });
});
