import { isApiError } from '@shanhai/api-client';
import type { InvoiceView } from '@shanhai/contract';
import { Badge, Container, Price, StatusMessage, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BuyerGate } from '../ordering/buyer-gate';
import { formatChinaTime, useOrderLabels } from '../ordering/order-labels';
import { invoiceTone } from './invoices-page';
import { useInvoice } from './invoice.queries';
// Facts and tables look as on the product page.
import '../catalog/product.css';
import '../ordering/ordering.css';
import './payments.css';

export function InvoicePage() {
  return (
    <Container className="page invoice-page">
      <BuyerGate>{() => <InvoiceContent />}</BuyerGate>
    </Container>
  );
}

function InvoiceContent() {
  const { t } = useTranslation();
  const { invoiceId = '' } = useParams();
  const invoice = useInvoice(invoiceId);
  if (invoice.isPending) return <StatusMessage tone="loading" />;
  if (invoice.isError) {
    const missing = isApiError(invoice.error) && [400, 403, 404].includes(invoice.error.status);
    return (
      <>
        <title>{`${t('invoices.failed')} · ${t('app.name')}`}</title>
        <h1 className="page__title">{t(missing ? 'invoices.detail.notFound' : 'invoices.failed')}</h1>
        {missing ? (
          <StatusMessage tone="empty" action={<Link to="/invoices">{t('invoices.detail.back')}</Link>} />
        ) : (
          <StatusMessage tone="error" title={t('errors.tryLater')} onRetry={() => void invoice.refetch()} />
        )}
      </>
    );
  }
  return <InvoiceDetail invoice={invoice.data} />;
}

function InvoiceDetail({ invoice }: { invoice: InvoiceView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useOrderLabels();
  const title = invoice.number ? t('invoices.detail.title', { number: invoice.number }) : t('invoices.detail.draftTitle');
  return (
    <>
      <title>{`${title} · ${t('app.name')}`}</title>
      <p className="order__back">
        <Link to="/invoices">{t('invoices.detail.back')}</Link>
      </p>
      <h1 className="page__title">{title}</h1>

      <dl className="facts order__facts">
        <div>
          <dt>{t('invoices.status')}</dt>
          <dd>
            <Badge tone={invoiceTone(invoice)}>
              <span data-testid="invoice-status">{labels.invoiceStatus(invoice.status)}</span>
            </Badge>
            {invoice.overdue ? <span className="invoice__overdue"> {t('invoices.overdue', { days: invoice.daysOverdue })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('invoices.detail.order')}</dt>
          <dd>
            <Link to={`/orders/${invoice.buyerOrderId}`}>{invoice.orderNumber}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('invoices.issued')}</dt>
          <dd>{invoice.issuedAt ? formatChinaTime(invoice.issuedAt, language) : t('invoices.notIssued')}</dd>
        </div>
        <div>
          <dt>{t('invoices.dueDate')}</dt>
          <dd>{invoice.dueDate ? <time dateTime={invoice.dueDate}>{invoice.dueDate}</time> : '—'}</dd>
        </div>
        {invoice.paidAt ? (
          <div>
            <dt>{t('invoices.detail.paidAt')}</dt>
            <dd>{formatChinaTime(invoice.paidAt, language)}</dd>
          </div>
        ) : null}
        {invoice.transferReference ? (
          <div>
            <dt>{t('invoices.detail.transfer')}</dt>
            <dd>{t('invoices.detail.transferReference', { reference: invoice.transferReference, date: invoice.transferDate ?? '—' })}</dd>
          </div>
        ) : null}
      </dl>

      {invoice.voidedAt ? (
        <StatusMessage tone="empty" title={t('invoices.detail.voided', { time: formatChinaTime(invoice.voidedAt, language) })}>
          {invoice.voidReason ? t('invoices.detail.voidReason', { reason: invoice.voidReason }) : null}
        </StatusMessage>
      ) : null}
      {invoice.status === 'draft' ? <p className="invoice__hint">{t('invoices.detail.draftHint')}</p> : null}
      {invoice.status === 'open' ? <p className="invoice__hint">{t('invoices.detail.howToPay')}</p> : null}
      {invoice.hostedInvoiceUrl ? (
        <p>
          <a href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer noopener">
            {t('invoices.detail.hosted')}
            <span className="ui-visually-hidden">{t('invoices.detail.hostedHint')}</span>
          </a>
        </p>
      ) : null}

      <section className="cart-summary order__totals" aria-labelledby="invoice-totals-title">
        <h2 id="invoice-totals-title" className="cart-summary__title">
          {t('ordering.checkout.summary')}
        </h2>
        <p className="cart-summary__row">
          <span>{t('invoices.amount')}</span>
          <Price fen={invoice.amountFen} />
        </p>
        <p className="cart-summary__row">
          <span>{t('invoices.credited')}</span>
          <Price fen={-invoice.creditedFen} />
        </p>
        <p className="cart-summary__row cart-summary__row--total">
          <span>{t('invoices.due')}</span>
          <Price fen={invoice.amountDueFen} />
        </p>
      </section>

      <section aria-labelledby="credit-notes-title">
        <h2 id="credit-notes-title" className="order__section-title">
          {t('invoices.detail.creditNotes')}
        </h2>
        {invoice.creditNotes.length === 0 ? (
          <p className="invoice__none">{t('invoices.detail.noCreditNotes')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('invoices.detail.creditNotesCaption')} tabIndex={0}>
            <table className="data-table">
              <caption className="ui-visually-hidden">{t('invoices.detail.creditNotesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invoices.detail.creditDate')}</th>
                  <th scope="col">{t('invoices.detail.creditReason')}</th>
                  <th scope="col">{t('invoices.detail.creditAmount')}</th>
                </tr>
              </thead>
              <tbody>
                {invoice.creditNotes.map((note) => (
                  <tr key={note.id} data-testid="credit-note">
                    <td>{formatChinaTime(note.createdAt, language)}</td>
                    <th scope="row">{labels.creditNoteReason(note.reason)}</th>
                    <td>
                      <Price fen={-note.amountFen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
