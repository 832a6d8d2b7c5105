import type { Principal } from '../../domain/access';
import type { CheckInListQuery, CheckInRow } from '../../domain/check-in';
import { AppError } from '../../domain/errors';
import { maskPhone } from '../../domain/phone';
import type { CheckInPointRow, CheckInWriteRepository } from '../repositories/check-in-write.repository';
import type { CheckInsRepository, PointCheckInRow } from '../repositories/check-ins.repository';
import type { AuditService } from './audit.service';

/** Viet Nam keeps UTC+7 all year (no daylight saving since 1975): Asia/Ho_Chi_Minh is a fixed offset. */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** The start of a day in Asia/Ho_Chi_Minh (`YYYY-MM-DD`) as an instant. */
export function startOfVnDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS);
}

export function vnDateOf(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

const LIST_AUDIT_PURPOSE = 'Xem danh sách đã quét của điểm';

export interface PointAccess {
  point: CheckInPointRow;
  isOwner: boolean;
}

/** The point's own list of check-ins: for its owner and its staff only. */
export function createCheckInListService(deps: {
  checkIns: Pick<CheckInsRepository, 'listForPoint' | 'countPerHour'>;
  points: Pick<CheckInWriteRepository, 'findPointById'>;
  audit: Pick<AuditService, 'record'>;
  now: () => Date;
}) {
  const { checkIns, points, audit, now } = deps;

  /** The point when the caller owns it or scans for it; 404 otherwise, so ids cannot be probed. */
  async function requirePoint(actor: Principal, pointId: string): Promise<PointAccess> {
    if (!actor.pointIds.includes(pointId)) throw new AppError('NOT_FOUND');
    const point = await points.findPointById(pointId);
    if (!point) throw new AppError('NOT_FOUND');
    return { point, isOwner: point.owner_id === actor.userId };
  }

  function view(r: PointCheckInRow, isOwner: boolean): CheckInRow {
    return {
      id: r.id,
      at: r.checked_in_at,
      fullName: r.full_name,
      birthYear: r.birth_year,
      gender: r.gender,
      // Staff at the door need the name, not the number: the owner answers to the health authority.
      phone: r.phone && !isOwner && !r.phone.includes('*') ? maskPhone(r.phone) : r.phone,
      idNumberMasked: r.id_number_masked,
      address: r.address,
      method: r.method,
      direction: r.direction,
      health: (r.health as Record<string, unknown> | null) ?? null,
      receivedAt: r.received_at,
    };
  }

  return {
    requirePoint,

    /** A page of the point's check-ins: names, phones and health answers, so each read is audited. */
    async list(actor: Principal, pointId: string, query: CheckInListQuery, ip: string | null) {
      const { isOwner } = await requirePoint(actor, pointId);
      const { rows, total } = await checkIns.listForPoint(
        {
          pointId,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
          method: query.method,
          q: query.q,
        },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      await audit.record(actor, {
        action: 'read',
        resource: `point:${pointId}:check-ins`,
        purpose: LIST_AUDIT_PURPOSE,
        ip,
      });
      return { rows: rows.map((r) => view(r, isOwner)), total, page: query.page, pageSize: query.pageSize };
    },

    /** Check-ins (in) of a day in Asia/Ho_Chi_Minh, in total and per hour; today by default. */
    async summary(actor: Principal, pointId: string, date: string | undefined) {
      await requirePoint(actor, pointId);
      const day = date ?? vnDateOf(now());
      const counts = await checkIns.countPerHour(pointId, startOfVnDay(day));
      const perHour = Array.from({ length: 24 }, () => 0);
      for (const c of counts) if (c.hour >= 0 && c.hour < 24) perHour[c.hour] = Number(c.n);
      return { date: day, today: perHour.reduce((a, b) => a + b, 0), perHour };
    },
  };
}

export type CheckInListService = ReturnType<typeof createCheckInListService>;
