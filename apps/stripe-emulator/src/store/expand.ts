import { EmulatorContext } from '../emulator.context';
import { ApiError } from '../http/api-error';
import { lineItemsList } from '../resources/checkout-session.resource';

type JsonRecord = Record<string, unknown>;

/**
 * `expand[]=payment_intent`, `expand[]=data.customer`, `expand[]=latest_charge.refunds`:
 * replaces id strings with the objects they name. Works on a copy so stored objects keep ids.
 */
export function expandResponse(body: object, paths: string[], ctx: EmulatorContext): object {
  if (paths.length === 0) return body;
  const copy = structuredClone(body) as JsonRecord;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > 4) {
      throw ApiError.invalidParam('expand', `You cannot expand more than 4 levels of a property (${path}).`);
    }
    expandInto(copy, segments, path, ctx);
  }
  return copy;
}

function expandInto(target: unknown, segments: string[], path: string, ctx: EmulatorContext): void {
  if (Array.isArray(target)) {
    for (const element of target) expandInto(element, segments, path, ctx);
    return;
  }
  if (!isRecord(target)) return;
  const [field, ...rest] = segments;
  let value = target[field];
  if (typeof value === 'string' || value === undefined) {
    const resolved = typeof value === 'string' ? ctx.store.findById(value) : virtualField(target, field, ctx);
    if (resolved === undefined) throw ApiError.invalidParam('expand', `This property cannot be expanded (${path}).`);
    value = structuredClone(resolved);
    target[field] = value;
  }
  if (value !== null && rest.length > 0) expandInto(value, rest, path, ctx);
}

/** Fields that exist only when expanded (`checkout.session.line_items`, `charge.refunds`). */
function virtualField(target: JsonRecord, field: string, ctx: EmulatorContext): object | undefined {
  const id = typeof target.id === 'string' ? target.id : '';
  if (target.object === 'checkout.session' && field === 'line_items') {
    const record = ctx.store.checkoutSessions.get(id);
    return record ? lineItemsList(record, {}) : undefined;
  }
  if (target.object === 'charge' && field === 'refunds') {
    const data = ctx.store.refunds.list((refund) => refund.charge === id);
    return { object: 'list', data, has_more: false, url: `/v1/charges/${id}/refunds` };
  }
  return undefined;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null;
}
