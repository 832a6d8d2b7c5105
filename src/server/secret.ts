import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';

/**
 * The server secret: encrypts signing keys and keys the OTP hashes. From SECRET, or for the embedded
 * default a file DATA_DIR/secret.key made at first start. Processes sharing one PostgreSQL must share it.
 */
export function loadSecret(config: Config): { secret: Buffer; source: 'env' | 'file' } {
  if (config.SECRET) return { secret: Buffer.from(config.SECRET, 'utf8'), source: 'env' };
  const file = join(config.DATA_DIR, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { secret: Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8'), source: 'file' };
}
