import { SUPPLIER_ORDER_STATUSES, type SupplierOrderStatus } from '@shanhai/domain';
import { Badge, Button, Container, Pagination, Price, Select, StatusMessage, TextField, useLanguage } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { dateOnly, formatChinaTime, formatCount, isIsoDay } from '../../common/format';
import { statusTone, useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useSupplierOrders, type SupplierOrderFilter } from './orders.queries';

const isStatus = (s: string | null): s is SupplierOrderStatus => SUPPLIER_ORDER_STATUSES.some((x) => x === s);

function filterFrom(params: URLSearchParams): SupplierOrderFilter {
  const status = params.get('status');
  const date = params.get('date') ?? '';
  const page = Number(params.get('page') ?? '1');
  return { status: isStatus(status) ? status : '', deliveryDate: isIsoDay(date) ? date : '', page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
}

function hrefFor(filter: SupplierOrderFilter): string {
  const q = new URLSearchParams();
  if (filter.status) q.set('status', filter.status);
  if (filter.deliveryDate) q.set('date', filter.deliveryDate);
  if (filter.page > 1) q.set('page', String(filter.page));
  const s = q.toString();
  return s ? `/orders?${s}` : '/orders';
}

/** Incoming supplier orders: the ones to decide first (placed), then to ship (accepted), by delivery date. */
export function SupplierOrdersPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  const workspace = useCurrentWorkspace();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterFrom(params);
  const orders = useSupplierOrders(workspace.organisationId, filter);
  const [status, setStatus] = useState<string>(filter.status);
  const [date, setDate] = useState(filter.deliveryDate);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    void navigate(hrefFor({ status: isStatus(status) ? status : '', deliveryDate: isIsoDay(date) ? date : '', page: 1 }));
  };

  return (
    <Container className="page">
      <PageTitle>{t('orders.list.title')}</PageTitle>
      <p className="page__intro">{t('orders.list.intro')}</p>
      <form className="filter-bar" onSubmit={apply} aria-label={t('orders.list.filters')}>
        <Select
          label={t('orders.list.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[{ value: '', label: t('orders.list.allStatuses') }, ...SUPPLIER_ORDER_STATUSES.filter((s) => s !== 'pending').map((s) => ({ value: s, label: labels.supplierOrderStatus(s) }))]}
        />
        <TextField label={t('orders.list.deliveryDate')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <Button type="submit">{t('orders.list.apply')}</Button>
      </form>
      <QueryView query={orders}>
        {(page) =>
          page.items.length === 0 ? (
            <StatusMessage tone="empty" title={t('orders.list.empty')} />
          ) : (
            <>
              <p className="result-count">{t('orders.list.count', { count: page.total })}</p>
              <div className="table-scroll" role="region" aria-label={t('orders.list.title')} tabIndex={0}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('orders.list.number')}</th>
                      <th scope="col">{t('orders.list.buyer')}</th>
                      <th scope="col">{t('orders.list.deliveryDate')}</th>
                      <th scope="col">{t('orders.list.site')}</th>
                      <th scope="col">{t('orders.list.status')}</th>
                      <th scope="col" className="numeric">{t('orders.list.lines')}</th>
                      <th scope="col">{t('orders.list.produce')}</th>
                      <th scope="col">{t('orders.list.placed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((o) => (
                      <tr key={o.id} data-testid="supplier-order-row">
                        <th scope="row">
                          <Link to={`/orders/${o.id}`}>{o.buyerOrderNumber}</Link>
                        </th>
                        <td>{o.buyerOrganisationName}</td>
                        <td>{dateOnly(o.deliveryDate)}</td>
                        <td>{o.deliverySiteName}</td>
                        <td>
                          <Badge tone={statusTone(o.status)}>{labels.supplierOrderStatus(o.status)}</Badge>
                        </td>
                        <td className="numeric">{formatCount(o.lineCount, language)}</td>
                        <td>
                          <Price fen={o.produceFen} />
                        </td>
                        <td>{formatChinaTime(o.createdAt, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={page.page} pageCount={Math.max(1, Math.ceil(page.total / page.pageSize))} hrefFor={(p) => hrefFor({ ...filter, page: p })} />
            </>
          )
        }
      </QueryView>
    </Container>
  );
}
