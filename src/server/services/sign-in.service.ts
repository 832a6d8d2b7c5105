import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { AppError } from '../../domain/errors';
import { format, type Locale, messages } from '../../domain/messages';
import { normalizePhone } from '../../domain/phone';
import type { OtpRepository } from '../repositories/otp.repository';
import type { UsersRepository } from '../repositories/users.repository';
import type { MessageSender } from './message-sender';
import type { RateLimitService } from './rate-limit.service';

export const OTP_TTL_SECONDS = 5 * 60;
export const OTP_MAX_ATTEMPTS = 5;

/** Limits on asking for codes and on guessing them, per phone and per client address. */
export const signInLimits = {
  sendPerPhone: { max: 5, windowSeconds: 3600 },
  sendPerIp: { max: 30, windowSeconds: 3600 },
  verifyPerPhone: { max: 15, windowSeconds: 3600 },
  verifyPerIp: { max: 60, windowSeconds: 3600 },
  passwordPerLogin: { max: 10, windowSeconds: 900 },
  passwordPerIp: { max: 50, windowSeconds: 900 },
} as const;

// Verifying against this when the account does not exist keeps the answer time the same.
const DUMMY_HASH = argon2.hash('vaora-no-such-account');

export function createSignInService(deps: {
  users: UsersRepository;
  otp: OtpRepository;
  limits: RateLimitService;
  sender: MessageSender;
  secret: Buffer;
  now: () => Date;
}) {
  const { users, otp, limits, sender, secret, now } = deps;
  // Six digits are guessable offline from a plain hash; a keyed hash is not.
  const hashCode = (phone: string, code: string) =>
    createHmac('sha256', secret).update(`otp:${phone}:${code}`).digest('base64url');

  return {
    async requestOtp(phone: string, ip: string, locale: Locale): Promise<{ expiresInSeconds: number }> {
      await limits.consume(
        { key: `otp-send:phone:${phone}`, ...signInLimits.sendPerPhone },
        { key: `otp-send:ip:${ip}`, ...signInLimits.sendPerIp },
      );
      const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
      await otp.create(phone, hashCode(phone, code), new Date(now().getTime() + OTP_TTL_SECONDS * 1000));
      await sender.send({
        channel: 'sms',
        to: phone,
        text: format(messages[locale].sms.otp, { code }),
      });
      return { expiresInSeconds: OTP_TTL_SECONDS };
    },

    /** Checks the code and returns the user, creating the citizen account on first sign-in. */
    async verifyOtp(phone: string, code: string, ip: string) {
      await limits.consume(
        { key: `otp-verify:phone:${phone}`, ...signInLimits.verifyPerPhone },
        { key: `otp-verify:ip:${ip}`, ...signInLimits.verifyPerIp },
      );
      const row = await otp.latestUnused(phone);
      if (!row) throw new AppError('OTP_INVALID');
      if (row.attempts >= OTP_MAX_ATTEMPTS) throw new AppError('OTP_TOO_MANY_ATTEMPTS');
      if (row.expires_at.getTime() <= now().getTime()) throw new AppError('OTP_EXPIRED');
      const expected = Buffer.from(row.code_hash);
      const given = Buffer.from(hashCode(phone, code));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        const attempts = await otp.addAttempt(row.id);
        throw new AppError(attempts >= OTP_MAX_ATTEMPTS ? 'OTP_TOO_MANY_ATTEMPTS' : 'OTP_INVALID', {
          attemptsLeft: Math.max(0, OTP_MAX_ATTEMPTS - attempts),
        });
      }
      if (!(await otp.consume(row.id, now()))) throw new AppError('OTP_INVALID');
      const user = await users.upsertByPhone(phone);
      if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
      return user;
    },

    /** Staff sign-in with a phone number or an e-mail address and a password. */
    async verifyPassword(login: string, password: string, ip: string) {
      const phone = normalizePhone(login);
      const key = phone ?? login.trim().toLowerCase();
      await limits.consume(
        { key: `password:login:${key}`, ...signInLimits.passwordPerLogin },
        { key: `password:ip:${ip}`, ...signInLimits.passwordPerIp },
      );
      const user = phone ? await users.findByPhone(phone) : await users.findByEmail(key);
      const hash = user?.password_hash ?? (await DUMMY_HASH);
      const ok = await argon2.verify(hash, password);
      if (!user?.password_hash || !ok) throw new AppError('BAD_CREDENTIALS');
      if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
      return user;
    },
  };
}

export const hashPassword = (password: string) => argon2.hash(password);

export type SignInService = ReturnType<typeof createSignInService>;
