import { describe, expect, it } from 'vitest';
import { createLoadBatcher, createWriteBatcher } from '../../src/server/services/write-batcher';

describe('batchers', () => {
  it('writes concurrent rows in one call, and each caller learns of its commit', async () => {
    const calls: number[][] = [];
    const batcher = createWriteBatcher(async (rows: number[]) => {
      calls.push(rows);
    });
    await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('sends at once when idle; what arrives during a write goes as the next batch', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const batcher = createWriteBatcher(
      async (rows: number[]) => {
        calls.push(rows);
        if (calls.length === 1) await gate;
      },
      { maxInFlight: 1 },
    );
    const first = batcher.add(1);
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => batcher.add(n));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([[1]]); // waiting for the write under way
    release();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it('splits a long queue into batches of maxItems', async () => {
    const calls: number[][] = [];
    const batcher = createWriteBatcher(
      async (rows: number[]) => {
        calls.push(rows);
      },
      { maxItems: 2, maxInFlight: 1 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails every caller of a failed write', async () => {
    const batcher = createWriteBatcher(async () => {
      throw new Error('disk full');
    });
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('loads concurrent keys in one query, a repeated key once', async () => {
    const calls: string[][] = [];
    const loader = createLoadBatcher(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const got = await Promise.all(['a', 'b', 'a', 'missing'].map((k) => loader.load(k)));
    expect(got).toEqual(['A', 'B', 'A', null]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });
});
