import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, permissions, type Role } from '../../src/domain/access';
import {
  createTestApp,
  DEMO_PASSWORD,
  signInAsDemo,
  signInWithOtp,
  TestClient,
  type TestContext,
} from '../support/app';
import { COMMUNE, PROVINCE, personBody } from '../support/citizen';

// Walks every route the app declares (the same table the OpenAPI document is made from) with no
// session, with each demo role and with out-of-scope accounts. A route another issue adds is walked
// without touching this file; a route made public must be added to the list below on purpose.
const PUBLIC_ROUTES = [
  'GET /api/openapi.json',
  'GET /api/session',
  'GET /api/units',
  'GET /api/units/:code',
  'GET /api/units/convert/:oldCode',
  'GET /api/units/search',
  'POST /api/auth/otp/request',
  'POST /api/auth/otp/verify',
  'POST /api/auth/password',
  'POST /api/invitations/accept',
];

/** The demo accounts (src/server/services/demo.service.ts) and the roles they hold. */
const DEMO: { login: string; roles: (Role | 'citizen')[] }[] = [
  { login: '0900000001', roles: ['citizen', 'admin'] },
  { login: '0900000002', roles: ['citizen', 'health_officer'] },
  { login: '0900000003', roles: ['citizen', 'health_officer'] },
  { login: '0900000004', roles: ['citizen', 'point_owner'] },
  { login: '0900000005', roles: ['citizen', 'point_staff'] },
  { login: '0900000006', roles: ['citizen', 'checkpoint_staff'] },
  { login: '0900000007', roles: ['citizen'] },
];

type Route = { method: string; url: string; access: Access | undefined };
let ctx: TestContext;
let routes: Route[];

beforeAll(async () => {
  ctx = await createTestApp();
  routes = ctx.app.routeAccess.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'));
});
afterAll(() => ctx.close());

/** Staff and officers sign in with a password; the demo citizen, as every citizen, by a code. */
async function signInDemo(client: TestClient, login: string) {
  if (login === '0900000007') {
    await ctx.services.demo.seed(DEMO_PASSWORD);
    await signInWithOtp(ctx, client, login);
  } else {
    await signInAsDemo(ctx, client, login);
  }
}

const key = (r: Route) => `${r.method} ${r.url}`;

/** A concrete URL for a route: ids nobody holds, a unit code of the demo province. */
function concrete(url: string): string {
  return url.replace(/:code|:oldCode/g, PROVINCE).replace(/:[A-Za-z]+/g, () => randomUUID());
}

function call(client: TestClient, r: Route, url = concrete(r.url)) {
  return client.request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
}

