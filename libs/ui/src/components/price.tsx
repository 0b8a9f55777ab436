import { formatYuan } from '@shanhai/domain';
import { useTranslation } from 'react-i18next';

export interface PriceProps {
  /** Integer fen, as the API sends it. */
  readonly fen: number;
  /** The packing unit the price is for ("10公斤箱"), shown as "/10公斤箱". */
  readonly unit?: string;
  /** A lowest price ("¥32.00 起" / "from ¥32.00"). */
  readonly from?: boolean;
  readonly className?: string;
}

/** Money on screen: integer fen in, "¥1,234.50" out, formatted by the domain lib, never via floats. */
export function Price({ fen, unit, from, className }: PriceProps) {
  const { t, i18n } = useTranslation('ui');
  const amount = <span className="ui-price__amount">{formatYuan(fen)}</span>;
  // Chinese puts 起 after the amount, English puts "from" before it.
  const fromFirst = from && i18n.language === 'en';
  return (
    <span className={['ui-price', className].filter(Boolean).join(' ')}>
      {fromFirst ? <span className="ui-price__from">{t('price.from')} </span> : null}
      {amount}
      {unit ? <span className="ui-price__unit">{t('price.per', { unit })}</span> : null}
      {from && !fromFirst ? <span className="ui-price__from"> {t('price.from')}</span> : null}
    </span>
  );
}
