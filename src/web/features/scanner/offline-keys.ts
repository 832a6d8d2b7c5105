import {
  type CodeCheckResult,
  checkCode,
  noRevocations,
  type Revocations,
  revocationsFromList,
} from '../../../domain/code-check';
import { verificationKeysFromJwks, verifyToken } from '../../../domain/signed-token';
import { api } from '../../app/api-client';
import { readStored, writeStored } from '../../app/storage';

/**
 * What a scanner needs to verify vaora's codes without a network: the public keys and the revocation
 * lists, fetched when online and kept in localStorage (public data: no personal data in them).
 */
const KEYS = 'scanner.jwks';
const REVOKED = 'scanner.revocations';

interface StoredRevocations {
  cards: string[];
  movements: string[];
  asOf: string;
}

/** Fetches fresh keys and revocations; without a network the kept ones stay in use. */
export async function refreshOfflineKeys(): Promise<void> {
  try {
    const res = await fetch('/.well-known/jwks.json', { credentials: 'same-origin' });
    if (res.ok) writeStored(KEYS, await res.json());
  } catch {
    // Offline: the kept keys go on verifying.
  }
  try {
    const kept = readStored<StoredRevocations>(REVOKED);
    const list = await api<StoredRevocations>('GET', '/api/codes/revocations', undefined, {
      query: { since: kept?.asOf },
    });
    writeStored(REVOKED, {
      cards: [...new Set([...(kept?.cards ?? []), ...list.cards])],
      movements: [...new Set([...(kept?.movements ?? []), ...list.movements])],
      asOf: list.asOf,
    });
  } catch {
    // As above.
  }
}

export function hasOfflineKeys(): boolean {
  return readStored(KEYS) !== null;
}

function keptRevocations(): Revocations {
  const kept = readStored<StoredRevocations>(REVOKED);
  return kept ? revocationsFromList(kept) : noRevocations;
}

/** Verifies a vaora code with the kept keys: the same decision the server makes. */
export function checkCodeOffline(token: string): Promise<CodeCheckResult> {
  const jwks = readStored<unknown>(KEYS) ?? { keys: [] };
  let keys: ReturnType<typeof verificationKeysFromJwks> = [];
  try {
    keys = verificationKeysFromJwks(jwks);
  } catch {
    keys = [];
  }
  return checkCode(token, (t) => verifyToken(t, keys, Math.floor(Date.now() / 1000)), keptRevocations());
}
