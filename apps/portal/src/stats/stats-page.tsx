import { Container } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../common/page-title';
import { useCurrentWorkspace } from '../identity/workspace-provider';
import { OnlyFor } from '../shell/require-workspace';
import { CooperativeSales } from './cooperative-sales';
import { OfficialDashboard } from './official-dashboard';
import './stats.css';

/** Statistics: the jurisdiction's dashboard for officials, the cooperative's own sales for a cooperative. */
export function StatsPage() {
  const workspace = useCurrentWorkspace();
  if (workspace.kind === 'operations') return <OnlyFor kind="official">{null}</OnlyFor>;
  return workspace.kind === 'official' ? <OfficialDashboard /> : <CooperativeStatsPage />;
}

function CooperativeStatsPage() {
  const { t } = useTranslation();
  return (
    <Container className="page stats-page">
      <PageTitle>{t('statsDash.own.pageTitle')}</PageTitle>
      <CooperativeSales />
    </Container>
  );
}
