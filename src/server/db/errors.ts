/**
 * Whether PostgreSQL refused a statement because of a value in it (SQLSTATE class 22, data exception:
 * a NUL byte, a number or date out of range; class 23, an integrity rule) rather than because the
 * database is unreachable or busy. pg and PGlite both carry the SQLSTATE in `code`.
 */
export function isValueRefused(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 && (code.startsWith('22') || code.startsWith('23'));
}
