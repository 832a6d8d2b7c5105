/** Unicode NFC: "Nguyễn" typed composed or decomposed is stored as the same string. */
export function normalizeName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Lower case without diacritics, đ → d, punctuation to spaces: the form used for search and matching
 * ("Phường Ba Đình" → "phuong ba dinh").
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Text without diacritics, case kept: SMS with diacritics are split after 70 characters. */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
