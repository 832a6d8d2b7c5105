import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/access';
import type { PointKind } from '../../domain/points';
import type { PointsRepository } from '../repositories/points.repository';
import type { NewGrant, UsersRepository } from '../repositories/users.repository';
import { hashPassword } from './sign-in.service';
import type { UnitsService } from './units.service';

/** The demo area: Tỉnh Đồng Nai (2025 list) and two of its wards. */
export const DEMO_PROVINCE = '75';
export const DEMO_COMMUNE = '25210'; // Phường Đồng Xoài
export const DEMO_OTHER_COMMUNE = '25195'; // Phường Bình Phước

export interface DemoAccount {
  role: Role | 'citizen';
  label: string;
  login: string;
  password: string | null;
}

interface DemoUser {
  key: string;
  label: string;
  phone: string;
  email: string | null;
  name: string;
  grant: NewGrant | null;
}

const staffGrant = (role: Role): NewGrant => ({
  role,
  scopeLevel: 'points',
  unitCode: null,
  provinceCode: null,
});

const demoUsers: DemoUser[] = [
  {
    key: 'admin',
    label: 'Quản trị viên / Administrator',
    phone: '0900000001',
    email: 'admin@demo.vaora.vn',
    name: 'Quản trị hệ thống',
    grant: { role: 'admin', scopeLevel: 'country', unitCode: null, provinceCode: null },
  },
  {
    key: 'province',
    label: 'Cán bộ y tế tỉnh / Province health officer',
    phone: '0900000002',
    email: 'tinh@demo.vaora.vn',
    name: 'Trần Thị Hồng',
    grant: {
      role: 'health_officer',
      scopeLevel: 'province',
      unitCode: DEMO_PROVINCE,
      provinceCode: DEMO_PROVINCE,
    },
  },
  {
    key: 'commune',
    label: 'Cán bộ y tế xã/phường / Commune health officer',
    phone: '0900000003',
    email: 'phuong@demo.vaora.vn',
    name: 'Lê Văn Đức',
    grant: {
      role: 'health_officer',
      scopeLevel: 'commune',
      unitCode: DEMO_COMMUNE,
      provinceCode: DEMO_PROVINCE,
    },
  },
  {
    key: 'owner',
    label: 'Người quản lý điểm / Point manager',
    phone: '0900000004',
    email: 'chudiem@demo.vaora.vn',
    name: 'Phạm Minh Tuấn',
    grant: staffGrant('point_owner'),
  },
  {
    key: 'staff',
    label: 'Nhân viên quét mã / Scanning staff',
    phone: '0900000005',
    email: null,
    name: 'Nguyễn Thị Lan',
    grant: staffGrant('point_staff'),
  },
  {
    key: 'checkpoint',
    label: 'Cán bộ chốt kiểm soát / Checkpoint staff',
    phone: '0900000006',
    email: null,
    name: 'Hoàng Văn Nam',
    grant: staffGrant('checkpoint_staff'),
  },
  {
    key: 'citizen',
    label: 'Người dân / Citizen',
    phone: '0900000007',
    email: null,
    name: 'Nguyễn Văn An',
    grant: null,
  },
];

const demoPoints: { name: string; kind: PointKind; commune: string; address: string; staff: string[] }[] = [
  {
    name: 'Chợ Đồng Xoài',
    kind: 'market',
    commune: DEMO_COMMUNE,
    address: 'Đường Phú Riềng Đỏ',
    staff: ['staff'],
  },
  {
    name: 'Bến xe Đồng Xoài',
    kind: 'business',
    commune: DEMO_COMMUNE,
    address: 'Quốc lộ 14',
    staff: ['staff'],
  },
  {
    name: 'Trường THPT Đồng Xoài',
    kind: 'school',
    commune: DEMO_COMMUNE,
    address: 'Đường Hùng Vương',
    staff: [],
  },
  {
    name: 'Quán cà phê Hương Điều',
    kind: 'restaurant',
    commune: DEMO_OTHER_COMMUNE,
    address: 'Đường Trần Hưng Đạo',
    staff: [],
  },
  {
    name: 'Chốt kiểm soát Quốc lộ 14 (Km 100)',
    kind: 'road_checkpoint',
    commune: DEMO_OTHER_COMMUNE,
    address: 'Quốc lộ 14',
    staff: ['checkpoint'],
  },
];

export function createDemoService(deps: {
  users: UsersRepository;
  points: PointsRepository;
  units: UnitsService;
}) {
  return {
    /**
     * Creates the demo accounts and points unless the admin demo account exists. Staff share one
     * password: the given one, or a random one (so a forgotten demo never has a guessable password).
     */
    async seed(
      password = randomBytes(9).toString('base64url'),
    ): Promise<{ created: boolean; accounts: DemoAccount[] }> {
      const accounts = demoUsers.map<DemoAccount>((u) => ({
        role: u.grant?.role ?? 'citizen',
        label: u.label,
        login: u.email ?? u.phone,
        password: u.grant ? password : null,
      }));
      if (await deps.users.findByPhone(demoUsers[0]!.phone)) return { created: false, accounts };

      const passwordHash = await hashPassword(password);
      const ids = new Map<string, string>();
      for (const u of demoUsers) {
        const user = await deps.users.create({
          phone: u.phone,
          email: u.email,
          displayName: u.name,
          passwordHash: u.grant ? passwordHash : null,
        });
        ids.set(u.key, user.id);
        if (u.grant) await deps.users.addGrant(user.id, u.grant, null);
      }
      for (const [i, p] of demoPoints.entries()) {
        const area = deps.units.areaOf(p.commune);
        const point = await deps.points.create({
          code: `DEMO${String(i + 1).padStart(4, '0')}`,
          name: p.name,
          kind: p.kind,
          provinceCode: area?.provinceCode ?? DEMO_PROVINCE,
          communeCode: p.commune,
          address: p.address,
          contactPhone: demoUsers[3]!.phone,
          ownerId: ids.get('owner') ?? null,
        });
        for (const s of p.staff) await deps.points.addStaff(point.id, ids.get(s)!);
      }
      return { created: true, accounts };
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
