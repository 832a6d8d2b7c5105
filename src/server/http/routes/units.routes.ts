import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../container';

// PLACEHOLDER: the units helper replaces this file.
export function unitsRoutes(_services: Services): FastifyPluginAsync {
  return async () => {};
}
