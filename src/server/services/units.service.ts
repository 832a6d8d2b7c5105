import type { Area } from '../../domain/access';
import {
  buildUnitSearchEntry,
  foldUnitName,
  parseUnitQuery,
  provinceAliases,
  scoreUnit,
  scoreUnitLoosely,
  type UnitConversion,
  type UnitLevel,
  type UnitList,
  type UnitMergeKind,
  type UnitSearchEntry,
  type UnitSummary,
} from '../../domain/units';
import type { UnitConversionRow, UnitRow, UnitsRepository } from '../repositories/units.repository';
import { readSeedFiles } from './unit-seed-files';

// ---------------------------------------------------------------------------------------------------
// In-memory index

interface UnitRecord {
  row: UnitRow;
  summary: UnitSummary;
}

interface ListIndex {
  records: UnitRecord[];
  byCode: Map<string, UnitRecord>;
  /** Keyed by parent code; '' holds the provinces. */
  childrenOf: Map<string, UnitRecord[]>;
  sortedChildren: Map<string, UnitSummary[]>;
  /** Built on the first search of the list: the 2021 list is rarely searched. */
  searchEntries: UnitSearchEntry[] | null;
}

// Vietnamese order, with numbers by value: "Phường 2" before "Phường 10".
const collator = new Intl.Collator('vi', { numeric: true });
const levelRank: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

function ancestorsOf(row: UnitRow, byCode: Map<string, UnitRow>): UnitRow[] {
  const ancestors: UnitRow[] = [];
  for (let p = row.parent_code; p !== null && ancestors.length < 3; ) {
    const parent = byCode.get(p);
    if (!parent) break;
    ancestors.push(parent);
    p = parent.parent_code;
  }
  return ancestors;
}

function summarize(row: UnitRow, ancestors: UnitRow[]): UnitSummary {
  const province = ancestors.find((a) => a.level === 'province') ?? row;
  return {
    list: row.list,
    code: row.code,
    name: row.name,
    level: row.level,
    divisionType: row.division_type,
    parentCode: row.parent_code,
    provinceCode: row.province_code,
    provinceName: province.name,
    path: [row, ...ancestors].map((u) => u.name).join(', '),
  };
}

function buildListIndex(rows: UnitRow[]): ListIndex {
  const rowsByCode = new Map(rows.map((r) => [r.code, r]));
  const records: UnitRecord[] = [];
  const byCode = new Map<string, UnitRecord>();
  const childrenOf = new Map<string, UnitRecord[]>();
  for (const row of rows) {
    const record = { row, summary: summarize(row, ancestorsOf(row, rowsByCode)) };
    records.push(record);
    byCode.set(row.code, record);
    const key = row.parent_code ?? '';
    const siblings = childrenOf.get(key);
    if (siblings) siblings.push(record);
    else childrenOf.set(key, [record]);
  }
  return { records, byCode, childrenOf, sortedChildren: new Map(), searchEntries: null };
}

/** Parents before children, so each entry extends its parent's. */
function buildSearchEntries(index: ListIndex): UnitSearchEntry[] {
  const built = new Map<string, UnitSearchEntry>();
  const ordered = [...index.records].sort((a, b) => levelRank[a.row.level] - levelRank[b.row.level]);
  for (const { row } of ordered) {
    const parent = row.parent_code ? built.get(row.parent_code) : undefined;
    const aliases = row.level === 'province' ? provinceAliases[row.code] : undefined;
    built.set(row.code, buildUnitSearchEntry({ name: row.name, aliases, parent }));
  }
  return index.records.map((r) => built.get(r.row.code)!);
}

function emptyIndex(): ListIndex {
  return buildListIndex([]);
}

// ---------------------------------------------------------------------------------------------------
// Conversions

const plainMergeKinds = new Set<string>(['whole', 'part', 'same', 'renamed', 'retyped']);

function mergeOf(row: UnitConversionRow): { merge: UnitMergeKind; note: string | null } {
  return plainMergeKinds.has(row.merge)
    ? { merge: row.merge as UnitMergeKind, note: null }
    : { merge: 'other', note: row.merge };
}

export interface UnitSearchOptions {
  list?: UnitList;
  level?: UnitLevel | undefined;
  provinceCode?: string | undefined;
  limit?: number;
}

