import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../container';

const noticeSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  kind: z.enum(['exposure', 'follow_up', 'declaration', 'info']),
  /** What the text of the kind needs, e.g. `{ pointName, at }`; the web writes the sentence. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

const unreadSchema = z.object({ unread: z.number().int() });

export function noticesRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/notices',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'The account’s inbox, newest first, with the number unread',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ notices: z.array(noticeSchema), unread: z.number().int() }) },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return services.notices.list(req.principal!, req.query.limit);
      },
    );

    app.post(
      '/api/notices/:id/read',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Mark one notice read; returns how many stay unread',
          params: z.object({ id: z.uuid() }),
          response: { 200: unreadSchema },
        },
      },
      async (req) => ({ unread: await services.notices.markRead(req.principal!, req.params.id) }),
    );

    app.post(
      '/api/notices/read-all',
      {
        config: { access: 'self' },
        schema: { tags: ['citizen'], summary: 'Mark every notice read', response: { 200: unreadSchema } },
      },
      async (req) => ({ unread: await services.notices.markAllRead(req.principal!) }),
    );
  };
}
