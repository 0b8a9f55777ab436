import { Badge, Container, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatChinaTime, formatCount } from '../common/format';
import { statusTone, useLabels } from '../common/labels';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { DivisionName } from './official-bits';
import { useJurisdictionSuppliers, type VerificationStatus } from './official.queries';

const STATUSES: VerificationStatus[] = ['pending', 'verified', 'rejected'];

/** Suppliers of the jurisdiction to verify (pending first), and the ones already verified or rejected. */
export function SupplierQueuePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  const [params] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'pending';
  const suppliers = useJurisdictionSuppliers(status);
  return (
    <Container className="page">
      <PageTitle>{t('verify.title')}</PageTitle>
      <p className="page__intro">{t('verify.intro')}</p>
      <nav className="tabs" aria-label={t('verify.tabs')}>
        {STATUSES.map((s) => (
          <Link key={s} to={s === 'pending' ? '/suppliers' : `/suppliers?status=${s}`} className="tabs__tab" aria-current={s === status ? 'page' : undefined}>
            {labels.verification(s)}
          </Link>
        ))}
      </nav>
      <QueryView query={suppliers}>
        {(list) =>
          list.length === 0 ? (
            <StatusMessage tone="empty" title={t(status === 'pending' ? 'verify.emptyPending' : 'verify.empty')} />
          ) : (
            <div className="table-scroll" role="region" aria-label={t('verify.title')} tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('verify.supplier')}</th>
                    <th scope="col">{t('verify.type')}</th>
                    <th scope="col">{t('verify.county')}</th>
                    <th scope="col" className="numeric">{t('verify.households')}</th>
                    <th scope="col">{t('verify.registered')}</th>
                    <th scope="col">{t('verify.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((org) => (
                    <tr key={org.id} data-testid="supplier-row">
                      <th scope="row">
                        <Link to={`/suppliers/${org.id}`}>{localize(org.name, org.nameEn)}</Link>
                        <span className="cell-note code">{org.creditCode ?? ''}</span>
                      </th>
                      <td>{labels.supplierType(org.supplierType)}</td>
                      <td>
                        <DivisionName code={org.divisionCode} short />
                      </td>
                      <td className="numeric">{formatCount(org.householdsLifted + org.householdsMonitored + org.householdsAtRisk, language)}</td>
                      <td>{formatChinaTime(org.createdAt, language)}</td>
                      <td>
                        <Badge tone={statusTone(org.verificationStatus)}>{labels.verification(org.verificationStatus)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </Container>
  );
}
