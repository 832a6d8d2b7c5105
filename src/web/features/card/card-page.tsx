import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/form-errors';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { Button } from '../../ui/button';
import { formatDate } from '../../ui/dates';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { QrCode } from '../../ui/qr-code';
import { StatusBanner } from '../../ui/status-banner';
import {
  type CardAnswer,
  issueCard,
  type PersonsAnswer,
  type PersonView,
  paths,
  revokeCard,
} from '../citizen/citizen-api';

/**
 * A printed QR card for someone without a phone (a child, a grandparent): long-lived, so it can be
 * revoked when lost, and a new one issued. "In thẻ" prints the card alone, the QR at least 5 × 5 cm.
 */
export function CardPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const persons = useApi<PersonsAnswer>(paths.persons);
  const card = useApi<CardAnswer>(paths.card(personId));
  const person =
    persons.status === 'ready' ? (persons.data.persons.find((p) => p.id === personId) ?? null) : null;

  let body = null;
  if (persons.status === 'loading' || card.status === 'loading') body = <Loading />;
  else if (persons.status === 'failed') body = <LoadError error={persons.error} onRetry={persons.reload} />;
  else if (card.status === 'failed') body = <LoadError error={card.error} onRetry={card.reload} />;
  else if (!person) body = <StatusBanner kind="error">{t('errors.NOT_FOUND')}</StatusBanner>;
  else body = <CardBody person={person} initial={card.data} />;

  return (
    <Page title={t('card.title')}>
      <div className="no-print">
        <BackLink
          href={person && !person.isSelf ? '/family' : '/'}
          label={person && !person.isSelf ? t('family.title') : t('app.backHome')}
        />
      </div>
      {body}
    </Page>
  );
}

function CardBody({ person, initial }: { person: PersonView; initial: CardAnswer }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState(initial);
  const [confirming, setConfirming] = useState<'reissue' | 'revoke' | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function run(action: 'issue' | 'reissue' | 'revoke') {
    setBusy(true);
    setMessage(null);
    try {
      if (action === 'revoke') {
        await revokeCard(person.id);
        setAnswer({ card: null, token: null });
      } else setAnswer(await issueCard(person.id));
      setMessage({
        kind: 'success',
        text:
          action === 'revoke'
            ? t('card.revoked')
            : action === 'reissue'
              ? t('card.reissued')
              : t('card.issued'),
      });
      setConfirming(null);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err, t) });
    } finally {
      setBusy(false);
    }
  }

  const { card, token } = answer;
  return (
    <div className="stack">
      <div className="no-print stack">
        <p className="lead">{t('card.intro', { name: person.fullName })}</p>
        {message ? <StatusBanner kind={message.kind}>{message.text}</StatusBanner> : null}
      </div>
      {card && token ? (
        <>
          <article className="print-card" aria-label={t('card.cardLabel', { name: person.fullName })}>
            <p className="print-card-brand">{t('card.brand')}</p>
            <QrCode
              text={token}
              label={t('card.qrLabel', { name: person.fullName })}
              className="print-card-qr"
            />
            <p className="print-card-name">{person.fullName}</p>
            <p className="print-card-line">{t('person.bornIn', { year: person.birthYear })}</p>
            <p className="print-card-line">
              {t('card.validity', { from: formatDate(card.issuedAt), to: formatDate(card.expiresAt) })}
            </p>
          </article>
          <div className="no-print stack">
            <Button block onClick={() => window.print()}>
              {t('card.print')}
            </Button>
            <p className="muted">{t('card.printHint')}</p>
            {confirming ? (
              <div className="confirm-box">
                <p>{confirming === 'revoke' ? t('card.revokeConfirm') : t('card.reissueConfirm')}</p>
                <div className="row">
                  <Button variant="danger" busy={busy} onClick={() => void run(confirming)}>
                    {confirming === 'revoke' ? t('card.revokeYes') : t('card.reissueYes')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(null)}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </div>
            ) : (
              <div className="row">
                <Button variant="secondary" onClick={() => setConfirming('reissue')}>
                  {t('card.reissue')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming('revoke')}>
                  {t('card.revoke')}
                </Button>
              </div>
            )}
          </div>
        </>
      ) : (
        <div className="no-print stack">
          <p>{t('card.none')}</p>
          <Button block busy={busy} onClick={() => void run('issue')}>
            {t('card.issue')}
          </Button>
        </div>
      )}
    </div>
  );
}
