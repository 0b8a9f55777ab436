import { Button, Container, Price, Select, TextField, useLanguage } from '@shanhai/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatCount } from '../common/format';
import { PageTitle } from '../common/page-title';
import { BreakdownSection } from './breakdown-section';
import { ProgressPanel } from './progress-panel';
import { ReservedShareSection } from './reserved-share-section';
import { filterParams, filtersFrom, formatBasisPoints, shareBasisPoints, type StatsFilters } from './stats-format';
import { useTotals } from './stats.queries';
import type { TotalsView } from './stats-views';

/**
 * The jurisdiction's statistics: year to date against the target, the totals by month, place, category, buyer
 * type and cooperative, the certified share, and the public buyers' reserved share. Range, "as of" day and
 * figure live in the address, so a view can be bookmarked and sent.
 */
export function OfficialDashboard() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const year = Number(filters.to.slice(0, 4));
  const byMonth = useTotals(filters, 'month');
  // The side decides the place dimension: western officials see their counties, eastern ones their cities.
  const side = byMonth.data?.jurisdiction?.side ?? null;
  const placeGroup = side === 'east' ? 'buyerCity' : 'supplierCounty';
  const byPlace = useTotals(filters, placeGroup);
  const byCategory = useTotals(filters, 'category');
  const byBuyerType = useTotals(filters, 'buyerType');
  const topSuppliers = useTotals(filters, 'supplier', 10);
  const allSuppliers = useTotals(filters, 'supplier');
  const certified = useTotals(filters, 'certified');
  const jurisdiction = byMonth.data?.jurisdiction;
  const { language } = useLanguage();

  return (
    <Container className="page stats-page">
      <PageTitle>{t('statsDash.title')}</PageTitle>
      {jurisdiction ? (
        <p className="page__intro" data-testid="stats-jurisdiction">
          {t(`statsDash.side.${jurisdiction.side}`, {
            name: language === 'en' ? (jurisdiction.nameEn ?? jurisdiction.name) : jurisdiction.name,
          })}
        </p>
      ) : null}
      <FiltersForm key={params.toString()} filters={filters} onApply={(next) => setParams(filterParams(next))} />
      <p className="cell-note">{t(filters.figure === 'counted' ? 'statsDash.figureNote.counted' : 'statsDash.figureNote.sales')}</p>
      <ProgressPanel year={year} figure={filters.figure} />
      <KeyFigures total={byMonth.data} reach={allSuppliers.data} />
      <BreakdownSection id="stats-month" title={t('statsDash.sections.month')} groupBy="month" query={byMonth} filters={filters} chart="columns" />
      <BreakdownSection
        id="stats-place"
        title={t(side === 'east' ? 'statsDash.sections.city' : 'statsDash.sections.county')}
        groupBy={placeGroup}
        query={byPlace}
        filters={filters}
      />
      <BreakdownSection id="stats-category" title={t('statsDash.sections.category')} groupBy="category" query={byCategory} filters={filters} />
      <BreakdownSection id="stats-buyer-type" title={t('statsDash.sections.buyerType')} groupBy="buyerType" query={byBuyerType} filters={filters} />
      <BreakdownSection
        id="stats-suppliers"
        title={t('statsDash.sections.suppliers')}
        description={t('statsDash.sections.suppliersIntro')}
        groupBy="supplier"
        query={topSuppliers}
        filters={filters}
        extra={() => <Reach all={allSuppliers.data} />}
      />
      <BreakdownSection
        id="stats-certified"
        title={t('statsDash.sections.certified')}
        groupBy="certified"
        query={certified}
        filters={filters}
        extra={(data) => <CertifiedShare data={data} />}
      />
      <ReservedShareSection year={year} />
    </Container>
  );
}

