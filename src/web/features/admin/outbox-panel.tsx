import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneSchema } from '../../../domain/phone';
import { zodFieldErrors } from '../../app/form-errors';
import { useApi } from '../../app/use-api';
import { Button } from '../../ui/button';
import { formatDateTime, formatPhone } from '../../ui/format';
import { LoadError, Loading } from '../../ui/load-state';
import { TextField } from '../../ui/text-field';
import { type OutboxMessage, outboxPath } from './admin-api';

/** Messages the outbox sender wrote: where a demo's one-time codes and invitation links are read. */
export function OutboxPanel() {
  const { t } = useTranslation();
  const [phoneInput, setPhoneInput] = useState('');
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const [filterError, setFilterError] = useState<string | undefined>(undefined);
  const outbox = useApi<{ messages: OutboxMessage[] }>(outboxPath, { phone: filter, limit: 50 });

  function applyFilter(e: FormEvent) {
    e.preventDefault();
    if (!phoneInput.trim()) {
      setFilterError(undefined);
      setFilter(undefined);
      return;
    }
    const parsed = phoneSchema.safeParse(phoneInput);
    if (!parsed.success) {
      setFilterError(zodFieldErrors(parsed.error, t)[''] ?? t('validation.phone'));
      return;
    }
    setFilterError(undefined);
    setFilter(parsed.data);
  }

  function showAll() {
    setPhoneInput('');
    setFilterError(undefined);
    setFilter(undefined);
  }

  const messages =
    outbox.status === 'ready'
      ? [...outbox.data.messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      : [];

  return (
    <div className="stack">
      <p>{t('admin.outboxIntro')}</p>
      <form className="filter-form" onSubmit={applyFilter} noValidate>
        <TextField
          label={t('admin.outboxFilter')}
          error={filterError}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={phoneInput}
          onChange={(e) => setPhoneInput(e.currentTarget.value)}
        />
        <div className="row">
          <Button type="submit" variant="secondary">
            {t('admin.filter')}
          </Button>
          {filter ? (
            <Button variant="secondary" onClick={showAll}>
              {t('admin.showAll')}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={outbox.reload}>
            {t('common.refresh')}
          </Button>
        </div>
      </form>
      {outbox.status === 'loading' ? <Loading /> : null}
      {outbox.status === 'failed' ? <LoadError error={outbox.error} onRetry={outbox.reload} /> : null}
      {outbox.status === 'ready' && !messages.length ? (
        <p className="muted">{t('admin.outboxEmpty')}</p>
      ) : null}
      {messages.length ? (
        <ul className="cards" aria-label={t('admin.tabOutbox')}>
          {messages.map((m) => (
            <li key={m.id} className="card">
              <h3 className="card-title">{formatPhone(m.recipient)}</h3>
              <p className="card-meta">
                {m.channel === 'sms' || m.channel === 'email' ? t(`admin.channels.${m.channel}`) : m.channel}
                {' · '}
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </p>
              <p className="message-body">{m.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
