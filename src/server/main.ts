import { buildApp } from './app';
import { loadConfig } from './config';
import { createServices } from './container';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { writeDemoAccounts } from './demo-accounts';
import { startJobs } from './jobs/scheduler';
import { createLogger } from './logger';
import { loadSecret } from './secret';

async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  const { secret, source } = loadSecret(config);
  if (config.DATABASE_URL && source === 'file') {
    log.warn(
      'SECRET is not set: using DATA_DIR/secret.key. Every process on this database needs the same secret.',
    );
  }
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const applied = await migrate(database);
  if (applied.length) log.info({ applied }, 'database migrated');

  const services = createServices({ config, database, secret, log });
  await services.units.init();
  await services.signing.init();
  // Today's and the coming days' check-in partitions exist before the first scan; deleting old rows
  // is left to the hourly job, so a start never waits for it.
  await services.checkInRetention.ensurePartitions();
  if (config.DEMO_DATA === 'auto') {
    const demo = await services.demo.seed(config.DEMO_PASSWORD);
    if (demo.created) writeDemoAccounts(config, demo.accounts);
  }

  // In development Vite serves the web app and proxies the API.
  const app = await buildApp({ config, services, logger: log, serveWeb: config.NODE_ENV !== 'development' });
  const stopJobs = startJobs(services, log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    stopJobs();
    // Stop taking requests, let those in flight finish, then close the database.
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
