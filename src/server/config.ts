import { z } from 'zod';

/** Every setting vaora reads. Nothing else reads process.env; the README's table mirrors this schema. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
  WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe(
      'Server processes sharing the port; more than 1 needs DATABASE_URL (PGlite serves one process)',
    ),
  PUBLIC_URL: z.string().url().optional(),
  SECRET: z.string().min(32).optional(),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMS_SENDER: z.enum(['outbox', 'webhook']).default('outbox'),
  SMS_WEBHOOK_URL: z.string().url().optional(),
  SESSION_DAYS: z.coerce.number().positive().default(30),
  MOVEMENT_VALID_HOURS: z.coerce.number().positive().max(720).default(72),
  SIGNED_TOKEN_MAX_DAYS: z.coerce.number().positive().default(400),
  CHECK_IN_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  BENCH_ROUTES: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1')
    .describe('1: add the bare routes the benchmarks compare against; never in production'),
  DEMO_DATA: z
    .enum(['auto', 'never'])
    .default('auto')
    .describe('auto: create the demo province and accounts when the database is empty'),
  DEMO_PASSWORD: z.string().min(8).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // `NAME=` in a shell or .env means "not set", not "set to an empty string".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  if (parsed.data.WORKERS > 1 && !parsed.data.DATABASE_URL) {
    throw new Error(
      'Invalid settings:\n  WORKERS: more than 1 needs DATABASE_URL (the embedded database serves one process)',
    );
  }
  if (parsed.data.SMS_SENDER === 'webhook' && !parsed.data.SMS_WEBHOOK_URL) {
    throw new Error('Invalid settings:\n  SMS_WEBHOOK_URL: required when SMS_SENDER=webhook');
  }
  return parsed.data;
}
