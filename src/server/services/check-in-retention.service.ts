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
  checkIns: Pick<CheckInWriteRepository, 'deleteBefore'>;
  retentionDays: number;
  now: () => Date;
}) {
  return {
    async apply(): Promise<{
      createdPartitions: string[];
      droppedPartitions: string[];
      deletedRows: number;
    }> {
      const now = deps.now().getTime();
      const today = Math.floor(now / DAY) * DAY;
      const days = Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => new Date(today + i * DAY));
      const cutoff = new Date(now - deps.retentionDays * DAY);
      const createdPartitions = await deps.partitions.ensureDays(days);
      const droppedPartitions = await deps.partitions.dropDaysBefore(cutoff);
      const deletedRows = await deps.checkIns.deleteBefore(cutoff);
      return { createdPartitions, droppedPartitions, deletedRows };
    },
  };
}

export type CheckInRetentionService = ReturnType<typeof createCheckInRetentionService>;
