import { ApiError } from '../http/api-error';
import { PaymentMethodDetails } from '../models/payment.model';
import { newId, randomToken } from '../store/ids';

export interface Decline {
  code: string;
  decline_code: string | null;
  message: string;
}

export interface ResolvedPaymentMethod {
  id: string;
  type: string;
  details: PaymentMethodDetails;
  decline: Decline | null;
}

interface TestCard {
  brand: string;
  last4: string;
  decline?: Decline;
}

const GENERIC_DECLINE: Decline = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };

/** Stripe's documented test PaymentMethods (https://docs.stripe.com/testing#cards). */
const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_unionpay: { brand: 'unionpay', last4: '0005' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', decline: GENERIC_DECLINE },
  pm_card_visa_chargeDeclined: { brand: 'visa', last4: '0002', decline: GENERIC_DECLINE },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    last4: '9995',
    decline: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
  pm_card_chargeDeclinedFraudulent: {
    brand: 'visa',
    last4: '0019',
    decline: { code: 'card_declined', decline_code: 'fraudulent', message: 'Your card was declined.' },
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    decline: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    brand: 'visa',
    last4: '0127',
    decline: { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  },
  pm_card_chargeDeclinedProcessingError: {
    brand: 'visa',
    last4: '0119',
    decline: {
      code: 'processing_error',
      decline_code: 'processing_error',
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
  },
};

export function resolveTestPaymentMethod(id: string, param: string): ResolvedPaymentMethod {
  const card = TEST_CARDS[id];
  if (!card) throw ApiError.resourceMissing('PaymentMethod', id, param, 400);
  return { id: newId('pm'), type: 'card', details: cardDetails(card), decline: card.decline ?? null };
}

/** What the hosted checkout page "collects" for each payment method type. */
export function checkoutPaymentMethod(type: string, decline: boolean): ResolvedPaymentMethod {
  const id = newId('pm');
  const failure = decline ? GENERIC_DECLINE : null;
  switch (type) {
    case 'wechat_pay':
      return { id, type, details: { type, wechat_pay: { fingerprint: randomToken(16), transaction_id: `42000${randomToken(23)}` } }, decline: failure };
    case 'alipay':
      return {
        id,
        type,
        details: { type, alipay: { buyer_id: `2088${randomToken(12)}`, fingerprint: randomToken(16), transaction_id: `2026${randomToken(24)}` } },
        decline: failure,
      };
    case 'card':
      return { id, type, details: cardDetails({ brand: 'visa', last4: decline ? '0002' : '4242' }), decline: failure };
    default:
      return { id, type, details: { type }, decline: failure };
  }
}

function cardDetails(card: TestCard): PaymentMethodDetails {
  return {
    type: 'card',
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      exp_month: 12,
      exp_year: new Date().getUTCFullYear() + 3,
      fingerprint: randomToken(16),
      funding: 'credit',
      last4: card.last4,
      network: card.brand,
    },
  };
}
