import { Container, StatusMessage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { todayInChina } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { isCooperativeAdmin } from '../../identity/workspaces';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useProposeAgreement, useSupplierBuyers } from './agreements.queries';
import { ProposalForm } from './proposal-form';
import { emptyProposal } from './proposal-model';

/** The buyers a cooperative can address: those it trades with — orders, agreements or pre-harvest commitments. */
function useKnownBuyers(supplierId: string) {
  const buyers = useSupplierBuyers(supplierId);
  return { pending: buyers.isPending, buyers: buyers.data ?? [] };
}

/** `/agreements/new?buyer=`: the cooperative's admin proposes an agreement; the buyer names its site on acceptance. */
export function ProposeAgreementPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const known = useKnownBuyers(workspace.organisationId);
  const propose = useProposeAgreement();
  const title = t('agreementActions.propose.title');
  return (
    <Container className="page">
      <p>
        <Link to="/agreements">{t('agreements.detail.back')}</Link>
      </p>
      <PageTitle>{title}</PageTitle>
      <p className="page__intro">{t('agreementActions.propose.intro')}</p>
      {!isCooperativeAdmin(workspace) ? (
        <StatusMessage tone="empty" title={t('agreementActions.propose.notAllowed')} />
      ) : known.pending ? (
        <StatusMessage tone="loading" />
      ) : known.buyers.length === 0 ? (
        <StatusMessage tone="empty" title={t('agreementActions.propose.noBuyers')} />
      ) : (
        <ProposalForm
          mode="propose"
          name={title}
          initial={emptyProposal(todayInChina(), known.buyers.some((b) => b.id === params.get('buyer')) ? (params.get('buyer') ?? '') : '')}
          buyers={known.buyers}
          pending={propose.isPending}
          error={propose.error}
          submitLabel={t('agreementActions.propose.submit')}
          onSubmit={(body) =>
            void propose.mutateAsync(body).then(
              (view) => navigate(`/agreements/${view.id}`),
              () => undefined,
            )
          }
          onCancel={() => void navigate('/agreements')}
        />
      )}
    </Container>
  );
}
