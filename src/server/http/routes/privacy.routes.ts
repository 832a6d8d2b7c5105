import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../container';
import { SESSION_COOKIE } from '../plugins/auth';

/** Typed by hand ("XOA", without diacritics on any keyboard), so no stray tap deletes an account. */
export const ACCOUNT_DELETION_WORD = 'XOA';

const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.date(),
  actorName: z.string(),
  /** A role key (`health_officer`…) or `citizen`. */
  actorRole: z.string(),
  action: z.enum(['read', 'export', 'update', 'delete']),
  purpose: z.string(),
  personId: z.string(),
  personName: z.string(),
});

export function privacyRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/me/access-log',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Who accessed the data of the account’s persons, when and why; newest first',
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            before: z.iso
              .datetime({ offset: true })
              .transform((s) => new Date(s))
              .optional(),
          }),
          response: { 200: z.object({ entries: z.array(accessLogEntrySchema) }) },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const { limit, before } = req.query;
        return { entries: await services.privacy.accessLog(req.principal!, { limit, before }) };
      },
    );

    app.delete(
      '/api/me',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: `Delete the account and all its persons’ data; the body must be { "confirm": "${ACCOUNT_DELETION_WORD}" }`,
          body: z.object({ confirm: z.literal(ACCOUNT_DELETION_WORD, 'invalid') }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req, reply) => {
        await services.privacy.deleteAccount(req.principal!);
        // The session row went with the account; the cookie goes as on sign-out.
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
  };
}
