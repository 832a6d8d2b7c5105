import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pointSummarySchema } from '../../../domain/points';
import { unitCodeSchema } from '../../../domain/schemas/auth';
import type { Services } from '../../container';

export function pointsRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/units/:code/points',
      {
        config: { access: 'points.read-area', unitCode: (req) => (req.params as { code: string }).code },
        schema: {
          tags: ['points'],
          summary: 'Check-in points of a province or commune (within the caller’s scope)',
          params: z.object({ code: unitCodeSchema }),
          response: { 200: z.object({ points: z.array(pointSummarySchema) }) },
        },
      },
      async (req) => ({ points: await services.points.listInArea(req.area!) }),
    );

    app.get(
      '/api/me/points',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['points'],
          summary: 'Points the caller owns or may scan for',
          response: { 200: z.object({ points: z.array(pointSummarySchema) }) },
        },
      },
      async (req) => ({ points: await services.points.listMine(req.principal!) }),
    );
  };
}
