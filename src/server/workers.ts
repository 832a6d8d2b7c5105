import cluster, { type Worker } from 'node:cluster';
import type { SessionCacheEvent, SessionCachePeers } from './services/sessions.service';

/**
 * WORKERS > 1: one primary process prepares the database and runs the hourly jobs; the workers serve
 * HTTP on the shared port (Node's cluster module hands connections round-robin). The primary relays
 * each worker's session-cache drops to the others.
 */
const CHANNEL = 'vaora:sessions';

interface Relay {
  channel: typeof CHANNEL;
  event: SessionCacheEvent;
}

const isRelay = (m: unknown): m is Relay =>
  typeof m === 'object' && m !== null && (m as { channel?: unknown }).channel === CHANNEL;

/** In the primary: starts `count` workers, restarts one that dies, and stops them all on `stop()`. */
export function startWorkers(count: number, log: { error(obj: object, msg: string): void }) {
  let stopping = false;
  const relay = (from: Worker, message: unknown) => {
    if (!isRelay(message)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from) w.send(message);
  };
  cluster.on('message', relay);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code, signal }, 'worker stopped; starting another');
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();

  return {
    /** Asks each worker to finish its requests and waits until all have exited. */
    async stop(): Promise<void> {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** In a worker: its session-cache peers are the other workers, through the primary. */
export function workerSessionPeers(): SessionCachePeers {
  return {
    publish(event) {
      process.send?.({ channel: CHANNEL, event } satisfies Relay);
    },
    subscribe(handler) {
      process.on('message', (m: unknown) => {
        if (isRelay(m)) handler(m.event);
      });
    },
  };
}

export const isPrimaryOf = (workers: number) => workers > 1 && cluster.isPrimary;
export const isWorker = () => cluster.isWorker;
