import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { healthDeclarationInputSchema, healthDeclarationViewSchema } from '../../../domain/health';
import type { Services } from '../../container';
import { noStore } from '../plugins/security-headers';

const personIdParams = z.object({ id: z.uuid() });

export function healthRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    // Health data: no shared cache, no back-button copy on a shared phone.
    app.addHook('onRequest', noStore);

    app.post(
      '/api/persons/:id/health',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'Declare the health of one of the account’s persons (khai báo y tế)',
          params: personIdParams,
          body: healthDeclarationInputSchema,
          response: { 200: z.object({ declaration: healthDeclarationViewSchema }) },
        },
      },
      async (req) => ({
        declaration: await services.healthDeclarations.declare(
          req.principal!,
          req.params.id,
          req.body.answers,
        ),
      }),
    );

    app.get(
      '/api/persons/:id/health',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'The person’s health declarations, newest first',
          params: personIdParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: z.object({ declarations: z.array(healthDeclarationViewSchema) }) },
        },
      },
      async (req) => ({
        declarations: await services.healthDeclarations.history(
          req.principal!,
          req.params.id,
          req.query.limit,
        ),
      }),
    );

    app.get(
      '/api/persons/:id/health/latest',
      {
        config: { access: 'self' },
        schema: {
          tags: ['citizen'],
          summary: 'The person’s latest health declaration, or null',
          params: personIdParams,
          response: { 200: z.object({ declaration: healthDeclarationViewSchema.nullable() }) },
        },
      },
      async (req) => ({
        declaration: await services.healthDeclarations.latest(req.principal!, req.params.id),
      }),
    );
  };
}
