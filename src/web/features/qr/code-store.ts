import { readStored, writeStored } from '../../app/storage';
import type { CodeBatch } from '../citizen/citizen-api';

/**
 * The last batch of personal QR tokens of each person, in localStorage: the QR keeps working for up to
 * an hour without a network (a checkpoint without signal). Removed on sign-out with the other personal
 * data.
 */
export interface StoredBatch {
  /** When the phone received it (ms). */
  fetchedAt: number;
  batch: CodeBatch;
}

const key = (personId: string) => `codes.${personId}`;
const LAST = 'codes.last';

export function readBatch(personId: string): StoredBatch | null {
  const stored = readStored<StoredBatch>(key(personId));
  return stored && Array.isArray(stored.batch?.tokens) ? stored : null;
}

export function writeBatch(personId: string, batch: CodeBatch): StoredBatch {
  const stored = { fetchedAt: Date.now(), batch };
  writeStored(key(personId), stored);
  writeStored(LAST, personId);
  return stored;
}

/** The person whose code was shown last: the one to show when the app opens without a network. */
export function readLastCodePerson(): string | null {
  return readStored<string>(LAST);
}

/** The end of the last token of a batch (unix seconds). */
export function batchEnd(batch: CodeBatch): number {
  return batch.tokens.reduce((end, t) => Math.max(end, t.exp), 0);
}
