import type { DivisionView } from '@shanhai/contract';
import { useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from './browse-params';

/** Province → prefecture → county; the province and the county link to their products. */
export function OriginPath({ origin }: { origin: readonly DivisionView[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <ol className="origin-path" aria-label={t('product.origin')}>
      {origin.map((d) => {
        const name = localize(d.name, d.nameEn);
        const href =
          d.level === 'province'
            ? browseHref({ ...EMPTY_BROWSE_STATE, province: d.code })
            : d.level === 'county'
              ? browseHref({ ...EMPTY_BROWSE_STATE, county: d.code })
              : null;
        return <li key={d.code}>{href ? <Link to={href}>{name}</Link> : <span>{name}</span>}</li>;
      })}
    </ol>
  );
}
