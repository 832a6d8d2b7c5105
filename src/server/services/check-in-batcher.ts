import type { NewCheckIn } from '../repositories/check-in-write.repository';

export interface CheckInBatcherOptions {
  /** One multi-row INSERT … ON CONFLICT DO NOTHING; returns the `id@ms` keys it inserted. */
  insertMany: (rows: readonly NewCheckIn[]) => Promise<Set<string>>;
  /** How long the first row of a batch waits for company. */
  delayMs: number;
  /** A batch this full goes at once. */
  maxRows: number;
}

interface Pending {
  row: NewCheckIn;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

export const checkInKey = (id: string, at: Date) => `${id}@${at.getTime()}`;

/**
 * Coalesces the check-ins of concurrent requests into one INSERT every few milliseconds: one round trip
 * and one commit for many rows. Each caller still awaits its own row's commit, and learns whether the
 * row was new (false: the same id and time were stored before, a resend).
 */
export function createCheckInBatcher(options: CheckInBatcherOptions) {
  const { insertMany, delayMs, maxRows } = options;
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();

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

  function flush(): void {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const done = write(batch).finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  return {
    /** Resolves true when the row was stored now, false when it was there already. */
    add(row: NewCheckIn): Promise<boolean> {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (queue.length >= maxRows) flush();
        else if (!timer) timer = setTimeout(flush, delayMs);
      });
    },

    addMany(rows: readonly NewCheckIn[]): Promise<boolean[]> {
      return Promise.all(rows.map((r) => this.add(r)));
    },

    /** Writes what waits and settles what is under way (shutdown). */
    async drain(): Promise<void> {
      flush();
      await Promise.all(inFlight);
    },
  };
}

export type CheckInBatcher = ReturnType<typeof createCheckInBatcher>;
