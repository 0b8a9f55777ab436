import { Badge, Container, Price, useLocalize } from '@shanhai/ui';
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageTitle } from '../common/page-title';
import { useCertifications, useOrganisation } from '../common/shared.queries';
import { useSupplierProducts } from '../cooperative/catalog/catalog.queries';
import { useSettlement } from '../cooperative/money/money.queries';
import { useSupplierOrders } from '../cooperative/orders/orders.queries';
import { useCurrentWorkspace } from '../identity/workspace-provider';
import { useJurisdictionSuppliers } from '../official/official.queries';

/** The workspace's overview: what is waiting for this organisation today. */
export function HomePage() {
  const workspace = useCurrentWorkspace();
  // Operations has one page: its overview is the statistics pipeline.
  if (workspace.kind === 'operations') return <Navigate to="/operations" replace />;
  return <Container className="page">{workspace.kind === 'cooperative' ? <CooperativeHome /> : <OfficialHome />}</Container>;
}

function Greeting() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const workspace = useCurrentWorkspace();
  const organisation = useOrganisation(workspace.organisationId);
  const name = localize(workspace.organisationName, organisation.data?.nameEn);
  return <PageTitle title={t('home.title')}>{name}</PageTitle>;
}

function Tile({ label, query, value, to, action, testId }: { label: string; query: UseQueryResult<unknown>; value: ReactNode; to: string; action: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <li className="tile" data-testid={testId}>
      <p className="tile__label">{label}</p>
      <p className="tile__value">{query.isPending ? '…' : query.isError ? t('home.unavailable') : value}</p>
      <Link to={to} className="tile__link">
        {action}
      </Link>
    </li>
  );
}

function CooperativeHome() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const organisation = useOrganisation(workspace.organisationId);
  const placed = useSupplierOrders(workspace.organisationId, { status: 'placed', deliveryDate: '', page: 1 });
  const accepted = useSupplierOrders(workspace.organisationId, { status: 'accepted', deliveryDate: '', page: 1 });
  const settlement = useSettlement(workspace.organisationId, 1);
  const products = useSupplierProducts(workspace.organisationId);
  const status = organisation.data?.verificationStatus;
  return (
    <>
      <Greeting />
      <p className="page__intro">{t('home.cooperativeIntro')}</p>
      {status && status !== 'verified' ? (
        <div className={`home-banner home-banner--${status}`} role="status">
          <Badge tone={status === 'pending' ? 'warning' : 'danger'}>{t(`labels.verification.${status}`)}</Badge> {t(`profile.verificationText.${status}`)}{' '}
          <Link to="/profile">{t('home.toProfile')}</Link>
        </div>
      ) : null}
      <ul className="tiles">
        <Tile testId="tile-placed" label={t('home.toDecide')} query={placed} value={placed.data?.total ?? 0} to="/orders?status=placed" action={t('home.openOrders')} />
        <Tile testId="tile-accepted" label={t('home.toShip')} query={accepted} value={accepted.data?.total ?? 0} to="/pick-list" action={t('home.openPickList')} />
        <Tile testId="tile-owed" label={t('home.owed')} query={settlement} value={<Price fen={settlement.data?.owedFen ?? 0} />} to="/money" action={t('home.openMoney')} />
        <Tile
          testId="tile-products"
          label={t('home.onSale')}
          query={products}
          value={products.data?.filter((p) => p.status === 'active').length ?? 0}
          to="/products"
          action={t('home.openProducts')}
        />
      </ul>
    </>
  );
}

function OfficialHome() {
  const { t } = useTranslation();
  const pending = useJurisdictionSuppliers('pending');
  const applied = useCertifications('applied');
  return (
    <>
      <Greeting />
      <p className="page__intro">{t('home.officialIntro')}</p>
      <ul className="tiles">
        <Tile testId="tile-suppliers" label={t('home.toVerify')} query={pending} value={pending.data?.length ?? 0} to="/suppliers" action={t('home.openSuppliers')} />
        <Tile testId="tile-certifications" label={t('home.toCertify')} query={applied} value={applied.data?.length ?? 0} to="/certifications" action={t('home.openCertifications')} />
      </ul>
      <p className="home-stats-note">
        {t('home.statsComing')} <Link to="/stats">{t('home.aboutStats')}</Link>
      </p>
    </>
  );
}
