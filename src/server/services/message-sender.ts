import type { OutboxRepository } from '../repositories/outbox.repository';

/**
 * Where one-time codes and invitations go. A real SMS gateway implements this interface (or receives
 * the webhook below); the default writes to the log and to the outbox an administrator reads.
 */
export interface OutgoingMessage {
  channel: 'sms' | 'email';
  /** A phone number in national form (0xxxxxxxxx) or an e-mail address. */
  to: string;
  text: string;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

interface Logger {
  info(obj: object, msg: string): void;
}

export function createOutboxSender(outbox: OutboxRepository, log: Logger): MessageSender {
  return {
    async send(m) {
      await outbox.add(m.channel, m.to, m.text);
      log.info({ channel: m.channel, to: m.to, text: m.text }, 'message written to the outbox');
    },
  };
}

/** POSTs `{channel, to, text}` as JSON to SMS_WEBHOOK_URL; any 2xx counts as sent. */
export function createWebhookSender(url: string): MessageSender {
  return {
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(m),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS webhook answered ${res.status}`);
    },
  };
}
