import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres, wrapPglite } from '../../src/server/db/client';
import { migrate, readMigrations } from '../../src/server/db/migrate';

/** An empty database of the kind under test, with a second connection to it and a cleanup. */
async function emptyDatabase(): Promise<{
  a: DatabaseHandle;
  b: DatabaseHandle | null;
  drop(): Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const a = wrapPglite(await PGlite.create());
    return { a, b: null, drop: () => a.close() };
  }
  const name = `vaora_migr_${randomBytes(5).toString('hex')}`;
  const admin = openPostgres(url, 1);
  await admin.withConnection((run) => run(`CREATE DATABASE ${name}`));
  const u = new URL(url);
  u.pathname = `/${name}`;
  const a = openPostgres(u.toString(), 2);
  const b = openPostgres(u.toString(), 2);
  return {
    a,
    b,
    async drop() {
      await a.close();
      await b.close();
      await admin.withConnection((run) => run(`DROP DATABASE ${name} WITH (FORCE)`));
      await admin.close();
    },
  };
}

describe('migrations', () => {
  it('apply every file once, in order, and a second run finds nothing to do', async () => {
    const { a, drop } = await emptyDatabase();
    try {
      const files = readMigrations();
      expect(await migrate(a)).toEqual(files.map((m) => m.version));
      expect(await migrate(a)).toEqual([]);
      const rows = await a.db
        .selectFrom('schema_migrations')
        .select(['version', 'name'])
        .orderBy('version')
        .execute();
      expect(rows).toEqual(files.map((m) => ({ version: m.version, name: m.name })));
      const tables = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'audit_log'`.execute(
        a.db,
      );
      expect(tables.rows[0]?.n).toBe(1);
    } finally {
      await drop();
    }
  });

  it('are safe when two processes start at the same moment', async (t) => {
    const { a, b, drop } = await emptyDatabase();
    try {
      if (!b) t.skip(); // PGlite has one connection per data folder: two processes cannot share it.
      const [first, second] = await Promise.all([migrate(a), migrate(b!)]);
      expect([...first, ...second].sort()).toEqual(readMigrations().map((m) => m.version));
    } finally {
      await drop();
    }
  });

  it('roll back a failing migration completely and report it', async () => {
    const { a, drop } = await emptyDatabase();
    try {
      const bad = [
        { version: 1, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' },
      ];
      await expect(migrate(a, bad)).rejects.toThrow(/no_such_function/);
      const left = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`.execute(
        a.db,
      );
      expect(left.rows[0]?.n).toBe(0);
      expect(await a.db.selectFrom('schema_migrations').selectAll().execute()).toEqual([]);
    } finally {
      await drop();
    }
  });
});
