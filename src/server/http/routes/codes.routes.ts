import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type CodeCheckReply,
  codeCheckReplySchema,
  codeCheckRequestSchema,
  revocationListSchema,
} from '../../../domain/code-check';
import { issuedCardSchema, liveCardSchema, personalCodeBatchSchema } from '../../../domain/code-views';
import { messages } from '../../../domain/messages';
import type { Services } from '../../container';
import { localeOf } from '../plugins/error-handler';
import { noStore } from '../plugins/security-headers';

const personParams = z.object({ id: z.uuid() });

export function codesRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const { personalCodes } = services;

    // Tokens are as good as the QR on the screen, and scan results show personal data: no cache keeps them.
    app.addHook('onRequest', noStore);

    app.post(
      '/api/persons/:id/codes',
      {
        config: { access: 'self' },
        schema: {
          tags: ['codes'],
          summary: 'A batch of personal QR tokens that take turns, with the status colour',
          params: personParams,
          response: { 200: personalCodeBatchSchema },
        },
      },
      async (req) => personalCodes.issueBatch(req.principal!.userId, req.params.id),
    );

    app.post(
      '/api/persons/:id/card',
      {
        config: { access: 'self' },
        schema: {
          tags: ['codes'],
          summary: 'Issue a printed card for someone without a phone; the previous card stops working',
          params: personParams,
          response: { 200: issuedCardSchema },
        },
      },
      async (req) => personalCodes.issueCard(req.principal!.userId, req.params.id),
    );

    app.get(
      '/api/persons/:id/card',
      {
        config: { access: 'self' },
        schema: {
          tags: ['codes'],
          summary: 'The live printed card and its token, or nulls',
          params: personParams,
          response: { 200: liveCardSchema },
        },
      },
      async (req) =>
        (await personalCodes.findLiveCard(req.principal!.userId, req.params.id)) ?? {
          card: null,
          token: null,
        },
    );

    app.post(
      '/api/persons/:id/card/revoke',
      {
        config: { access: 'self' },
        schema: {
          tags: ['codes'],
          summary: 'Revoke the printed card (lost or stolen)',
          params: personParams,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await personalCodes.revokeCard(req.principal!.userId, req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/persons/:id/card.svg',
      {
        config: { access: 'self' },
        schema: {
          tags: ['codes'],
          summary: 'The printed card’s QR as SVG, for the printable page',
          params: personParams,
        },
      },
      async (req, reply) => {
        const svg = await personalCodes.renderCardSvg(req.principal!.userId, req.params.id);
        return reply.type('image/svg+xml').send(svg);
      },
    );

    app.post(
      '/api/codes/verify',
      {
        config: { access: 'codes.verify' },
        schema: {
          tags: ['codes'],
          summary: 'Verify a scanned personal, movement or card code; a refused code is a 200 result',
          body: codeCheckRequestSchema,
          response: { 200: codeCheckReplySchema },
        },
      },
      async (req): Promise<CodeCheckReply> => {
        const result = await personalCodes.verify(req.principal!, req.body.token, req.ip);
        if (result.valid) return result;
        return { ...result, message: messages[localeOf(req)].errors[result.code] };
      },
    );

    app.get(
      '/api/codes/revocations',
      {
        config: { access: 'codes.verify' },
        schema: {
          tags: ['codes'],
          summary: 'Revoked card ids and cancelled declaration ids, for scanners that verify offline',
          querystring: z.object({ since: z.iso.datetime({ offset: true }).optional() }),
          response: { 200: revocationListSchema },
        },
      },
      async (req) => personalCodes.listRevocations(req.query.since ? new Date(req.query.since) : undefined),
    );
  };
}
