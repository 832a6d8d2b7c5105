import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Services } from './container';
import { registerAuth } from './http/plugins/auth';
import { registerErrorHandler } from './http/plugins/error-handler';
import { registerSecurityHeaders } from './http/plugins/security-headers';
import { registerWeb } from './http/plugins/web';
import { adminRoutes } from './http/routes/admin.routes';
import { authRoutes } from './http/routes/auth.routes';
import { checkInsRoutes } from './http/routes/check-ins.routes';
import { codesRoutes } from './http/routes/codes.routes';
import { healthRoutes } from './http/routes/health.routes';
import { keysRoutes } from './http/routes/keys.routes';
import { movementRoutes } from './http/routes/movement.routes';
import { noticesRoutes } from './http/routes/notices.routes';
import { personsRoutes } from './http/routes/persons.routes';
import { pointAdminRoutes } from './http/routes/point-admin.routes';
import { pointsRoutes } from './http/routes/points.routes';
import { postersRoutes } from './http/routes/posters.routes';
import { privacyRoutes } from './http/routes/privacy.routes';
import { systemRoutes } from './http/routes/system.routes';
import { unitsRoutes } from './http/routes/units.routes';

export interface AppDeps {
  config: Config;
  services: Services;
  logger?: FastifyBaseLogger;
  /** Serve the built web app (dist/web); tests of the API leave it off. */
  serveWeb?: boolean;
}

export type App = FastifyInstance;

/** Builds the HTTP application; listening is main.ts's business. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, services } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    // Request ids show up in every log line of a request, across processes.
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'vaora API',
        description: 'vào/ra: check-in, declarations and follow-up',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vaora_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, services);

  await app.register(systemRoutes(services));
  await app.register(authRoutes(config, services));
  await app.register(adminRoutes(services));
  await app.register(unitsRoutes(services));
  await app.register(keysRoutes(services));
  await app.register(pointsRoutes(services));
  await app.register(postersRoutes(services));
  await app.register(pointAdminRoutes(services));
  await app.register(movementRoutes(services));
  await app.register(codesRoutes(services));
  await app.register(personsRoutes(services));
  await app.register(healthRoutes(services));
  await app.register(noticesRoutes(services));
  await app.register(privacyRoutes(services));
  await app.register(checkInsRoutes(config, services));
  await registerWeb(app, deps.serveWeb ?? false);
  return app;
}
