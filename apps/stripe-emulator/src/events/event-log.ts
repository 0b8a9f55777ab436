import { newId, nowSeconds } from '../store/ids';
import { ResourceTable } from '../store/resource-table';

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
  apiVersion: string;
}

type EventListener = (event: StripeEvent) => void;

/**
 * Every state change records an event whose `data.object` is a deep copy taken at that
 * moment, so later mutations never rewrite history (webhook consumers rely on that).
 */
export class EventLog {
  readonly table = new ResourceTable<StripeEvent>('event');
  private readonly listeners: EventListener[] = [];
  private current: RequestInfo | null = null;
  private lastApiVersion: string;

  constructor(
    defaultApiVersion: string,
    private readonly pendingWebhooks: () => number,
  ) {
    this.lastApiVersion = defaultApiVersion;
  }

  /**
   * Handlers run synchronously, so a plain field is enough to attribute the events a request
   * causes to it (Stripe's `event.request`) without threading the request through every service.
   */
  withinRequest<T>(info: RequestInfo, run: () => T): T {
    this.current = info;
    this.lastApiVersion = info.apiVersion;
    try {
      return run();
    } finally {
      this.current = null;
    }
  }

  emit(type: string, object: unknown, previousAttributes?: Record<string, unknown>): StripeEvent {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: this.current?.apiVersion ?? this.lastApiVersion,
      created: nowSeconds(),
      data: previousAttributes
        ? { object: structuredClone(object), previous_attributes: structuredClone(previousAttributes) }
        : { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: this.pendingWebhooks(),
      request: { id: this.current?.id ?? null, idempotency_key: this.current?.idempotencyKey ?? null },
      type,
    };
    this.table.insert(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  reset(): void {
    this.table.clear();
  }
}

/** Top-level fields whose value changed, with their old values (Stripe's `previous_attributes`). */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(now)) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) changed[key] = old[key] ?? null;
  }
  return changed;
}
