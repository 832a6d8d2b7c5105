import { useTranslation } from 'react-i18next';
import { setFlash } from '../../app/flash';
import { navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BackLink } from '../../ui/back-link';
import { LoadError, Loading } from '../../ui/load-state';
import { Page } from '../../ui/page-layout';
import { type ProfileAnswer, paths, saveProfile } from '../citizen/citizen-api';
import { PersonForm, personDraftFrom } from './person-form';

/** "Hồ sơ": the account holder's own profile; the first thing a new citizen fills in. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useApi<ProfileAnswer>(paths.profile);
  const isFirst = profile.status === 'ready' && profile.data.person === null;
  return (
    <Page title={t('profile.title')}>
      <BackLink href="/" label={t('app.backHome')} />
      <p className="lead">{isFirst ? t('profile.firstIntro') : t('profile.intro')}</p>
      {profile.status === 'loading' ? <Loading /> : null}
      {profile.status === 'failed' ? <LoadError error={profile.error} onRetry={profile.reload} /> : null}
      {profile.status === 'ready' ? (
        <PersonForm
          kind="self"
          draftKey="profile"
          initial={() => personDraftFrom(profile.data.person)}
          submitLabel={t('profile.save')}
          onSubmit={async (input) => {
            await saveProfile(input);
            setFlash(t('profile.saved'));
            navigate('/');
          }}
        />
      ) : null}
    </Page>
  );
}
