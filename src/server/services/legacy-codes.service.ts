import type { Principal } from '../../domain/access';
import { normalizeLegacyCode } from '../../domain/legacy-code';
import { type Locale, messages } from '../../domain/messages';
import type { LegacyCode, LegacyCodesImport } from '../../domain/points';
import type { LegacyCodesRepository, NewLegacyCode } from '../repositories/legacy-codes.repository';
import type { PointsRepository } from '../repositories/points.repository';
import type { AuditService } from './audit.service';

const LIST_LIMIT = 1000;

export function createLegacyCodesService(deps: {
  legacyCodes: LegacyCodesRepository;
  points: PointsRepository;
  audit: AuditService;
}) {
  const { legacyCodes, points, audit } = deps;

  return {
    /**
     * Imports a table of BlueZone/VHD codes → vaora point codes. Nothing is stored when any row is
     * wrong (an unknown point, one code sent to two points): a wrong mapping records check-ins at the
     * wrong place. Rows are numbered from 1 as sent. A stored import is audited; a refused one changed
     * nothing, so it leaves no row.
     */
    async import(principal: Principal, input: LegacyCodesImport, locale: Locale, ip: string) {
      const m = messages[locale].validation;
      const pointCodes = [...new Set(input.rows.map((r) => r.pointCode.toUpperCase()))];
      const known = new Map((await points.listByCodes(pointCodes)).map((p) => [p.code, p.id]));
      const errors: { row: number; message: string }[] = [];
      const byCode = new Map<string, NewLegacyCode>();
      for (const [i, r] of input.rows.entries()) {
        const row = i + 1;
        const pointId = known.get(r.pointCode.toUpperCase());
        if (!pointId) {
          errors.push({ row, message: `${m.pointCodeUnknown} (${r.pointCode})` });
          continue;
        }
        const code = normalizeLegacyCode(r.code);
        const earlier = byCode.get(code);
        if (earlier && earlier.pointId !== pointId) {
          errors.push({ row, message: m.duplicateInFile });
          continue;
        }
        byCode.set(code, { code, pointId, source: r.source });
      }
      if (errors.length > 0) return { imported: 0, errors };
      await legacyCodes.upsertMany([...byCode.values()], principal.userId);
      // The audit panel shows the purpose as written, so the count goes there.
      await audit.record(principal, {
        action: 'update',
        resource: 'legacy-codes',
        purpose: `Nhập bảng mã cũ BlueZone/VHD: ${byCode.size} mã`,
        ip,
      });
      return { imported: byCode.size, errors };
    },

    list: async (pointCode: string | undefined): Promise<LegacyCode[]> =>
      (await legacyCodes.list({ pointCode: pointCode?.toUpperCase() }, LIST_LIMIT)).map((r) => ({
        code: r.code,
        pointId: r.point_id,
        pointCode: r.point_code,
        pointName: r.point_name,
        source: r.source,
        importedAt: r.imported_at.toISOString(),
      })),
  };
}

export type LegacyCodesService = ReturnType<typeof createLegacyCodesService>;
