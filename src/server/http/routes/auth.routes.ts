import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationSchema,
  otpRequestSchema,
  otpVerifySchema,
  passwordSignInSchema,
  sessionSchema,
} from '../../../domain/schemas/auth';
import type { Config } from '../../config';
import type { Services } from '../../container';
import { describePrincipal } from '../../services/accounts.service';
import { CSRF_COOKIE, cookieOptions, SESSION_COOKIE, setCsrfCookie } from '../plugins/auth';
import { localeOf } from '../plugins/error-handler';

const okSchema = z.object({ ok: z.literal(true) });

export function authRoutes(config: Config, services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    async function startSession(
      req: FastifyRequest,
      reply: FastifyReply,
      userId: string,
      method: 'otp' | 'password',
    ) {
      if (req.sessionId) await services.sessions.destroy(req.sessionId);
      const s = await services.sessions.create(userId, method, req.headers['user-agent'] ?? null);
      const maxAge = Math.floor((s.expiresAt.getTime() - Date.now()) / 1000);
      reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(config, req, true, maxAge));
      setCsrfCookie(config, req, reply, s.csrfToken);
      const resolved = await services.sessions.resolve(s.token);
      return {
        me: resolved ? describePrincipal(resolved.principal, services.units) : null,
        csrfToken: s.csrfToken,
      };
    }

    app.get(
      '/api/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in; also hands out the CSRF token',
          response: { 200: sessionSchema },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        if (req.principal && req.sessionId) {
          const csrfToken = req.cookies[CSRF_COOKIE] ?? '';
          return { me: describePrincipal(req.principal, services.units), csrfToken };
        }
        const csrfToken = req.cookies[CSRF_COOKIE] ?? randomBytes(24).toString('base64url');
        setCsrfCookie(config, req, reply, csrfToken);
        return { me: null, csrfToken };
      },
    );

    app.post(
      '/api/auth/otp/request',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Send a 6-digit one-time code to a phone',
          body: otpRequestSchema,
          response: { 200: z.object({ expiresInSeconds: z.number() }) },
        },
      },
      async (req) => services.signIn.requestOtp(req.body.phone, req.ip, localeOf(req)),
    );

    app.post(
      '/api/auth/otp/verify',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in (or register) with the code',
          body: otpVerifySchema,
          response: { 200: sessionSchema },
        },
      },
      async (req, reply) => {
        const user = await services.signIn.verifyOtp(req.body.phone, req.body.code, req.ip);
        return startSession(req, reply, user.id, 'otp');
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Staff sign-in',
          body: passwordSignInSchema,
          response: { 200: sessionSchema },
        },
      },
      async (req, reply) => {
        const user = await services.signIn.verifyPassword(req.body.login, req.body.password, req.ip);
        return startSession(req, reply, user.id, 'password');
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: okSchema } } },
      async (req, reply) => {
        if (req.sessionId) await services.sessions.destroy(req.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/api/invitations/accept',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Accept a staff invitation: set a password and sign in',
          body: acceptInvitationSchema,
          response: { 200: sessionSchema },
        },
      },
      async (req, reply) => {
        const user = await services.accounts.acceptInvitation(req.body);
        return startSession(req, reply, user.id, 'password');
      },
    );
  };
}
