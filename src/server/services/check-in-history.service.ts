import type { Principal } from '../../domain/access';
import type { CheckInHistoryRow, CheckInsRepository } from '../repositories/check-ins.repository';
import type { PersonsService } from './persons.service';
import type { UnitsService } from './units.service';

export interface CheckInHistoryEntry {
  id: string;
  at: Date;
  pointId: string;
  /** Null when the point has been deleted since. */
  pointName: string | null;
  communeCode: string | null;
  communeName: string | null;
  provinceName: string | null;
  method: CheckInHistoryRow['method'];
  direction: CheckInHistoryRow['direction'];
}

/** Where a person of the account checked in: their own history, newest first. */
export function createCheckInHistoryService(deps: {
  checkIns: CheckInsRepository;
  persons: Pick<PersonsService, 'requireOwned'>;
  units: Pick<UnitsService, 'nameOf'>;
}) {
  const { checkIns, persons, units } = deps;

  return {
    async list(
      actor: Principal,
      personId: string,
      page: { limit: number; before?: Date | undefined },
    ): Promise<CheckInHistoryEntry[]> {
      await persons.requireOwned(actor, personId);
      const rows = await checkIns.listForPerson(personId, page);
      return rows.map((r) => ({
        id: r.id,
        at: r.checked_in_at,
        pointId: r.point_id,
        pointName: r.point_name,
        communeCode: r.commune_code,
        communeName: r.commune_code ? units.nameOf(r.commune_code) : null,
        provinceName: units.nameOf(r.province_code),
        method: r.method,
        direction: r.direction,
      }));
    },
  };
}

export type CheckInHistoryService = ReturnType<typeof createCheckInHistoryService>;
