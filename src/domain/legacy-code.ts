/**
 * The normal form of a legacy BlueZone/VHD place code or URL, as stored in `legacy_codes.code` and as
 * looked up at scan time: trimmed; for URLs the scheme and host in lower case and no trailing slash
 * (the path and query are case-sensitive and kept).
 */
export function normalizeLegacyCode(input: string): string {
  const text = input.trim();
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(text);
  if (!m) return text;
  const rest = (m[3] ?? '').replace(/\/+$/, '');
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${rest}`;
}
