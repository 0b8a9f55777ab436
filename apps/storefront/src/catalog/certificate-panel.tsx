import type { ProductDetail } from '@shanhai/contract';
import { INCOME_MODES, type IncomeMode } from '@shanhai/domain';
import { Badge, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { formatCount } from './catalog-format';

type Certificate = NonNullable<ProductDetail['certificate']>;

/** The 帮扶产品认定 certificate: what makes the product count as certified, and for whom its income is. */
export function CertificatePanel({ certificate }: { certificate: ProductDetail['certificate'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <section className="panel certificate" aria-labelledby="certificate-heading">
      <h2 id="certificate-heading" className="panel__title">
        {t('product.certificate.title')}
      </h2>
      {certificate ? (
        <>
          <p>
            <CertificateStatus certificate={certificate} />
          </p>
          <dl className="facts">
            <div>
              <dt>{t('product.certificate.number')}</dt>
              <dd data-testid="certificate-number">{certificate.certificateNo ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('product.certificate.authority')}</dt>
              <dd>{certificate.authority ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('product.certificate.validity')}</dt>
              <dd>
                <time dateTime={certificate.validFrom ?? undefined}>{certificate.validFrom ?? '—'}</time> {t('product.certificate.until')}{' '}
                <time dateTime={certificate.validTo ?? undefined}>{certificate.validTo ?? '—'}</time>
              </dd>
            </div>
            {certificate.revokedOn ? (
              <div>
                <dt>{t('product.certificate.revokedOn')}</dt>
                <dd>{certificate.revokedOn}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('product.certificate.households')}</dt>
              <dd>
                {certificate.householdsReached === null
                  ? '—'
                  : t('product.households', { count: certificate.householdsReached, formatted: formatCount(certificate.householdsReached, language) })}
              </dd>
            </div>
            <div>
              <dt>{t('product.certificate.incomeModes')}</dt>
              <dd>
                {certificate.incomeModes.length === 0
                  ? '—'
                  : certificate.incomeModes
                      .filter((m): m is IncomeMode => (INCOME_MODES as readonly string[]).includes(m))
                      .map((m) => t(`incomeModes.${m}`))
                      .join(t('common.listSeparator'))}
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p>
          <Badge tone="neutral">{t('product.certificate.none')}</Badge> {t('product.certificate.noneText')}
        </p>
      )}
    </section>
  );
}

function CertificateStatus({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  if (certificate.certifiedToday) return <Badge tone="success">{t('product.certificate.valid')}</Badge>;
  if (certificate.revokedOn) return <Badge tone="danger">{t('product.certificate.revoked')}</Badge>;
  return <Badge tone="warning">{t('product.certificate.notInForce')}</Badge>;
}
