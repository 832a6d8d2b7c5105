import { describe, expect, it } from 'vitest';
import {
  buildUnitSearchEntry,
  foldUnitName,
  foldUnitText,
  parseUnitQuery,
  readTypePrefix,
  scoreUnit,
  scoreUnitLoosely,
  type UnitSearchEntry,
  unitSearchQuerySchema,
} from '../../src/domain/units';

describe('folding unit names', () => {
  it('drops diacritics, case and the leading zeros of numbers', () => {
    expect(foldUnitText('Phường Ba Đình')).toBe('phuong ba dinh');
    expect(foldUnitText('Phường 01')).toBe('phuong 1');
    expect(foldUnitText('Phường 10')).toBe('phuong 10');
  });

  it('splits the type from the rest of the name', () => {
    expect(foldUnitName('Phường Ba Đình')).toEqual({ typeKey: 'phuong', base: 'ba dinh' });
    expect(foldUnitName('Thành phố Hồ Chí Minh')).toEqual({ typeKey: 'thanh pho', base: 'ho chi minh' });
    expect(foldUnitName('Thị xã Sa Pa')).toEqual({ typeKey: 'thi xa', base: 'sa pa' });
    expect(foldUnitName('Đặc khu Thổ Châu')).toEqual({ typeKey: 'dac khu', base: 'tho chau' });
    expect(foldUnitName('Xã Xuân Xá')).toEqual({ typeKey: 'xa', base: 'xuan xa' });
  });
});

describe('reading a query', () => {
  it('reads type words and their abbreviations', () => {
    expect(readTypePrefix(['tp', 'hcm'])).toEqual({ typeKey: 'thanh pho', length: 1 });
    expect(readTypePrefix(['thi', 'xa', 'sa', 'pa'])).toEqual({ typeKey: 'thi xa', length: 2 });
    expect(readTypePrefix(['tt', 'sa', 'pa'])).toEqual({ typeKey: 'thi tran', length: 1 });
    expect(readTypePrefix(['p', 'ba', 'dinh'])).toEqual({ typeKey: 'phuong', length: 1 });
    expect(readTypePrefix(['ba', 'dinh'])).toBeNull();
  });

  it('folds the words and keeps expansions beside abbreviations', () => {
    const q = parseUnitQuery('P. Ba Đình, TP.HCM');
    expect(q.tokens.map((t) => t.text)).toEqual(['p', 'ba', 'dinh', 'tp', 'hcm']);
    expect(q.tokens[0]?.alternatives).toEqual(['p', 'phuong']);
    expect(q.tokens[3]?.alternatives).toEqual(['tp', 'thanh pho']);
    expect(q.tokens.map((t) => t.isTypeWord)).toEqual([true, false, false, true, false]);
    expect(q.accented).toEqual(['đình']);
  });

  it('splits a type glued to a number ("q1", "F.12") and drops leading zeros', () => {
    expect(parseUnitQuery('q1').tokens.map((t) => t.text)).toEqual(['q', '1']);
    expect(parseUnitQuery('F.012').tokens.map((t) => t.text)).toEqual(['f', '12']);
  });

  it('treats the last word as being typed unless a space or a dot follows it', () => {
    expect(parseUnitQuery('ba di').tokens.map((t) => t.isPartial)).toEqual([false, true]);
    expect(parseUnitQuery('ba di ').tokens.map((t) => t.isPartial)).toEqual([false, false]);
    expect(parseUnitQuery('tp.').tokens.map((t) => t.isPartial)).toEqual([false]);
  });

  it('offers the reading with the typed type as a hint and the one without', () => {
    const readings = parseUnitQuery('p ba dinh ').readings.filter((r) => r.context.length === 0);
    expect(readings.map((r) => [r.typeHint, r.name.map((t) => t.text).join(' ')])).toEqual([
      [null, 'p ba dinh'],
      ['phuong', 'ba dinh'],
    ]);
  });

  it('has nothing to search in punctuation alone', () => {
    expect(parseUnitQuery(' ,. ').tokens).toEqual([]);
    expect(unitSearchQuerySchema.safeParse({ q: ' ,. ' }).success).toBe(false);
    expect(unitSearchQuerySchema.safeParse({ q: 'x' }).success).toBe(true);
  });
});

