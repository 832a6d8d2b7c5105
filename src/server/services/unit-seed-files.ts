import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { normalizeName } from '../../domain/text';
import { type UnitList, unitLevels, unitLists } from '../../domain/units';
import { adminUnitsDir } from '../paths';
import type { UnitRow, UnitSeed } from '../repositories/units.repository';

// The GSO lists in src/server/db/admin-units/, read and checked for the first seed.

/** RFC 4180: fields may be quoted, quotes doubled inside ("Đổi tên, đổi loại hình …"). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const csvUnitSchema = z.object({
  level: z.enum(unitLevels),
  code: z.string().regex(/^\d{2,5}$/),
  name: z.string().min(1).transform(normalizeName),
  division_type: z.string().min(1).transform(normalizeName),
  parent_code: z.string().transform((v) => v || null),
});

const csvConversionSchema = z.object({
  old_commune_code: z.string().regex(/^\d{5}$/),
  old_commune_name: z.string().min(1).transform(normalizeName),
  old_district_code: z.string().regex(/^\d{3}$/),
  old_province_code: z.string().regex(/^\d{2}$/),
  new_commune_code: z.string().regex(/^\d{5}$/),
  new_commune_name: z.string().min(1).transform(normalizeName),
  new_province_code: z.string().regex(/^\d{2}$/),
  merge: z.string().min(1).transform(normalizeName),
});

async function readCsv(file: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(join(adminUnitsDir, file), 'utf8'));
}

/** The unit's province: a 2021 commune reaches it through its district. */
function withProvinceCodes(list: UnitList, rows: z.infer<typeof csvUnitSchema>[]): UnitRow[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return rows.map((r) => {
    let top = r;
    for (let hops = 0; top.level !== 'province'; hops++) {
      const parent = top.parent_code ? byCode.get(top.parent_code) : undefined;
      if (!parent || hops > 2) throw new Error(`admin units ${list}: no province above ${r.code}`);
      top = parent;
    }
    return { list, ...r, province_code: top.code };
  });
}

export async function readSeedFiles(): Promise<UnitSeed> {
  const lists = await Promise.all(
    unitLists.map(async (list) => {
      const rows = (await readCsv(`vn-units-${list}.csv`)).map((r) => csvUnitSchema.parse(r));
      return withProvinceCodes(list, rows);
    }),
  );
  const conversions = (await readCsv('vn-units-2021-to-2025.csv')).map((r) => csvConversionSchema.parse(r));
  return { units: lists.flat(), conversions };
}
