import type { NewCheckIn } from '../repositories/check-in-write.repository';
import { type BatchOptions, createCoalescer } from './write-batcher';

export interface CheckInBatcherOptions extends BatchOptions {
  /** One INSERT … ON CONFLICT DO NOTHING for many rows; returns the `id@ms` keys it inserted. */
  insertMany: (rows: readonly NewCheckIn[]) => Promise<Set<string>>;
}

interface Pending {
  row: NewCheckIn;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

export const checkInKey = (id: string, at: Date) => `${id}@${at.getTime()}`;

/**
 * Coalesces the check-ins of concurrent requests into one INSERT: one round trip and one commit for
 * many rows. Each caller still awaits its own row's commit, and learns whether the row was new (false:
 * the same id and time were stored before, a resend, or way 1's 10-minute rule skipped it).
 */
export function createCheckInBatcher(options: CheckInBatcherOptions) {
  const { insertMany } = options;

  async function write(batch: Pending[]): Promise<void> {
    try {
      const inserted = await insertMany(batch.map((p) => p.row));
      // A key twice in one batch (a resend racing the first send) is inserted once: the first caller wins.
      const claimed = new Set<string>();
      for (const p of batch) {
        const key = checkInKey(p.row.id, p.row.at);
        const isNew = inserted.has(key) && !claimed.has(key);
        claimed.add(key);
        p.resolve(isNew);
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
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
