import type { Db } from '../db/client';

// PLACEHOLDER: the units helper replaces this file.
export function createUnitsRepository(db: Db) {
  return { db };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