/** The range in three figures: the net amount, the cooperatives that sold and the households linked to them. */
function KeyFigures({ total, reach }: { total: TotalsView | undefined; reach: TotalsView | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!total || !reach?.reach) return null;
  return (
    <section aria-label={t('statsDash.keyFigures.label')}>
      <ul className="figures" data-testid="key-figures">
        <li className="figure figure--strong">
          <span className="figure__label">{t('statsDash.keyFigures.net')}</span>
          <Price fen={total.total.netFen} className="figure__value" />
        </li>
        <li className="figure" data-testid="key-cooperatives">
          <span className="figure__label">{t('statsDash.keyFigures.cooperatives')}</span>
          <span className="figure__value">{t('statsDash.keyFigures.cooperativesUnit', { formatted: formatCount(reach.reach.cooperatives, language) })}</span>
        </li>
        <li className="figure" data-testid="key-households">
          <span className="figure__label">{t('statsDash.keyFigures.households')}</span>
          <span className="figure__value">{t('statsDash.keyFigures.householdsUnit', { formatted: formatCount(reach.reach.householdsReached, language) })}</span>
        </li>
      </ul>
      <p className="cell-note">{t('statsDash.keyFigures.householdsNote')}</p>
    </section>
  );
}

/** The cooperatives reached and their households: every cooperative that sold in the range (not only the ten shown). */
function Reach({ all }: { all: TotalsView | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!all?.reach) return null;
  return (
    <p className="stats-lead" data-testid="cooperatives-reached">
      {t('statsDash.reach', {
        count: all.reach.cooperatives,
        formatted: formatCount(all.reach.cooperatives, language),
        households: formatCount(all.reach.householdsReached, language),
      })}
    </p>
  );
}

function CertifiedShare({ data }: { data: TotalsView }) {
  const { t } = useTranslation();
  const certifiedFen = data.rows.find((r) => r.key === 'true')?.netFen ?? 0;
  const share = shareBasisPoints(certifiedFen, data.total.netFen);
  return (
    <p className="stats-lead" data-testid="certified-share">
      {share === null ? t('statsDash.certifiedNone') : t('statsDash.certifiedShare', { percent: formatBasisPoints(share) })}
    </p>
  );
}

/** Range, "as of" day and figure; applied together so the page reads once. */
export function FiltersForm({
  filters,
  onApply,
  withAsOf = true,
  extra,
}: {
  filters: StatsFilters;
  onApply: (f: StatsFilters) => void;
  withAsOf?: boolean;
  /** More controls of the same view (a cooperative's grouping), before the button. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) return setProblem(t('statsDash.filters.badRange'));
    if (draft.asOf && draft.asOf < draft.from) return setProblem(t('statsDash.filters.badAsOf'));
    setProblem(null);
    onApply(draft);
  };
  return (
    <form className="stats-filters" onSubmit={submit} aria-label={t('statsDash.filters.label')} noValidate>
      <TextField
        type="date"
        label={t('statsDash.filters.from')}
        value={draft.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        error={problem ?? undefined}
      />
      <TextField type="date" label={t('statsDash.filters.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      {withAsOf ? (
        <TextField
          type="date"
          label={t('statsDash.filters.asOf')}
          hint={t('statsDash.filters.asOfHint')}
          value={draft.asOf ?? ''}
          onChange={(e) => setDraft({ ...draft, asOf: e.target.value || null })}
        />
      ) : null}
      <Select
        label={t('statsDash.filters.figure')}
        value={draft.figure}
        onChange={(e) => {
          const next = {
            ...draft,
            figure: e.target.value === 'sales' ? ('sales' as const) : ('counted' as const),
          };
          setDraft(next);
          // The figure is a switch: it applies at once, to the range already shown.
          onApply({ ...filters, figure: next.figure });
        }}
        options={[
          { value: 'counted', label: t('statsDash.figure.counted') },
          { value: 'sales', label: t('statsDash.figure.sales') },
        ]}
      />
      {extra}
      <Button type="submit" variant="primary">
        {t('statsDash.filters.apply')}
      </Button>
    </form>
  );
}
