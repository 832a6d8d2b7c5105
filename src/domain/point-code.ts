/**
 * The code on a check-in point's poster: a URL `https://HOST/c/<token>`, so a phone's own camera opens
 * the check-in page, with a signed token so a forged poster is caught. The token names the point by its
 * public code and carries the code version: rotating a point's code makes old posters fail.
 */
export interface PointCodeClaims {
  typ: 'c';
  /** the point's public code (points.code) */
  pt: string;
  /** the code version (points.code_version) */
  v: number;
}

/** Posters hang for months; their tokens live as long as signed tokens may. */
export const POINT_CODE_PATH = '/c/';

export function pointUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}${POINT_CODE_PATH}${token}`;
}

/** The token of a scanned poster URL (any host: a poster may predate a domain change); null otherwise. */
export function tokenFromPointUrl(text: string): string | null {
  const m = /^https?:\/\/[^/\s]+\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\/?$/.exec(text.trim());
  return m?.[1] ?? null;
}
