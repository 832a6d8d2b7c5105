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
      // The statement cannot see its own rows: of one person's way-1 rows at one point in one batch (a
      // double tap) only the first is sent, and the others are not new.
      const sameVisit = new Set<string>();
      const sent = batch.filter(({ row }) => {
        if (!row.unlessSince) return true;
        const visit = `${row.pointId}|${row.personId}|${row.direction}`;
        if (sameVisit.has(visit)) return false;
        sameVisit.add(visit);
        return true;
      });
      const inserted = await insertMany(sent.map((p) => p.row));
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
  return {
    /** Resolves true when the row was stored now, false when it was not new. */
    add: (row: NewCheckIn) =>
      new Promise<boolean>((resolve, reject) => batches.push({ row, resolve, reject })),
    /** Writes what waits and settles what is under way (shutdown). */
    drain: batches.drain,
  };
}

export type CheckInBatcher = ReturnType<typeof createCheckInBatcher>;
