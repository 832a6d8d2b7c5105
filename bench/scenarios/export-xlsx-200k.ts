// 200,000 check-ins of one point (seeded with generate_series, with health answers) exported to .xlsx
// through the export service, in a child process: its time and peak memory (maxRSS of the bundled child).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { sql } from 'kysely';
import { openPostgres } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import { type Figure, round } from '../figure';
import { createBenchDatabase } from '../support/checkin-server';

const ROWS = 200_000;

export default async function exportXlsx200k(): Promise<Figure[]> {
  const database = await createBenchDatabase('vaora_bench_export');
  const dir = mkdtempSync(join(tmpdir(), 'vaora-export-'));
  const handle = openPostgres(database.url, 2);
  try {
    await migrate(handle);
    const point = await handle.db
      .insertInto('points')
      .values({
        code: 'EXPORT1',
        name: 'Chợ Đồng Xoài',
        kind: 'market',
        province_code: '75',
        commune_code: '25210',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      INSERT INTO check_ins (checked_in_at, point_id, province_code, method, direction, full_name, phone,
        birth_year, gender, id_number_masked, address, health)
      SELECT now() - (i * interval '1 second'), ${point.id}::uuid, '75', 'hand_entry', 'in',
        'Nguyễn Văn ' || i, '09' || lpad((i % 100000000)::text, 8, '0'), 1950 + (i % 60)::int, 'male',
        '********' || lpad((i % 10000)::text, 4, '0'), 'Số ' || i || ' Lê Lợi, Phường Đồng Xoài',
        '{"symptoms":["cough"],"travelled":false,"contactConfirmed":false,"contactFromAffectedArea":false,"contactWithSymptoms":false,"vaccineDoses":2}'::jsonb
      FROM generate_series(1::bigint, ${ROWS}::bigint) AS i`.execute(handle.db);
    await sql`ANALYZE check_ins`.execute(handle.db);
    const file = join(dir, 'export.xlsx');
    // Bundled like the production server, so the figure is the export's and not a TypeScript loader's.
    // Inside the project, so the bundle's imports find node_modules.
    const child = join(process.cwd(), 'dist/bench/export-child.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, '../support/export-child.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
    const out = execFileSync(process.execPath, [child, database.url, point.id, file], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as {
      rows: number;
      seconds: number;
      maxRssMb: number;
    };
    if (r.rows !== ROWS) throw new Error(`exported ${r.rows} rows, expected ${ROWS}`);
    console.error(`export-xlsx-200k: ${(statSync(file).size / 1e6).toFixed(1)} MB file`);
    return [
      { scenario: 'export-xlsx-200k', metric: 'time', value: round(r.seconds), unit: 's' },
      { scenario: 'export-xlsx-200k', metric: 'peak_rss', value: round(r.maxRssMb, 0), unit: 'MB' },
    ];
  } finally {
    await handle.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
