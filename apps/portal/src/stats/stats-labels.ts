import { useTranslation } from 'react-i18next';

const BUYER_TYPES = ['enterprise', 'school', 'supermarket', 'government', 'hospital', 'other'] as const;
const RECORD_KINDS = ['sale', 'completion', 'refund', 'credit', 'reversal'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Names of the statistics' codes; an unknown code is shown as it is. */
export function useStatsLabels() {
  const { t } = useTranslation();
  return {
    buyerType: (s: string) => (isOneOf(BUYER_TYPES, s) ? t(`statsDash.buyerType.${s}`) : s),
    recordKind: (s: string) => (isOneOf(RECORD_KINDS, s) ? t(`statsDash.recordKind.${s}`) : s),
  };
}
