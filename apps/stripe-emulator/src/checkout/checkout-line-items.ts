import { ApiError } from '../http/api-error';
import { FormObject, FormValue } from '../http/form-body';
import { CheckoutLineItem } from '../models/checkout.model';
import { formatAmount } from '../money/format-amount';
import {
  createdMetadata,
  MAX_AMOUNT,
  optionalAmount,
  optionalDecimal,
  optionalList,
  optionalObject,
  optionalString,
  requiredCurrency,
  requiredInteger,
  requiredString,
} from '../params/param-readers';
import { newId } from '../store/ids';

export interface ParsedLineItems {
  items: CheckoutLineItem[];
  currency: string;
  amountTotal: number;
}

/**
 * `line_items[n][price_data][…]` + `quantity` → Stripe line items with inline prices.
 * Totals are integer sums of `unit_amount × quantity`. The emulator has no Prices API, so a
 * `price` reference is reported as missing, exactly as Stripe would for an unknown price.
 */
export function readCheckoutLineItems(value: FormValue | undefined, created: number): ParsedLineItems {
  const list = optionalList(value, 'line_items');
  if (!list || list.length === 0) throw ApiError.missingParam('line_items');
  if (list.length > 100) throw ApiError.invalidParam('line_items', 'A Checkout Session can have at most 100 line items.');
  const items = list.map((raw, index) => readLineItem(raw, `line_items[${index}]`, created));
  const currency = items[0].currency;
  if (items.some((item) => item.currency !== currency)) {
    throw ApiError.invalidParam('line_items', 'Checkout does not support multiple prices with different currencies.');
  }
  const amountTotal = items.reduce((sum, item) => sum + item.amount_total, 0);
  if (amountTotal > MAX_AMOUNT) {
    throw ApiError.invalidRequest(`Amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}`, {
      param: 'line_items',
      code: 'amount_too_large',
    });
  }
  return { items, currency, amountTotal };
}

function readLineItem(raw: FormValue, param: string, created: number): CheckoutLineItem {
  const item = optionalObject(raw, param);
  if (!item) throw ApiError.missingParam(`${param}[price_data]`);
  const priceId = optionalString(item.price, `${param}[price]`);
  if (priceId) throw ApiError.resourceMissing('price', priceId, `${param}[price]`, 400);
  const data = optionalObject(item.price_data, `${param}[price_data]`);
  if (!data) throw ApiError.invalidParam(param, 'You must specify either `price` or `price_data` in each line item.');
  const currency = requiredCurrency(data.currency, `${param}[price_data][currency]`);
  const unitAmount = readUnitAmount(data.unit_amount, data.unit_amount_decimal, `${param}[price_data]`);
  const { productId, name } = readProduct(data, `${param}[price_data]`);
  const quantity = requiredInteger(item.quantity, `${param}[quantity]`, { min: 1, max: 999_999 });
  const amount = unitAmount * quantity;
  if (amount > MAX_AMOUNT) {
    throw ApiError.invalidRequest(`Amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}`, {
      param: `${param}[quantity]`,
      code: 'amount_too_large',
    });
  }
  return {
    id: newId('li'),
    object: 'item',
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency,
    description: name,
    metadata: createdMetadata(item.metadata, `${param}[metadata]`),
    price: {
      id: newId('price'),
      object: 'price',
      active: false,
      billing_scheme: 'per_unit',
      created,
      currency,
      custom_unit_amount: null,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: productId,
      recurring: null,
      tax_behavior: 'unspecified',
      tiers_mode: null,
      transform_quantity: null,
      type: 'one_time',
      unit_amount: unitAmount,
      unit_amount_decimal: String(unitAmount),
    },
    quantity,
  };
}

/**
 * There is no Products API here, so a `product` id is taken on trust and doubles as the
 * display name; `product_data[name]` is the normal way to describe an ad-hoc item.
 */
function readProduct(data: FormObject, param: string): { productId: string; name: string } {
  const productId = optionalString(data.product, `${param}[product]`);
  const productData = optionalObject(data.product_data, `${param}[product_data]`);
  if (productId && productData) {
    throw ApiError.invalidRequest('You may only specify one of these parameters: product, product_data.', { param: `${param}[product]` });
  }
  if (productId) return { productId, name: productId };
  if (!productData) throw ApiError.missingParam(`${param}[product_data]`);
  return { productId: newId('prod', 14), name: requiredString(productData.name, `${param}[product_data][name]`, 250) };
}

function readUnitAmount(amount: FormValue | undefined, decimal: FormValue | undefined, param: string): number {
  const unitAmount = optionalAmount(amount, `${param}[unit_amount]`);
  const unitDecimal = optionalDecimal(decimal, `${param}[unit_amount_decimal]`);
  if (unitAmount !== undefined && unitDecimal !== undefined) {
    throw ApiError.invalidRequest('You may only specify one of these parameters: unit_amount, unit_amount_decimal.', {
      param: `${param}[unit_amount]`,
    });
  }
  if (unitAmount !== undefined) return unitAmount;
  if (unitDecimal === undefined) throw ApiError.missingParam(`${param}[unit_amount]`);
  // Sub-unit prices would need Stripe's rounding rules for totals; whole units cover the platform.
  if (!/^\d+(\.0+)?$/.test(unitDecimal)) {
    throw ApiError.invalidParam(`${param}[unit_amount_decimal]`, 'The Stripe emulator only supports whole-unit unit_amount_decimal values in Checkout.');
  }
  return optionalAmount(unitDecimal.split('.')[0], `${param}[unit_amount_decimal]`) ?? 0;
}
