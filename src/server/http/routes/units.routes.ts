import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { unitCodeSchema } from '../../../domain/schemas/auth';
import {
  communeCodeSchema,
  unitChildrenQuerySchema,
  unitConversionSchema,
  unitListQuerySchema,
  unitSearchQuerySchema,
  unitSummarySchema,
} from '../../../domain/units';
import type { Services } from '../../container';

const unitsResponse = z.object({ units: z.array(unitSummarySchema) });

/** The lists change by decree, a few times a decade: caches and the PWA may keep them for a day. */
function cacheForADay(reply: FastifyReply) {
  reply.header('cache-control', 'public, max-age=86400');
}

export function unitsRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/units',
      {
        config: { access: 'public' },
        schema: {
          tags: ['units'],
          summary: 'Units under a parent (no parent: the provinces), in Vietnamese order',
          querystring: unitChildrenQuerySchema,
          response: { 200: unitsResponse },
        },
      },
      async (req, reply) => {
        const units = services.units.children(req.query.parent ?? null, req.query.list);
        if (!units) throw new AppError('NOT_FOUND', { code: req.query.parent });
        cacheForADay(reply);
        return { units };
      },
    );

    app.get(
      '/api/units/search',
      {
        config: { access: 'public' },
        schema: {
          tags: ['units'],
          summary: 'Units by name: without diacritics, abbreviations (P., Q., TP.), province after the name',
          querystring: unitSearchQuerySchema,
          response: { 200: unitsResponse },
        },
      },
      async (req, reply) => {
        const { q, list, level, province, limit } = req.query;
        const units = services.units.search(q, { list, level, provinceCode: province, limit });
        cacheForADay(reply);
        return { units };
      },
    );

    app.get(
      '/api/units/convert/:oldCode',
      {
        config: { access: 'public' },
        schema: {
          tags: ['units'],
          summary: 'The 2025 commune(s) a commune of the 2021 list went into',
          params: z.object({ oldCode: communeCodeSchema }),
          response: { 200: unitConversionSchema },
        },
      },
      async (req, reply) => {
        const conversion = await services.units.convert(req.params.oldCode);
        if (!conversion) throw new AppError('NOT_FOUND', { code: req.params.oldCode });
        cacheForADay(reply);
        return conversion;
      },
    );

    app.get(
      '/api/units/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['units'],
          summary: 'One unit, with its path',
          params: z.object({ code: unitCodeSchema }),
          querystring: unitListQuerySchema,
          response: { 200: z.object({ unit: unitSummarySchema }) },
        },
      },
      async (req, reply) => {
        const unit = services.units.get(req.params.code, req.query.list);
        if (!unit) throw new AppError('NOT_FOUND', { code: req.params.code });
        cacheForADay(reply);
        return { unit };
      },
    );
  };
}
