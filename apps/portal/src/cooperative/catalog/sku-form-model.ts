import { checkPriceTiers, type TierProblem } from '@shanhai/domain';
import { fenToYuanInput, parseYuanToFen } from '@shanhai/ui';
import type { TFunction } from 'i18next';
import { gramsToKgInput, parseKgToGrams, parseWholeNumber } from '../../common/format';
import type { SkuView } from '../../api/views';
import type { SkuInput, SkuUpdate } from './catalog.queries';

export interface TierRow {
  /** Stable key for React while rows are added and removed. */
  key: string;
  minQuantity: string;
  price: string;
}

export interface SkuFormValues {
  code: string;
  packingUnitZh: string;
  packingUnitEn: string;
  netWeightKg: string;
  price: string;
  tiers: TierRow[];
  minOrderQuantity: string;
  orderMultiple: string;
  leadTimeDays: string;
  active: boolean;
}

/** Field names as the API names them, so its `details[].field` lands on the same field. */
export type SkuField = 'code' | 'packingUnitZh' | 'packingUnitEn' | 'netWeightG' | 'priceFen' | 'priceTiers' | 'minOrderQuantity' | 'orderMultiple' | 'leadTimeDays';

export type SkuErrors = Partial<Record<SkuField, string>> & { tiers?: Record<number, { minQuantity?: string; price?: string; row?: string }> };

let tierSerial = 0;
export const newTierRow = (minQuantity = '', price = ''): TierRow => ({ key: `tier-${++tierSerial}`, minQuantity, price });

export function emptySkuForm(): SkuFormValues {
  return { code: '', packingUnitZh: '', packingUnitEn: '', netWeightKg: '', price: '', tiers: [], minOrderQuantity: '1', orderMultiple: '1', leadTimeDays: '1', active: true };
}

export function skuFormFrom(sku: Pick<SkuView, 'code' | 'packingUnitZh' | 'packingUnitEn' | 'netWeightG' | 'priceFen' | 'priceTiers' | 'minOrderQuantity' | 'orderMultiple' | 'leadTimeDays' | 'active'>): SkuFormValues {
  return {
    code: sku.code,
    packingUnitZh: sku.packingUnitZh,
    packingUnitEn: sku.packingUnitEn ?? '',
    netWeightKg: gramsToKgInput(sku.netWeightG),
    price: fenToYuanInput(sku.priceFen),
    tiers: sku.priceTiers.map((tier) => newTierRow(String(tier.minQuantity), fenToYuanInput(tier.unitPriceFen))),
    minOrderQuantity: String(sku.minOrderQuantity),
    orderMultiple: String(sku.orderMultiple),
    leadTimeDays: String(sku.leadTimeDays),
    active: sku.active,
  };
}

const SKU_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export interface SkuValidation {
  readonly errors: SkuErrors;
  readonly input: SkuInput | null;
}

/**
 * The SKU's checks, the API's own (it makes them again): the code's shape, a weight and a price, whole quantities,
 * and price tiers that rise in quantity and fall in price below the base price — the domain library's
 * `checkPriceTiers`, the very rule the API applies.
 */
export function validateSkuForm(values: SkuFormValues, t: TFunction): SkuValidation {
  const errors: SkuErrors = {};
  if (!SKU_CODE.test(values.code.trim())) errors.code = t('skus.errors.code');
  if (!values.packingUnitZh.trim()) errors.packingUnitZh = t('form.required');
  else if (values.packingUnitZh.trim().length > 50) errors.packingUnitZh = t('form.tooLong', { max: 50 });
  if (values.packingUnitEn.trim().length > 50) errors.packingUnitEn = t('form.tooLong', { max: 50 });
  const grams = parseKgToGrams(values.netWeightKg);
  if (grams === null || grams > 100_000_000) errors.netWeightG = t('skus.errors.weight');
  const priceFen = parseYuanToFen(values.price);
  if (priceFen === null || priceFen <= 0) errors.priceFen = t('skus.errors.price');
  const whole = (text: string, min: number, max: number, field: SkuField): number | null => {
    const n = parseWholeNumber(text);
    if (n === null || Number.isNaN(n) || n < min || n > max) {
      errors[field as Exclude<SkuField, 'priceTiers'>] = t('form.wholeNumberBetween', { min, max });
      return null;
    }
    return n;
  };
  const minOrderQuantity = whole(values.minOrderQuantity, 1, 1_000_000, 'minOrderQuantity');
  const orderMultiple = whole(values.orderMultiple, 1, 1_000_000, 'orderMultiple');
  const leadTimeDays = whole(values.leadTimeDays, 0, 365, 'leadTimeDays');

  const tiers: Array<{ minQuantity: number; unitPriceFen: number }> = [];
  values.tiers.forEach((row, index) => {
    const qty = parseWholeNumber(row.minQuantity);
    const fen = parseYuanToFen(row.price);
    const rowErrors: { minQuantity?: string; price?: string } = {};
    if (qty === null || Number.isNaN(qty) || qty < 2) rowErrors.minQuantity = t('skus.errors.tierQuantity');
    if (fen === null || fen <= 0) rowErrors.price = t('skus.errors.price');
    if (rowErrors.minQuantity || rowErrors.price) (errors.tiers ??= {})[index] = rowErrors;
    else tiers.push({ minQuantity: qty as number, unitPriceFen: fen as number });
  });
  if (!errors.tiers && priceFen !== null && priceFen > 0) {
    const problem = checkPriceTiers(priceFen, tiers);
    if (problem) (errors.tiers ??= {})[problem.index] = { row: tierProblemText(problem, t) };
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      code: values.code.trim(),
      packingUnitZh: values.packingUnitZh.trim(),
      packingUnitEn: values.packingUnitEn.trim() || undefined,
      netWeightG: grams as number,
      priceFen: priceFen as number,
      priceTiers: tiers,
      minOrderQuantity: minOrderQuantity as number,
      orderMultiple: orderMultiple as number,
      leadTimeDays: leadTimeDays as number,
    },
  };
}

export function tierProblemText(problem: TierProblem, t: TFunction): string {
  return t(`skus.tierProblems.${problem.reason}`);
}

/** What an existing SKU may change: everything but its code; `active` takes it off sale without deleting it. */
export function toSkuUpdate(input: SkuInput, active: boolean): SkuUpdate {
  const { code: _code, ...rest } = input;
  return { ...rest, packingUnitEn: rest.packingUnitEn ?? '', active };
}

/** Puts the API's reasons (`netWeightG`, `priceTiers[1]`, `priceTiers[0].unitPriceFen`) where the form shows them. */
export function skuErrorsFromApi(details: Record<string, string>): SkuErrors {
  const errors: SkuErrors = {};
  for (const [field, reason] of Object.entries(details)) {
    const tier = /^priceTiers\[(\d+)\](?:\.(minQuantity|unitPriceFen))?$/.exec(field);
    if (tier) {
      const row = ((errors.tiers ??= {})[Number(tier[1])] ??= {});
      if (tier[2] === 'minQuantity') row.minQuantity = reason;
      else if (tier[2] === 'unitPriceFen') row.price = reason;
      else row.row = reason;
      continue;
    }
    if (['code', 'packingUnitZh', 'packingUnitEn', 'netWeightG', 'priceFen', 'priceTiers', 'minOrderQuantity', 'orderMultiple', 'leadTimeDays'].includes(field)) {
      errors[field as Exclude<SkuField, never>] = reason;
    }
  }
  return errors;
}
