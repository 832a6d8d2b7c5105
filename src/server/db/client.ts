import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './types';

export type Db = Kysely<Database>;

/** Runs a multi-statement SQL script on one connection; PGlite and pg need different calls for that. */
export type ScriptRunner = (sql: string) => Promise<void>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Gives fn one connection for scripts; the pg variant holds a pooled client for the whole call. */
  withConnection<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Postgres returns bigint counts as strings; every count we keep fits in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * A statement whose text starts with this comment runs as a named prepared statement on PostgreSQL
 * servers: each connection parses it once and reuses its plan. For hot statements whose text never
 * changes (arrays as parameters, not value lists); PGlite ignores the comment.
 */
export const prepared = (name: string) => `/* prepared:${name} */`;
const PREPARED = /^\/\* prepared:([A-Za-z0-9_]+) \*\//;

function namingPreparedStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = {
          query: ((text: unknown, values?: unknown[]) => {
            const name = typeof text === 'string' ? PREPARED.exec(text)?.[1] : undefined;
            if (name) return client.query({ name, text: text as string, values });
            return (client.query as (t: unknown, v?: unknown[]) => unknown)(text, values);
          }) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

export function openPostgres(url: string, poolSize = 20): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection (server restart, failover) must not crash the process;
  // the pool drops it and opens a new one on the next query.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPreparedStatements(pool) }) });
  return {
    db,
    kind: 'postgres',
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (sql) => {
          await client.query(sql);
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; withConnection alone leaves it open.
      if (!pool.ended) await pool.end();
    },
  };
}

export function wrapPglite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    withConnection: (fn) =>
      fn(async (sql) => {
        await pglite.exec(sql);
      }),
    close: () => db.destroy(),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite files must have one writer: a second process would corrupt them, so it stops instead. */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'vaora.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `Another vaora process (pid ${holder}) is using ${dir}. Stop it, or use DATABASE_URL to run several processes.`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

/** The embedded default: PGlite files under DATA_DIR/pglite, created on first open. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const dir = resolve(join(dataDir, 'pglite'));
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(resolve(dataDir));
  const handle = wrapPglite(await PGlite.create(dir));
  return {
    ...handle,
    async close() {
      await handle.close();
      unlock();
    },
  };
}

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize)
    : openPglite(options.dataDir);
}
