import type { OtpRepository } from '../repositories/otp.repository';
import type { OutboxRepository } from '../repositories/outbox.repository';
import type { RateLimitRepository } from '../repositories/rate-limit.repository';
import type { SessionsRepository } from '../repositories/sessions.repository';

const DAY = 86_400_000;

/** Deletes short-lived personal data on schedule: codes, outbox messages, expired sessions, counters. */
export function createMaintenanceService(deps: {
  sessions: SessionsRepository;
  otp: OtpRepository;
  rateLimits: RateLimitRepository;
  outbox: OutboxRepository;
  now: () => Date;
}) {
  return {
    async purgeExpired() {
      const now = deps.now();
      return {
        sessions: await deps.sessions.deleteExpired(now),
        otpCodes: await deps.otp.deleteOlderThan(new Date(now.getTime() - DAY)),
        rateLimits: await deps.rateLimits.deleteOlderThan(new Date(now.getTime() - DAY)),
        // The outbox holds phone numbers and live codes: a day is enough to read them in a demo.
        outbox: await deps.outbox.deleteOlderThan(new Date(now.getTime() - DAY)),
      };
    },
  };
}

export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
