import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitConversion, UnitSummary } from '../../src/domain/units';
import { createTestApp, type TestContext } from '../support/app';

describe('administrative units', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  async function getUnits(url: string): Promise<UnitSummary[]> {
    const res = await ctx.app.inject({ url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().units;
  }

  const codes = (units: UnitSummary[]) => units.map((u) => u.code);
  const search = (q: string, extra = '') => getUnits(`/api/units/search?q=${encodeURIComponent(q)}${extra}`);

  describe('lists', () => {
    it('lists the 34 provinces of 2025 and the 63 of 2021', async () => {
      const current = await getUnits('/api/units');
      expect(current).toHaveLength(34);
      expect(current.every((u) => u.level === 'province' && u.parentCode === null)).toBe(true);
      expect(current.find((u) => u.code === '01')?.name).toBe('Thành phố Hà Nội');
      const old = await getUnits('/api/units?list=2021');
      expect(old).toHaveLength(63);
      expect(old.find((u) => u.code === '02')?.name).toBe('Tỉnh Hà Giang');
      expect(current.some((u) => u.code === '02')).toBe(false);
    });

    it('lists the 126 communes of Hà Nội in Vietnamese order, cacheable', async () => {
      const res = await ctx.app.inject({ url: '/api/units?parent=01' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      const units: UnitSummary[] = res.json().units;
      expect(units).toHaveLength(126);
      expect(units[0]).toEqual({
        list: '2025',
        code: '00004',
        name: 'Phường Ba Đình',
        level: 'commune',
        divisionType: 'phường',
        parentCode: '01',
        provinceCode: '01',
        provinceName: 'Thành phố Hà Nội',
        path: 'Phường Ba Đình, Thành phố Hà Nội',
      });
      const names = units.map((u) => u.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true })));
      expect(units.every((u) => u.parentCode === '01' && u.provinceCode === '01')).toBe(true);
    });

    it('lists districts then communes in the 2021 list', async () => {
      const districts = await getUnits('/api/units?parent=01&list=2021');
      expect(districts).toHaveLength(30);
      expect(districts.find((u) => u.code === '001')?.name).toBe('Quận Ba Đình');
      const communes = await getUnits('/api/units?parent=001&list=2021');
      const truc = communes.find((u) => u.code === '00004');
      expect(truc?.path).toBe('Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội');
      expect(truc?.provinceCode).toBe('01');
    });

    it('answers 404 for an unknown parent', async () => {
      const res = await ctx.app.inject({ url: '/api/units?parent=99' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });
  });

  describe('one unit', () => {
    it('returns a unit with its path', async () => {
      const res = await ctx.app.inject({ url: '/api/units/16171' });
      expect(res.statusCode).toBe(200);
      expect(res.json().unit).toMatchObject({
        code: '16171',
        name: 'Xã Ba Đình',
        provinceCode: '38',
        path: 'Xã Ba Đình, Tỉnh Thanh Hóa',
      });
      const old = await ctx.app.inject({ url: '/api/units/00004?list=2021' });
      expect(old.json().unit.name).toBe('Phường Trúc Bạch');
    });

    it('answers 404 for an unknown code and 400 for a malformed one', async () => {
      const missing = await ctx.app.inject({ url: '/api/units/99999' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('NOT_FOUND');
      expect(missing.headers['cache-control']).toBeUndefined();
      const malformed = await ctx.app.inject({ url: '/api/units/ha-noi' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('VALIDATION_FAILED');
    });

    it('leaves the points of a unit to their own, protected route', async () => {
      const res = await ctx.app.inject({ url: '/api/units/01/points' });
      expect(res.statusCode).toBe(401);
    });
  });

  describe('search', () => {
    it('finds Phường Ba Đình of Hà Nội first, however it is written', async () => {
      for (const q of ['p ba dinh', 'Phường Ba Đình', 'ba đình hà nội', 'P. BA ĐÌNH', 'ba dinh, hn']) {
        const units = await search(q);
        expect(units[0]?.code, q).toBe('00004');
        expect(units[0]?.path, q).toBe('Phường Ba Đình, Thành phố Hà Nội');
      }
    });

    it('finds Xã Ba Đình of Thanh Hóa first for "xa ba dinh"', async () => {
      const units = await search('xa ba dinh');
      expect(units[0]).toMatchObject({ code: '16171', provinceName: 'Tỉnh Thanh Hóa' });
    });

    it('returns every Ba Đình for "ba dinh"', async () => {
      const units = await search('ba dinh');
      expect(codes(units)).toEqual(expect.arrayContaining(['00004', '16171']));
    });

    it('gives the same first result with or without diacritics', async () => {
      const plain = await search('tan dinh tp hcm');
      const marked = await search('Tân Định TP. Hồ Chí Minh');
      expect(plain[0]?.code).toBe('26737');
      expect(marked[0]?.code).toBe(plain[0]?.code);
    });

    it('reads abbreviations and nicknames of Hồ Chí Minh City and Hà Nội', async () => {
      for (const q of ['tp hcm', 'TP.HCM', 'hcm', 'sg']) {
        expect((await search(q))[0]?.code, q).toBe('79');
      }
      expect((await search('hn'))[0]?.code).toBe('01');
    });

    it('finds Quận 1 of Hồ Chí Minh City in the 2021 list with its full path', async () => {
      for (const q of ['q. 1', 'Q.1', 'quan 1 tp hcm']) {
        const [first] = await search(q, '&list=2021');
        expect(first, q).toMatchObject({
          code: '760',
          level: 'district',
          name: 'Quận 1',
          path: 'Quận 1, Thành phố Hồ Chí Minh',
        });
      }
      const [ward] = await search('p. tân định, q.1', '&list=2021');
      expect(ward?.path).toBe('Phường Tân Định, Quận 1, Thành phố Hồ Chí Minh');
    });

    it('still finds a 2025 unit from an address with its old district', async () => {
      const [first] = await search('P. Tân Định, Q.1, TP.HCM');
      expect(first?.code).toBe('26737');
    });

    it('filters by level and province, and honours the limit', async () => {
      expect(codes(await search('ba dinh', '&province=38'))).toEqual(['16171']);
      const provinces = await search('thanh', '&level=province');
      expect(provinces.length).toBeGreaterThan(0);
      expect(provinces.every((u) => u.level === 'province')).toBe(true);
      expect(await search('xa', '&limit=3')).toHaveLength(3);
    });

    it('rejects an empty, blank, too long or over-limit query', async () => {
      for (const qs of ['q=', 'q=%20', `q=${'a'.repeat(101)}`, 'q=ba&limit=51', 'q=ba&list=2020', '']) {
        const res = await ctx.app.inject({ url: `/api/units/search?${qs}` });
        expect(res.statusCode, qs).toBe(400);
        expect(res.json().code, qs).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('areas for authorization', () => {
    it('maps 2025 codes to areas', () => {
      expect(ctx.services.units.areaOf('01')).toEqual({ provinceCode: '01' });
      expect(ctx.services.units.areaOf('00004')).toEqual({ provinceCode: '01', communeCode: '00004' });
      expect(ctx.services.units.areaOf('16171')).toEqual({ provinceCode: '38', communeCode: '16171' });
      expect(ctx.services.units.areaOf('99999')).toBeNull();
      // A 2021 district is not an area: authorization works on the 2025 list.
      expect(ctx.services.units.areaOf('001')).toBeNull();
      expect(ctx.services.units.nameOf('00004')).toBe('Phường Ba Đình');
      expect(ctx.services.units.nameOf('02')).toBeNull();
    });
  });

  describe('conversion from the 2021 list', () => {
    async function convert(code: string): Promise<UnitConversion> {
      const res = await ctx.app.inject({ url: `/api/units/convert/${code}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }

    it('converts Phường Trúc Bạch into Phường Ba Đình', async () => {
      const conversion = await convert('00004');
      expect(conversion.old).toEqual({
        code: '00004',
        name: 'Phường Trúc Bạch',
        path: 'Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội',
      });
      expect(conversion.to).toHaveLength(1);
      expect(conversion.to[0]).toMatchObject({
        merge: 'whole',
        note: null,
        unit: { code: '00004', name: 'Phường Ba Đình', path: 'Phường Ba Đình, Thành phố Hà Nội' },
      });
    });

    it('lists every new commune a divided commune went into', async () => {
      const conversion = await convert('00016');
      expect(conversion.to.map((t) => [t.unit.code, t.merge])).toEqual([
        ['00004', 'part'],
        ['00008', 'part'],
      ]);
    });

    it('keeps the official note of special cases', async () => {
      const conversion = await convert('25822');
      const bauBang = conversion.to.find((t) => t.unit.code === '25822');
      expect(bauBang).toMatchObject({
        merge: 'other',
        note: 'Đổi tên, đổi loại hình từ một phần thị trấn Lai Uyên',
      });
    });

    it('follows a commune merged before 2025 through the code that kept its name', async () => {
      // 00223 Phường Thịnh Quang merged into another ward that kept the name under code 00235.
      const conversion = await convert('00223');
      expect(conversion.old.name).toBe('Phường Thịnh Quang');
      expect(conversion.to.map((t) => [t.unit.code, t.unit.name, t.merge])).toEqual([
        ['00235', 'Phường Đống Đa', 'by-name'],
      ]);
    });

    it('answers with no successor when even the name is gone', async () => {
      const conversion = await convert('00010');
      expect(conversion.old.name).toBe('Phường Nguyễn Trung Trực');
      expect(conversion.to).toEqual([]);
    });

    it('answers 404 for an unknown code and 400 for a code that is not a commune code', async () => {
      const missing = await ctx.app.inject({ url: '/api/units/convert/99999' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('NOT_FOUND');
      const province = await ctx.app.inject({ url: '/api/units/convert/01' });
      expect(province.statusCode).toBe(400);
    });
  });

  describe('seeding', () => {
    it('does not insert the lists twice', async () => {
      await ctx.services.units.init();
      expect(await getUnits('/api/units')).toHaveLength(34);
      const row = await ctx.database.db
        .selectFrom('admin_units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(3355 + 11367);
    });
  });
});
