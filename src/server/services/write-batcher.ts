/**
 * Coalesces writes of concurrent requests into one multi-row statement every few milliseconds: one
 * round trip and one commit for many rows. Each caller still awaits its own row's commit.
 */
export function createWriteBatcher<T>(
  writeMany: (rows: T[]) => Promise<void>,
  options = { delayMs: 3, maxRows: 500 },
) {
  let queue: { row: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    writeMany(batch.map((p) => p.row)).then(
      () => {
        for (const p of batch) p.resolve();
      },
      (err: unknown) => {
        for (const p of batch) p.reject(err);
      },
    );
  }

  return {
    add(row: T): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (queue.length >= options.maxRows) flush();
        else if (!timer) timer = setTimeout(flush, options.delayMs);
      });
    },
  };
}

/**
 * The read side of the same idea: lookups by key made by concurrent requests within a few
 * milliseconds go to the database as one query.
 */
export function createLoadBatcher<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>, delayMs = 2) {
  let waiting = new Map<K, { resolve: (v: V | null) => void; reject: (err: unknown) => void }[]>();
  let timer: NodeJS.Timeout | null = null;

  function flush() {
    timer = null;
    const batch = waiting;
    waiting = new Map();
    loadMany([...batch.keys()]).then(
      (found) => {
        for (const [key, callers] of batch) for (const c of callers) c.resolve(found.get(key) ?? null);
      },
      (err: unknown) => {
        for (const callers of batch.values()) for (const c of callers) c.reject(err);
      },
    );
  }

  return {
    load(key: K): Promise<V | null> {
      return new Promise<V | null>((resolve, reject) => {
        const callers = waiting.get(key);
        if (callers) callers.push({ resolve, reject });
        else waiting.set(key, [{ resolve, reject }]);
        if (!timer) timer = setTimeout(flush, delayMs);
      });
    },
  };
}
