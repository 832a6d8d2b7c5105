import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../src/domain/phone';
import { foldText, normalizeName } from '../../src/domain/text';

describe('names and phones', () => {
  it('stores "Nguyễn" typed composed or decomposed as the same string', () => {
    const composed = 'Nguy\u1EC5n';
    const decomposed = 'Nguye\u0302\u0303n';
    expect(composed).not.toBe(decomposed);
    expect(normalizeName(decomposed)).toBe(normalizeName(composed));
    expect(normalizeName('  Trần   Thị  Hồng ')).toBe('Trần Thị Hồng');
  });

  it('folds Vietnamese to a search form', () => {
    expect(foldText('Phường Ba Đình')).toBe('phuong ba dinh');
    expect(foldText('TP. Hồ Chí Minh')).toBe('tp ho chi minh');
    expect(foldText('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('accepts phone numbers as people type them', () => {
    expect(normalizePhone('0912 345 678')).toBe('0912345678');
    expect(normalizePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('091234567')).toBeNull();
    expect(normalizePhone('phone')).toBeNull();
    expect(maskPhone('0912345678')).toBe('0912***678');
  });
});
