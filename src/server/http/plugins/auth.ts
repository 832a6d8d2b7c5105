import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Access, type Area, authorize, type Principal } from '../../../domain/access';
import { AppError } from '../../../domain/errors';
import type { Config } from '../../config';
import type { Services } from '../../container';

export const SESSION_COOKIE = 'vaora_session';
export const CSRF_COOKIE = 'vaora_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every route must declare it; registration fails otherwise. */
    access?: Access;
    /** The administrative unit the request is about, checked against the caller's scope. */
    unitCode?: (req: FastifyRequest) => string;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for tests and the documentation. */
    routeAccess: { method: string; url: string; access: Access | undefined }[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionId: string | null;
    /** Set when config.unitCode is declared: the area already authorized for this request. */
    area: Area | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(
  config: Config,
  req: FastifyRequest,
  httpOnly: boolean,
  maxAgeSeconds?: number,
) {
  const secure =
    config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && req.protocol === 'https');
  // Lax, not Strict: a poster's QR or an SMS link opened from another app must arrive signed in.
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function setCsrfCookie(config: Config, req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(config, req, false));
}

/**
 * Loads the caller from the session cookie, checks CSRF on state-changing requests (double submit:
 * the header must repeat the CSRF cookie, which another site can neither read nor set), then applies
 * the route's declared access.
 */
export function registerAuth(app: FastifyInstance, services: Services) {
  const table: FastifyInstance['routeAccess'] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      table.push({ method, url: route.url, access: route.config?.access });
  });
  app.addHook('onReady', async () => {
    const undeclared = table.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    if (undeclared.length) throw new Error(`Routes without an access declaration: ${undeclared.join(', ')}`);
  });

  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('area', null);

  // Before the body is validated: a caller without the right learns nothing of a route's schema, and
  // every route answers 401/403 alike whatever is sent (test/api/authorization.test.ts walks them all).
  app.addHook('preValidation', async (req) => {
    // routeOptions is a getter that builds a new object on every read.
    const { config } = req.routeOptions;
    const { access } = config;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await services.sessions.resolve(token) : null;
    if (session) {
      req.principal = session.principal;
      req.sessionId = session.id;
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      const cookie = req.cookies[CSRF_COOKIE];
      const expected = session ? session.csrfToken : cookie;
      if (!expected || typeof header !== 'string' || header !== expected || header !== cookie) {
        throw new AppError('CSRF_FAILED');
      }
    }
    if (!access || access === 'public') return;
    if (access === 'signed-in') {
      if (!req.principal) throw new AppError('UNAUTHENTICATED');
      return;
    }
    const unitCode = config.unitCode?.(req);
    if (unitCode === undefined) {
      authorize(req.principal, access);
      return;
    }
    authorize(req.principal, access);
    const area = services.units.areaOf(unitCode);
    if (!area) throw new AppError('NOT_FOUND', { unitCode });
    authorize(req.principal, access, area);
    req.area = area;
  });
}
