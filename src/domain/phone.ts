import { z } from 'zod';

/**
 * A Vietnamese mobile number, accepted as typed (spaces, dots, +84 or 84 prefix) and stored in the
 * national form 0xxxxxxxxx.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return /^0\d{9}$/.test(digits) ? digits : null;
}

export const phoneSchema = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'phone' });
      return z.NEVER;
    }
    return phone;
  });

/** Phone shown to someone other than its owner: 0912***678. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '***' : `${phone.slice(0, 4)}***${phone.slice(-3)}`;
}
