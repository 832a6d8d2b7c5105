import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths';
import type { DatabaseHandle } from './client';

// Any constant works; it only has to be the same in every vaora process sharing the database.
const MIGRATION_LOCK = 7_310_200_021;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number.parseInt(file.slice(0, 4), 10),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Applies pending migrations, each in its own transaction. An advisory lock makes a second process
 * starting at the same moment wait, then find nothing left to do.
 */
export async function migrate(handle: DatabaseHandle, migrations = readMigrations()): Promise<number[]> {
  return handle.withConnection(async (run) => {
    await run(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await run(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied = await handle.db.selectFrom('schema_migrations').select('version').execute();
      const done = new Set(applied.map((r) => r.version));
      const newlyApplied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await run(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name}');\nCOMMIT;`,
        );
        newlyApplied.push(m.version);
      }
      return newlyApplied;
    } catch (err) {
      await run('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      await run(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}
