import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addStaffSchema,
  myPointSchema,
  pointDetailSchema,
  pointInputSchema,
  pointStaffSchema,
  pointSummarySchema,
} from '../../../domain/points';
import { unitCodeSchema } from '../../../domain/schemas/auth';
import type { Services } from '../../container';

const idParams = z.object({ id: z.uuid() });
const detailReply = { 200: pointDetailSchema };
const staffReply = { 200: z.object({ staff: z.array(pointStaffSchema) }) };

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
          response: { 200: z.object({ points: z.array(myPointSchema) }) },
        },
      },
      async (req) => ({ points: await services.points.listMine(req.principal!) }),
    );

    app.post(
      '/api/points',
      {
        // Anyone signed in with a phone may register a point and becomes its manager.
        config: { access: 'self' },
        schema: {
          tags: ['points'],
          summary: 'Register a check-in point (the caller becomes its manager)',
          body: pointInputSchema,
          response: { 201: pointDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await services.points.register(req.principal!, req.body)),
    );

    app.get(
      '/api/points/:id',
      {
        config: { access: 'points.scan' },
        schema: {
          tags: ['points'],
          summary: 'One point (its manager and staff; staff list for the manager)',
          params: idParams,
          response: detailReply,
        },
      },
      async (req) => services.points.get(req.principal!, req.params.id),
    );

    app.put(
      '/api/points/:id',
      {
        config: { access: 'points.manage' },
        schema: {
          tags: ['points'],
          summary: 'Edit a point (its manager)',
          params: idParams,
          body: pointInputSchema,
          response: detailReply,
        },
      },
      async (req) => services.points.update(req.principal!, req.params.id, req.body),
    );

    for (const [action, isOpen] of [
      ['close', false],
      ['reopen', true],
    ] as const) {
      app.post(
        `/api/points/:id/${action}`,
        {
          config: { access: 'points.manage' },
          schema: {
            tags: ['points'],
            summary: isOpen ? 'Reopen a point' : 'Close a point (check-ins are refused)',
            params: idParams,
            response: detailReply,
          },
        },
        async (req) => services.points.setOpen(req.principal!, req.params.id, isOpen),
      );
    }

    app.post(
      '/api/points/:id/staff',
      {
        config: { access: 'points.manage' },
        schema: {
          tags: ['points'],
          summary: 'Add scanning staff by phone (an account is made if the phone has none)',
          params: idParams,
          body: addStaffSchema,
          response: staffReply,
        },
      },
      async (req) => ({
        staff: await services.points.addStaff(req.principal!, req.params.id, req.body.phone),
      }),
    );

    app.delete(
      '/api/points/:id/staff/:userId',
      {
        config: { access: 'points.manage' },
        schema: {
          tags: ['points'],
          summary: 'Remove scanning staff',
          params: z.object({ id: z.uuid(), userId: z.uuid() }),
          response: staffReply,
        },
      },
      async (req) => ({
        staff: await services.points.removeStaff(req.principal!, req.params.id, req.params.userId),
      }),
    );
  };
}
