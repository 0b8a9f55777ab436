import type { CatalogItem } from '@shanhai/contract';
import { businessDay } from '@shanhai/domain';
import { Section, StatusMessage, useLanguage } from '@shanhai/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from './browse-params';
import { monthName } from './catalog-format';
import { useCatalogSearch } from './catalog.queries';
import { ProductGrid } from './product-card';

const SHOWN = 8;

export function inSeason(items: readonly CatalogItem[], month: number): CatalogItem[] {
  return items.filter((item) => item.seasons.includes(month));
}

/** Products in season this month (China time). */
export function useSeasonalProducts() {
  const month = Number(businessDay().slice(5, 7));
  // The API has no season filter yet: take the newest page and keep what is in season.
  const result = useCatalogSearch({ pageSize: 100, sort: 'newest' });
  const items = useMemo(() => inSeason(result.data?.items ?? [], month).slice(0, SHOWN), [result.data, month]);
  return { month, result, items };
}

export function SeasonalSection({ seasonal }: { seasonal: ReturnType<typeof useSeasonalProducts> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const title = t('home.seasonal.title', { month: monthName(seasonal.month, language) });
  return (
    <Section id="seasonal" title={title} description={t('home.seasonal.description')}>
      <SectionBody result={seasonal.result} items={seasonal.items} label={title} empty={t('home.seasonal.empty')} />
    </Section>
  );
}

/**
 * Products with a certificate in force today, other than those already shown as seasonal, so the two
 * sections of the landing page show different goods.
 */
export function CertifiedSection({ shown }: { shown: readonly CatalogItem[] | null }) {
  const { t } = useTranslation();
  const result = useCatalogSearch({ certified: true, pageSize: SHOWN * 2, sort: 'newest' });
  const items = useMemo(() => {
    const all = result.data?.items ?? [];
    const seen = new Set((shown ?? []).map((i) => i.id));
    const fresh = all.filter((i) => !seen.has(i.id));
    return (fresh.length > 0 ? fresh : all).slice(0, SHOWN);
  }, [result.data, shown]);
  return (
    <Section
      id="certified"
      title={t('home.certified.title')}
      description={t('home.certified.description')}
      action={<Link to={browseHref({ ...EMPTY_BROWSE_STATE, certified: true })}>{t('home.certified.all', { count: result.data?.total ?? 0 })}</Link>}
    >
      {/* Waits for the seasonal list, so the cards do not change under the reader's eyes. */}
      <SectionBody result={result} pending={shown === null} items={items} label={t('home.certified.title')} empty={t('home.certified.empty')} />
    </Section>
  );
}

function SectionBody({
  result,
  items,
  label,
  empty,
  pending = false,
}: {
  result: ReturnType<typeof useCatalogSearch>;
  items: readonly CatalogItem[];
  label: string;
  empty: string;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  if (result.isPending || pending) return <StatusMessage tone="loading" />;
  if (result.isError) return <StatusMessage tone="error" title={t('errors.sectionFailed')} onRetry={() => void result.refetch()} />;
  if (items.length === 0) return <StatusMessage tone="empty" title={empty} />;
  return <ProductGrid items={items} label={label} />;
}
