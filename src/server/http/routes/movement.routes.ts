import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dailyDeclarationInputSchema } from '../../../domain/health';
import { movementInputSchema } from '../../../domain/movement';
import {
  dailyDeclarationListSchema,
  dailyDeclarationViewSchema,
  movementListSchema,
  movementViewSchema,
  movementWithTokenSchema,
} from '../../../domain/movement-view';
import type { Services } from '../../container';

const idParams = z.object({ id: z.uuid() });
const movementReply = z.object({ movement: movementViewSchema });

export function movementRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const { movements } = services;

    // Unit codes are checked against the loaded list here, so their errors come back as field errors
    // beside the schema's own.
    const movementBody = movementInputSchema.superRefine((m, ctx) => {
      for (const issue of movements.findUnitIssues(m)) ctx.addIssue({ code: 'custom', ...issue });
    });

    app.post(
      '/api/movements',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'Declare a domestic journey (khai báo di chuyển nội địa); returns its QR token',
          body: movementBody,
          response: { 200: movementWithTokenSchema },
        },
      },
      async (req) => movements.create(req.principal!.userId, req.body),
    );

    app.get(
      '/api/movements',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'The declarations of the account’s persons (or of one), newest first',
          querystring: z.object({ personId: z.uuid().optional() }),
          response: { 200: movementListSchema },
        },
      },
      async (req) => ({ movements: await movements.list(req.principal!.userId, req.query.personId) }),
    );

    app.get(
      '/api/movements/:id',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'One declaration with a fresh QR token (null once it can no longer be used)',
          params: idParams,
          response: { 200: movementWithTokenSchema },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return movements.get(req.principal!.userId, req.params.id);
      },
    );

    app.put(
      '/api/movements/:id',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'Change a declaration before it is used at a checkpoint',
          params: idParams,
          body: movementBody,
          response: { 200: movementWithTokenSchema },
        },
      },
      async (req) => movements.update(req.principal!.userId, req.params.id, req.body),
    );

    app.post(
      '/api/movements/:id/cancel',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'Cancel a declaration before it is used; its QR is revoked',
          params: idParams,
          response: { 200: movementReply },
        },
      },
      async (req) => movements.cancel(req.principal!.userId, req.params.id),
    );

    app.post(
      '/api/movements/:id/arrived',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'Xác nhận đã đến nơi: the destination commune follows up from now on',
          params: idParams,
          response: { 200: movementReply },
        },
      },
      async (req) => movements.confirmArrival(req.principal!.userId, req.params.id),
    );

    app.post(
      '/api/movements/:id/daily',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'Daily declaration while followed up; a second one the same day replaces the first',
          params: idParams,
          body: dailyDeclarationInputSchema,
          response: { 200: z.object({ declaration: dailyDeclarationViewSchema }) },
        },
      },
      async (req) => ({
        declaration: await movements.declareDaily(req.principal!.userId, req.params.id, req.body),
      }),
    );

    app.get(
      '/api/movements/:id/daily',
      {
        config: { access: 'self' },
        schema: {
          tags: ['movements'],
          summary: 'The daily declarations of a journey, newest day first',
          params: idParams,
          response: { 200: dailyDeclarationListSchema },
        },
      },
      async (req) => ({ declarations: await movements.listDaily(req.principal!.userId, req.params.id) }),
    );
  };
}
