import { describe, expect, it } from 'vitest';
import { authorize, can, covers, type Principal } from '../../src/domain/access';
import { AppError } from '../../src/domain/errors';

const officer = (scope: Principal['grants'][number]['scope']): Principal => ({
  userId: 'u1',
  displayName: 'Cán bộ',
  phone: null,
  email: 'x@y.vn',
  grants: [{ role: 'health_officer', scope }],
  pointIds: [],
  persons: [],
});

describe('scopes', () => {
  const dongXoai = { provinceCode: '75', communeCode: '25210' };
  const binhPhuoc = { provinceCode: '75', communeCode: '25195' };

  it('a commune covers itself only', () => {
    const scope = { level: 'commune', provinceCode: '75', communeCode: '25210' } as const;
    expect(covers(scope, dongXoai)).toBe(true);
    expect(covers(scope, binhPhuoc)).toBe(false);
    expect(covers(scope, { provinceCode: '75' })).toBe(false);
  });

  it('a province covers its communes, the country covers all, points cover no area', () => {
    expect(covers({ level: 'province', provinceCode: '75' }, binhPhuoc)).toBe(true);
    expect(covers({ level: 'province', provinceCode: '79' }, binhPhuoc)).toBe(false);
    expect(covers({ level: 'country' }, binhPhuoc)).toBe(true);
    expect(covers({ level: 'points' }, binhPhuoc)).toBe(false);
  });

  it('authorize answers 401 for nobody and 403 outside the scope', () => {
    const p = officer({ level: 'commune', provinceCode: '75', communeCode: '25210' });
    expect(() => authorize(null, 'points.read-area')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    expect(authorize(p, 'points.read-area', dongXoai)).toBe(p);
    expect(() => authorize(p, 'points.read-area', binhPhuoc)).toThrow(AppError);
    expect(() => authorize(p, 'accounts.manage')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('anyone with a phone is a citizen for their own data', () => {
    expect(can({ ...officer({ level: 'country' }), phone: '0912345678' }, 'self')).toBe(true);
    expect(can(officer({ level: 'country' }), 'self')).toBe(false);
  });
});
