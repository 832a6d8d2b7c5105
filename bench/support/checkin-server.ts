// Shared by the check-in scenarios: a fresh database on DATABASE_URL, the built server in a child
// process (BENCH_ROUTES=1), seeded points, citizens with health answers, sessions, and signed codes.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { serverNodeArgs } from '../../scripts/server-node-args.mjs';
import { type DatabaseHandle, openPostgres } from '../../src/server/db/client';
import { createSigningKeysRepository } from '../../src/server/repositories/signing-keys.repository';
import { createSigningService } from '../../src/server/services/signing.service';
import { ScenarioSkipped } from '../figure';
import { type LoadRequest, runLoad } from './http-load';
import { countsInstructions, SERVER_HOST, serverCommand, startCounting, stopCounting } from './instructions';

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/**
 * Server processes (the server's WORKERS). One: PostgreSQL and the load generator share these cores,
 * and on 2 cores a second server process measured slower in every check-in scenario.
 */
export const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new ScenarioSkipped('needs PostgreSQL: set DATABASE_URL=postgres://…');
  return url;
}

/** Creates a database on DATABASE_URL; `drop()` removes it (with its connections). */
export async function createBenchDatabase(prefix: string) {
  const url = databaseUrl();
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(url, 1);
  await admin.withConnection((run) => run(`CREATE DATABASE ${name}`));
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await admin.withConnection((run) => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A child killed by a signal has a signalCode and no exitCode. */
const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitHealthy(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not healthy in time`);
}

export interface CheckInBench {
  base: string;
  serverPid: number;
  /** Where callgrind writes its counts (BENCH_INSTRUCTIONS=1), else null. */
  callgrindDir: string | null;
  db: DatabaseHandle['db'];
  pointIds: string[];
  provinceCode: string;
  posterTokens: string[];
  citizens: { cookie: string; csrf: string; personId: string }[];
  /**
   * Personal QR tokens of the citizens in turn, each a different showing (its own `nbf`): a token is
   * one check-in per point and direction, so a run needs as many as it scans. Empty unless asked for.
   */
  scanTokens: string[];
  staff: { cookie: string; csrf: string };
  close(): Promise<void>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Builds the server bundle, starts it on a fresh database and seeds what the scenarios need. */
export async function startCheckInBench(opts: {
  points: number;
  citizens: number;
  scanTokens?: number;
}): Promise<CheckInBench> {
  // Before building anything: a scenario that cannot run says so at once.
  databaseUrl();
  loadGenerator();
  // The server serves the web app and refuses to start without it: build that once, the server always,
  // unless BENCH_SERVER names a built one (a copy of an earlier build, to compare two side by side).
  const entry = process.env.BENCH_SERVER ?? 'dist/server/main.js';
  const what = existsSync('dist/web/index.html') ? ['server'] : [];
  if (!process.env.BENCH_SERVER) {
    execFileSync(process.execPath, ['scripts/build.mjs', ...what], { stdio: 'inherit' });
  }
  const database = await createBenchDatabase('vaora_bench_checkin');
  const dataDir = mkdtempSync(join(tmpdir(), 'vaora-bench-'));
  const port = await freePort();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const command = serverCommand([...serverNodeArgs, ...nodeArgs, entry]);
  const child = spawn(command.command, command.args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: SERVER_HOST,
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SECRET,
      DEMO_DATA: 'auto',
      DEMO_PASSWORD: 'bench-password-123',
      BENCH_ROUTES: '1',
      WORKERS: String(WORKERS),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://${SERVER_HOST}:${port}`;
  const handle = openPostgres(database.url, 4);
  const close = async () => {
    // Waiting for the exit of a server that has already exited would hang.
    if (!hasExited(child)) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await handle.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    if (command.dir) rmSync(command.dir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(`${base}/healthz`, child, Date.now() + (countsInstructions ? 900_000 : 120_000));
    const db = handle.db;
    const owner = await db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', '0900000004')
      .executeTakeFirstOrThrow();
    const staffUser = await db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', '0900000005')
      .executeTakeFirstOrThrow();
    const provinceCode = '75';
    const points = await db
      .insertInto('points')
      .values(
        Array.from({ length: opts.points }, (_, i) => ({
          code: `BENCH${String(i).padStart(5, '0')}`,
          name: `Điểm đo ${i}`,
          kind: 'market',
          province_code: provinceCode,
          commune_code: '25210',
          address: 'Quốc lộ 14',
          owner_id: owner.id,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    await db
      .insertInto('point_staff')
      .values(points.map((p) => ({ point_id: p.id, user_id: staffUser.id })))
      .execute();

    const signing = createSigningService({
      keys: createSigningKeysRepository(db),
      secret: Buffer.from(SECRET, 'utf8'),
      now: () => new Date(),
      maxTokenDays: 400,
    });
    await signing.init();
    const posterTokens = await Promise.all(
      points.map((p) => signing.sign({ typ: 'c', pt: p.code, v: 1 }, 86_400)),
    );

    const session = async (userId: string) => {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(16).toString('base64url');
      await db
        .insertInto('sessions')
        .values({
          id: hashToken(token),
          user_id: userId,
          csrf_token: csrf,
          method: 'otp',
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .execute();
      return { cookie: `vaora_session=${token}; vaora_csrf=${csrf}`, csrf };
    };

    const users = await db
      .insertInto('users')
      .values(
        Array.from({ length: opts.citizens }, (_, i) => ({ phone: `09${String(10_000_000 + i).slice(-8)}` })),
      )
      .returning('id')
      .execute();
    const persons = await db
      .insertInto('persons')
      .values(
        users.map((u, i) => ({
          account_id: u.id,
          is_self: true,
          full_name: `Nguyễn Văn ${i}`,
          name_folded: `nguyen van ${i}`,
          birth_year: 1990,
          gender: 'male' as const,
          phone: `09${String(10_000_000 + i).slice(-8)}`,
        })),
      )
      .returning(['id', 'account_id', 'full_name'])
      .execute();
    const answers = JSON.stringify({
      travelled: false,
      travelPlaces: '',
      symptoms: [],
      contactConfirmed: false,
      contactFromAffectedArea: false,
      contactWithSymptoms: false,
      vaccineDoses: 2,
      consent: true,
    });
    await db
      .insertInto('health_declarations')
      .values(
        persons.map((p) => ({ person_id: p.id, declared_by: p.account_id, answers, has_symptoms: false })),
      )
      .execute();
    const now = Math.floor(Date.now() / 1000);
    const citizens = await Promise.all(
      persons.map(async (p) => ({ ...(await session(p.account_id)), personId: p.id })),
    );
    const scanTokens: string[] = [];
    for (let i = 0; i < (opts.scanTokens ?? 0); i++) {
      const p = persons[i % persons.length]!;
      const nbf = now - 60 - Math.floor(i / persons.length);
      scanTokens.push(
        await signing.sign(
          { typ: 'p', pid: p.id, n: p.full_name, y: 1990, col: 'green', r: ['vaccinated'], nbf },
          3600,
          { notBefore: nbf },
        ),
      );
    }
    await seedEarlierCheckIns(
      db,
      owner.id,
      provinceCode,
      persons.map((p) => p.id),
    );
    // As autovacuum would have by now: the seeded rows visible to all, their statistics known.
    await sql`VACUUM ANALYZE`.execute(db);
    return {
      base,
      serverPid: child.pid ?? 0,
      callgrindDir: command.dir,
      db,
      pointIds: points.map((p) => p.id),
      provinceCode,
      posterTokens,
      citizens,
      scanTokens,
      staff: await session(staffUser.id),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Check-ins of the day before the run: the database of a system in use, not a new one. */
const EARLIER_CHECK_INS = 100_000;
const EARLIER_POINTS = 50;

/**
 * The day's earlier check-ins of these persons at other points (so none makes a benchmark check-in a
 * 10-minute repeat), spread over the last two hours of the current UTC day. Without them (and the
 * VACUUM ANALYZE after), today's partition would have no statistics: PostgreSQL then ties the 10-minute
 * probe between the visit and the point indexes and may take the point's, reading every recent
 * check-in of the point, until autovacuum analyzes the partition, a minute or so into a day.
 */
async function seedEarlierCheckIns(
  db: DatabaseHandle['db'],
  ownerId: string,
  provinceCode: string,
  personIds: string[],
): Promise<void> {
  const others = await db
    .insertInto('points')
    .values(
      Array.from({ length: EARLIER_POINTS }, (_, i) => ({
        code: `EARLIER${String(i).padStart(3, '0')}`,
        name: `Điểm khác ${i}`,
        kind: 'shop',
        province_code: provinceCode,
        commune_code: '25210',
        address: 'Quốc lộ 14',
        owner_id: ownerId,
      })),
    )
    .returning('id')
    .execute();
  await sql`
    INSERT INTO check_ins (checked_in_at, point_id, province_code, person_id, method, direction,
      full_name, birth_year)
    SELECT now() - random() * least(now() - date_trunc('day', now(), 'UTC'), interval '2 hours'),
      (${others.map((o) => o.id)}::uuid[])[1 + i % ${EARLIER_POINTS}], ${provinceCode}, (${personIds}::uuid[])[1 + i % ${personIds.length}],
      'self_scan', 'in', 'Nguyễn Văn An', 1990
    FROM generate_series(0, ${EARLIER_CHECK_INS - 1}) AS i`.execute(db);
}

export interface LoadResult {
  rate: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * CPU seconds used so far by the server (its process and its workers), by PostgreSQL's processes and
 * by this (load) process; `machine` is every CPU's busy time.
 */
function cpuSeconds(serverPid: number): {
  server: number;
  serverMain: number;
  serverMainWaiting: number;
  serverSystem: number;
  postgres: number;
  load: number;
  machine: number;
} | null {
  const stat = (pid: string, file = `/proc/${pid}/stat`) => {
    const text = readFileSync(file, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
      ppid: Number(f[1]),
      user: Number(f[11]),
      system: Number(f[12]),
      children: Number(f[13]) + Number(f[14]),
    };
  };
  try {
    let postgres = 0;
    let server = 0;
    let serverSystem = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const p = stat(pid);
        // A backend that ended meanwhile is counted in its parent's (the postmaster's) children time.
        if (p.comm === 'postgres') postgres += p.user + p.system + p.children;
        if (Number(pid) === serverPid || p.ppid === serverPid) {
          server += p.user + p.system;
          serverSystem += p.system;
        }
      } catch {
        // the process ended meanwhile
      }
    }
    // The event loop runs on the main thread (its id is the process id): one core is its ceiling.
    const main = stat(String(serverPid), `/proc/${serverPid}/task/${serverPid}/stat`);
    // Nanoseconds on a CPU, then runnable but waiting for one (the other processes had the cores).
    const [, waitingNs] = readFileSync(`/proc/${serverPid}/task/${serverPid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    // All CPUs: user, nice, system, irq, softirq, steal (not idle and iowait).
    const all = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const machine = [1, 2, 3, 6, 7, 8].reduce((sum, i) => sum + (all[i] ?? 0), 0);
    const u = process.cpuUsage();
    // Clock ticks are 1/100 s on Linux.
    return {
      server: server / 100,
      serverMain: (main.user + main.system) / 100,
      serverMainWaiting: (waitingNs ?? 0) / 1e9,
      serverSystem: serverSystem / 100,
      postgres: postgres / 100,
      load: (u.user + u.system) / 1e6,
      machine: machine / 100,
    };
  } catch {
    return null; // not Linux
  }
}

/**
 * The load generator: `lean` (bench/support/http-load.ts, the default) or `autocannon`. Both keep
 * CONNECTIONS connections with one request at a time; autocannon used 60–98 µs of CPU per request here
 * against 26–45 µs for the lean one, CPU taken from the server and PostgreSQL on the same cores.
 */
function loadGenerator(): 'lean' | 'autocannon' {
  const name = process.env.BENCH_LOAD_GENERATOR ?? 'lean';
  if (name !== 'lean' && name !== 'autocannon') {
    throw new Error(`BENCH_LOAD_GENERATOR must be lean or autocannon, not ${name}`);
  }
  return name;
}

async function withAutocannon(url: string, next: () => LoadRequest, durationS: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = next();
          return {
            ...req,
            headers: { ...req.headers, 'content-type': 'application/json', ...n.headers },
            body: n.body,
          };
        },
      },
    ],
  });
  // autocannon may stop with requests under way: no count of what the server stored to compare with.
  return {
    ok: result['2xx'],
    okInAll: null,
    non2xx: result.non2xx,
    errors: result.errors,
    p99: result.latency.p99,
  };
}

const countCheckIns = async (db: CheckInBench['db']) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM check_ins`.execute(db)).rows[0]!.n);

/**
 * Drives the server from this process; each request's body comes from `next()`. Every 2xx answer must
 * have stored one check-in: the rows are counted before and after, so a figure never counts answers
 * that stored nothing. Any answer that is not 2xx, or any failed connection, fails the scenario.
 */
/** How much longer a warm-up runs when instructions are counted (uninstrumented valgrind is slow). */
const WARM_UP_SLOWDOWN = 15;

export async function drive(
  bench: Pick<CheckInBench, 'base' | 'serverPid' | 'callgrindDir' | 'db'>,
  path: string,
  next: () => LoadRequest,
  durationS = DURATION_S,
): Promise<LoadResult> {
  const generator = loadGenerator();
  const url = `${bench.base}${path}`;
  const rowsBefore = await countCheckIns(bench.db);
  const measured = durationS === DURATION_S;
  if (measured && bench.callgrindDir) startCounting(bench.serverPid);
  const before = cpuSeconds(bench.serverPid);
  // V8 optimizes by call counts: under valgrind (several times slower) a warm-up needs longer to get there.
  const seconds = bench.callgrindDir && !measured ? durationS * WARM_UP_SLOWDOWN : durationS;
  const r =
    generator === 'lean'
      ? await runLoad({ url, connections: CONNECTIONS, durationS: seconds, next })
      : await withAutocannon(url, next, seconds);
  const after = cpuSeconds(bench.serverPid);
  const instructions =
    measured && bench.callgrindDir ? stopCounting(bench.serverPid, bench.callgrindDir) : null;
  const stored = (await countCheckIns(bench.db)) - rowsBefore;
  // A run in which requests failed measures the failures, not the route.
  if (r.non2xx || r.errors) {
    throw new Error(`${path}: ${r.non2xx} answers were not 2xx and ${r.errors} connections failed`);
  }
  if (r.okInAll !== null && stored !== r.okInAll) {
    throw new Error(`${r.okInAll} answers were 2xx but ${stored} check-ins were stored`);
  }
  if (instructions !== null) {
    console.log(
      `  instructions per check-in (server, all threads): ${Math.round(instructions / Math.max(r.ok, 1))} in ${r.ok} check-ins`,
    );
  }
  if (before && after && measured) {
    const used = (k: keyof typeof after) => (after[k] - before[k]) / durationS;
    const perCheckIn = (k: keyof typeof after) => Math.round((used(k) / Math.max(r.ok / durationS, 1)) * 1e6);
    console.log(
      `  load generator ${generator}; cores used: server ${used('server').toFixed(2)} ` +
        `(main thread ${used('serverMain').toFixed(2)} + ${used('serverMainWaiting').toFixed(2)} waiting for a core, system ${used('serverSystem').toFixed(2)}), postgres ${used('postgres').toFixed(2)}, ` +
        `load ${used('load').toFixed(2)}; machine ${used('machine').toFixed(2)} of ${availableParallelism()}`,
    );
    console.log(
      `  CPU per check-in: server ${perCheckIn('server')} µs, postgres ${perCheckIn('postgres')} µs, ` +
        `load ${perCheckIn('load')} µs`,
    );
  }
  return { rate: r.ok / durationS, p99: r.p99, non2xx: r.non2xx, errors: r.errors };
}

export const newId = () => randomUUID();
