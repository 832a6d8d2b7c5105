import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors';
import { webDistDir } from '../../paths';

/**
 * Serves the built single-page app from dist/web on the same port as the API. Unknown paths outside
 * /api get index.html, so deep links (/invite, /c/<code>) open the app.
 */
export async function registerWeb(app: FastifyInstance, enabled: boolean) {
  if (!enabled) {
    app.setNotFoundHandler(() => {
      throw new AppError('NOT_FOUND');
    });
    return;
  }
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error(`The web app is not built (${webDistDir}); run npm run build`);
  }
  await app.register(fastifyStatic, { root: webDistDir, serve: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    const path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) throw new AppError('NOT_FOUND');
    const file = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const full = join(webDistDir, file);
    if (file !== '/' && full.startsWith(webDistDir) && existsSync(full) && statSync(full).isFile()) {
      // Hashed asset names change with their content; everything else must be revalidated.
      const immutable = file.startsWith('/assets/');
      return reply.sendFile(file, { immutable, maxAge: immutable ? '365d' : 0 });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });

  app.setNotFoundHandler(() => {
    throw new AppError('NOT_FOUND');
  });
}
