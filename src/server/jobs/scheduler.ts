import type { Services } from '../container';

interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const HOUR = 3_600_000;

/** Scheduled work of this process. Each job is safe to run in several processes at once. */
export function startJobs(services: Services, log: Logger): () => void {
  const purge = async () => {
    try {
      log.info(await services.maintenance.purgeExpired(), 'expired data purged');
    } catch (err) {
      log.error({ err }, 'purge failed');
    }
  };
  const purgeCheckIns = async () => {
    try {
      log.info(await services.checkInRetention.apply(), 'check-in retention applied');
    } catch (err) {
      log.error({ err }, 'check-in retention failed');
    }
  };
  const timers = [
    setTimeout(() => void purge(), 60_000),
    setInterval(() => void purge(), HOUR),
    setTimeout(() => void purgeCheckIns(), 90_000),
    setInterval(() => void purgeCheckIns(), HOUR),
  ];
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}
