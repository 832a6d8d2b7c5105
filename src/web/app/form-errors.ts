import type { TFunction } from 'i18next';
import type { ZodError } from 'zod';
import { isValidationKey } from '../../domain/messages';
import { ApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/** The words for an error: ours for a known code, so the screen never shows a raw code. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError)
    return t(`errors.${err.code}`, { defaultValue: err.serverMessage || t('errors.INTERNAL') });
  return t('errors.INTERNAL');
}

/** Messages of the shared zod schemas, by field: the schemas' messages are keys of `validation`. */
export function zodFieldErrors(error: ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field in out) continue;
    if (isValidationKey(issue.message)) out[field] = t(`validation.${issue.message}`);
    else if (issue.code === 'too_small') out[field] = t('validation.tooShort');
    else if (issue.code === 'too_big') out[field] = t('validation.tooLong');
    else if (issue.code === 'invalid_type') out[field] = t('validation.required');
    else out[field] = t('validation.invalid');
  }
  return out;
}

/** Field errors the server found (already in the user's language), by the first part of their path. */
export function apiFieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) {
    const field = f.path.split('.')[0] ?? '';
    if (!(field in out)) out[field] = f.message;
  }
  return out;
}

function issueMessage(issue: ZodError['issues'][number], t: TFunction): string {
  if (isValidationKey(issue.message)) return t(`validation.${issue.message}`);
  if (issue.code === 'too_small') return t('validation.tooShort');
  if (issue.code === 'too_big') return t('validation.tooLong');
  if (issue.code === 'invalid_type') return t('validation.required');
  return t('validation.invalid');
}

/**
 * Messages of a shared zod schema by full dotted path ("origin.communeCode",
 * "companions.0.answers.symptoms"), for forms with nested parts; the first message of a path wins.
 */
export function zodPathErrors(error: ZodError, t: TFunction, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = prefix + issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issueMessage(issue, t);
  }
  return out;
}

/** Field errors the server found, by full dotted path (already in the user's language). */
export function apiPathErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) if (!(f.path in out)) out[f.path] = f.message;
  return out;
}