function allowed(access: Access, held: (Role | 'citizen')[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return permissions[access].some((role: Role | 'citizen') => held.includes(role));
}

describe('every route of the OpenAPI document', () => {
  it('is the route table the access check walks', async () => {
    const doc = (await new TestClient(ctx.app).get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
    // Every documented operation is walked below (the bench route and the document itself may be
    // left out of the document).
    for (const op of documented) expect(routes.map(key)).toContain(op);
    expect(routes.length).toBeGreaterThan(50);
  });

  it('answers 401 to a caller without a session, except the public routes listed here', async () => {
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map(key)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
    const anonymous = new TestClient(ctx.app, '10.9.0.1');
    for (const r of routes.filter((r) => r.access !== 'public')) {
      const res = await call(anonymous, r);
      expect(res.statusCode, key(r)).toBe(401);
    }
  });

  it('answers 403 to each role lacking the permission, and never 5xx to one holding it', async () => {
    for (const [i, account] of DEMO.entries()) {
      const client = new TestClient(ctx.app, `10.9.1.${i + 1}`);
      await signInDemo(client, account.login);
      // Signing out and deleting one's account end the walk's session: they are called last.
      const last = ['POST /api/auth/sign-out', 'DELETE /api/me'];
      for (const r of routes.filter((r) => r.access !== 'public' && !last.includes(key(r)))) {
        const res = await call(client, r);
        if (allowed(r.access!, account.roles)) {
          expect(res.statusCode, `${account.login} ${key(r)}: ${res.body}`).toBeLessThan(500);
        } else {
          expect(res.statusCode, `${account.login} ${key(r)}`).toBe(403);
        }
      }
      expect((await client.get('/api/persons')).statusCode, `${account.login} still signed in`).toBe(200);
      expect((await client.post('/api/auth/sign-out')).statusCode).toBeLessThan(300);
      expect((await client.get('/api/persons')).statusCode).toBe(401);
      expect((await client.request('DELETE', '/api/me', {})).statusCode).toBe(401);
    }
    // About 450 requests: more than the default timeout allows on a loaded machine.
  }, 120_000);
});

describe('an out-of-scope account', () => {
  it("never reads or changes another citizen's persons, codes, history or health", async () => {
    const owner = new TestClient(ctx.app, '10.9.2.1');
    await signInWithOtp(ctx, owner, '0987000001');
    const created = await owner.post('/api/persons', personBody());
    expect(created.statusCode, created.body).toBe(200);
    const personId = created.json().person.id as string;

    const other = new TestClient(ctx.app, '10.9.2.2');
    await signInWithOtp(ctx, other, '0987000002');
    const personRoutes = routes.filter((r) => r.url.startsWith('/api/persons/:id'));
    expect(personRoutes.length).toBeGreaterThan(5);
    for (const r of personRoutes) {
      const res = await call(other, r, r.url.replace(':id', personId));
      expect([403, 404, 400], `${key(r)}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      if (r.method === 'GET') expect([403, 404], key(r)).toContain(res.statusCode);
    }
    // What the owner stored is untouched.
    expect((await owner.get(`/api/persons/${personId}`)).json().person.fullName).toBe(personBody().fullName);
  });

  it("never reaches a point's list, scans, staff or poster without a role at that point", async () => {
    const owner = new TestClient(ctx.app, '10.9.3.1');
    await signInWithOtp(ctx, owner, '0987000003');
    const made = await owner.post('/api/points', {
      name: 'Tiệm tạp hóa Cô Ba',
      kind: 'business',
      address: { provinceCode: PROVINCE, communeCode: COMMUNE, detail: '12 Đường Phú Riềng Đỏ' },
      contactPhone: '0912 345 678',
    });
    expect(made.statusCode, made.body).toBe(201);
    const pointId = made.json().id as string;

    // Demo staff of other points (scan permission, not at this point) and a plain citizen.
    for (const login of ['0900000005', '0900000006', '0900000004', '0900000007']) {
      const client = new TestClient(ctx.app, '10.9.3.2');
      await signInDemo(client, login);
      for (const r of routes.filter((r) => r.url.startsWith('/api/points/:id'))) {
        const res = await call(client, r, r.url.replace(':id', pointId).replace(/:[A-Za-z]+/g, randomUUID()));
        expect(res.statusCode, `${login} ${key(r)}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${login} ${key(r)}`).toBeLessThan(500);
        // A GET whose query is incomplete may be refused as such (400) before the point is looked up.
        if (r.method === 'GET') expect([400, 403, 404], `${login} ${key(r)}`).toContain(res.statusCode);
      }
    }
  });

  it("gives a health officer only their own area's points", async () => {
    const province = new TestClient(ctx.app, '10.9.4.1');
    await signInAsDemo(ctx, province, '0900000002');
    expect((await province.get(`/api/units/${PROVINCE}/points`)).statusCode).toBe(200);
    expect((await province.get('/api/units/79/points')).statusCode).toBe(403);

    const commune = new TestClient(ctx.app, '10.9.4.2');
    await signInAsDemo(ctx, commune, '0900000003');
    expect((await commune.get(`/api/units/${COMMUNE}/points`)).statusCode).toBe(200);
    expect((await commune.get('/api/units/79/points')).statusCode).toBe(403);
    expect((await commune.get('/api/units/25195/points')).statusCode).toBe(403);
  });
});
