import type { TFunction } from 'i18next';
import { Badge, Button, Container, Section, StatusMessage } from '@shanhai/ui';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { errorText } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { PageTitle } from '../../common/page-title';
import { useProductionBases } from '../../common/shared.queries';
import { TextArea } from '../../common/text-area';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useSupplierSkus } from '../catalog/catalog.queries';
import {
  COLUMN_NAMES,
  MAX_IMPORT_BYTES,
  parseStockCsv,
  planStockImport,
  runStockImport,
  TEMPLATE_CSV,
  type FileProblem,
  type ImportColumn,
  type PlannedRow,
  type RowOutcome,
  type RowProblem,
} from './stock-import';
import { addLot, adjustLot, useInvalidateStock } from './stock.queries';

type Phase = 'choose' | 'checked' | 'running' | 'done';

/** Stock and lots from a CSV file: check every row first, then send the good ones and report each row. */
export function StockImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useCurrentWorkspace();
  const skus = useSupplierSkus(workspace.organisationId);
  const bases = useProductionBases(workspace.organisationId);
  const invalidate = useInvalidateStock();
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlannedRow[] | null>(null);
  const [outcomes, setOutcomes] = useState<Array<RowOutcome | undefined>>([]);
  const [phase, setPhase] = useState<Phase>('choose');
  const fileInput = useRef<HTMLInputElement>(null);
  const ready = !skus.pending && !bases.isPending;
  const templateHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE_CSV}`)}`, []);

  const check = (csv: string) => {
    setOutcomes([]);
    const parsed = parseStockCsv(csv);
    if (!parsed.ok) {
      setPlan(null);
      setPhase('choose');
      setFileProblem(fileProblemText(parsed.problem, t));
      return;
    }
    setFileProblem(null);
    const importSkus = skus.rows.map(({ sku }) => ({ skuId: sku.id, code: sku.code, lots: sku.lots.map((l) => ({ id: l.id, code: l.code })) }));
    setPlan(planStockImport(parsed.rows, importSkus, bases.data ?? []));
    setPhase('checked');
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setFileProblem(t('stock.import.problems.file.tooLarge'));
      return;
    }
    const content = await file.text();
    setText(content);
    check(content);
  };

  const run = async () => {
    if (!plan) return;
    setPhase('running');
    setOutcomes(plan.map(() => undefined));
    await runStockImport(plan, { addLot: (skuId, input) => addLot(api, skuId, input), adjustLot: (lotId, input) => adjustLot(api, lotId, input) }, (index, outcome) =>
      setOutcomes((all) => all.map((o, i) => (i === index ? outcome : o))),
    );
    await invalidate();
    setPhase('done');
  };

  const reset = () => {
    setPlan(null);
    setOutcomes([]);
    setText('');
    setPhase('choose');
    if (fileInput.current) fileInput.current.value = '';
  };

  const valid = plan?.filter((r) => r.action.kind !== 'invalid').length ?? 0;
  const invalid = (plan?.length ?? 0) - valid;
  const done = outcomes.filter((o) => o && o.status !== 'skipped').length;
  const succeeded = outcomes.filter((o) => o?.status === 'created' || o?.status === 'updated').length;
  const failed = outcomes.filter((o) => o?.status === 'failed').length;

  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/stock">{t('lots.back')}</Link>
      </p>
      <PageTitle>{t('stock.import.title')}</PageTitle>
      <p className="page__intro">{t('stock.import.intro')}</p>

      <Section id="import-format" title={t('stock.import.formatTitle')}>
        <div className="table-scroll" role="region" aria-label={t('stock.import.formatTitle')} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.import.column')}</th>
                <th scope="col">{t('stock.import.headerNames')}</th>
                <th scope="col">{t('stock.import.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(COLUMN_NAMES) as ImportColumn[]).map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`stock.import.columns.${c}.name`)}</th>
                  <td className="code">{COLUMN_NAMES[c].join(' / ')}</td>
                  <td>{t(`stock.import.columns.${c}.meaning`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={templateHref} download="stock-import-template.csv">
            {t('stock.import.template')}
          </a>
        </p>
      </Section>

      <Section id="import-file" title={t('stock.import.fileTitle')}>
        {!ready ? <StatusMessage tone="loading" /> : null}
        {skus.error ? <StatusMessage tone="error" title={errorText(skus.error, t)} onRetry={skus.refetch} /> : null}
        <div className="ui-field">
          <label htmlFor="import-file-input" className="ui-field__label">
            {t('stock.import.chooseFile')}
          </label>
          <input ref={fileInput} id="import-file-input" type="file" accept=".csv,text/csv" className="file-input" disabled={!ready || phase === 'running'} onChange={(e) => void readFile(e)} />
        </div>
        <TextArea label={t('stock.import.paste')} hint={t('stock.import.pasteHint')} rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="code" />
        <div className="form-actions">
          <Button onClick={() => check(text)} disabled={!ready || phase === 'running' || !text.trim()}>
            {t('stock.import.check')}
          </Button>
          {plan ? <Button onClick={reset} disabled={phase === 'running'}>{t('stock.import.reset')}</Button> : null}
        </div>
        <FormAlert messages={fileProblem ? [fileProblem] : []} />
      </Section>

      {plan ? (
        <Section id="import-report" title={t('stock.import.reportTitle')}>
          <p className="import-summary" aria-live="polite" data-testid="import-summary">
            {phase === 'checked' ? t('stock.import.checked', { valid, invalid }) : null}
            {phase === 'running' ? t('stock.import.progress', { done, total: valid }) : null}
            {phase === 'done' ? t('stock.import.finished', { succeeded, failed, skipped: invalid }) : null}
          </p>
          {phase === 'checked' ? (
            <Button variant="primary" onClick={() => void run()} disabled={valid === 0}>
              {t('stock.import.run', { count: valid })}
            </Button>
          ) : null}
          <div className="table-scroll" role="region" aria-label={t('stock.import.reportTitle')} tabIndex={0}>
            <table className="data-table import-table">
              <thead>
                <tr>
                  <th scope="col">{t('stock.import.line')}</th>
                  <th scope="col">{t('stock.import.sku')}</th>
                  <th scope="col">{t('stock.import.lot')}</th>
                  <th scope="col">{t('stock.import.action')}</th>
                  <th scope="col">{t('stock.import.result')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.map((row, i) => (
                  <ReportRow key={row.line} row={row} outcome={outcomes[i]} />
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
    </Container>
  );
}

function ReportRow({ row, outcome }: { row: PlannedRow; outcome: RowOutcome | undefined }) {
  const { t } = useTranslation();
  const action = row.action;
  return (
    <tr data-testid="import-row" data-line={row.line}>
      <th scope="row" className="numeric">
        {row.line}
      </th>
      <td className="code">{row.skuCode}</td>
      <td className="code">{row.lotCode}</td>
      <td>
        {action.kind === 'create' ? t('stock.import.actions.create', { quantity: action.input.quantityUnits }) : null}
        {action.kind === 'adjust' ? t('stock.import.actions.adjust', { available: action.input.availableUnits }) : null}
        {action.kind === 'invalid' ? (
          <ul className="problem-list">
            {action.problems.map((p) => (
              <li key={p.key}>{problemText(p, t)}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>
        {action.kind === 'invalid' ? <Badge tone="danger">{t('stock.import.outcomes.invalid')}</Badge> : null}
        {action.kind !== 'invalid' && !outcome ? <span className="cell-note">{t('stock.import.outcomes.waiting')}</span> : null}
        {outcome?.status === 'created' ? <Badge tone="success">{t('stock.import.outcomes.created')}</Badge> : null}
        {outcome?.status === 'updated' ? <Badge tone="success">{t('stock.import.outcomes.updated')}</Badge> : null}
        {outcome?.status === 'failed' ? (
          <>
            <Badge tone="danger">{t('stock.import.outcomes.failed')}</Badge>
            <span className="cell-note">{errorText(outcome.error, t)}</span>
          </>
        ) : null}
      </td>
    </tr>
  );
}

// The plain `TFunction`: the typed one of `useTranslation` is too deep for TypeScript over every portal key.
type T = TFunction;

function problemText(p: RowProblem, t: T): string {
  return t(`stock.import.problems.row.${p.key}`, p.values ?? {});
}

function fileProblemText(p: FileProblem, t: T): string {
  switch (p.key) {
    case 'missingColumns':
      return t('stock.import.problems.file.missingColumns', { columns: p.columns.map((c) => COLUMN_NAMES[c][0]).join(', ') });
    case 'tooManyRows':
      return t('stock.import.problems.file.tooManyRows', { max: p.max });
    case 'unreadable':
      return t('stock.import.problems.file.unreadable', { detail: p.detail });
    default:
      return t(`stock.import.problems.file.${p.key}`);
  }
}
