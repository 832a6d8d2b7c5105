import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../container';

// PLACEHOLDER: the signing helper replaces this file.
export function keysRoutes(_services: Services): FastifyPluginAsync {
  return async () => {};
}
