import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { createServices } from './container';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { writeDemoAccounts } from './demo-accounts';
import { startJobs } from './jobs/scheduler';
import { createLogger } from './logger';
import { loadSecret } from './secret';
import { isPrimaryOf, isWorker, startWorkers, workerSessionPeers } from './workers';

type Log = ReturnType<typeof createLogger>;

/** Opens the database and the services; `prepare` also readies the data (one process does that). */
async function open(config: Config, log: Log, prepare: boolean) {
  const { secret, source } = loadSecret(config);
  if (prepare && config.DATABASE_URL && source === 'file') {
    log.warn(
      'SECRET is not set: using DATA_DIR/secret.key. Every process on this database needs the same secret.',
    );
  }
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  if (prepare) {
    const applied = await migrate(database);
    if (applied.length) log.info({ applied }, 'database migrated');
  }
  const services = createServices({
    config,
    database,
    secret,
    log,
    ...(isWorker() ? { sessionPeers: workerSessionPeers() } : {}),
  });
  await services.units.init();
  await services.signing.init();
  if (prepare) {
    // Today's and the coming days' check-in partitions exist before the first scan; deleting old rows
    // is left to the hourly job, so a start never waits for it.
    await services.checkInRetention.ensurePartitions();
    if (config.DEMO_DATA === 'auto') {
      const demo = await services.demo.seed(config.DEMO_PASSWORD);
      if (demo.created) writeDemoAccounts(config, demo.accounts);
    }
  }
  return { database, services };
}

function onSignal(stop: (signal: string) => Promise<void>) {
  let closing = false;
  const once = (signal: string) => {
    if (closing) return;
    closing = true;
    void stop(signal).then(() => process.exit(0));
  };
  process.on('SIGINT', () => once('SIGINT'));
  process.on('SIGTERM', () => once('SIGTERM'));
}

async function main() {
  const config = loadConfig();
  const log = createLogger(config);

  if (isPrimaryOf(config.WORKERS)) {
    const { database, services } = await open(config, log, true);
    const stopJobs = startJobs(services, log);
    const workers = startWorkers(config.WORKERS, log);
    onSignal(async (signal) => {
      log.info({ signal }, 'shutting down');
      stopJobs();
      await workers.stop();
      await database.close();
    });
    return;
  }

  // A worker finds the data ready: its primary prepared it before starting it.
  const { database, services } = await open(config, log, !isWorker());
  // In development Vite serves the web app and proxies the API.
  const app = await buildApp({ config, services, logger: log, serveWeb: config.NODE_ENV !== 'development' });
  const stopJobs = isWorker() ? () => {} : startJobs(services, log);
  onSignal(async (signal) => {
    log.info({ signal }, 'shutting down');
    stopJobs();
    // Stop taking requests, let those in flight finish, then close the database.
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
