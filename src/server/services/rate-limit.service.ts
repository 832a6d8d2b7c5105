import { AppError } from '../../domain/errors';
import type { RateLimitRepository } from '../repositories/rate-limit.repository';

export interface Limit {
  /** What is counted, e.g. `otp-send:phone:0912345678`. */
  key: string;
  max: number;
  windowSeconds: number;
}

export function createRateLimitService(repo: RateLimitRepository, now: () => Date) {
  return {
    /** Counts one attempt against each limit; throws RATE_LIMITED when any is exceeded. */
    async consume(...limits: Limit[]): Promise<void> {
      for (const limit of limits) {
        const windowMs = limit.windowSeconds * 1000;
        const windowStart = new Date(Math.floor(now().getTime() / windowMs) * windowMs);
        const hits = await repo.hit(`${limit.key}:${limit.windowSeconds}`, windowStart);
        if (hits > limit.max) {
          throw new AppError('RATE_LIMITED', {
            retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now().getTime()) / 1000),
          });
        }
      }
    },
  };
}

export type RateLimitService = ReturnType<typeof createRateLimitService>;
