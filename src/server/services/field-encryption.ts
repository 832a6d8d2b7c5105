import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
// A version prefix lets a later key or algorithm coexist with values already stored.
const FORMAT = 'v1';

function deriveKey(secret: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}

/**
 * Encryption of short personal fields at rest (ID numbers), AES-256-GCM under a key derived from the
 * server secret, and a keyed hash to find a value without decrypting. The hash key is derived apart,
 * so knowing one key reveals nothing about the other.
 */
export function createFieldEncryption(secret: Buffer) {
  const key = deriveKey(secret, 'vaora personal fields');
  const lookupKey = deriveKey(secret, 'vaora personal field lookup');

  return {
    /**
     * `context` is bound as associated data (e.g. the row id), so a value copied onto another row does
     * not decrypt there.
     */
    encrypt(plain: string, context: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
    },

    /** Throws when the value was changed, belongs to another context, or was made with another secret. */
    decrypt(stored: string, context: string): string {
      const [format, body] = stored.split('.');
      if (format !== FORMAT || !body) throw new Error('Unknown format of an encrypted personal field');
      const blob = Buffer.from(body, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch (err) {
        throw new Error(
          'Cannot decrypt a personal field: the server SECRET differs from the one that wrote it, or the value is damaged',
          { cause: err },
        );
      }
    },

    /** The same input always gives the same hash, so an indexed column finds it. */
    lookupHash(value: string): string {
      return createHmac('sha256', lookupKey).update(value, 'utf8').digest('base64url');
    },
  };
}

export type FieldEncryption = ReturnType<typeof createFieldEncryption>;
