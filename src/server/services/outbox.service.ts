import { authorize, type Principal } from '../../domain/access';
import type { OutboxRepository } from '../repositories/outbox.repository';
import type { AuditService } from './audit.service';

export function createOutboxService(repo: OutboxRepository, audit: AuditService) {
  return {
    /** Messages of the outbox sender, newest first. They hold phone numbers, so reading is audited. */
    async list(actor: Principal, filter: { recipient?: string | undefined; limit: number }, ip: string) {
      authorize(actor, 'outbox.read');
      await audit.record(actor, {
        action: 'read',
        resource: filter.recipient ? `outbox:${filter.recipient}` : 'outbox',
        purpose: 'Kiểm tra tin nhắn gửi đi (outbox)',
        ip,
      });
      return repo.list(filter.limit, filter.recipient);
    },
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
