import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPostgres, wrapPglite } from '../../src/server/db/client';
import { prepareDatabase, templateName } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one database before all test files; each file then gets a copy: a PGlite loaded from a
 * dump, or a PostgreSQL database created WITH TEMPLATE (when TEST_DATABASE_URL is set).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = templateName();
    const admin = openPostgres(url, 1);
    await admin.withConnection(async (run) => {
      await run(`DROP DATABASE IF EXISTS ${name}`);
      await run(`CREATE DATABASE ${name}`);
    });
    const tpl = openPostgres(withDatabase(url, name), 2);
    await prepareDatabase(tpl);
    await tpl.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteDump', '');
    return async () => {
      await admin.withConnection((run) => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await admin.close();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'vaora-test-'));
  const pglite = await PGlite.create();
  const handle = wrapPglite(pglite);
  await prepareDatabase(handle);
  const dump = await pglite.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
