export interface BatchOptions {
  /** Batches under way at once; what arrives meanwhile waits for one of them to finish. */
  maxInFlight?: number;
  /** The most items in one batch. */
  maxItems?: number;
}

/**
 * Runs the work of concurrent requests together. When fewer than `maxInFlight` batches are under way,
 * what arrived goes at the next turn of the event loop (every request read in this turn rides along);
 * otherwise it waits for one to finish and then goes as one batch. Alone, a request waits for nothing;
 * under load the batches grow by themselves. `run` settles its own callers and never rejects.
 */
export function createCoalescer<T>(run: (batch: T[]) => Promise<void>, options: BatchOptions = {}) {
  const maxInFlight = options.maxInFlight ?? 2;
  const maxItems = options.maxItems ?? 500;
  let queue: T[] = [];
  let scheduled = false;
  const running = new Set<Promise<void>>();

  function pump(): void {
    scheduled = false;
    while (queue.length > 0 && running.size < maxInFlight) {
      const batch = queue.length <= maxItems ? queue : queue.slice(0, maxItems);
      queue = queue.length <= maxItems ? [] : queue.slice(maxItems);
      const done: Promise<void> = run(batch).finally(() => {
        running.delete(done);
        schedule();
      });
      running.add(done);
    }
  }

  function schedule(): void {
    if (scheduled || queue.length === 0 || running.size >= maxInFlight) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    push(item: T): void {
      queue.push(item);
      schedule();
    },

    /** Runs what waits and settles what is under way (shutdown). */
    async drain(): Promise<void> {
      while (queue.length > 0 || running.size > 0) {
        pump();
        await Promise.all(running);
      }
    },
  };
}

interface Caller<R> {
  resolve: (value: R) => void;
  reject: (err: unknown) => void;
}

/** Settles every caller of a batch with its own result, or all of them with the batch's error. */
async function settle<I extends Caller<R>, R>(
  batch: I[],
  work: () => Promise<(item: I) => R>,
): Promise<void> {
  try {
    const resultOf = await work();
    for (const item of batch) item.resolve(resultOf(item));
  } catch (err) {
    for (const item of batch) item.reject(err);
  }
}

/**
 * Coalesces writes of concurrent requests into one multi-row statement: one round trip and one commit
 * for many rows. Each caller still awaits its own row's commit.
 */
export function createWriteBatcher<T>(writeMany: (rows: T[]) => Promise<void>, options?: BatchOptions) {
  type Pending = Caller<void> & { row: T };
  const batches = createCoalescer<Pending>(
    (batch) =>
      settle<Pending, void>(batch, async () => {
        await writeMany(batch.map((p) => p.row));
        return () => undefined;
      }),
    options,
  );
  return {
    add: (row: T) => new Promise<void>((resolve, reject) => batches.push({ row, resolve, reject })),
    drain: batches.drain,
  };
}

/** The read side of the same idea: lookups by key of concurrent requests go as one query. */
export function createLoadBatcher<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>, options?: BatchOptions) {
  type Pending = Caller<V | null> & { key: K };
  const batches = createCoalescer<Pending>(
    (batch) =>
      settle<Pending, V | null>(batch, async () => {
        const found = await loadMany([...new Set(batch.map((p) => p.key))]);
        return (p) => found.get(p.key) ?? null;
      }),
    options,
  );
  return {
    load: (key: K) => new Promise<V | null>((resolve, reject) => batches.push({ key, resolve, reject })),
  };
}
