import { Badge, Container, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatChinaTime } from '../common/format';
import { statusTone, useLabels } from '../common/labels';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { useCertifications } from '../common/shared.queries';
import { DivisionName } from './official-bits';

const STATUSES = ['applied', 'certified', 'rejected', 'revoked'] as const;

/** Applications to certify products of the jurisdiction's helped counties (oldest first), and past decisions. */
export function CertificationQueuePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  const localize = useLocalize();
  const [params] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'applied';
  const certifications = useCertifications(status);
  return (
    <Container className="page">
      <PageTitle>{t('certify.title')}</PageTitle>
      <p className="page__intro">{t('certify.intro')}</p>
      <nav className="tabs" aria-label={t('certify.tabs')}>
        {STATUSES.map((s) => (
          <Link key={s} to={s === 'applied' ? '/certifications' : `/certifications?status=${s}`} className="tabs__tab" aria-current={s === status ? 'page' : undefined}>
            {labels.certification(s)}
          </Link>
        ))}
      </nav>
      <QueryView query={certifications}>
        {(list) =>
          list.length === 0 ? (
            <StatusMessage tone="empty" title={t(status === 'applied' ? 'certify.emptyApplied' : 'certify.empty')} />
          ) : (
            <div className="table-scroll" role="region" aria-label={t('certify.title')} tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('certify.product')}</th>
                    <th scope="col">{t('certify.supplier')}</th>
                    <th scope="col">{t('certify.county')}</th>
                    <th scope="col">{t('certify.appliedAt')}</th>
                    <th scope="col">{t('certify.status')}</th>
                    <th scope="col">{t('certification.certificateNo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id} data-testid="certification-row">
                      <th scope="row">
                        <Link to={`/certifications/${c.id}`}>{localize(c.productNameZh, c.productNameEn)}</Link>
                      </th>
                      <td>
                        {localize(c.supplierName, c.supplierNameEn)}
                      </td>
                      <td>
                        <DivisionName code={c.countyCode} short />
                      </td>
                      <td>{formatChinaTime(c.appliedAt, language)}</td>
                      <td>
                        <Badge tone={statusTone(c.status)}>{labels.certification(c.status)}</Badge>
                      </td>
                      <td>{c.certificateNo ?? '—'}</td>
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
