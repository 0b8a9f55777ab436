import type { CommitmentView } from '@shanhai/contract';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@shanhai/domain';
import { Badge, Button, Container, Price, Section, Select, StatusMessage, TextField, useLanguage, useLocalize, type BadgeTone } from '@shanhai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorText } from '../../common/errors';
import { formatChinaTime, todayInChina } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { isCooperativeAdmin } from '../../identity/workspaces';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useCommitment, useCommitments, useCommitmentToAgreement, useDecideCommitment } from './agreements.queries';
import { ProposalForm } from './proposal-form';
import { proposalFromCommitment } from './proposal-model';

function commitmentTone(status: CommitmentStatus): BadgeTone {
  if (status === 'open') return 'warning';
  if (status === 'acknowledged' || status === 'converted') return 'success';
  return 'neutral';
}

const statusOf = (value: string | null): CommitmentStatus | '' => COMMITMENT_STATUSES.find((s) => s === value) ?? '';

/** Pre-harvest commitments addressed to the cooperative, filtered by status in the address (`?commitments=`). */
export function CommitmentsSection() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const workspace = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('commitments'));
  const commitments = useCommitments(workspace.organisationId, status);
  return (
    <Section id="commitments" title={t('agreementActions.commitments.title')} description={t('agreementActions.commitments.intro')}>
      <div className="filter-bar">
        <Select
          label={t('agreementActions.commitments.filter')}
          value={status}
          options={[{ value: '', label: t('agreementActions.commitments.all') }, ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementActions.commitments.statuses.${s}`) }))]}
          onChange={(e) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (e.target.value) next.set('commitments', e.target.value);
                else next.delete('commitments');
                return next;
              },
              { replace: true },
            )
          }
        />
      </div>
      <QueryView query={commitments}>
        {(data) =>
          data.items.length === 0 ? (
            <StatusMessage tone="empty" title={t('agreementActions.commitments.empty')} />
          ) : (
            <div className="table-scroll" role="region" aria-label={t('agreementActions.commitments.caption')} tabIndex={0}>
              <table className="data-table" data-testid="commitments">
                <caption className="ui-visually-hidden">{t('agreementActions.commitments.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreementActions.commitments.month')}</th>
                    <th scope="col">{t('agreementActions.commitments.buyer')}</th>
                    <th scope="col">{t('agreementActions.commitments.product')}</th>
                    <th scope="col" className="numeric">
                      {t('agreementActions.commitments.quantity')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('agreementActions.commitments.targetPrice')}
                    </th>
                    <th scope="col">{t('agreementActions.commitments.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id} data-testid="commitment-row">
                      <th scope="row">
                        <Link to={`/commitments/${c.id}`} aria-label={t('agreementActions.commitments.open', { month: c.harvestMonth, buyer: localize(c.buyer.name, c.buyer.nameEn) })}>
                          {c.harvestMonth}
                        </Link>
                      </th>
                      <td>{localize(c.buyer.name, c.buyer.nameEn)}</td>
                      <td>
                        {localize(c.product.nameZh, c.product.nameEn)} · {c.sku.code}
                      </td>
                      <td className="numeric">
                        {c.quantity} {localize(c.sku.packingUnitZh, c.sku.packingUnitEn)}
                      </td>
                      <td className="numeric">{c.targetPriceFen !== null ? <Price fen={c.targetPriceFen} /> : '—'}</td>
                      <td>
                        <Badge tone={commitmentTone(c.status)}>{t(`agreementActions.commitments.statuses.${c.status}`)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Section>
  );
}

/** `/commitments/:id`: the commitment, the cooperative's answer, and turning it into an agreement proposal. */
export function CommitmentPage() {
  const { commitmentId = '' } = useParams();
  const { t } = useTranslation();
  const commitment = useCommitment(commitmentId);
  return (
    <Container className="page">
      <p>
        <Link to="/agreements#commitments">{t('agreementActions.commitment.back')}</Link>
      </p>
      <QueryView query={commitment}>{(c) => <CommitmentDetail commitment={c} />}</QueryView>
    </Container>
  );
}

function CommitmentDetail({ commitment: c }: { commitment: CommitmentView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const workspace = useCurrentWorkspace();
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const canConvert = isCooperativeAdmin(workspace) && (c.status === 'open' || c.status === 'acknowledged');
  const [done, setDone] = useState<'acknowledged' | 'declined' | null>(null);
  return (
    <>
      <PageTitle>{t('agreementActions.commitment.title', { buyer: localize(c.buyer.name, c.buyer.nameEn), month: c.harvestMonth })}</PageTitle>
      <p>
        <Badge tone={commitmentTone(c.status)}>
          <span data-testid="commitment-status">{t(`agreementActions.commitments.statuses.${c.status}`)}</span>
        </Badge>
      </p>
      <Section id="commitment-facts" title={t('agreementActions.commitment.facts')}>
        <dl className="facts">
          {fact(t('agreementActions.commitments.buyer'), localize(c.buyer.name, c.buyer.nameEn))}
          {fact(t('agreementActions.commitments.product'), `${localize(c.product.nameZh, c.product.nameEn)} · ${c.sku.code} · ${localize(c.sku.packingUnitZh, c.sku.packingUnitEn)}`)}
          {fact(t('agreementActions.commitments.month'), c.harvestMonth)}
          {fact(t('agreementActions.commitments.quantity'), String(c.quantity))}
          {fact(t('agreementActions.commitments.targetPrice'), c.targetPriceFen !== null ? <Price fen={c.targetPriceFen} /> : t('agreementActions.commitment.noTarget'))}
          {c.note ? fact(t('agreementActions.commitment.buyerNote'), c.note) : null}
          {fact(t('agreementActions.commitment.createdAt'), formatChinaTime(c.createdAt, language))}
          {c.acknowledgedAt ? fact(t('agreementActions.commitment.acknowledgedAt'), formatChinaTime(c.acknowledgedAt, language)) : null}
          {c.decisionNote ? fact(t('agreementActions.commitment.decisionNote'), c.decisionNote) : null}
          {c.agreementId ? fact(t('agreementActions.commitment.agreement'), <Link to={`/agreements/${c.agreementId}`}>{t('agreementActions.commitment.viewAgreement')}</Link>) : null}
        </dl>
      </Section>
      {done ? <p role="status">{t(`agreementActions.commitment.${done}`)}</p> : null}
      {c.status === 'open' ? <CommitmentDecision commitment={c} onDone={setDone} /> : null}
      {canConvert ? <ConvertSection commitment={c} /> : null}
      {!isCooperativeAdmin(workspace) && (c.status === 'open' || c.status === 'acknowledged') ? <p className="notice">{t('agreementActions.commitment.convertAdminOnly')}</p> : null}
    </>
  );
}

/** Acknowledge (the cooperative plans planting for it) or decline, with an optional note the buyer reads. */
function CommitmentDecision({ commitment: c, onDone }: { commitment: CommitmentView; onDone: (done: 'acknowledged' | 'declined') => void }) {
  const { t } = useTranslation();
  const decide = useDecideCommitment(c.id);
  const [note, setNote] = useState('');
  // mutateAsync: this section goes away once the commitment is answered, and the message belongs to the page.
  const run = (decision: 'acknowledge' | 'decline') =>
    void decide.mutateAsync({ decision, ...(note.trim() ? { note: note.trim() } : {}) }).then(
      () => onDone(decision === 'acknowledge' ? 'acknowledged' : 'declined'),
      () => undefined,
    );
  return (
    <Section id="commitment-decision" title={t('agreementActions.commitment.decide')} description={t('agreementActions.commitment.decideHint')}>
      <div className="form-actions">
        <TextField label={t('agreementActions.commitment.note')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        <Button variant="primary" disabled={decide.isPending} onClick={() => run('acknowledge')}>
          {t('agreementActions.commitment.acknowledge')}
        </Button>
        <Button disabled={decide.isPending} onClick={() => run('decline')}>
          {t('agreementActions.commitment.decline')}
        </Button>
      </div>
      {decide.isError ? <StatusMessage tone="error" title={errorText(decide.error, t)} /> : null}
    </Section>
  );
}

function ConvertSection({ commitment: c }: { commitment: CommitmentView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const convert = useCommitmentToAgreement(c.id);
  const [open, setOpen] = useState(false);
  const title = t('agreementActions.commitment.convert');
  return (
    <Section id="commitment-convert" title={title} description={t('agreementActions.commitment.convertIntro')}>
      {open ? (
        <ProposalForm
          mode="commitment"
          name={title}
          initial={proposalFromCommitment(c, todayInChina())}
          pending={convert.isPending}
          error={convert.error}
          submitLabel={t('agreementActions.propose.submit')}
          onSubmit={(body) =>
            // mutateAsync: the commitment turns `converted` and this section goes away before the answer is handled.
            void convert.mutateAsync(body).then(
              (view) => navigate(`/agreements/${view.id}`),
              () => undefined,
            )
          }
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button variant="primary" onClick={() => setOpen(true)}>
          {title}
        </Button>
      )}
    </Section>
  );
}
