import { hash, type KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * Checks that a signature is the one this server's own Ed25519 key makes for the data, without the
 * point multiplication that signing or verifying costs (a scan is checked in about a third of the time).
 *
 * An Ed25519 signature is R ‖ S with r = SHA-512(prefix ‖ M) mod L and
 * S = (r + SHA-512(R ‖ A ‖ M) · a) mod L (RFC 8032, 5.1.6), where the scalar a and the prefix come from
 * the private key. Holding them, the server recomputes S for the R in the token and compares. To pass,
 * a forger must know S for data the server never signed (r is a secret pseudo-random value), or, for
 * data it did sign, S for another R, which differs from the genuine S by a known multiple of the
 * secret scalar a. Both mean knowing the private key. R itself is not checked against r·B: a token
 * whose S matches was made with the private key, and any verifier with the public key accepts it.
 */

/** The group order of edwards25519. */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const MASK_64 = (1n << 64n) - 1n;
const SIGNATURE_BYTES = 64;

const sha512 = (data: Buffer) => hash('sha512', data, 'buffer') as unknown as Buffer;

/** A little-endian byte string (a multiple of 8 bytes long) as an integer. */
function fromLittleEndian(bytes: Buffer): bigint {
  let n = 0n;
  for (let i = bytes.length - 8; i >= 0; i -= 8) n = (n << 64n) | bytes.readBigUInt64LE(i);
  return n;
}

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * SHA-512 of the data read as a little-endian integer. Through a binary string, one character per byte
 * (a hash's Buffer output costs a memory block outside the JavaScript heap, which takes longer than
 * the hash itself), its bytes turned to hex in reverse through a table.
 */
function sha512Integer(data: Buffer): bigint {
  const digest = hash('sha512', data, 'binary');
  let hex = '0x';
  for (let i = digest.length - 1; i >= 0; i--) hex += HEX_OF_BYTE[digest.charCodeAt(i)];
  return BigInt(hex);
}

function toLittleEndian32(n: bigint): Buffer {
  const out = Buffer.allocUnsafe(32);
  let rest = n;
  for (let i = 0; i < 32; i += 8) {
    out.writeBigUInt64LE(rest & MASK_64, i);
    rest >>= 64n;
  }
  return out;
}

export type SealCheck = (data: Uint8Array, signature: Uint8Array) => boolean;

/** The check for one Ed25519 private key; `publicRaw` is its 32-byte public key A. */
export function createSealCheck(privateKey: KeyObject, publicRaw: Buffer): SealCheck {
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.d) throw new TypeError('Not an Ed25519 private key');
  const expanded = sha512(Buffer.from(jwk.d, 'base64url'));
  const scalarBytes = Buffer.from(expanded.subarray(0, 32));
  // RFC 8032 5.1.5: clear the lowest three bits and the highest bit, set the second highest.
  scalarBytes.writeUInt8(scalarBytes.readUInt8(0) & 248, 0);
  scalarBytes.writeUInt8((scalarBytes.readUInt8(31) & 127) | 64, 31);
  const a = fromLittleEndian(scalarBytes) % L;
  const prefix = expanded.subarray(32);

  return (data, signature) => {
    if (signature.length !== SIGNATURE_BYTES) return false;
    // r and k unreduced: one reduction of the sum gives the same S.
    const r = sha512Integer(Buffer.concat([prefix, data]));
    const k = sha512Integer(Buffer.concat([signature.subarray(0, 32), publicRaw, data]));
    return timingSafeEqual(toLittleEndian32((r + k * a) % L), signature.subarray(32));
  };
}
