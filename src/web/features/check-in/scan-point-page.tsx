import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenFromPointUrl } from '../../../domain/point-code';
import { navigate } from '../../app/router';
import { BackLink } from '../../ui/back-link';
import { Page } from '../../ui/page-layout';
import { Camera } from '../scanner/camera';

/**
 * "Quét mã điểm": the in-app camera pointed at a point's poster. A vaora poster opens its check-in
 * page; another code (a legacy BlueZone/VHD poster) is checked by the server on that page.
 */
export function ScanPointPage() {
  const { t } = useTranslation();
  const gone = useRef(false);
  function onRead(text: string) {
    if (gone.current) return;
    gone.current = true;
    const token = tokenFromPointUrl(text);
    navigate(`/c/${token ?? encodeURIComponent(text.trim())}`);
  }
  return (
    <Page title={t('checkIn.scanTitle')}>
      <BackLink href="/" label={t('app.backHome')} />
      <p>{t('checkIn.scanIntro')}</p>
      <div className="scanner-view">
        <Camera label={t('checkIn.cameraLabel')} onRead={onRead} />
      </div>
    </Page>
  );
}
