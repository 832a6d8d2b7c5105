import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { messages } from '../../../domain/messages';
import {
  legacyCodeSchema,
  legacyCodesImportSchema,
  POINT_IMPORT_MAX_BYTES,
  pointImportRowErrorSchema,
  pointSummarySchema,
} from '../../../domain/points';
import type { Services } from '../../container';
import { localeOf } from '../plugins/error-handler';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk registration from a spreadsheet, and the administrator's table of legacy codes. */
export function pointAdminRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    // Only this plugin takes spreadsheets; the raw file goes to the service.
    app.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: 'buffer', bodyLimit: POINT_IMPORT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/api/points/import-template.xlsx',
      {
        config: { access: 'self' },
        schema: { tags: ['points'], summary: 'The spreadsheet template for bulk registration' },
      },
      async (_req, reply) =>
        reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="vaora-mau-diem-quet-ma.xlsx"')
          .send(await services.pointImport.template()),
    );

    app.post(
      '/api/points/import',
      {
        config: { access: 'self' },
        schema: {
          tags: ['points'],
          summary: `Register many points from an .xlsx body (${XLSX_TYPE}); all rows or none`,
          response: {
            201: z.object({ created: z.number().int(), points: z.array(pointSummarySchema) }),
            400: z.object({
              code: z.string(),
              message: z.string(),
              details: z.object({ rows: z.array(pointImportRowErrorSchema) }).optional(),
              fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
            }),
          },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) {
          const message = messages[localeOf(req)].validation.importFile;
          throw new AppError('VALIDATION_FAILED', { rows: [{ row: 0, field: 'file', message }] });
        }
        const points = await services.pointImport.importPoints(req.principal!, req.body, localeOf(req));
        return reply.code(201).send({ created: points.length, points });
      },
    );

    app.post(
      '/api/admin/legacy-codes',
      {
        config: { access: 'legacy-codes.manage' },
        schema: {
          tags: ['admin'],
          summary:
            'Import legacy BlueZone/VHD codes → points (audited); nothing is stored if any row is wrong',
          body: legacyCodesImportSchema,
          response: {
            200: z.object({
              imported: z.number().int(),
              errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
            }),
          },
        },
      },
      async (req) => services.legacyCodes.import(req.principal!, req.body, localeOf(req), req.ip),
    );

    app.get(
      '/api/admin/legacy-codes',
      {
        config: { access: 'legacy-codes.manage' },
        schema: {
          tags: ['admin'],
          summary: 'Imported legacy codes, newest first (at most 1,000)',
          querystring: z.object({ pointCode: z.string().trim().max(50).optional() }),
          response: { 200: z.object({ codes: z.array(legacyCodeSchema) }) },
        },
      },
      async (req) => ({ codes: await services.legacyCodes.list(req.query.pointCode || undefined) }),
    );
  };
}
