import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../container';

const jwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  use: z.literal('sig'),
  alg: z.literal('EdDSA'),
  exp: z.number().int().optional(),
});

const keySummarySchema = z.object({
  kid: z.string(),
  createdAt: z.date(),
  retiredAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  isActive: z.boolean(),
});

export function keysRoutes(services: Services): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/.well-known/jwks.json',
      {
        config: { access: 'public' },
        schema: {
          tags: ['keys'],
          summary: 'Public keys that verify signed QR codes (scanners cache them for offline use)',
          response: { 200: z.object({ keys: z.array(jwkSchema) }) },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return services.signing.jwks();
      },
    );

    app.get(
      '/api/admin/keys',
      {
        config: { access: 'keys.manage' },
        schema: {
          tags: ['keys'],
          summary: 'Signing keys with their dates (no private material)',
          response: { 200: z.object({ keys: z.array(keySummarySchema) }) },
        },
      },
      async () => ({ keys: await services.signing.listKeys() }),
    );

    app.post(
      '/api/admin/keys/rotate',
      {
        config: { access: 'keys.manage' },
        schema: {
          tags: ['keys'],
          summary: 'Start signing with a new key; the old one keeps verifying what it signed',
          response: { 200: z.object({ kid: z.string() }) },
        },
      },
      async () => ({ kid: await services.signing.rotate() }),
    );
  };
}
