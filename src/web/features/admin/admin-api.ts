import type { Role } from '../../../domain/access';
import type { Invitation } from '../../../domain/schemas/auth';
import { api } from '../../app/api-client';

export interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  body: string;
  createdAt: string;
}

export interface OpenInvitation {
  id: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  expiresAt: string;
}

export interface SigningKey {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  expiresAt: string | null;
  isActive: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  actorRole: string;
  action: string;
  resource: string;
  subjectPersonId: string | null;
  purpose: string;
}

export const outboxPath = '/api/admin/outbox';
export const invitationsPath = '/api/admin/invitations';
export const keysPath = '/api/admin/keys';
export const auditPath = '/api/admin/audit';

export const sendInvitation = (body: Invitation) =>
  api<{ id: string; link: string; expiresAt: string }>('POST', invitationsPath, body);

export const rotateKey = () => api<unknown>('POST', '/api/admin/keys/rotate');
