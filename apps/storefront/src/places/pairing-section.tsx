import { businessDay } from '@shanhai/domain';
import { Badge, Section, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from '../catalog/browse-params';
import { useDeliverySites } from '../identity/identity.queries';
import { useSession } from '../identity/session-provider';
import { rankPairings, type RankedPairing } from './buyer-pairings';
import { useDivision, usePairings } from './places.queries';

/** The western counties to buy from: those paired with the buyer's own city first, each a filtered browse. */
export function PairingSection() {
  const { t } = useTranslation();
  const { status, buyer } = useSession();
  const pairings = usePairings();
  const sites = useDeliverySites(buyer?.organisationId ?? null);
  const siteCounties = useMemo(() => (sites.data ?? []).map((s) => s.countyCode), [sites.data]);
  const ranked = useMemo(() => rankPairings(pairings.data ?? [], siteCounties, businessDay()), [pairings.data, siteCounties]);
  const hasMine = ranked.some((r) => r.mine);

  const description = hasMine
    ? t('home.pairings.mineDescription')
    : status === 'signed-in' && buyer
      ? t('home.pairings.noSiteMatch')
      : t('home.pairings.anonymousDescription');

  return (
    <Section id="pairings" title={hasMine ? t('home.pairings.mineTitle') : t('home.pairings.title')} description={description}>
      {pairings.isPending ? (
        <StatusMessage tone="loading" />
      ) : pairings.isError ? (
        <StatusMessage tone="error" title={t('home.pairings.failed')} onRetry={() => void pairings.refetch()} />
      ) : ranked.length === 0 ? (
        <StatusMessage tone="empty" title={t('home.pairings.none')} />
      ) : (
        <ul className="pairings">
          {ranked.map((r) => (
            <li key={r.pairing.id}>
              <PairingCard ranked={r} />
            </li>
          ))}
        </ul>
      )}
      {status === 'anonymous' ? (
        <p className="pairings__sign-in">
          <Link to="/sign-in">{t('home.pairings.signInHint')}</Link>
        </p>
      ) : null}
    </Section>
  );
}

function PairingCard({ ranked }: { ranked: RankedPairing }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { pairing, mine, counties } = ranked;
  return (
    <article className={mine ? 'pairing pairing--mine' : 'pairing'} data-testid="pairing">
      <h3 className="pairing__name">
        {localize(pairing.name, pairing.nameEn)} {mine ? <Badge tone="brand">{t('home.pairings.yourCity')}</Badge> : null}
      </h3>
      <p className="pairing__east">
        {t('home.pairings.east')}
        <PlaceName code={pairing.eastDivisionCode} fallback={pairing.eastDivisionName ?? pairing.eastDivisionCode} />
        <span className="pairing__since">{t('home.pairings.since', { date: pairing.validFrom })}</span>
      </p>
      <p className="pairing__west-label">{t('home.pairings.west')}</p>
      <ul className="pairing__counties">
        {counties.map((c) => (
          <li key={c.countyCode}>
            <Link to={browseHref({ ...EMPTY_BROWSE_STATE, county: c.countyCode })} className="county-link">
              <PlaceName code={c.countyCode} fallback={c.countyName ?? c.countyCode} />
              <span className="county-link__action">{t('home.pairings.browseCounty')}</span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}

/**
 * A place's name in the current language. Pairings carry only Chinese names, so in English the division
 * is looked up (a handful of codes per page, cached for the visit).
 */
function PlaceName({ code, fallback }: { code: string; fallback: string }) {
  const { language } = useLanguage();
  const localize = useLocalize();
  const division = useDivision(code, language === 'en');
  return <span>{division.data ? localize(division.data.name, division.data.nameEn) : fallback}</span>;
}
