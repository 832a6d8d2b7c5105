import type { Db } from '../db/client';

// PLACEHOLDER: the signing helper replaces this file.
export function createSigningKeysRepository(db: Db) {
  return { db };
}

export type SigningKeysRepository = ReturnType<typeof createSigningKeysRepository>;
