import { api } from '../app/api-client';

/**
 * The scanners' offline queue: every scan is kept in IndexedDB first, with an id made on the device,
 * and sent to `POST /api/points/:id/scans` when there is a network. The server stores each id once,
 * so sending an item again (a lost answer, a second tab) never makes a second check-in.
 */

export type ScanInput =
  | { kind: 'vaora'; token: string }
  | { kind: 'national'; text: string }
  | { kind: 'cccd'; text: string }
  | {
      kind: 'hand';
      fullName: string;
      phone?: string;
      idNumber?: string;
      birthYear: number;
      gender?: 'male' | 'female' | 'other';
    }
  | { kind: 'legacy'; code: string };

export type Direction = 'in' | 'out';

/** What the server receives for one scan. */
export interface ScanItem {
  id: string;
  at: string;
  direction: Direction;
  input: ScanInput;
}

interface QueuedScan extends ScanItem {
  pointId: string;
}

export interface ScanResult {
  id: string;
  status: 'stored' | 'duplicate' | 'rejected';
  code?: string;
  message?: string;
}

const DB_NAME = 'vaora-scans';
const STORE = 'queue';
/** Sent per request: small enough for a weak connection, large enough to empty a day's queue fast. */
const BATCH = 100;

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('pointId', 'pointId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      dbPromise = null;
      reject(req.error);
    };
  });
  return dbPromise;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}

/** Called whenever the queue changes (a scan added, items sent). */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps a scan on the device; resolves once it is safely written. */
export async function enqueueScan(
  pointId: string,
  direction: Direction,
  input: ScanInput,
): Promise<ScanItem> {
  const item: QueuedScan = {
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    direction,
    input,
    pointId,
  };
  const db = await openDb();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(item);
  await finished(tx);
  notify();
  return toItem(item);
}

function toItem({ id, at, direction, input }: QueuedScan): ScanItem {
  return { id, at, direction, input };
}

/** The scans of a point still waiting to be sent, oldest first. */
export async function listQueued(pointId: string, limit = Number.POSITIVE_INFINITY): Promise<ScanItem[]> {
  const db = await openDb();
  const rows = await done(
    db.transaction(STORE).objectStore(STORE).index('pointId').getAll(IDBKeyRange.only(pointId)),
  );
  return (rows as QueuedScan[])
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, limit)
    .map(toItem);
}

export async function countQueued(pointId: string): Promise<number> {
  const db = await openDb();
  return done(db.transaction(STORE).objectStore(STORE).index('pointId').count(IDBKeyRange.only(pointId)));
}

async function removeQueued(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const db = await openDb();
  const tx = db.transaction(STORE, 'readwrite');
  for (const id of ids) tx.objectStore(STORE).delete(id);
  await finished(tx);
  notify();
}

export const scansPath = (pointId: string) => `/api/points/${encodeURIComponent(pointId)}/scans`;

const inFlight = new Map<string, Promise<ScanResult[]>>();

/**
 * Sends a point's waiting scans, a batch at a time, and forgets those the server answered for
 * (stored, duplicate or rejected: sending them again would change nothing). A failure keeps the rest
 * for the next try. Calls made while a sync runs join it, so one item is never in two requests at once.
 */
export function syncQueue(pointId: string): Promise<ScanResult[]> {
  const running = inFlight.get(pointId);
  if (running) return running;
  const run = (async () => {
    const answered: ScanResult[] = [];
    while (true) {
      const items = await listQueued(pointId, BATCH);
      if (!items.length) break;
      const { results } = await api<{ results: ScanResult[] }>('POST', scansPath(pointId), { items });
      const sent = new Set(items.map((i) => i.id));
      const known = results.filter((r) => sent.has(r.id));
      await removeQueued(known.map((r) => r.id));
      answered.push(...known);
      // The server answered for none of them: stop rather than send the same batch forever.
      if (!known.length || items.length < BATCH) break;
    }
    return answered;
  })().finally(() => inFlight.delete(pointId));
  inFlight.set(pointId, run);
  return run;
}
