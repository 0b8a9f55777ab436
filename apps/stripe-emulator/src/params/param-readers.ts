import { ApiError } from '../http/api-error';
import { FormObject, FormValue } from '../http/form-body';

/**
 * Typed readers for form values. Each takes the `param` name Stripe would report
 * (`line_items[0][quantity]`), so every validation error points at the offending field.
 */
export type Metadata = Record<string, string>;

/** Stripe's largest accepted amount (8 digits in the smallest currency unit). */
export const MAX_AMOUNT = 99_999_999;

export function optionalString(value: FormValue | undefined, param: string, maxLength = 5000): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw ApiError.invalidParam(param, `Invalid string: ${param} must be a string`);
  if (value.length > maxLength) {
    throw ApiError.invalidParam(param, `Invalid string: ${param} must be at most ${maxLength} characters`);
  }
  return value;
}

export function requiredString(value: FormValue | undefined, param: string, maxLength = 5000): string {
  const result = optionalString(value, param, maxLength);
  if (result === undefined || result === '') throw ApiError.missingParam(param);
  return result;
}

/** `''` is Stripe's way to send null ("unset"), so it maps to `null` here. */
export function nullableString(value: FormValue | undefined, param: string, maxLength = 5000): string | null | undefined {
  const result = optionalString(value, param, maxLength);
  return result === '' ? null : result;
}

export function optionalInteger(
  value: FormValue | undefined,
  param: string,
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw ApiError.invalidParam(param, `Invalid integer: ${describe(value)}`);
  }
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw ApiError.invalidParam(param, `Invalid integer: ${value}`);
  if (bounds.min !== undefined && parsed < bounds.min) {
    throw ApiError.invalidParam(param, `This value must be greater than or equal to ${bounds.min}.`);
  }
  if (bounds.max !== undefined && parsed > bounds.max) {
    throw ApiError.invalidParam(param, `This value must be less than or equal to ${bounds.max}.`);
  }
  return parsed;
}

export function requiredInteger(value: FormValue | undefined, param: string, bounds: { min?: number; max?: number } = {}): number {
  const result = optionalInteger(value, param, bounds);
  if (result === undefined) throw ApiError.missingParam(param);
  return result;
}

/** Amounts are integers in the currency's smallest unit (fen for CNY), never fractions. */
export function optionalAmount(value: FormValue | undefined, param: string): number | undefined {
  return optionalInteger(value, param, { min: 0, max: MAX_AMOUNT });
}

export function requiredAmount(value: FormValue | undefined, param: string): number {
  const result = optionalAmount(value, param);
  if (result === undefined) throw ApiError.missingParam(param);
  return result;
}

/** A non-negative decimal string such as `1250` or `1250.5` (Stripe's `*_decimal` params). */
export function optionalDecimal(value: FormValue | undefined, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+(\.\d{1,12})?$/.test(value)) {
    throw ApiError.invalidParam(param, `Invalid decimal: ${describe(value)}`);
  }
  return value;
}

export function optionalBoolean(value: FormValue | undefined, param: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw ApiError.invalidParam(param, `Invalid boolean: ${describe(value)}`);
}

export function optionalEnum<T extends string>(value: FormValue | undefined, param: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw ApiError.invalidParam(param, `Invalid ${param}: must be one of ${allowed.join(', ')}`);
}

export function optionalCurrency(value: FormValue | undefined, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[a-zA-Z]{3}$/.test(value)) {
    throw ApiError.invalidParam(param, `Invalid currency: ${describe(value)}. Stripe currencies are three-letter ISO codes.`);
  }
  return value.toLowerCase();
}

export function requiredCurrency(value: FormValue | undefined, param: string): string {
  const result = optionalCurrency(value, param);
  if (result === undefined) throw ApiError.missingParam(param);
  return result;
}

export function optionalObject(value: FormValue | undefined, param: string): FormObject | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' || Array.isArray(value)) {
    throw ApiError.invalidParam(param, `Invalid object: ${param} must be a hash of parameters`);
  }
  return value;
}

/** Accepts both `a[]=x` (array) and `a[0]=x` (index-keyed object), ordered by index. */
export function optionalList(value: FormValue | undefined, param: string): FormValue[] | undefined {
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') throw ApiError.invalidParam(param, `Invalid array: ${param} must be an array`);
  const keys = Object.keys(value);
  if (!keys.every((k) => /^\d+$/.test(k))) throw ApiError.invalidParam(param, `Invalid array: ${param} must be an array`);
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
}

export function optionalStringList(value: FormValue | undefined, param: string): string[] | undefined {
  const list = optionalList(value, param);
  return list?.map((item, i) => requiredString(item, `${param}[${i}]`));
}

/**
 * `metadata[key]=value`; `metadata=` clears everything and `metadata[key]=` removes one key
 * (applied by `mergeMetadata`). Limits mirror Stripe's: 50 keys, 40-char keys, 500-char values.
 */
export function optionalMetadata(value: FormValue | undefined, param = 'metadata'): Metadata | null | undefined {
  if (value === undefined) return undefined;
  if (value === '') return null;
  const object = optionalObject(value, param);
  if (!object) return undefined;
  const result: Metadata = {};
  for (const [key, raw] of Object.entries(object)) {
    if (key.length > 40) throw ApiError.invalidParam(`${param}[${key}]`, 'Metadata keys can be at most 40 characters long.');
    result[key] = optionalString(raw, `${param}[${key}]`, 500) ?? '';
  }
  if (Object.keys(result).length > 50) throw ApiError.invalidParam(param, 'Metadata can have at most 50 keys.');
  return result;
}

export function mergeMetadata(current: Metadata, update: Metadata | null | undefined): Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged: Metadata = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export function createdMetadata(value: FormValue | undefined, param = 'metadata'): Metadata {
  return mergeMetadata({}, optionalMetadata(value, param));
}

/** `created=123` or `created[gte]=…&created[lt]=…` as a predicate over unix seconds. */
export function timestampFilter(value: FormValue | undefined, param: string): (seconds: number) => boolean {
  if (value === undefined) return () => true;
  if (typeof value === 'string') {
    const exact = requiredInteger(value, param);
    return (seconds) => seconds === exact;
  }
  const range = optionalObject(value, param) ?? {};
  const bound = (key: string) => optionalInteger(range[key], `${param}[${key}]`);
  const gt = bound('gt');
  const gte = bound('gte');
  const lt = bound('lt');
  const lte = bound('lte');
  return (s) =>
    (gt === undefined || s > gt) && (gte === undefined || s >= gte) && (lt === undefined || s < lt) && (lte === undefined || s <= lte);
}

export function expandPaths(params: FormObject): string[] {
  return optionalStringList(params.expand, 'expand') ?? [];
}

function describe(value: FormValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
