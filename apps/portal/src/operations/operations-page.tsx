import { Badge, Button, Checkbox, Container, Section, StatusMessage, TextField, useLanguage } from '@shanhai/ui';
import { addDays } from '@shanhai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf } from '../common/errors';
import { formatChinaTime, formatCount, isIsoDay, todayInChina } from '../common/format';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { usePipelineStatus, useRecomputeRuns, useRequestRecompute, type RecomputeRunView } from './operations.queries';
import './operations.css';

/**
 * The platform's operators: how far the statistics drain is behind the orders, and recomputations of a range of
 * days from the orders (the worker compares, reports and repairs), each showing the step it is on while it runs.
 */
export function OperationsPage() {
  const { t } = useTranslation();
  return (
    <Container className="page operations-page">
      <PageTitle>{t('operations.title')}</PageTitle>
      <p className="page__intro">{t('operations.intro')}</p>
      <PipelineSection />
      <RecomputeSection />
    </Container>
  );
}

function PipelineSection() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const status = usePipelineStatus();
  return (
    <Section id="pipeline" title={t('operations.pipeline.title')} description={t('operations.pipeline.intro')}>
      <QueryView query={status}>
        {(s) => (
          <ul className="figures" data-testid="pipeline-status">
            <li className="figure figure--strong" data-testid="backlog">
              <span className="figure__label">{t('operations.pipeline.backlog')}</span>
              <span className="figure__value">{formatCount(s.backlogEvents, language)}</span>
            </li>
            <li className="figure">
              <span className="figure__label">{t('operations.pipeline.oldest')}</span>
              <span className="figure__value">{s.oldestWaiting ? formatChinaTime(s.oldestWaiting, language) : t('operations.pipeline.none')}</span>
            </li>
            <li className="figure">
              <span className="figure__label">{t('operations.pipeline.lastApplied')}</span>
              <span className="figure__value">{s.watermark ? formatChinaTime(s.watermark.updatedAt, language) : t('operations.pipeline.never')}</span>
            </li>
            <li className="figure" data-testid="records">
              <span className="figure__label">{t('operations.pipeline.records')}</span>
              <span className="figure__value">{formatCount(s.records, language)}</span>
            </li>
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

function RecomputeSection() {
  const { t } = useTranslation();
  const runs = useRecomputeRuns();
  return (
    <Section id="recompute" title={t('operations.recompute.title')} description={t('operations.recompute.intro')}>
      <RecomputeForm />
      <QueryView query={runs}>
        {(list) => (list.length === 0 ? <StatusMessage tone="empty" title={t('operations.runs.none')} /> : <RunsTable runs={list} />)}
      </QueryView>
    </Section>
  );
}

/** A range of days to rebuild (the last 35 by default, as the nightly run) and whether to repair what differs. */
function RecomputeForm() {
  const { t } = useTranslation();
  const today = todayInChina();
  const [from, setFrom] = useState(addDays(today, -35));
  const [to, setTo] = useState(today);
  const [repair, setRepair] = useState(true);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const request = useRequestRecompute();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const own: Record<string, string> = {};
    if (!isIsoDay(from)) own.from = t('operations.recompute.badDay');
    if (!isIsoDay(to)) own.to = t('operations.recompute.badDay');
    else if (isIsoDay(from) && to < from) own.to = t('operations.recompute.toBeforeFrom');
    setProblems(own);
    if (Object.keys(own).length === 0) request.mutate({ from, to, repair });
  };
  const fields = { ...fieldErrorsOf(request.error), ...problems };
  const other = request.isError && !fields.from && !fields.to ? errorText(request.error, t) : null;
  return (
    <form className="recompute-form" onSubmit={submit} noValidate aria-label={t('operations.recompute.form')}>
      <TextField type="date" label={t('operations.recompute.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={fields.from} />
      <TextField type="date" label={t('operations.recompute.to')} value={to} onChange={(e) => setTo(e.target.value)} error={fields.to} />
      <Checkbox label={t('operations.recompute.repair')} checked={repair} onChange={(e) => setRepair(e.target.checked)} />
      <Button type="submit" variant="primary" disabled={request.isPending}>
        {request.isPending ? t('operations.recompute.asking') : t('operations.recompute.submit')}
      </Button>
      <p role="status" aria-live="polite" className="cell-note">
        {other ?? (request.isSuccess ? t('operations.recompute.queued', { from: request.data.from, to: request.data.to }) : '')}
      </p>
    </form>
  );
}

function RunsTable({ runs }: { runs: readonly RecomputeRunView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="table-scroll" role="region" aria-label={t('operations.runs.title')} tabIndex={0}>
      <table className="data-table" data-testid="recompute-runs">
        <caption className="ui-visually-hidden">{t('operations.runs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operations.runs.asked')}</th>
            <th scope="col">{t('operations.runs.range')}</th>
            <th scope="col">{t('operations.runs.status')}</th>
            <th scope="col" className="num">
              {t('operations.runs.compared')}
            </th>
            <th scope="col" className="num">
              {t('operations.runs.differences')}
            </th>
            <th scope="col" className="num">
              {t('operations.runs.repaired')}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="recompute-run" data-status={run.status}>
              <th scope="row">
                {formatChinaTime(run.createdAt, language)}
                <span className="cell-note"> · {t(`operations.trigger.${run.trigger}`)}</span>
              </th>
              <td>
                {run.from} – {run.to}
                {run.repair ? null : <span className="cell-note"> · {t('operations.runs.reportOnly')}</span>}
              </td>
              <td>
                <RunStatus run={run} />
              </td>
              <td className="num">{run.factsCompared === null ? '—' : formatCount(run.factsCompared, language)}</td>
              <td className="num">
                {run.differencesCount === null ? '—' : formatCount(run.differencesCount, language)}
                {run.differences && run.differences.length > 0 ? <Differences run={run} /> : null}
              </td>
              <td className="num">{run.repairedRecords === null ? '—' : formatCount(run.repairedRecords, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Queued, the step a running one is on (a progress bar of the five steps), done with its end, or failed with why. */
function RunStatus({ run }: { run: RecomputeRunView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (run.status === 'running') {
    const p = run.progress;
    const label = p ? t('operations.progress.step', { step: p.step, steps: p.steps, phase: t(`operations.phase.${p.phase}`) }) : t('operations.progress.started');
    return (
      <div className="run-progress" data-testid="run-progress">
        <progress max={p?.steps ?? 5} value={p ? p.step - 1 : undefined} aria-label={label} />
        <span>{label}</span>
      </div>
    );
  }
  if (run.status === 'failed') {
    return (
      <>
        <Badge tone="danger">{t('operations.status.failed')}</Badge>
        {run.error ? <span className="cell-note"> {run.error}</span> : null}
      </>
    );
  }
  if (run.status === 'queued') return <Badge tone="neutral">{t('operations.status.queued')}</Badge>;
  return (
    <>
      <Badge tone={run.differencesCount ? 'warning' : 'success'}>{t('operations.status.done')}</Badge>
      {run.finishedAt ? <span className="cell-note"> {formatChinaTime(run.finishedAt, language)}</span> : null}
    </>
  );
}

function Differences({ run }: { run: RecomputeRunView }) {
  const { t } = useTranslation();
  const shown = (run.differences ?? []).slice(0, 20);
  return (
    <details className="run-differences">
      <summary>{t('operations.runs.showDifferences')}</summary>
      <ul>
        {shown.map((d) => (
          <li key={`${d.figure}-${d.orderLineId}-${d.businessDay}`}>
            {t('operations.runs.difference', {
              day: d.businessDay,
              figure: t(`operations.figure.${d.figure}`),
              line: d.orderLineId.slice(0, 8),
              expected: d.expected.netFen,
              recorded: d.recorded.netFen,
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
