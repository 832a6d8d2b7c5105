/**
 * Stable, machine-readable error codes. Services throw AppError(code); the HTTP error handler maps the
 * code to a status (the only such table) and the web shows the message from its i18n catalogue
 * under `errors.<code>`.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  OTP_INVALID: 400,
  OTP_EXPIRED: 400,
  OTP_TOO_MANY_ATTEMPTS: 429,
  BAD_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  INVITATION_INVALID: 400,
  TOKEN_MALFORMED: 400,
  TOKEN_TAMPERED: 400,
  TOKEN_BAD_SIGNATURE: 400,
  TOKEN_UNKNOWN_KEY: 400,
  TOKEN_EXPIRED: 400,
  TOKEN_NOT_YET_VALID: 400,
  TOKEN_REVOKED: 400,
  POINT_CODE_ROTATED: 400,
  POINT_CLOSED: 409,
  UNKNOWN_CODE: 404,
  SCAN_TIME_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  UPLOAD_BUSY: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** The body of every error response. `message` is in the caller's language. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}
