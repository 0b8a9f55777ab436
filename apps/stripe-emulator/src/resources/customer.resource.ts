import { EmulatorContext } from '../emulator.context';
import { previousAttributes } from '../events/event-log';
import { ApiRouter } from '../http/api-request';
import { FormObject, FormValue } from '../http/form-body';
import { AddressObject, CustomerObject } from '../models/customer.model';
import { assertKnownParams, KNOWN_PARAMS } from '../params/known-params';
import {
  createdMetadata,
  mergeMetadata,
  nullableString,
  optionalEnum,
  optionalMetadata,
  optionalObject,
  optionalString,
  optionalStringList,
  timestampFilter,
} from '../params/param-readers';
import { newId, nowSeconds, randomHex } from '../store/ids';
import { paginate } from '../store/list-page';

const TAX_EXEMPT = ['none', 'exempt', 'reverse'] as const;

export function registerCustomerRoutes(router: ApiRouter, ctx: EmulatorContext): void {
  const customers = ctx.store.customers;

  router.post('/v1/customers', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.customerCreate);
    const customer: CustomerObject = {
      id: newId('cus', 14),
      object: 'customer',
      address: readAddress(params.address, 'address') ?? null,
      balance: 0,
      created: nowSeconds(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: nullableString(params.description, 'description') ?? null,
      discount: null,
      email: nullableString(params.email, 'email', 512) ?? null,
      // Stripe derives invoice numbers from this prefix; uppercase hex like Stripe's.
      invoice_prefix: optionalString(params.invoice_prefix, 'invoice_prefix', 12) ?? randomHex(4).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: createdMetadata(params.metadata),
      name: nullableString(params.name, 'name', 256) ?? null,
      next_invoice_sequence: 1,
      phone: nullableString(params.phone, 'phone', 20) ?? null,
      preferred_locales: optionalStringList(params.preferred_locales, 'preferred_locales') ?? [],
      shipping: null,
      tax_exempt: optionalEnum(params.tax_exempt, 'tax_exempt', TAX_EXEMPT) ?? 'none',
      test_clock: null,
    };
    customers.insert(customer);
    ctx.events.emit('customer.created', customer);
    return customer;
  });

  router.get('/v1/customers/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.expandOnly);
    return customers.require(pathParams.id);
  });

  router.post('/v1/customers/:id', ({ pathParams, params }) => {
    assertKnownParams(params, KNOWN_PARAMS.customerUpdate);
    const customer = customers.require(pathParams.id);
    const before = structuredClone(customer);
    applyCustomerUpdate(customer, params);
    const changed = previousAttributes(before, customer);
    if (Object.keys(changed).length > 0) ctx.events.emit('customer.updated', customer, changed);
    return customer;
  });

  router.get('/v1/customers', ({ params }) => {
    assertKnownParams(params, KNOWN_PARAMS.customerList);
    const email = optionalString(params.email, 'email');
    const created = timestampFilter(params.created, 'created');
    return paginate(
      customers.pageSource('/v1/customers', (c) => (email === undefined || c.email === email) && created(c.created)),
      params,
    );
  });
}

function applyCustomerUpdate(customer: CustomerObject, params: FormObject): void {
  const address = readAddress(params.address, 'address');
  if (address !== undefined) customer.address = address;
  const description = nullableString(params.description, 'description');
  if (description !== undefined) customer.description = description;
  const email = nullableString(params.email, 'email', 512);
  if (email !== undefined) customer.email = email;
  const name = nullableString(params.name, 'name', 256);
  if (name !== undefined) customer.name = name;
  const phone = nullableString(params.phone, 'phone', 20);
  if (phone !== undefined) customer.phone = phone;
  const locales = optionalStringList(params.preferred_locales, 'preferred_locales');
  if (locales !== undefined) customer.preferred_locales = locales;
  const taxExempt = optionalEnum(params.tax_exempt, 'tax_exempt', TAX_EXEMPT);
  if (taxExempt !== undefined) customer.tax_exempt = taxExempt;
  customer.metadata = mergeMetadata(customer.metadata, optionalMetadata(params.metadata));
}

function readAddress(value: FormValue | undefined, param: string): AddressObject | null | undefined {
  if (value === '') return null;
  const object = optionalObject(value, param);
  if (!object) return undefined;
  const field = (key: string) => nullableString(object[key], `${param}[${key}]`, 200) ?? null;
  return {
    city: field('city'),
    country: field('country'),
    line1: field('line1'),
    line2: field('line2'),
    postal_code: field('postal_code'),
    state: field('state'),
  };
}
