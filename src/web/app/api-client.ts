import type { ErrorCode } from '../../domain/errors';

/** An error the API answered with, or `NETWORK` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    readonly status: number,
    /** The server's message, already in the language of the `lang` cookie; empty for NETWORK. */
    readonly serverMessage: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

const CSRF_COOKIE = 'vaora_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called when a request finds the session gone (expired, signed out in another tab). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isErrorBody(
  v: unknown,
): v is { code: ErrorCode; message: string; fields?: unknown; details?: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}

async function csrfToken(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  // The first state-changing request of a fresh browser: the session endpoint sets the cookie.
  const session = await api<{ csrfToken: string }>('GET', '/api/session');
  return readCookie(CSRF_COOKIE) ?? session.csrfToken;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Query string values; undefined and empty strings are left out. */
  query?: Record<string, string | number | undefined>;
}

/**
 * The one way the web talks to the API: same-origin cookies, the CSRF header on every state-changing
 * request, and error bodies turned into ApiError.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) headers['x-csrf-token'] = await csrfToken();

  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) {
      if (v !== undefined && v !== '') params.set(k, String(v));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }

  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('NETWORK', 0, '');
  }

  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (res.ok) return data as T;

  if (isErrorBody(data)) {
    if (data.code === 'UNAUTHENTICATED') for (const l of unauthenticatedListeners) l();
    const fields = Array.isArray(data.fields) ? (data.fields as { path: string; message: string }[]) : [];
    const details =
      typeof data.details === 'object' && data.details !== null
        ? (data.details as Record<string, unknown>)
        : {};
    throw new ApiError(data.code, res.status, data.message, fields, details);
  }
  // A proxy's error page or a gateway timeout: nothing the user can act on but to retry.
  throw new ApiError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', res.status, '');
}
