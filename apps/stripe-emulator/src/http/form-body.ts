/**
 * Stripe's wire format: `application/x-www-form-urlencoded` with bracketed keys
 * (`line_items[0][price_data][currency]=cny`, `expand[]=payment_intent`).
 *
 * Values stay strings: only the resource that owns a parameter knows whether it is an
 * amount, a boolean or free text, so validation (and its error `param`) happens there.
 * Indexed keys (`[0]`) become object keys, not array slots, because an index and a
 * metadata key that happens to be numeric look identical on the wire; `listValue()`
 * in the param readers turns them into arrays where a list is expected.
 */
export type FormValue = string | FormValue[] | FormObject;

export interface FormObject {
  [key: string]: FormValue;
}

export class FormBodyError extends Error {}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

export function parseFormBody(text: string): FormObject {
  const root: FormObject = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1));
    assign(root, splitKey(key), value, key);
  }
  return root;
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new FormBodyError(`Invalid URL encoding in request body near "${raw.slice(0, 40)}"`);
  }
}

/** `a[b][]` → ['a', 'b', '']; an empty segment means "append". */
function splitKey(key: string): string[] {
  const match = KEY_PATTERN.exec(key);
  if (!match) return [key];
  const rest = match[2] === '' ? [] : match[2].slice(1, -1).split('][');
  const segments = [match[1], ...rest];
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new FormBodyError(`Invalid parameter name: ${key}`);
  }
  return segments;
}

function assign(root: FormObject, segments: string[], value: string, fullKey: string): void {
  let container: FormObject | FormValue[] = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const isLast = i === segments.length - 1;
    if (isLast) {
      put(container, segment, value, fullKey);
      return;
    }
    const existing: FormValue | undefined = get(container, segment);
    const wantArray = segments[i + 1] === '';
    if (existing === undefined || segment === '') {
      const created: FormObject | FormValue[] = wantArray ? [] : {};
      put(container, segment, created, fullKey);
      container = created;
    } else if (typeof existing === 'string' || Array.isArray(existing) !== wantArray) {
      throw new FormBodyError(`Conflicting values for parameter ${fullKey}`);
    } else {
      container = existing;
    }
  }
}

function get(container: FormObject | FormValue[], segment: string): FormValue | undefined {
  if (Array.isArray(container)) return undefined;
  return Object.prototype.hasOwnProperty.call(container, segment) ? container[segment] : undefined;
}

function put(container: FormObject | FormValue[], segment: string, value: FormValue, fullKey: string): void {
  if (Array.isArray(container)) {
    if (segment !== '') throw new FormBodyError(`Conflicting values for parameter ${fullKey}`);
    container.push(value);
    return;
  }
  if (segment === '') throw new FormBodyError(`Invalid parameter name: ${fullKey}`);
  container[segment] = value;
}

/** Key-order independent serialisation, so idempotency replays compare parameters, not their order. */
export function canonicalForm(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalForm).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalForm(value[k])}`).join(',')}}`;
}
