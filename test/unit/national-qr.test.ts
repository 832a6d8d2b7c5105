import { describe, expect, it } from 'vitest';
import { decodeNationalQr, maskIdNumber } from '../../src/domain/national-qr';

describe('national personal QR v1.1', () => {
  it('decodes the example with its masked fields and the extra fields', () => {
    const r = decodeNationalQr('******123456|NGUYEN VAN AN|1990-**-**|0|QID123|1<GD4877*******<0943******');
    expect(r).toEqual({
      ok: true,
      value: {
        idNumberMasked: '******123456',
        fullName: 'NGUYEN VAN AN',
        birthDate: '1990-**-**',
        birthYear: 1990,
        declaredBy: 'self',
        qid: 'QID123',
        declarerQid: null,
        gender: 'male',
        insuranceNumberMasked: 'GD4877*******',
        phoneMasked: '0943******',
      },
    });
  });

  it('reads a declaration made by another person, with the declarer’s QID first', () => {
    const r = decodeNationalQr('******654321|TRAN THI BINH|2015-03-04|1|QID999|QID123<0<<0912******<SIG');
    expect(r.ok && r.value).toMatchObject({
      declaredBy: 'other',
      declarerQid: 'QID123',
      gender: 'female',
      insuranceNumberMasked: null,
      phoneMasked: '0912******',
      birthYear: 2015,
    });
  });

  it('masks an ID number or phone that arrives in clear, keeping only the last 4 digits', () => {
    const r = decodeNationalQr('079203001234|LE VAN C|1980-01-02|0|Q1|2<<0912345678');
    expect(r.ok && r.value).toMatchObject({
      idNumberMasked: '********1234',
      gender: 'other',
      phoneMasked: '0912***678',
    });
    expect(maskIdNumber('001090012345')).toBe('********2345');
  });

  it('accepts an empty EXT', () => {
    const r = decodeNationalQr('******123456|NGUYEN VAN AN|1990-05-01|0|QID123|');
    expect(r.ok && r.value.gender).toBeNull();
  });

  it.each([
    ['', 'EMPTY'],
    ['just some text', 'FIELD_COUNT'],
    ['a|b|c', 'FIELD_COUNT'],
    ['******123456|NGUYEN VAN AN|1990-**-**|0|QID123|1|extra|more', 'FIELD_COUNT'],
    ['12#45|NGUYEN VAN AN|1990-**-**|0|QID123|1', 'ID_NUMBER'],
    ['******123456||1990-**-**|0|QID123|1', 'NAME'],
    ['******123456|NGUYEN VAN AN|01/05/1990|0|QID123|1', 'BIRTH_DATE'],
    ['******123456|NGUYEN VAN AN|1990-13-01|0|QID123|1', 'BIRTH_DATE'],
    ['******123456|NGUYEN VAN AN|1990-**-**|7|QID123|1', 'ID_TYPE'],
    ['******123456|NGUYEN VAN AN|1990-**-**|0|QID123|QIDX<9', 'GENDER'],
  ])('refuses %j with %s', (text, reason) => {
    expect(decodeNationalQr(text)).toEqual({ ok: false, reason });
  });
});
