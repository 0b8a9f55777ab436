import { buttonClassName, Container } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from '../catalog/browse-params';
import { CertifiedSection, SeasonalSection, useSeasonalProducts } from '../catalog/home-sections';
import { PairingSection } from '../places/pairing-section';
import './home.css';

/** The landing page: where to buy from (the pairing), what is good now (season), what counts (certified). */
export function HomePage() {
  const { t } = useTranslation();
  const seasonal = useSeasonalProducts();
  return (
    <>
      <title>{`${t('app.name')} · ${t('app.tagline')}`}</title>
      <div className="hero">
        <Container>
          <h1 className="hero__title">{t('home.hero.title')}</h1>
          <p className="hero__text">{t('home.hero.text')}</p>
          <p className="hero__actions">
            <Link to="/browse" className={buttonClassName('primary')}>
              {t('home.hero.browse')}
            </Link>
            <Link to={browseHref({ ...EMPTY_BROWSE_STATE, certified: true })} className={buttonClassName('secondary')}>
              {t('home.hero.certified')}
            </Link>
          </p>
        </Container>
      </div>
      <Container>
        <PairingSection />
        <SeasonalSection seasonal={seasonal} />
        <CertifiedSection shown={seasonal.result.isPending ? null : seasonal.items} />
      </Container>
    </>
  );
}
