import type { ProductDetail } from '@shanhai/contract';
import { Badge, Price, useLanguage, useLocalize } from '@shanhai/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProposeAgreementLink } from '../agreements/propose-agreement-link';
import { CommitHarvestLink } from '../commitments/commit-harvest-link';
import { AddToCart } from '../ordering/add-to-cart';
import { formatCount, formatWeight } from './catalog-format';
import { tierRows } from './tier-rows';

type Sku = ProductDetail['skus'][number];

/** One packing unit: its tier prices, ordering rules, stock and the harvest lots behind the stock. */
export function SkuOffer({ sku, productId }: { sku: Sku; productId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const headingId = useId();
  const unit = localize(sku.packingUnitZh, sku.packingUnitEn);
  const units = (count: number) => t('product.units', { count, formatted: formatCount(count, language), unit });

  return (
    <article className="sku" aria-labelledby={headingId} data-testid="sku">
      <header className="sku__head">
        <h3 id={headingId} className="sku__title">
          {unit}
        </h3>
        <span className="sku__code">{t('product.sku.code', { code: sku.code })}</span>
        {!sku.active ? <Badge tone="warning">{t('product.sku.inactive')}</Badge> : null}
      </header>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('product.sku.netWeight')}</dt>
          <dd>{formatWeight(sku.netWeightG, language)}</dd>
        </div>
        <div>
          <dt>{t('product.sku.minimum')}</dt>
          <dd>{units(sku.minOrderQuantity)}</dd>
        </div>
        <div>
          <dt>{t('product.sku.multiple')}</dt>
          <dd>{units(sku.orderMultiple)}</dd>
        </div>
        <div>
          <dt>{t('product.sku.leadTime')}</dt>
          <dd>{t('product.sku.days', { count: sku.leadTimeDays })}</dd>
        </div>
        <div>
          <dt>{t('product.sku.stock')}</dt>
          <dd>{sku.stockUnits > 0 ? units(sku.stockUnits) : <Badge tone="warning">{t('catalog.badges.outOfStock')}</Badge>}</dd>
        </div>
      </dl>

      <AddToCart sku={sku} unit={unit} />
      <p className="sku__agreement">
        <ProposeAgreementLink productId={productId} skuId={sku.id} />
        <CommitHarvestLink productId={productId} skuId={sku.id} />
      </p>

      <div className="table-scroll" role="region" aria-label={t('product.tiers.caption', { unit })} tabIndex={0}>
        <table className="data-table tiers" data-testid="tier-table">
          <caption>{t('product.tiers.caption', { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('product.tiers.quantity')}</th>
              <th scope="col">{t('product.tiers.unitPrice')}</th>
            </tr>
          </thead>
          <tbody>
            {tierRows(sku).map((row) => (
              <tr key={row.from}>
                <td>
                  {row.to === null
                    ? t('product.tiers.andMore', { from: formatCount(row.from, language) })
                    : t('product.tiers.range', { from: formatCount(row.from, language), to: formatCount(row.to, language) })}
                </td>
                <td>
                  <Price fen={row.unitPriceFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {sku.lots.length > 0 ? (
        <div className="table-scroll" role="region" aria-label={t('product.lots.caption')} tabIndex={0}>
          <table className="data-table lots">
            <caption>{t('product.lots.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('product.lots.code')}</th>
                <th scope="col">{t('product.lots.harvestDate')}</th>
                <th scope="col">{t('product.lots.base')}</th>
                <th scope="col">{t('product.lots.available')}</th>
                <th scope="col">{t('product.lots.inspection')}</th>
              </tr>
            </thead>
            <tbody>
              {sku.lots.map((lot) => (
                <tr key={lot.id}>
                  <td>{lot.code}</td>
                  <td>
                    <time dateTime={lot.harvestDate}>{lot.harvestDate}</time>
                  </td>
                  <td>{lot.baseName}</td>
                  <td>{formatCount(lot.availableUnits, language)}</td>
                  <td>{lot.inspectionNote ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}