export function createUnitsService(repo: UnitsRepository) {
  let lists: Record<UnitList, ListIndex> = { '2025': emptyIndex(), '2021': emptyIndex() };

  function searchEntries(index: ListIndex): UnitSearchEntry[] {
    index.searchEntries ??= buildSearchEntries(index);
    return index.searchEntries;
  }

  function oldPath(code: string, row: UnitConversionRow | undefined): string {
    const known = lists['2021'].byCode.get(code);
    if (known) return known.summary.path;
    const names = [
      row?.old_commune_name,
      row && lists['2021'].byCode.get(row.old_district_code)?.row.name,
      row && lists['2021'].byCode.get(row.old_province_code)?.row.name,
    ];
    return names.filter((n): n is string => Boolean(n)).join(', ');
  }

  function targetsOf(rows: UnitConversionRow[], byName: boolean): UnitConversion['to'] {
    const seen = new Set<string>();
    const to: UnitConversion['to'] = [];
    for (const row of rows) {
      const unit = lists['2025'].byCode.get(row.new_commune_code);
      if (!unit || seen.has(row.new_commune_code)) continue;
      seen.add(row.new_commune_code);
      to.push({ unit: unit.summary, ...(byName ? { merge: 'by-name', note: null } : mergeOf(row)) });
    }
    return to;
  }

  /**
   * Communes merged between 2021 and 2025 lost their code: look for their name among the codes of
   * the same district in the conversion table, then among the 2025 communes of the province.
   */
  async function matchByName(old: UnitRow): Promise<UnitConversion['to']> {
    const base = foldUnitName(old.name).base;
    const sameName = (name: string) => foldUnitName(name).base === base;
    const inDistrict = old.parent_code ? await repo.findConversionsInDistrict(old.parent_code) : [];
    const rows = inDistrict.filter((r) => sameName(r.old_commune_name));
    if (rows.length > 0) return targetsOf(rows, true);
    const provinces = new Set(await repo.findNewProvincesOf(old.province_code));
    return lists['2025'].records
      .filter((r) => r.row.level === 'commune' && provinces.has(r.row.province_code) && sameName(r.row.name))
      .map((r) => ({ unit: r.summary, merge: 'by-name' as const, note: null }));
  }

  return {
    /** Seeds the reference data on first start, then loads it into memory. Runs at every start. */
    async init(): Promise<void> {
      if ((await repo.countUnits()) === 0) await repo.seedIfEmpty(readSeedFiles);
      const rows = await repo.listAll();
      const current = buildListIndex(rows.filter((r) => r.list === '2025'));
      // The 2025 list is searched from the first request on; the 2021 list waits for its first search.
      current.searchEntries = buildSearchEntries(current);
      lists = { '2025': current, '2021': buildListIndex(rows.filter((r) => r.list === '2021')) };
    },

    /** The area of a 2025 province or commune, for authorization; null when the code is unknown. */
    areaOf(code: string): Area | null {
      const unit = lists['2025'].byCode.get(code)?.row;
      if (!unit) return null;
      return unit.level === 'province'
        ? { provinceCode: unit.code }
        : { provinceCode: unit.province_code, communeCode: unit.code };
    },

    /**
     * What is wrong with a chosen place (2025 list): an unknown province, or a commune that is unknown
     * or outside that province; null when both are right.
     */
    placeIssue(provinceCode: string, communeCode: string): 'provinceCode' | 'communeCode' | null {
      const province = lists['2025'].byCode.get(provinceCode)?.row;
      if (province?.level !== 'province') return 'provinceCode';
      const commune = lists['2025'].byCode.get(communeCode)?.row;
      return commune?.level === 'commune' && commune.province_code === provinceCode ? null : 'communeCode';
    },

    /** The name of a 2025 unit. */
    nameOf(code: string): string | null {
      return lists['2025'].byCode.get(code)?.row.name ?? null;
    },

    get(code: string, list: UnitList = '2025'): UnitSummary | null {
      return lists[list].byCode.get(code)?.summary ?? null;
    },

    /** The units under a parent (null: the provinces) in Vietnamese order; null when the parent is unknown. */
    children(parentCode: string | null, list: UnitList = '2025'): UnitSummary[] | null {
      const index = lists[list];
      if (parentCode !== null && !index.byCode.has(parentCode)) return null;
      const key = parentCode ?? '';
      let sorted = index.sortedChildren.get(key);
      if (!sorted) {
        sorted = (index.childrenOf.get(key) ?? [])
          .map((r) => r.summary)
          .sort((a, b) => collator.compare(a.name, b.name));
        index.sortedChildren.set(key, sorted);
      }
      return sorted;
    },

    /** Units whose names match what was typed, best first (see scoreUnit in src/domain/units). */
    search(query: string, options: UnitSearchOptions = {}): UnitSummary[] {
      const { list = '2025', level, provinceCode, limit = 20 } = options;
      const parsed = parseUnitQuery(query);
      if (parsed.tokens.length === 0) return [];
      const index = lists[list];
      const entries = searchEntries(index);
      const collect = (score: typeof scoreUnit) => {
        const found: { record: UnitRecord; score: number }[] = [];
        index.records.forEach((record, i) => {
          if (level && record.row.level !== level) return;
          if (provinceCode && record.row.province_code !== provinceCode) return;
          const s = score(entries[i]!, parsed);
          if (s > 0) found.push({ record, score: s });
        });
        return found;
      };
      let hits = collect(scoreUnit);
      if (hits.length === 0) hits = collect(scoreUnitLoosely);
      hits.sort(
        (a, b) =>
          b.score - a.score ||
          levelRank[a.record.row.level] - levelRank[b.record.row.level] ||
          a.record.row.name.length - b.record.row.name.length ||
          a.record.row.code.localeCompare(b.record.row.code),
      );
      return hits.slice(0, limit).map((h) => h.record.summary);
    },

    /** The 2025 commune(s) a 2021 commune went into; null when the old code is unknown. */
    async convert(oldCode: string): Promise<UnitConversion | null> {
      const rows = await repo.findConversions(oldCode);
      const old = lists['2021'].byCode.get(oldCode)?.row;
      const first = rows[0];
      if (first) {
        return {
          old: { code: oldCode, name: old?.name ?? first.old_commune_name, path: oldPath(oldCode, first) },
          to: targetsOf(rows, false),
        };
      }
      if (old?.level !== 'commune') return null;
      return {
        old: { code: oldCode, name: old.name, path: oldPath(oldCode, undefined) },
        to: await matchByName(old),
      };
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
