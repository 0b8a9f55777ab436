import { ApiError } from '../http/api-error';
import { FormObject } from '../http/form-body';
import { optionalStringList } from '../params/param-readers';

/** Payment method types the emulator can "collect" (hosted page and control endpoints). */
export const EMULATED_TYPES = ['card', 'alipay', 'wechat_pay'];

/** Settlement currencies per type, so e.g. a `usd` session is not offered to nobody. */
const TYPE_CURRENCIES: Record<string, string[] | 'any'> = {
  card: 'any',
  alipay: ['cny', 'aud', 'cad', 'eur', 'gbp', 'hkd', 'jpy', 'myr', 'nzd', 'sgd', 'usd'],
  wechat_pay: ['cny', 'aud', 'cad', 'chf', 'dkk', 'eur', 'gbp', 'hkd', 'jpy', 'nok', 'sek', 'sgd', 'usd'],
};

/** API version 2026-09-30.endive removed `payment_method_types` from Checkout and PaymentIntent params. */
const LEGACY_PARAM_REMOVED_IN = '2026-09-30';

export interface PaymentMethodTypeSelection {
  /** What the object's `payment_method_types` shows: the types a buyer can actually use. */
  types: string[];
  allowed: string[] | null;
  excluded: string[] | null;
  /** The caller listed types explicitly with the pre-endive `payment_method_types`. */
  legacy: boolean;
}

/**
 * Current Stripe (endive) computes eligible methods dynamically and lets callers narrow them
 * with `allowed_payment_method_types` / `excluded_payment_method_types`. Older API versions
 * took an explicit `payment_method_types` list, which the emulator still honours for them.
 */
export function selectPaymentMethodTypes(
  params: FormObject,
  apiVersion: string,
  currency: string,
  usable: (type: string) => boolean = () => true,
): PaymentMethodTypeSelection {
  const legacy = optionalStringList(params.payment_method_types, 'payment_method_types');
  if (legacy !== undefined) {
    if (apiVersion.slice(0, 10) >= LEGACY_PARAM_REMOVED_IN) {
      throw ApiError.invalidRequest(
        `Received unknown parameter: payment_method_types (removed in API version ${LEGACY_PARAM_REMOVED_IN}; use allowed_payment_method_types)`,
        { param: 'payment_method_types', code: 'parameter_unknown' },
      );
    }
    legacy.forEach((type, index) => {
      if (!EMULATED_TYPES.includes(type)) {
        throw ApiError.invalidParam(
          `payment_method_types[${index}]`,
          `Invalid payment_method_types[${index}]: the Stripe emulator supports ${EMULATED_TYPES.join(', ')}.`,
        );
      }
    });
    return { types: [...new Set(legacy)], allowed: null, excluded: null, legacy: true };
  }
  const allowed = optionalStringList(params.allowed_payment_method_types, 'allowed_payment_method_types') ?? null;
  const excluded = optionalStringList(params.excluded_payment_method_types, 'excluded_payment_method_types') ?? null;
  const types = [...new Set(allowed ?? EMULATED_TYPES)].filter(
    (type) => EMULATED_TYPES.includes(type) && settlesIn(type, currency) && !excluded?.includes(type) && usable(type),
  );
  if (types.length === 0) {
    throw ApiError.invalidRequest(
      `No payment method types are available for ${currency.toUpperCase()} with these settings (the emulator offers ${EMULATED_TYPES.join(', ')}).`,
      { param: allowed ? 'allowed_payment_method_types' : 'excluded_payment_method_types' },
    );
  }
  return { types, allowed, excluded, legacy: false };
}

function settlesIn(type: string, currency: string): boolean {
  const currencies = TYPE_CURRENCIES[type];
  return currencies === 'any' || (currencies?.includes(currency) ?? false);
}
