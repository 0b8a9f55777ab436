import type { InvoiceView } from '@shanhai/contract';
import { Badge, Container, Pagination, Price, StatusMessage, useLanguage, type BadgeTone } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BuyerGate } from '../ordering/buyer-gate';
import { formatChinaTime, useOrderLabels } from '../ordering/order-labels';
import { useInvoices } from './invoice.queries';
// Tables look as on the product page.
import '../catalog/product.css';
import '../ordering/ordering.css';
import './payments.css';

export function InvoicesPage() {
  const { t } = useTranslation();
  return (
    <Container className="page invoices-page">
      <title>{`${t('invoices.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('invoices.title')}</h1>
      <p className="invoices__intro">{t('invoices.intro')}</p>
      <BuyerGate>{(buyer) => <InvoiceList organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

/** The colour repeats the status text: paid green, overdue red, awaiting payment amber, the rest neutral. */
export function invoiceTone(invoice: Pick<InvoiceView, 'status' | 'overdue'>): BadgeTone {
  if (invoice.overdue) return 'danger';
  if (invoice.status === 'paid') return 'success';
  if (invoice.status === 'open') return 'warning';
  return 'neutral';
}

function InvoiceList({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useOrderLabels();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const invoices = useInvoices(organisationId, page);
  if (invoices.isPending) return <StatusMessage tone="loading" />;
  if (invoices.isError) return <StatusMessage tone="error" title={t('invoices.failed')} onRetry={() => void invoices.refetch()} />;
  if (invoices.data.items.length === 0) return <StatusMessage tone="empty" title={t('invoices.empty')} />;
  const pageCount = Math.max(1, Math.ceil(invoices.data.total / invoices.data.pageSize));
  return (
    <>
      <div className="table-scroll" role="region" aria-label={t('invoices.caption')} tabIndex={0}>
        <table className="data-table invoices-table">
          <caption className="ui-visually-hidden">{t('invoices.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invoices.number')}</th>
              <th scope="col">{t('invoices.order')}</th>
              <th scope="col">{t('invoices.status')}</th>
              <th scope="col">{t('invoices.amount')}</th>
              <th scope="col">{t('invoices.credited')}</th>
              <th scope="col">{t('invoices.due')}</th>
              <th scope="col">{t('invoices.dueDate')}</th>
              <th scope="col">{t('invoices.issued')}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.data.items.map((invoice) => (
              <tr key={invoice.id} data-testid="invoice-row">
                <th scope="row">
                  <Link to={`/invoices/${invoice.id}`}>{invoice.number ?? t('invoices.notIssued')}</Link>
                </th>
                <td>
                  <Link to={`/orders/${invoice.buyerOrderId}`}>{invoice.orderNumber}</Link>
                </td>
                <td>
                  <Badge tone={invoiceTone(invoice)}>{invoice.overdue ? t('invoices.overdue', { days: invoice.daysOverdue }) : labels.invoiceStatus(invoice.status)}</Badge>
                </td>
                <td>
                  <Price fen={invoice.amountFen} />
                </td>
                <td>{invoice.creditedFen ? <Price fen={-invoice.creditedFen} /> : '—'}</td>
                <td>
                  <Price fen={invoice.amountDueFen} />
                </td>
                <td>{invoice.dueDate ?? '—'}</td>
                <td>{invoice.issuedAt ? formatChinaTime(invoice.issuedAt, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/invoices?page=${p}`} /> : null}
    </>
  );
}
