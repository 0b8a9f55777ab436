import { ApiError } from '../http/api-error';
import { FormObject } from '../http/form-body';

/**
 * Top-level parameters each endpoint accepts, taken from the `stripe@23.1.0` type definitions.
 * Stripe rejects anything else with "Received unknown parameter"; doing the same here catches
 * typos in the platform before they reach production. Parameters listed but not emulated
 * are accepted and ignored (see docs/stripe-emulator.md). `payment_method_types` on Checkout
 * and PaymentIntent creation is kept for pre-endive API versions (see payment-method-types.ts).
 */
const PAGINATION = ['ending_before', 'expand', 'limit', 'starting_after'];

export const KNOWN_PARAMS = {
  customerCreate: [
    'address', 'balance', 'business_name', 'cash_balance', 'description', 'email', 'expand', 'individual_name',
    'invoice_prefix', 'invoice_settings', 'metadata', 'name', 'next_invoice_sequence', 'payment_method', 'phone',
    'preferred_locales', 'shipping', 'source', 'tax', 'tax_exempt', 'tax_id_data', 'test_clock', 'validate',
  ],
  customerUpdate: [
    'address', 'balance', 'business_name', 'cash_balance', 'default_source', 'description', 'email', 'expand',
    'individual_name', 'invoice_prefix', 'invoice_settings', 'metadata', 'name', 'next_invoice_sequence', 'phone',
    'preferred_locales', 'shipping', 'source', 'tax', 'tax_exempt', 'validate',
  ],
  customerList: [...PAGINATION, 'created', 'email', 'test_clock'],
  checkoutSessionCreate: [
    'adaptive_pricing', 'after_expiration', 'allow_promotion_codes', 'allowed_payment_method_types', 'automatic_tax',
    'billing_address_collection', 'branding_settings', 'cancel_url', 'client_reference_id', 'consent_collection',
    'currency', 'custom_fields', 'custom_text', 'customer', 'customer_account', 'customer_creation', 'customer_email',
    'customer_update', 'discounts', 'excluded_payment_method_types', 'expand', 'expires_at', 'integration_identifier',
    'invoice_creation', 'line_items', 'locale', 'managed_payments', 'metadata', 'mode', 'name_collection',
    'optional_items', 'origin_context', 'payment_intent_data', 'payment_method_collection',
    'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'payment_method_types',
    'permissions', 'phone_number_collection', 'redirect_on_completion', 'return_url', 'saved_payment_method_options',
    'setup_intent_data', 'shipping_address_collection', 'shipping_options', 'submit_type', 'subscription_data',
    'success_url', 'tax_id_collection', 'ui_mode', 'wallet_options',
  ],
  checkoutSessionList: [
    ...PAGINATION, 'created', 'customer', 'customer_account', 'customer_details', 'payment_intent', 'payment_link',
    'status', 'subscription',
  ],
  paymentIntentCreate: [
    'allowed_payment_method_types', 'amount', 'amount_details', 'application_fee_amount', 'automatic_payment_methods',
    'capture_method', 'confirm', 'confirmation_method', 'confirmation_token', 'currency', 'customer', 'customer_account',
    'description', 'error_on_requires_action', 'excluded_payment_method_types', 'expand', 'hooks', 'mandate',
    'mandate_data', 'metadata', 'off_session', 'on_behalf_of', 'payment_details', 'payment_method',
    'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'payment_method_types',
    'radar_options', 'receipt_email', 'return_url', 'setup_future_usage', 'shipping', 'statement_descriptor',
    'statement_descriptor_suffix', 'transfer_data', 'transfer_group', 'use_stripe_sdk',
  ],
  paymentIntentUpdate: [
    'allowed_payment_method_types', 'amount', 'amount_details', 'application_fee_amount', 'capture_method', 'currency',
    'customer', 'customer_account', 'description', 'excluded_payment_method_types', 'expand', 'hooks', 'metadata',
    'payment_details', 'payment_method', 'payment_method_configuration', 'payment_method_data',
    'payment_method_options', 'receipt_email', 'setup_future_usage', 'shipping', 'statement_descriptor',
    'statement_descriptor_suffix', 'transfer_data', 'transfer_group',
  ],
  paymentIntentConfirm: [
    'allowed_payment_method_types', 'amount_details', 'amount_to_confirm', 'capture_method', 'confirmation_token',
    'error_on_requires_action', 'excluded_payment_method_types', 'expand', 'hooks', 'mandate', 'mandate_data',
    'off_session', 'payment_details', 'payment_method', 'payment_method_data', 'payment_method_options',
    'radar_options', 'receipt_email', 'return_url', 'setup_future_usage', 'shipping',
    'use_stripe_sdk',
  ],
  paymentIntentCancel: ['cancellation_reason', 'expand'],
  paymentIntentList: [...PAGINATION, 'created', 'customer', 'customer_account'],
  chargeList: [...PAGINATION, 'created', 'customer', 'payment_intent', 'transfer_group'],
  refundCreate: [
    'amount', 'charge', 'currency', 'customer', 'expand', 'instructions_email', 'metadata', 'origin', 'payment_intent',
    'reason', 'refund_application_fee', 'reverse_transfer',
  ],
  refundList: [...PAGINATION, 'charge', 'created', 'payment_intent'],
  invoiceItemCreate: [
    'amount', 'currency', 'customer', 'customer_account', 'description', 'discountable', 'discounts', 'expand',
    'invoice', 'metadata', 'period', 'price_data', 'pricing', 'quantity', 'quantity_decimal', 'subscription',
    'tax_behavior', 'tax_code', 'tax_rates', 'unit_amount_decimal',
  ],
  invoiceItemList: [...PAGINATION, 'created', 'customer', 'customer_account', 'invoice', 'pending'],
  invoiceCreate: [
    'account_tax_ids', 'application_fee_amount', 'auto_advance', 'automatic_tax', 'automatically_finalizes_at',
    'collection_method', 'currency', 'custom_fields', 'customer', 'customer_account', 'days_until_due',
    'default_payment_method', 'default_source', 'default_tax_rates', 'description', 'discounts', 'due_date',
    'effective_at', 'expand', 'footer', 'from_invoice', 'issuer', 'metadata', 'number', 'on_behalf_of',
    'payment_settings', 'pending_invoice_items_behavior', 'rendering', 'shipping_cost', 'shipping_details',
    'statement_descriptor', 'subscription', 'transfer_data',
  ],
  invoiceUpdate: [
    'account_tax_ids', 'application_fee_amount', 'auto_advance', 'automatic_tax', 'automatically_finalizes_at',
    'collection_method', 'custom_fields', 'days_until_due', 'default_payment_method', 'default_source',
    'default_tax_rates', 'description', 'discounts', 'due_date', 'effective_at', 'expand', 'footer', 'issuer',
    'metadata', 'number', 'on_behalf_of', 'payment_settings', 'rendering', 'shipping_cost', 'shipping_details',
    'statement_descriptor', 'transfer_data',
  ],
  invoiceList: [
    ...PAGINATION, 'collection_method', 'created', 'customer', 'customer_account', 'due_date', 'status', 'subscription',
  ],
  invoiceFinalize: ['auto_advance', 'expand'],
  invoicePay: ['expand', 'forgive', 'mandate', 'off_session', 'paid_out_of_band', 'payment_method', 'source'],
  expandOnly: ['expand'],
  pagination: PAGINATION,
  eventList: [...PAGINATION, 'created', 'delivery_success', 'type', 'types'],
} as const satisfies Record<string, readonly string[]>;

export function assertKnownParams(params: FormObject, known: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) throw ApiError.unknownParam(key);
  }
}
