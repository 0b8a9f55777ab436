import { Section, Select } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentWorkspace } from '../identity/workspace-provider';
import { BreakdownSection } from './breakdown-section';
import { FiltersForm } from './official-dashboard';
import { filterParams, filtersFrom } from './stats-format';
import { useSupplierTotals } from './stats.queries';
import type { GroupBy } from './stats-views';

const SUPPLIER_GROUPINGS = ['month', 'category', 'buyerType'] as const;
type SupplierGrouping = (typeof SUPPLIER_GROUPINGS)[number];

/**
 * The cooperative's own sales over time (or by category, or by buyer type), in either figure: what buyers paid,
 * and what counted as assistance once the orders completed. Range and figure live in the address.
 */
export function CooperativeSales() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const byParam = params.get('by');
  const groupBy: SupplierGrouping = (SUPPLIER_GROUPINGS as readonly string[]).includes(byParam ?? '') ? (byParam as SupplierGrouping) : 'month';
  const totals = useSupplierTotals(workspace.organisationId, filters, groupBy as GroupBy);
  const apply = (next: typeof filters, by: SupplierGrouping = groupBy) => {
    const out = filterParams(next, { by: by === 'month' ? undefined : by });
    setParams(out, { preventScrollReset: true });
  };
  return (
    <div className="stats-own" data-testid="cooperative-sales">
      <Section id="own-sales-filters" title={t('statsDash.own.title')} description={t('statsDash.own.intro')}>
        <FiltersForm
          key={params.toString()}
          filters={filters}
          onApply={(f) => apply(f)}
          withAsOf={false}
          extra={
            <Select
              label={t('statsDash.own.groupBy')}
              value={groupBy}
              onChange={(e) => apply(filters, e.target.value as SupplierGrouping)}
              options={SUPPLIER_GROUPINGS.map((g) => ({ value: g, label: t(`statsDash.groupBy.${g}`) }))}
            />
          }
        />
      </Section>
      <BreakdownSection
        id="own-sales"
        title={t(`statsDash.own.by.${groupBy}`, {
          figure: t(`statsDash.figure.${filters.figure}`),
        })}
        groupBy={groupBy}
        query={totals}
        filters={filters}
        supplierId={workspace.organisationId}
        chart={groupBy === 'month' ? 'columns' : 'bars'}
      />
    </div>
  );
}
