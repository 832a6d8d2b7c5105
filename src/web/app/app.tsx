import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { InvitePage } from '../features/auth/invite-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { HomePage } from '../features/home/home-page';
import { Button } from '../ui/button';
import { Page, TopBar } from '../ui/page-layout';
import { StatusBanner } from '../ui/status-banner';
import { errorMessage } from './form-errors';
import { changeLocale, currentLocale } from './i18n';
import { Link, useLocation } from './router';
import { useSession } from './session';

function subscribeOnline(notify: () => void) {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

function useIsOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

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
        {isOnline || hasFailed ? null : <StatusBanner kind="warning">{t('app.offline')}</StatusBanner>}
        {signOutError ? <StatusBanner kind="error">{errorMessage(signOutError, t)}</StatusBanner> : null}
        <Screen />
      </main>
    </>
  );
}
