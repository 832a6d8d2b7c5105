import { createHash, randomBytes } from 'node:crypto';
import { authorize, isCitizen, type Principal, type Role } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { format, type Locale, messages } from '../../domain/messages';
import type { AcceptInvitation, Invitation, Me } from '../../domain/schemas/auth';
import { stripDiacritics } from '../../domain/text';
import type { ScopeLevel } from '../db/types';
import type { InvitationsRepository } from '../repositories/invitations.repository';
import type { NewGrant, UsersRepository } from '../repositories/users.repository';
import type { AuditService } from './audit.service';
import type { MessageSender } from './message-sender';
import { hashPassword } from './sign-in.service';
import type { UnitsService } from './units.service';

const INVITATION_DAYS = 7;
const POINT_ROLES: readonly Role[] = ['point_owner', 'point_staff', 'checkpoint_staff'];

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createAccountsService(deps: {
  users: UsersRepository;
  invitations: InvitationsRepository;
  units: UnitsService;
  sender: MessageSender;
  audit: AuditService;
  now: () => Date;
}) {
  const { users, invitations, units, sender, audit, now } = deps;

  /** The grant an invitation gives, checked against what the inviting administrator covers. */
  function grantFor(actor: Principal, input: Invitation): NewGrant {
    if (POINT_ROLES.includes(input.role)) {
      authorize(actor, 'accounts.manage');
      return { role: input.role, scopeLevel: 'points', unitCode: null, provinceCode: null };
    }
    if (!input.unitCode) {
      const isNational = actor.grants.some((g) => g.role === 'admin' && g.scope.level === 'country');
      if (!isNational) throw new AppError('FORBIDDEN');
      return { role: input.role, scopeLevel: 'country', unitCode: null, provinceCode: null };
    }
    const area = units.areaOf(input.unitCode);
    if (!area) throw new AppError('VALIDATION_FAILED', { field: 'unitCode' });
    authorize(actor, 'accounts.manage', area);
    const scopeLevel: ScopeLevel = area.communeCode ? 'commune' : 'province';
    if (input.role === 'admin' && scopeLevel === 'commune') {
      throw new AppError('VALIDATION_FAILED', { field: 'unitCode' });
    }
    return { role: input.role, scopeLevel, unitCode: input.unitCode, provinceCode: area.provinceCode };
  }

  return {
    async invite(actor: Principal, input: Invitation, baseUrl: string, locale: Locale) {
      authorize(actor, 'accounts.manage');
      const grant = grantFor(actor, input);
      const token = randomBytes(24).toString('base64url');
      const row = await invitations.create({
        tokenHash: hashToken(token),
        phone: input.phone ?? null,
        email: input.email ?? null,
        displayName: input.displayName,
        role: grant.role,
        scopeLevel: grant.scopeLevel,
        unitCode: grant.unitCode,
        provinceCode: grant.provinceCode,
        createdBy: actor.userId,
        expiresAt: new Date(now().getTime() + INVITATION_DAYS * 86_400_000),
      });
      // The token travels in the fragment, so it never reaches a server or proxy log.
      const link = `${baseUrl}/invite#${token}`;
      const m = messages[locale];
      const text = stripDiacritics(
        format(m.sms.invitation, { name: input.displayName, role: m.roles[input.role], link }),
      );
      await sender.send(
        input.phone
          ? { channel: 'sms', to: input.phone, text }
          : { channel: 'email', to: input.email!, text },
      );
      return { id: row.id, link, expiresAt: row.expires_at };
    },

    /** Creates (or completes) the staff account, sets its password and grants the invited role. */
    async acceptInvitation(input: AcceptInvitation) {
      const inv = await invitations.findOpen(hashToken(input.token), now());
      if (!inv) throw new AppError('INVITATION_INVALID');
      const passwordHash = await hashPassword(input.password);
      const displayName = input.displayName ?? inv.display_name;
      const existing =
        (inv.phone ? await users.findByPhone(inv.phone) : undefined) ??
        (inv.email ? await users.findByEmail(inv.email) : undefined);
      if (!(await invitations.accept(inv.id, now()))) throw new AppError('INVITATION_INVALID');
      const user = existing
        ? existing
        : await users.create({ phone: inv.phone, email: inv.email, displayName, passwordHash });
      if (existing) await users.update(existing.id, { displayName, passwordHash });
      await users.addGrant(
        user.id,
        {
          role: inv.role,
          scopeLevel: inv.scope_level,
          unitCode: inv.unit_code,
          provinceCode: inv.province_code,
        },
        inv.created_by,
      );
      return user;
    },

    async listStaff(actor: Principal, purpose: string, page: { limit: number; offset: number }, ip: string) {
      authorize(actor, 'accounts.manage');
      await audit.record(actor, { action: 'read', resource: 'accounts', purpose, ip });
      const isNational = actor.grants.some((g) => g.role === 'admin' && g.scope.level === 'country');
      const province = actor.grants.find((g) => g.role === 'admin' && g.scope.level === 'province')?.scope;
      return users.listStaff(
        page,
        isNational || province?.level !== 'province' ? null : province.provinceCode,
      );
    },

    listOpenInvitations: (actor: Principal) => {
      authorize(actor, 'accounts.manage');
      return invitations.listOpen(now());
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

/** What the web is told about the signed-in person: roles with the names of their areas. */
export function describePrincipal(p: Principal, units: Pick<UnitsService, 'nameOf'>): Me {
  return {
    userId: p.userId,
    displayName: p.displayName,
    phone: p.phone,
    email: p.email,
    isCitizen: isCitizen(p),
    grants: p.grants.map((g) => ({
      role: g.role,
      scope: g.scope,
      unitName:
        g.scope.level === 'province'
          ? units.nameOf(g.scope.provinceCode)
          : g.scope.level === 'commune'
            ? units.nameOf(g.scope.communeCode)
            : null,
    })),
    pointIds: p.pointIds,
  };
}
