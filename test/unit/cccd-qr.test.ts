import { describe, expect, it } from 'vitest';
import { decodeCccdQr } from '../../src/domain/cccd-qr';

const FULL =
  '001090012345|123456789|Nguyễn Văn An|01051990|Nam|Số 5 Lê Lợi, Phường Đồng Xoài, Tỉnh Đồng Nai|15082021';

describe('chip ID card (CCCD) QR', () => {
  it('decodes the fields and keeps the ID only masked, dropping the old ID', () => {
    const r = decodeCccdQr(FULL);
    expect(r).toEqual({
      ok: true,
      value: {
        idNumberMasked: '********2345',
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-05-01',
        birthYear: 1990,
        gender: 'male',
        address: 'Số 5 Lê Lợi, Phường Đồng Xoài, Tỉnh Đồng Nai',
        issuedOn: '2021-08-15',
      },
    });
    expect(JSON.stringify(r)).not.toContain('123456789');
    expect(JSON.stringify(r)).not.toContain('001090012345');
  });

  it('decodes a card without the old ID (empty field or none), a woman, a trailing newline', () => {
    const empty = decodeCccdQr('079303001234||Trần Thị Bình|29022000|Nữ|Hà Nội|01012022\r\n');
    expect(empty.ok && empty.value).toMatchObject({
      gender: 'female',
      birthDate: '2000-02-29',
      idNumberMasked: '********1234',
    });
    const absent = decodeCccdQr('079303001234|Trần Thị Bình|29022000|Nữ|Hà Nội|01012022');
    expect(absent).toEqual(empty);
  });

  it('stores names in NFC whatever form the reader typed', () => {
    const r = decodeCccdQr(FULL.replace('Nguyễn Văn An', 'Nguyễn Văn An'.normalize('NFD')));
    expect(r.ok && r.value.fullName).toBe('Nguyễn Văn An');
  });

  it.each([
    ['', 'EMPTY'],
    ['001090012345|123456789|Nguyễn Văn An', 'FIELD_COUNT'],
    ['00109001234|123456789|Nguyễn Văn An|01051990|Nam|Hà Nội|15082021', 'ID_NUMBER'],
    ['001090012345|12345|Nguyễn Văn An|01051990|Nam|Hà Nội|15082021', 'ID_NUMBER'],
    ['001090012345|123456789||01051990|Nam|Hà Nội|15082021', 'NAME'],
    ['001090012345|123456789|Nguyễn Văn An|31021990|Nam|Hà Nội|15082021', 'BIRTH_DATE'],
    ['001090012345|123456789|Nguyễn Văn An|1990-05-01|Nam|Hà Nội|15082021', 'BIRTH_DATE'],
    ['001090012345|123456789|Nguyễn Văn An|01051990|X|Hà Nội|15082021', 'GENDER'],
    ['001090012345|123456789|Nguyễn Văn An|01051990|Nam||15082021', 'ADDRESS'],
    ['001090012345|123456789|Nguyễn Văn An|01051990|Nam|Hà Nội|2021', 'ISSUE_DATE'],
  ])('refuses %j with %s', (text, reason) => {
    expect(decodeCccdQr(text)).toEqual({ ok: false, reason });
  });
});
