import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitePage } from '../features/auth/invite-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { CardPage } from '../features/card/card-page';
import { CheckInPage } from '../features/check-in/check-in-page';
import { ScanPointPage } from '../features/check-in/scan-point-page';
import { CheckInsPage } from '../features/check-ins/check-ins-page';
import { HealthHistoryPage } from '../features/health/health-history-page';
import { HealthPage } from '../features/health/health-page';
import { HomePage } from '../features/home/home-page';
import { MovementEditPage } from '../features/movement/movement-edit-page';
import { MovementNewPage } from '../features/movement/movement-new-page';
import { MovementPage } from '../features/movement/movement-page';
import { MovementsPage } from '../features/movement/movements-page';
import { NoticesPage } from '../features/notices/notices-page';
import { PointCheckInsPage } from '../features/points/point-check-ins-page';
import { PointNewPage } from '../features/points/point-new-page';
import { PointPage } from '../features/points/point-page';
import { PointsImportPage } from '../features/points/points-import-page';
import { PostersPage } from '../features/points/posters-page';
import { PrivacyPage } from '../features/privacy/privacy-page';
import { DependantPage } from '../features/profile/dependant-page';
import { FamilyPage } from '../features/profile/family-page';
import { ProfilePage } from '../features/profile/profile-page';
import { readLastCodePerson } from '../features/qr/code-store';
import { PersonalQrPage } from '../features/qr/personal-qr-page';
import { hasOfflineKeys } from '../features/scanner/offline-keys';
import { ScannerPage } from '../features/scanner/scanner-page';
import { Button } from '../ui/button';
import { Page, TopBar } from '../ui/page-layout';
import { StatusBanner } from '../ui/status-banner';
import { ApiError } from './api-client';
import { errorMessage } from './form-errors';
import { changeLocale, currentLocale } from './i18n';
import { Link, useLocation } from './router';
import { useSession } from './session';
import { clearPersonalData } from './storage';
import { useIsOnline } from './use-online';

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <p>{t('app.notFoundText')}</p>
      <p>
        <Link href="/" className="btn btn-secondary">
          {t('app.backHome')}
        </Link>
      </p>
    </Page>
  );
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The citizen's screens by path; null for a path that is not one of them. */
function citizenScreen(pathname: string): ReactNode | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  const param = (pattern: string) =>
    new RegExp(`^${pattern.replace(':id', `(${UUID})`)}$`, 'i').exec(path)?.[1];
  switch (path) {
    case '/profile':
      return <ProfilePage />;
    case '/family':
      return <FamilyPage />;
    case '/family/new':
      return <DependantPage personId={null} />;
    case '/health':
      return <HealthPage />;
    case '/health/history':
      return <HealthHistoryPage />;
    case '/movements':
      return <MovementsPage />;
    case '/movements/new':
      return <MovementNewPage />;
    case '/qr':
      return <PersonalQrPage />;
    case '/check-ins':
      return <CheckInsPage />;
    case '/notices':
      return <NoticesPage />;
    case '/privacy':
      return <PrivacyPage />;
    case '/scan-point':
      return <ScanPointPage />;
    case '/points/new':
      return <PointNewPage />;
    case '/points/import':
      return <PointsImportPage />;
    case '/points/posters':
      return <PostersPage />;
  }
  // A poster's code, opened by a phone's own camera or the in-app scanner.
  const pointCode = /^\/c\/([^/]+)$/.exec(path)?.[1];
  if (pointCode) return <CheckInPage key={pointCode} code={decodeURIComponent(pointCode)} />;
  let id = param('/points/:id/scan');
  if (id) return <ScannerPage key={id} pointId={id} />;
  id = param('/points/:id/check-ins');
  if (id) return <PointCheckInsPage key={id} pointId={id} />;
  id = param('/points/:id');
  if (id) return <PointPage key={id} pointId={id} />;
  id = param('/family/:id');
  if (id) return <DependantPage key={id} personId={id} />;
  id = param('/movements/:id/edit');
  if (id) return <MovementEditPage key={id} id={id} />;
  id = param('/movements/:id');
  if (id) return <MovementPage key={id} id={id} />;
  id = param('/card/:id');
  if (id) return <CardPage key={id} personId={id} />;
  return null;
}

/** Which screen a path shows; the signed-out home is the sign-in screen. */
function Screen() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { state, reload } = useSession();

  if (pathname === '/invite') return <InvitePage />;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    // Without a network the personal QR still shows from the batch kept on the phone: a checkpoint
    // without signal is exactly where it is needed.
    const isNetwork = state.error instanceof ApiError && state.error.code === 'NETWORK';
    if (pathname === '/qr' && isNetwork && readLastCodePerson()) return <PersonalQrPage startedOffline />;
    // A scanner at a road-side post must start without signal too: codes are checked with the kept
    // keys and the records wait in the queue until the network returns.
    const scanPoint = /^\/points\/([^/]+)\/scan\/?$/.exec(pathname)?.[1];
    if (scanPoint && isNetwork && hasOfflineKeys()) return <ScannerPage pointId={scanPoint} />;
    return (
      <Page title={t('app.loadFailedTitle')}>
        <StatusBanner
          kind="error"
          actions={
            <Button variant="secondary" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        >
          {errorMessage(state.error, t)}
        </StatusBanner>
      </Page>
    );
  }
  if (pathname === '/') return state.me ? <HomePage /> : <SignInPage />;
  const citizen = citizenScreen(pathname);
  if (citizen) return state.me ? citizen : <SignInPage />;
  return <NotFoundPage />;
}

export function App() {
  const { t } = useTranslation();
  const { state, signOut, reload } = useSession();
  const isOnline = useIsOnline();
  const hasFailed = state.status === 'failed';
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const isSignedIn = state.status === 'ready' && state.me !== null;
  const { pathname } = useLocation();
  // The personal QR screen says it itself, with how long its code still works; the scanner says it
  // next to the number of records waiting.
  const isOwnOfflineNotice = pathname === '/qr' || /^\/points\/[^/]+\/scan\/?$/.test(pathname);
  const other = currentLocale() === 'vi' ? 'en' : 'vi';

  useEffect(() => {
    if (!isSignedIn) setSignOutError(null);
  }, [isSignedIn]);

  // Back online after a failed start: try again without making the user press anything.
  useEffect(() => {
    if (isOnline && hasFailed) reload();
  }, [isOnline, hasFailed, reload]);

  async function onSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
      // A shared phone: the next person must not find this one's QR codes, drafts or choices.
      clearPersonalData();
    } catch (err) {
      setSignOutError(err);
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar
        appName={t('app.name')}
        language={{ label: t('lang.switchTo'), lang: other, onSwitch: () => void changeLocale(other) }}
        signOut={
          isSignedIn
            ? {
                label: signingOut ? t('app.signingOut') : t('app.signOut'),
                busy: signingOut,
                onClick: () => void onSignOut(),
              }
            : undefined
        }
      />
      <main id="main" className="main" tabIndex={-1}>
        {/* A failed start already says what is wrong, with a button to retry. */}
        {isOnline || hasFailed || isOwnOfflineNotice ? null : (
          <StatusBanner kind="warning">{t('app.offline')}</StatusBanner>
        )}
        {signOutError ? <StatusBanner kind="error">{errorMessage(signOutError, t)}</StatusBanner> : null}
        <Screen />
      </main>
    </>
  );
}