describe('ranking units', () => {
  const hanoi = buildUnitSearchEntry({ name: 'Thành phố Hà Nội', aliases: ['hn'] });
  const thanhHoa = buildUnitSearchEntry({ name: 'Tỉnh Thanh Hóa' });
  const quangNgai = buildUnitSearchEntry({ name: 'Tỉnh Quảng Ngãi' });
  const daklak = buildUnitSearchEntry({ name: 'Tỉnh Đắk Lắk' });
  const units: Record<string, UnitSearchEntry> = {
    hanoi,
    thanhHoa,
    quangNgai,
    phuongBaDinh: buildUnitSearchEntry({ name: 'Phường Ba Đình', parent: hanoi }),
    xaBaDinh: buildUnitSearchEntry({ name: 'Xã Ba Đình', parent: thanhHoa }),
    xaBaDinhQuangNgai: buildUnitSearchEntry({ name: 'Xã Ba Dinh', parent: quangNgai }),
    phuongHaDong: buildUnitSearchEntry({ name: 'Phường Hà Đông', parent: hanoi }),
    eaHleo: buildUnitSearchEntry({ name: 'Xã Ea H’Leo', parent: daklak }),
  };

  function rank(query: string, score = scoreUnit): string[] {
    const q = parseUnitQuery(query);
    return Object.entries(units)
      .map(([key, entry]) => ({ key, score: score(entry, q) }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
      .map((h) => h.key);
  }

  it('puts the unit of the typed type first', () => {
    expect(rank('p ba dinh')[0]).toBe('phuongBaDinh');
    expect(rank('Phường Ba Đình')[0]).toBe('phuongBaDinh');
    expect(rank('xa ba dinh')[0]).toBe('xaBaDinh');
    expect(rank('x. ba đình')[0]).toBe('xaBaDinh');
  });

  it('prefers the spelling typed with diacritics among names that fold alike', () => {
    const q = parseUnitQuery('Xã Ba Đình');
    const withMarks = units.xaBaDinh!;
    const without = units.xaBaDinhQuangNgai!;
    expect(scoreUnit(withMarks, q)).toBeGreaterThan(scoreUnit(without, q));
    const plain = parseUnitQuery('xa ba dinh');
    expect(scoreUnit(withMarks, plain)).toBe(scoreUnit(without, plain));
  });

  it('reads a province after the name, or before it', () => {
    expect(rank('ba đình hà nội')).toEqual(['phuongBaDinh']);
    expect(rank('ha noi ba dinh')).toEqual(['phuongBaDinh']);
    expect(rank('ba dinh, hn')).toEqual(['phuongBaDinh']);
    expect(rank('ba dinh tp thanh hoa')).toEqual(['xaBaDinh']);
  });

  it('ranks an exact name above names that only start with the query', () => {
    expect(rank('ha noi')[0]).toBe('hanoi');
    expect(rank('hn')).toEqual(['hanoi']);
    expect(rank('ba di').slice(0, 3).sort()).toEqual(['phuongBaDinh', 'xaBaDinh', 'xaBaDinhQuangNgai']);
  });

  it('finds names with an apostrophe typed with a space, with it, or without it', () => {
    expect(rank('ea h leo')).toEqual(['eaHleo']);
    expect(rank("ea h'leo")).toEqual(['eaHleo']);
    expect(rank('ea hleo')).toEqual(['eaHleo']);
  });

  it('does not read a lone type as a name', () => {
    expect(rank('thi tran')).toEqual([]);
    expect(rank('phuong')).toEqual(['phuongBaDinh', 'phuongHaDong']);
  });

  it('loosely finds a unit named exactly by the start of an address with old ancestors', () => {
    expect(rank('p. ba đình, q. ba đình, hà nội')).toEqual([]);
    expect(rank('p. ba đình, q. ba đình, hà nội', scoreUnitLoosely)[0]).toBe('phuongBaDinh');
    expect(rank('p. ba, q. ba đình', scoreUnitLoosely)).toEqual([]);
  });
});
