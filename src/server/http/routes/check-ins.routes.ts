import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkInExportQuerySchema,
  checkInListQuerySchema,
  checkInListReplySchema,
  checkInSummaryQuerySchema,
  checkInSummaryReplySchema,
  resolveCodeRequestSchema,
  resolvedPointSchema,
  SCAN_MAX_AGE_MS,
  type ScanResult,
  scanBatchReplySchema,
  scanBatchRequestSchema,
  scanItemSchema,
  selfCheckInReplySchema,
  selfCheckInRequestSchema,
} from '../../../domain/check-in';
import { messages } from '../../../domain/messages';
import type { Config } from '../../config';
import type { Services } from '../../container';
import type { ExportFile } from '../../services/check-in-export.service';
import { issueFields, localeOf } from '../plugins/error-handler';
import { noStore } from '../plugins/security-headers';

const pointParams = z.object({ id: z.uuid() });

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function checkInsRoutes(config: Config, services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const { checkIns, checkInList, checkInExport, checkInBatcher } = services;

    // Rows may wait in the batcher for a write under way: write them before the database closes.
    app.addHook('onClose', async () => checkInBatcher.drain());
    app.addHook('onRequest', noStore);

    app.post(
      '/api/check-ins/resolve',
      {
        config: { access: 'self' },
        schema: {
          tags: ['check-ins'],
          summary: 'The point a scanned poster URL, token or legacy code names',
          body: resolveCodeRequestSchema,
          response: { 200: resolvedPointSchema },
        },
      },
      async (req) => checkIns.resolve(req.body.code),
    );

    app.post(
      '/api/check-ins/self',
      {
        config: { access: 'self' },
        schema: {
          tags: ['check-ins'],
          summary: 'Way 1: the caller and their dependants check in at the scanned point',
          body: selfCheckInRequestSchema,
          response: { 200: selfCheckInReplySchema },
        },
      },
      async (req) => checkIns.checkInSelf(req.principal!, req.body),
    );

    app.post(
      '/api/points/:id/scans',
      {
        config: { access: 'points.scan' },
        schema: {
          tags: ['check-ins'],
          summary: 'Way 2 and offline sync: staff record scanned people; each item is stored once',
          params: pointParams,
          body: scanBatchRequestSchema,
          response: { 200: scanBatchReplySchema },
        },
      },
      async (req) => {
        const locale = localeOf(req);
        const errors = messages[locale].errors;
        // Each item is checked on its own: a malformed one is refused alone, the others go on.
        const parsed = req.body.items.map((raw) => ({ raw, check: scanItemSchema.safeParse(raw) }));
        const valid = parsed.flatMap((p) => (p.check.success ? [p.check.data] : []));
        const recorded = new Map(
          (await checkIns.recordScans(req.principal!, req.params.id, valid)).map((r, i) => [valid[i], r]),
        );
        return {
          results: parsed.map(({ raw, check }): ScanResult => {
            if (!check.success) {
              return {
                id: raw.id,
                status: 'rejected',
                code: 'VALIDATION_FAILED',
                message: errors.VALIDATION_FAILED,
                fields: issueFields(locale, check.error.issues),
              };
            }
            const r = recorded.get(check.data)!;
            return {
              id: r.id,
              status: r.status,
              ...(r.code ? { code: r.code, message: errors[r.code] } : {}),
              ...(r.person ? { person: r.person } : {}),
            };
          }),
        };
      },
    );

    app.get(
      '/api/points/:id/check-ins',
      {
        config: { access: 'points.scan' },
        schema: {
          tags: ['check-ins'],
          summary: 'The point’s check-ins, newest first (owner and staff of the point; each read is audited)',
          params: pointParams,
          querystring: checkInListQuerySchema,
          response: { 200: checkInListReplySchema },
        },
      },
      async (req) => checkInList.list(req.principal!, req.params.id, req.query, req.ip),
    );

    app.get(
      '/api/points/:id/check-ins/summary',
      {
        config: { access: 'points.scan' },
        schema: {
          tags: ['check-ins'],
          summary: 'Check-ins of a day (Asia/Ho_Chi_Minh) in total and per hour',
          params: pointParams,
          querystring: checkInSummaryQuerySchema,
          response: { 200: checkInSummaryReplySchema },
        },
      },
      async (req) => checkInList.summary(req.principal!, req.params.id, req.query.date),
    );

    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/points/:id/check-ins/export.${format}`,
        {
          config: { access: 'points.manage' },
          schema: {
            tags: ['check-ins'],
            summary: `The point’s check-ins as .${format} (owner only; the purpose is audited)`,
            params: pointParams,
            querystring: checkInExportQuerySchema,
          },
        },
        async (req, reply) => {
          const file: ExportFile =
            format === 'xlsx'
              ? await checkInExport.exportXlsx(req.principal!, req.params.id, req.query, req.ip)
              : await checkInExport.exportCsv(req.principal!, req.params.id, req.query, req.ip);
          return reply
            .type(file.contentType)
            .header('content-disposition', attachment(file.fileName))
            .send(file.body);
        },
      );
    }

    // A bare route for the benchmark: the same row as a scan, batched the same way, nothing else.
    if (config.BENCH_ROUTES) {
      app.post(
        '/api/bench/check-in-baseline',
        {
          config: { access: 'public' },
          schema: {
            hide: true,
            body: z.object({
              pointId: z.uuid(),
              provinceCode: z.string().max(5),
              fullName: z.string().max(100),
            }),
            response: { 200: z.object({ id: z.string() }) },
          },
        },
        async (req) => {
          const id = randomUUID();
          const at = new Date();
          await checkInBatcher.add({
            id,
            at,
            receivedAt: at,
            pointId: req.body.pointId,
            provinceCode: req.body.provinceCode,
            personId: null,
            method: 'hand_entry',
            direction: 'in',
            fullName: req.body.fullName,
            phone: null,
            birthYear: 1990,
            gender: null,
            idNumberMasked: null,
            address: null,
            recordedBy: null,
            unlessSince: null,
            // The same claim as a scan's, so that the baseline still writes the same as one.
            deviceKey: `i:${id}`,
            tokenKey: null,
            claimUntil: new Date(at.getTime() + SCAN_MAX_AGE_MS),
          });
          return { id };
        },
      );
    }
  };
}
