import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { createServices, type Services } from '../../src/server/container';
import type { DatabaseHandle } from '../../src/server/db/client';
import type { MessageSender, OutgoingMessage } from '../../src/server/services/message-sender';
import { createTestDatabase } from './database';

export interface TestContext {
  app: App;
  services: Services;
  database: DatabaseHandle;
  config: Config;
  /** Every message the app sent (codes, invitations), newest last. */
  sent: OutgoingMessage[];
  /** Moves the clock the services see. */
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

export const TEST_SECRET = Buffer.from('test-secret-test-secret-test-secret!!');

export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', ...env });
  const sent: OutgoingMessage[] = [];
  const sender: MessageSender = {
    async send(m) {
      sent.push(m);
    },
  };
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const services = createServices({
    config,
    database,
    secret: TEST_SECRET,
    log: { info() {} },
    now: () => clock.now,
    sender,
  });
  await services.units.init();
  await services.signing.init();
  const app = await buildApp({ config, services });
  await app.ready();
  return {
    app,
    services,
    database,
    config,
    sent,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing requests. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: App,
    readonly ip = '10.0.0.1',
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.cookies.has('vaora_csrf')) await this.request('GET', '/api/session');
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.cookies.get('vaora_csrf') ?? '' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    this.keepCookies(res);
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
  }
}

/** Signs a citizen in with the code the app sent. */
export async function signInWithOtp(ctx: TestContext, client: TestClient, phone: string) {
  const req = await client.post('/api/auth/otp/request', { phone });
  if (req.statusCode !== 200) throw new Error(`otp request failed: ${req.body}`);
  const code = lastCode(ctx, phone);
  const res = await client.post('/api/auth/otp/verify', { phone, code });
  if (res.statusCode !== 200) throw new Error(`otp verify failed: ${res.body}`);
  return res.json();
}

export function lastCode(ctx: TestContext, phone: string): string {
  const msg = ctx.sent.filter((m) => m.to === phone).at(-1);
  const code = msg?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

export const DEMO_PASSWORD = 'demo-password-123';

/** Seeds the demo accounts and signs one in with its password. */
export async function signInAsDemo(ctx: TestContext, client: TestClient, login: string) {
  await ctx.services.demo.seed(DEMO_PASSWORD);
  const res = await client.post('/api/auth/password', { login, password: DEMO_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`password sign-in failed: ${res.body}`);
  return res.json();
}
