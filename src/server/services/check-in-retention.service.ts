import type { CheckInPartitionsRepository } from '../repositories/check-in-partitions.repository';
import type { CheckInWriteRepository } from '../repositories/check-in-write.repository';

const DAY = 86_400_000;
/** Partitions are made this many days ahead, so a night without the job loses nothing. */
const DAYS_AHEAD = 7;

/**
 * Check-ins are kept `retentionDays` and then deleted for good: whole day partitions are dropped;
 * rows that landed in the default partition (days without a partition yet) are deleted.
 */
export function createCheckInRetentionService(deps: {
  partitions: CheckInPartitionsRepository;
  checkIns: Pick<CheckInWriteRepository, 'deleteBefore' | 'deleteClaimsBefore'>;
  retentionDays: number;
  now: () => Date;
}) {
  /** Today's and the coming days' partitions; returns the names created. */
  function ensurePartitions(): Promise<string[]> {
    const today = Math.floor(deps.now().getTime() / DAY) * DAY;
    const days = Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => new Date(today + i * DAY));
    return deps.partitions.ensureDays(days);
  }

  return {
    ensurePartitions,

    async apply(): Promise<{
      createdPartitions: string[];
      droppedPartitions: string[];
      deletedRows: number;
      deletedClaims: number;
    }> {
      const cutoff = new Date(deps.now().getTime() - deps.retentionDays * DAY);
      const createdPartitions = await ensurePartitions();
      const droppedPartitions = await deps.partitions.dropDaysBefore(cutoff);
      const deletedRows = await deps.checkIns.deleteBefore(cutoff);
      const deletedClaims = await deps.checkIns.deleteClaimsBefore(deps.now());
      return { createdPartitions, droppedPartitions, deletedRows, deletedClaims };
    },
  };
}

export type CheckInRetentionService = ReturnType<typeof createCheckInRetentionService>;
