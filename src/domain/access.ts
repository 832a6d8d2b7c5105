import { AppError } from './errors';

export const roles = ['admin', 'health_officer', 'point_owner', 'point_staff', 'checkpoint_staff'] as const;
export type Role = (typeof roles)[number];

/** The area a role covers. A district is several commune scopes; point roles cover listed points. */
export type Scope =
  | { level: 'country' }
  | { level: 'province'; provinceCode: string }
  | { level: 'commune'; provinceCode: string; communeCode: string }
  | { level: 'points' };

export interface RoleGrant {
  role: Role;
  scope: Scope;
}

/** Who is calling. Anyone signed in with a phone is also a citizen, for their own data. */
export interface Principal {
  userId: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  grants: RoleGrant[];
  pointIds: string[];
  /** The persons the account holds (its holder and dependants): whom it may check in. */
  persons: HeldPerson[];
}

/** A person an account holds, with what a check-in copies of them. */
export interface HeldPerson {
  id: string;
  fullName: string;
  phone: string | null;
  birthYear: number;
  gender: string | null;
  /** The end of the ID number that its masked form shows; null without one. */
  idNumberLast: string | null;
}

/** Where a piece of data lives: every personal or area record carries its province (and commune). */
export interface Area {
  provinceCode: string;
  communeCode?: string | undefined;
}

export const permissions = {
  /** A citizen's own data and that of the people they declare for. */
  self: ['citizen'],
  'codes.verify': ['point_owner', 'point_staff', 'checkpoint_staff', 'health_officer', 'admin'],
  'units.admin': ['admin'],
  'accounts.manage': ['admin'],
  'keys.manage': ['admin'],
  'outbox.read': ['admin'],
  'audit.read': ['admin'],
  'points.read-area': ['admin', 'health_officer'],
  'points.scan': ['point_owner', 'point_staff', 'checkpoint_staff'],
  'points.manage': ['point_owner'],
  'legacy-codes.manage': ['admin'],
} as const satisfies Record<string, readonly (Role | 'citizen')[]>;

export type Permission = keyof typeof permissions;

/** What a route declares: open to all, to anyone signed in, or to holders of a permission. */
export type Access = 'public' | 'signed-in' | Permission;

export function covers(scope: Scope, area: Area): boolean {
  switch (scope.level) {
    case 'country':
      return true;
    case 'province':
      return scope.provinceCode === area.provinceCode;
    case 'commune':
      return scope.provinceCode === area.provinceCode && scope.communeCode === area.communeCode;
    case 'points':
      return false;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

export function isCitizen(p: Principal): boolean {
  return p.phone !== null;
}

/** True when the principal holds the permission, over the area when one is given. */
export function can(principal: Principal, permission: Permission, area?: Area): boolean {
  const allowed: readonly string[] = permissions[permission];
  if (allowed.includes('citizen') && isCitizen(principal)) return true;
  return principal.grants.some(
    (g) => allowed.includes(g.role) && (area === undefined || covers(g.scope, area)),
  );
}

/** The one authorization check of every route and service. */
export function authorize(principal: Principal | null, permission: Permission, area?: Area): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (!can(principal, permission, area)) throw new AppError('FORBIDDEN', { permission });
  return principal;
}
