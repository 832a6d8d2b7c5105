import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode, errorStatus } from '../../../domain/errors';
import { isValidationKey, type Locale, messages, pickLocale } from '../../../domain/messages';

export function localeOf(req: FastifyRequest): Locale {
  const cookie = req.cookies?.lang;
  return cookie === 'en' || cookie === 'vi' ? cookie : pickLocale(req.headers['accept-language']);
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { code?: string; message?: string; path?: (string | number)[] } };
}

/** A zod issue's message: its validation key when it names one, else by its kind. */
function issueMessage(locale: Locale, issue: { code?: string | undefined; message?: string | undefined }) {
  const m = messages[locale].validation;
  const key = issue.message ?? '';
  if (isValidationKey(key)) return m[key];
  switch (issue.code) {
    case 'too_small':
      return m.tooShort;
    case 'too_big':
      return m.tooLong;
    case 'invalid_type':
      return m.required;
    default:
      return m.invalid;
  }
}

function fieldMessage(locale: Locale, issue: ValidationIssue): string {
  const zodIssue = issue.params?.issue;
  return issueMessage(locale, { code: zodIssue?.code, message: zodIssue?.message ?? issue.message });
}

/** The fields of a value a route checks itself (one item of a batch), as the error body lists them. */
export function issueFields(
  locale: Locale,
  issues: readonly { path: PropertyKey[]; code: string; message: string }[],
): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: issueMessage(locale, i) }));
}

function send(reply: FastifyReply, locale: Locale, code: ErrorCode, extra: Partial<ErrorBody> = {}) {
  const body: ErrorBody = { code, message: messages[locale].errors[code], ...extra };
  return reply.code(errorStatus[code]).send(body);
}

function isFieldList(value: unknown): value is { path: string; key: string }[] {
  return (
    Array.isArray(value) && value.every((f) => typeof f?.path === 'string' && typeof f?.key === 'string')
  );
}

/**
 * A service that finds a field wrong after the schema passed (a commune outside its province) puts
 * `fields: [{ path, key }]` in the details; the body then lists them like schema errors.
 */
function appErrorExtras(locale: Locale, err: AppError): Partial<ErrorBody> {
  if (err.code === 'FORBIDDEN' || !err.details) return {};
  const { fields, ...details } = err.details;
  if (!isFieldList(fields)) return { details: err.details };
  const m = messages[locale].validation;
  return {
    fields: fields.map((f) => ({ path: f.path, message: isValidationKey(f.key) ? m[f.key] : m.invalid })),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

/** The only place an error becomes an HTTP status; 5xx bodies say nothing internal. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = localeOf(req);
    if (err instanceof AppError) {
      if (errorStatus[err.code] >= 500) req.log.error({ err }, 'application error');
      return send(reply, locale, err.code, appErrorExtras(locale, err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = (err.validation as ValidationIssue[]).map((issue) => ({
        path: (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
        message: fieldMessage(locale, issue),
      }));
      return send(reply, locale, 'VALIDATION_FAILED', { fields });
    }
    if (err.statusCode === 429) return send(reply, locale, 'RATE_LIMITED');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, wrong content type.
      return send(reply, locale, err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, locale, 'INTERNAL');
  });
}
