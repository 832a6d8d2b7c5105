import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/db/client';
import { pgArrayLiteral } from '../../src/server/db/pg-array';
import { createTestDatabase } from '../support/database';

describe('pgArrayLiteral', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('keeps any text as it is: quotes, backslashes, commas, braces, the word NULL, empty, Vietnamese', async () => {
    const values = [
      'Nguyễn "Bờm" Văn',
      'C:\\path\\',
      'a,b',
      '{x}',
      'NULL',
      '',
      ' space ',
      null,
      '\\"',
      'Đồng Xoài\nmới',
    ];
    const { rows } = await sql<{ v: string | null }>`
      SELECT v FROM unnest(${pgArrayLiteral(values)}::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`.execute(
      database.db,
    );
    expect(rows.map((r) => r.v)).toEqual(values);
  });

  it('writes uuids, integers and times (in UTC) that PostgreSQL reads back the same', async () => {
    const at = new Date('2026-12-02T01:02:03.456Z');
    const { rows } = await sql<{ id: string; year: number | null; at: Date }>`
      SELECT id, year, at FROM unnest(
        ${pgArrayLiteral(['0b0e9a5e-8d7f-4a53-9d8e-1c2b3a4d5e6f', '6f5e4d3a-2b1c-4e8d-9d7f-8a5e9a0e0b0b'])}::uuid[],
        ${pgArrayLiteral([1990, null])}::int[],
        ${pgArrayLiteral([at, at])}::timestamptz[]) AS t(id, year, at)`.execute(database.db);
    expect(rows).toEqual([
      { id: '0b0e9a5e-8d7f-4a53-9d8e-1c2b3a4d5e6f', year: 1990, at },
      { id: '6f5e4d3a-2b1c-4e8d-9d7f-8a5e9a0e0b0b', year: null, at },
    ]);
    expect(pgArrayLiteral([])).toBe('{}');
  });
});
