import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type DatabaseHandle, openPostgres, wrapPglite } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import { createUnitsRepository } from '../../src/server/repositories/units.repository';
import { createUnitsService } from '../../src/server/services/units.service';

export const templateName = () => `vaora_test_template_${process.pid}`;

/** Migrations plus the reference data every test expects (administrative units). */
export async function prepareDatabase(handle: DatabaseHandle) {
  await migrate(handle);
  await createUnitsService(createUnitsRepository(handle.db)).init();
}

export function isPostgresRun(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `vaora_test_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(url, 1);
    await admin.withConnection((run) => run(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`));
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = openPostgres(u.toString(), 10);
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.withConnection((run) => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        await admin.close();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteDump'))]);
  return wrapPglite(await PGlite.create({ loadDataDir: dump }));
}
