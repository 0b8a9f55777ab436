import { Button, Container, Section, StatusMessage, TextField, useLanguage } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { dateOnly, formatCount, isIsoDay } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { usePickList } from './orders.queries';

/** What to pick for accepted, unshipped orders: per SKU with the lots to take, and per delivery site; printable. */
export function PickListPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const workspace = useCurrentWorkspace();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const day = isIsoDay(params.get('date') ?? '') ? (params.get('date') as string) : '';
  const [date, setDate] = useState(day);
  const pickList = usePickList(workspace.organisationId, day);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    void navigate(isIsoDay(date) ? `/pick-list?date=${date}` : '/pick-list');
  };

  return (
    <Container className="page pick-list">
      <PageTitle
        actions={
          <Button onClick={() => window.print()} className="no-print">
            {t('pickList.print')}
          </Button>
        }
      >
        {day ? t('pickList.titleFor', { date: day }) : t('pickList.title')}
      </PageTitle>
      <p className="page__intro">{t('pickList.intro')}</p>
      <form className="filter-bar no-print" onSubmit={apply} aria-label={t('pickList.filter')}>
        <TextField label={t('pickList.deliveryDate')} hint={t('pickList.deliveryDateHint')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <Button type="submit">{t('pickList.show')}</Button>
      </form>
      <QueryView query={pickList}>
        {(list) =>
          list.skus.length === 0 ? (
            <StatusMessage tone="empty" title={t('pickList.empty')} action={<Link to="/orders?status=placed">{t('pickList.toOrders')}</Link>} />
          ) : (
            <>
              <Section id="pick-skus" title={t('pickList.bySku')}>
                <div className="table-scroll" role="region" aria-label={t('pickList.bySku')} tabIndex={0}>
                  <table className="data-table" data-testid="pick-skus">
                    <thead>
                      <tr>
                        <th scope="col">{t('pickList.product')}</th>
                        <th scope="col">{t('pickList.quantity')}</th>
                        <th scope="col">{t('pickList.lots')}</th>
                        <th scope="col">{t('pickList.drops')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.skus.map((sku) => (
                        <tr key={sku.skuId}>
                          <th scope="row">
                            {sku.productNameZh}
                            <span className="cell-note code">{sku.skuCode}</span>
                          </th>
                          <td className="numeric">
                            {formatCount(sku.quantity, language)} × {sku.packingUnitZh}
                          </td>
                          <td>
                            <ul className="plain-list">
                              {sku.lots.map((lot) => (
                                <li key={lot.lotId}>{t('orders.detail.lot', { code: lot.lotCode, date: dateOnly(lot.harvestDate), quantity: formatCount(lot.quantity, language) })}</li>
                              ))}
                            </ul>
                          </td>
                          <td>
                            <ul className="plain-list">
                              {sku.sites.map((s) => (
                                <li key={`${s.siteId}-${s.deliveryDate}`}>{t('pickList.drop', { site: s.siteName, date: dateOnly(s.deliveryDate), quantity: formatCount(s.quantity, language) })}</li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Section>
              <Section id="pick-sites" title={t('pickList.bySite')}>
                <ul className="card-list">
                  {list.sites.map((site) => (
                    <li key={`${site.siteId}-${site.deliveryDate}`} className="card" data-testid="pick-site">
                      <h3 className="card__title">
                        {site.siteName} · {dateOnly(site.deliveryDate)}
                      </h3>
                      <p>
                        {site.buyerOrganisationName} · {site.address}
                        {site.receivingHours ? ` · ${t('orders.detail.hours', { hours: site.receivingHours })}` : null}
                      </p>
                      <p>
                        {t('pickList.orders')}{' '}
                        {site.supplierOrders.map((so, i) => (
                          <span key={so.id}>
                            {i > 0 ? t('common.listSeparator') : null}
                            <Link to={`/orders/${so.id}`}>{so.buyerOrderNumber}</Link>
                          </span>
                        ))}
                      </p>
                      <ul className="plain-list">
                        {site.lines.map((l) => (
                          <li key={l.orderLineId}>
                            {l.productNameZh} <span className="code">{l.skuCode}</span>: {formatCount(l.quantity, language)} × {l.packingUnitZh}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </Section>
            </>
          )
        }
      </QueryView>
    </Container>
  );
}
