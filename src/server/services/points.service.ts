import type { Area, Principal, Role } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type {
  MyPoint,
  PointDetail,
  PointInput,
  PointKind,
  PointStaff,
  PointSummary,
} from '../../domain/points';
import type { NewPoint, PointsRepository } from '../repositories/points.repository';
import type { UsersRepository } from '../repositories/users.repository';
import type { UnitsService } from './units.service';

type PointRow = Awaited<ReturnType<PointsRepository['listByIds']>>[number];
export type PointDetailRow = NonNullable<Awaited<ReturnType<PointsRepository['findById']>>>;

const pointsScope = { scopeLevel: 'points', unitCode: null, provinceCode: null } as const;

/** A road checkpoint's staff are checkpoint staff (they decide on travellers); other points', point staff. */
const staffRoleOf = (kind: PointKind): Role =>
  kind === 'road_checkpoint' ? 'checkpoint_staff' : 'point_staff';

export function createPointsService(deps: {
  points: PointsRepository;
  users: UsersRepository;
  units: UnitsService;
  /** Called when someone's points or roles change: cached sessions must see it at once. */
  onAccessChanged?: (userId: string) => void;
}) {
  const { points: repo, users, units } = deps;
  const accessChanged = (userId: string) => deps.onAccessChanged?.(userId);

  const toSummary = (r: PointRow): PointSummary => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as PointKind,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    communeName: units.nameOf(r.commune_code),
    address: r.address,
    isOpen: r.is_open,
  });

  /** The commune must lie in the province; reported at the field like a schema error. */
  function checkPlace(input: PointInput) {
    const issue = units.placeIssue(input.address.provinceCode, input.address.communeCode);
    if (!issue) return;
    const path = `address.${issue}`;
    const key =
      issue === 'communeCode' && units.nameOf(input.address.communeCode)
        ? 'communeNotInProvince'
        : 'unitCode';
    throw new AppError('VALIDATION_FAILED', { fields: [{ path, key }] });
  }

  const toNewPoint = (input: PointInput, ownerId: string): NewPoint => ({
    name: input.name,
    kind: input.kind,
    vehiclePlate: input.vehiclePlate,
    provinceCode: input.address.provinceCode,
    communeCode: input.address.communeCode,
    address: input.address.detail,
    contactPhone: input.contactPhone,
    ownerId,
  });

  /** The owner becomes a point manager the first time they register a point; their points changed. */
  async function grantOwner(userId: string) {
    await users.addGrant(userId, { role: 'point_owner', ...pointsScope }, userId);
    accessChanged(userId);
  }

  /** A point the caller owns or scans for; anyone else gets 404, as if it did not exist. */
  async function findVisible(principal: Principal, id: string): Promise<PointDetailRow> {
    const row = principal.pointIds.includes(id) ? await repo.findById(id) : undefined;
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function findOwned(principal: Principal, id: string): Promise<PointDetailRow> {
    const row = await findVisible(principal, id);
    if (row.owner_id !== principal.userId) throw new AppError('NOT_FOUND');
    return row;
  }

  async function staffOf(pointId: string): Promise<PointStaff[]> {
    return (await repo.listStaff(pointId)).map((s) => ({
      userId: s.id,
      phone: s.phone,
      displayName: s.display_name,
      addedAt: s.added_at.toISOString(),
    }));
  }

  async function toDetail(principal: Principal, row: PointDetailRow): Promise<PointDetail> {
    const isOwner = row.owner_id === principal.userId;
    const communeName = units.nameOf(row.commune_code);
    const provinceName = units.nameOf(row.province_code);
    return {
      ...toSummary(row),
      address: [row.address, communeName, provinceName].filter(Boolean).join(', '),
      addressDetail: row.address,
      vehiclePlate: row.vehicle_plate,
      contactPhone: row.contact_phone,
      codeVersion: row.code_version,
      isOwner,
      staff: isOwner ? await staffOf(row.id) : null,
    };
  }

  return {
    /** Points of an area the caller was already authorized for (the route declares the unit). */
    listInArea: async (area: Area): Promise<PointSummary[]> =>
      (await repo.listInArea(area, 500)).map(toSummary),

    /** The points a person owns or may scan for. */
    listMine: async (principal: Principal): Promise<MyPoint[]> =>
      (await repo.listByIds(principal.pointIds)).map((r) => ({
        ...toSummary(r),
        isOwner: r.owner_id === principal.userId,
      })),

    checkPlace,
    toNewPoint,
    grantOwner,
    findVisible,
    findOwned,

    async register(principal: Principal, input: PointInput): Promise<PointDetail> {
      checkPlace(input);
      const row = await repo.create(toNewPoint(input, principal.userId));
      await grantOwner(principal.userId);
      const detail = await repo.findById(row.id);
      return toDetail(principal, detail!);
    },

    get: async (principal: Principal, id: string) => toDetail(principal, await findVisible(principal, id)),

    /** A new kind may call for another staff role: the staff hold it from this commit on. */
    async update(principal: Principal, id: string, input: PointInput): Promise<PointDetail> {
      await findOwned(principal, id);
      checkPlace(input);
      const p = toNewPoint(input, principal.userId);
      const regranted = await repo.update(
        id,
        {
          name: p.name,
          kind: p.kind,
          vehiclePlate: p.vehiclePlate ?? null,
          provinceCode: p.provinceCode,
          communeCode: p.communeCode,
          address: p.address,
          contactPhone: p.contactPhone,
        },
        staffRoleOf,
        principal.userId,
      );
      for (const userId of regranted) accessChanged(userId);
      return toDetail(principal, (await repo.findById(id))!);
    },

    async setOpen(principal: Principal, id: string, isOpen: boolean): Promise<PointDetail> {
      await findOwned(principal, id);
      await repo.setOpen(id, isOpen);
      return toDetail(principal, (await repo.findById(id))!);
    },

    /**
     * Adds a scanner by phone. Someone without an account gets one now and signs in with a one-time
     * code later; their role follows the point's kind.
     */
    async addStaff(principal: Principal, id: string, phone: string): Promise<PointStaff[]> {
      const point = await findOwned(principal, id);
      const user = await users.upsertByPhone(phone);
      const role = staffRoleOf(point.kind as PointKind);
      await users.addGrant(user.id, { role, ...pointsScope }, principal.userId);
      await repo.addStaff(id, user.id);
      accessChanged(user.id);
      return staffOf(id);
    },

    async removeStaff(principal: Principal, id: string, userId: string): Promise<PointStaff[]> {
      await findOwned(principal, id);
      if (!(await repo.removeStaff(id, userId))) throw new AppError('NOT_FOUND');
      accessChanged(userId);
      return staffOf(id);
    },

    /** Makes every printed poster of the point fail (POINT_CODE_ROTATED); returns the new row. */
    async rotateCode(principal: Principal, id: string): Promise<PointDetailRow> {
      await findOwned(principal, id);
      return repo.rotateCode(id);
    },
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
