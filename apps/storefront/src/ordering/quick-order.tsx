import { isApiError } from '@shanhai/api-client';
import type { QuickOrderReport } from '@shanhai/contract';
import { Button, StatusMessage, TextArea, useLanguage } from '@shanhai/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../catalog/catalog-format';
import { useQuickOrder } from './ordering.queries';
// Tables look as on the product page.
import '../catalog/product.css';

/**
 * Quick order: SKU codes and quantities pasted from a spreadsheet, one per line. The API parses them,
 * adds what it can and says for every line why it could not; the report is handed up to be shown.
 */
export function QuickOrderForm({ organisationId, onReport }: { organisationId: string; onReport: (report: QuickOrderReport) => void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [empty, setEmpty] = useState(false);
  const quickOrder = useQuickOrder(organisationId);
  const csvError = empty ? t('ordering.quickOrder.empty') : isApiError(quickOrder.error) ? quickOrder.error.fieldErrors().csv : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (quickOrder.isPending) return;
    if (!csv.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    quickOrder.mutate(csv, {
      onSuccess: (report) => {
        onReport(report);
        // What was added is in the cart now; what was refused stays for the buyer to correct.
        const refusedRows = new Set(report.lines.filter((l) => l.status === 'refused').map((l) => l.row));
        setCsv(refusedRows.size ? keepRows(csv, refusedRows) : '');
      },
    });
  };

  return (
    <section className="quick-order" aria-labelledby="quick-order-title">
      <h2 id="quick-order-title" className="quick-order__title">
        {t('ordering.quickOrder.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        <TextArea
          label={t('ordering.quickOrder.label')}
          hint={t('ordering.quickOrder.intro')}
          error={csvError}
          value={csv}
          rows={5}
          spellCheck={false}
          autoComplete="off"
          placeholder={'POTATO-01-1,10\nAPPLE-01-1,4'}
          className="quick-order__input"
          onChange={(e) => setCsv(e.target.value)}
        />
        {quickOrder.isError && !csvError ? (
          <StatusMessage tone="error" title={t('ordering.quickOrder.failed')}>
            {isApiError(quickOrder.error) && quickOrder.error.status !== 0 ? quickOrder.error.message : t('errors.network')}
          </StatusMessage>
        ) : null}
        <Button type="submit" variant="primary" disabled={quickOrder.isPending} aria-busy={quickOrder.isPending || undefined}>
          {quickOrder.isPending ? t('ordering.quickOrder.submitting') : t('ordering.quickOrder.submit')}
        </Button>
      </form>
    </section>
  );
}

/** The non-empty lines of the pasted text whose (1-based, blank lines skipped) numbers are in `rows`. */
function keepRows(csv: string, rows: ReadonlySet<number>): string {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  // The API skips a header row; count from the first data line as it does.
  const offset = lines.length > 0 && /sku|code|编码|数量|quantity/i.test(lines[0]) && !/\d\s*$/.test(lines[0]) ? 1 : 0;
  return lines.filter((_, i) => rows.has(i + 1 - offset)).join('\n');
}

/**
 * What a quick order or a reorder did, line by line. It takes focus when it appears, so a keyboard or
 * screen-reader user lands on the outcome rather than on a button that has scrolled away.
 */
export function CartReport({ report, title, onDismiss }: { report: QuickOrderReport; title: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After a reorder the cart is a new page, and the shell moves focus to <main> in the same commit (its effect
    // runs after this one): take focus on the next frame so the report wins.
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [report]);
  return (
    <section className={`cart-report${report.refused ? ' cart-report--refused' : ''}`} aria-labelledby="cart-report-title" data-testid="cart-report">
      <div className="cart-report__head">
        <h2 id="cart-report-title" className="cart-report__title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <Button variant="ghost" onClick={onDismiss}>
          {t('ordering.quickOrder.dismiss')}
        </Button>
      </div>
      <div className="table-scroll" role="region" aria-label={t('ordering.quickOrder.caption')} tabIndex={0}>
        <table className="data-table cart-report__table">
          <caption className="ui-visually-hidden">{t('ordering.quickOrder.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ordering.quickOrder.row')}</th>
              <th scope="col">{t('ordering.quickOrder.sku')}</th>
              <th scope="col">{t('ordering.quickOrder.quantity')}</th>
              <th scope="col">{t('ordering.quickOrder.result')}</th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((line) => (
              <tr key={line.row} data-testid="cart-report-line" className={line.status === 'refused' ? 'cart-report__refused' : undefined}>
                <td>{line.row}</td>
                <th scope="row">{line.skuCode || '—'}</th>
                <td>{line.quantity === null ? '—' : formatCount(line.quantity, language)}</td>
                <td>{line.status === 'added' ? t('ordering.quickOrder.added') : t('ordering.quickOrder.refused', { reason: line.reason ?? '' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
