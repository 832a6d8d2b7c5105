import { AppError } from '../../domain/errors';
import type { NewCheckIn } from '../repositories/check-in-write.repository';
import { type BatchOptions, createCoalescer } from './write-batcher';

export interface CheckInBatcherOptions extends BatchOptions {
  /**
   * One INSERT … ON CONFLICT DO NOTHING for many rows; returns the `id@ms` keys it inserted. A value
   * the database refuses fails it with AppError VALIDATION_FAILED.
   */
  insertMany: (rows: readonly NewCheckIn[]) => Promise<Set<string>>;
}

interface Pending {
  row: NewCheckIn;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

export const checkInKey = (id: string, at: Date) => `${id}@${at.getTime()}`;

const isRefusedValue = (err: unknown) => err instanceof AppError && err.code === 'VALIDATION_FAILED';

/** The keys under which a row is one check-in: its (id, time), and its claims. */
function keysOf(row: NewCheckIn): string[] {
  const keys = [checkInKey(row.id, row.at)];
  if (row.deviceKey) keys.push(row.deviceKey);
  if (row.tokenKey) keys.push(row.tokenKey);
  return keys;
}

/**
 * A key twice in one statement (a resend racing the first send) would slip past the claims, which
 * only see rows committed before: the first row of each key goes now, the others after it.
 */
function splitRepeats(batch: Pending[]): { first: Pending[]; repeats: Pending[] } {
  const seen = new Set<string>();
  const first: Pending[] = [];
  const repeats: Pending[] = [];
  for (const p of batch) {
    const keys = keysOf(p.row);
    if (keys.some((k) => seen.has(k))) repeats.push(p);
    else {
      for (const k of keys) seen.add(k);
      first.push(p);
    }
  }
  return { first, repeats };
}

/**
 * Coalesces the check-ins of concurrent requests into one INSERT: one round trip and one commit for
 * many rows. Each caller still awaits its own row's commit, and learns whether the row was new (false:
 * stored before — a resend, a screen code already recorded here — or way 1's 10-minute rule skipped it).
 * One row the database refuses never fails the others: the statement is halved until only it fails.
 */
export function createCheckInBatcher(options: CheckInBatcherOptions) {
  const { insertMany } = options;

  async function insertIsolating(batch: Pending[]): Promise<void> {
    let inserted: Set<string>;
    try {
      inserted = await insertMany(batch.map((p) => p.row));
    } catch (err) {
      if (batch.length > 1 && isRefusedValue(err)) {
        const half = Math.ceil(batch.length / 2);
        await insertIsolating(batch.slice(0, half));
        await insertIsolating(batch.slice(half));
        return;
      }
      // The database itself failed (down, stalled): every row of the statement shares that answer.
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) p.resolve(inserted.has(checkInKey(p.row.id, p.row.at)));
  }

  async function write(batch: Pending[]): Promise<void> {
    let rest = batch;
    while (rest.length > 0) {
      const { first, repeats } = splitRepeats(rest);
      await insertIsolating(first);
      rest = repeats;
    }
  }

  const batches = createCoalescer(write, options);
  const send = (row: NewCheckIn) =>
    new Promise<boolean>((resolve, reject) => batches.push({ row, resolve, reject }));

  // A statement cannot see the rows of one running beside it: a way-1 row waits until an earlier row of
  // the same visit (a double tap) is committed, so that the 10-minute rule sees it. Across processes
  // the two may still race; the rule is a convenience, not a guarantee.
  const visits = new Map<string, Promise<boolean>>();
  return {
    /** Resolves true when the row was stored now, false when it was not new. */
    add(row: NewCheckIn): Promise<boolean> {
      if (!row.unlessSince) return send(row);
      const visit = `${row.pointId}|${row.personId}|${row.direction}`;
      const earlier = visits.get(visit);
      const stored = earlier
        ? earlier.then(
            () => send(row),
            () => send(row),
          )
        : send(row);
      visits.set(visit, stored);
      const forget = () => {
        if (visits.get(visit) === stored) visits.delete(visit);
      };
      stored.then(forget, forget);
      return stored;
    },
    /** Writes what waits and settles what is under way (shutdown). */
    drain: batches.drain,
  };
}

export type CheckInBatcher = ReturnType<typeof createCheckInBatcher>;
