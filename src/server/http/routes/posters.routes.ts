import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { posterSizes } from '../../../domain/points';
import type { Services } from '../../container';

const idParams = z.object({ id: z.uuid() });
const sizeQuery = z.object({ size: z.enum(posterSizes).default('A4') });
/** The most pages one PDF may hold: a bus company prints its fleet in a few requests. */
const MAX_POSTERS = 100;
const idsQuery = sizeQuery.extend({
  ids: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.uuid()).min(1, 'required').max(MAX_POSTERS, 'tooLong')),
});

/**
 * Each download signs a fresh token, so nothing may cache it; a poster names the public URL when one
 * is configured, or the host the manager is using.
 */
function baseUrlOf(services: Services, req: FastifyRequest) {
  return services.publicUrl ?? `${req.protocol}://${req.host}`;
}

function sendFile(reply: FastifyReply, type: string, filename: string, body: Buffer | string) {
  return reply
    .header('content-type', type)
    .header('cache-control', 'no-store')
    .header('content-disposition', `inline; filename="${filename}"`)
    .send(body);
}

export function postersRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const posters = services.posters;

    app.get(
      '/api/points/:id/poster.png',
      {
        config: { access: 'points.scan' },
        schema: { tags: ['points'], summary: 'The point’s QR as a PNG (1200 px)', params: idParams },
      },
      async (req, reply) =>
        sendFile(
          reply,
          'image/png',
          'vaora-qr.png',
          await posters.png(req.principal!, req.params.id, baseUrlOf(services, req)),
        ),
    );

    app.get(
      '/api/points/:id/poster.svg',
      {
        config: { access: 'points.scan' },
        schema: { tags: ['points'], summary: 'The point’s QR as SVG', params: idParams },
      },
      async (req, reply) =>
        sendFile(
          reply,
          'image/svg+xml',
          'vaora-qr.svg',
          await posters.svg(req.principal!, req.params.id, baseUrlOf(services, req)),
        ),
    );

    app.get(
      '/api/points/:id/poster.pdf',
      {
        config: { access: 'points.scan' },
        schema: {
          tags: ['points'],
          summary: 'Printable poster (A4: QR 15.5 cm; A5: QR 10.6 cm)',
          params: idParams,
          querystring: sizeQuery,
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          'application/pdf',
          `vaora-poster-${req.query.size}.pdf`,
          await posters.pdf(req.principal!, [req.params.id], req.query.size, baseUrlOf(services, req)),
        ),
    );

    app.get(
      '/api/points/posters.pdf',
      {
        config: { access: 'points.scan' },
        schema: {
          tags: ['points'],
          summary: `Posters of several points, one page each (at most ${MAX_POSTERS})`,
          querystring: idsQuery,
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          'application/pdf',
          `vaora-posters-${req.query.size}.pdf`,
          await posters.pdf(req.principal!, req.query.ids, req.query.size, baseUrlOf(services, req)),
        ),
    );

    app.post(
      '/api/points/:id/rotate-code',
      {
        config: { access: 'points.manage' },
        schema: {
          tags: ['points'],
          summary: 'Rotate the point’s code: every printed poster stops working',
          params: idParams,
          response: {
            200: z.object({ codeVersion: z.number().int(), url: z.string(), token: z.string() }),
          },
        },
      },
      async (req) => posters.rotate(req.principal!, req.params.id, baseUrlOf(services, req)),
    );
  };
}
