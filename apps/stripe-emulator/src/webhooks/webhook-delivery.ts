import { StripeEvent } from '../events/event-log';
import { newId, nowSeconds } from '../store/ids';
import { DeliveryFaults } from './delivery-faults';
import { PostHandle, PostOutcome, postJson } from './http-post';
import { signatureHeader } from './webhook-signature';

export interface RetryPolicy {
  initial_delay_ms: number;
  max_delay_ms: number;
  max_attempts: number;
}

export interface WebhookSettings {
  url: string | null;
  secret: string;
  retry: RetryPolicy;
  timeout_ms: number;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  simulated_failure: boolean;
}

export type DeliveryStatus = 'held' | 'pending' | 'in_flight' | 'succeeded' | 'failed';

export interface DeliveryRecord {
  id: string;
  event_id: string;
  event_type: string;
  url: string;
  duplicate: boolean;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  attempt_log: DeliveryAttempt[];
}

interface Sleeper {
  timer: NodeJS.Timeout;
  wake: (completed: boolean) => void;
}

/**
 * Delivers events to the configured endpoint, signed like Stripe, retrying with doubling
 * back-off until a 2xx or `max_attempts`. Each delivery runs independently, so events can
 * arrive concurrently and out of order, as they can from Stripe.
 */
export class WebhookDispatcher {
  private readonly records: DeliveryRecord[] = [];
  private held: { record: DeliveryRecord; payload: string }[] = [];
  private readonly sleepers = new Set<Sleeper>();
  private readonly inFlight = new Set<PostHandle>();
  private readonly idleWaiters = new Set<Sleeper>();
  /** Bumped on reset/close so loops started earlier stop instead of touching the new state. */
  private generation = 0;

  constructor(
    readonly settings: WebhookSettings,
    readonly faults: DeliveryFaults,
    private readonly log: (line: string) => void,
  ) {}

  /** Stripe's `event.pending_webhooks`: one endpoint at most here. */
  pendingWebhooks(): number {
    return this.settings.url ? 1 : 0;
  }

  enqueue(event: StripeEvent): void {
    const url = this.settings.url;
    if (!url) return;
    // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    const payload = JSON.stringify(event, null, 2);
    const copies = this.faults.takeDuplicate() ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      const record = newRecord(event, url, copy > 0);
      this.records.push(record);
      if (this.faults.holding) {
        record.status = 'held';
        this.held.push({ record, payload });
      } else {
        void this.run(record, payload);
      }
    }
    if (this.faults.holding && this.faults.releaseAfter > 0 && this.held.length >= this.faults.releaseAfter) {
      this.releaseHeld();
    }
  }

  /**
   * Sends held deliveries newest first. Each one's first attempt finishes before the next
   * starts, so the receiver observes the reversed order deterministically.
   */
  releaseHeld(): number {
    const batch = this.held.reverse();
    this.held = [];
    this.faults.stopHolding();
    const generation = this.generation;
    void (async () => {
      for (const item of batch) {
        if (generation !== this.generation) return;
        item.record.status = 'pending';
        await new Promise<void>((firstAttemptDone) => void this.run(item.record, item.payload, firstAttemptDone));
      }
    })();
    return batch.length;
  }

  list(filter: { event_id?: string; status?: string } = {}): DeliveryRecord[] {
    return this.records
      .filter((r) => (!filter.event_id || r.event_id === filter.event_id) && (!filter.status || r.status === filter.status))
      .map((r) => structuredClone(r));
  }

  /** Resolves true once nothing is pending or in flight (held deliveries do not count), false on timeout. */
  settle(timeoutMs: number): Promise<boolean> {
    if (this.isIdle()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Sleeper = {
        wake: (completed) => {
          clearTimeout(waiter.timer);
          this.idleWaiters.delete(waiter);
          resolve(completed);
        },
        timer: setTimeout(() => waiter.wake(false), timeoutMs),
      };
      this.idleWaiters.add(waiter);
    });
  }

  reset(): void {
    this.cancelAll();
    this.records.length = 0;
    this.faults.clear();
  }

  close(): void {
    this.cancelAll();
  }

  private async run(record: DeliveryRecord, payload: string, onFirstAttempt?: () => void): Promise<void> {
    const generation = this.generation;
    try {
      while (generation === this.generation) {
        if (this.faults.delayMs > 0 && !(await this.sleep(this.faults.delayMs))) return;
        if (generation !== this.generation) return;
        const delivered = await this.attempt(record, payload);
        onFirstAttempt?.();
        onFirstAttempt = undefined;
        if (generation !== this.generation) return;
        if (delivered) {
          record.status = 'succeeded';
          return;
        }
        if (record.attempts >= this.settings.retry.max_attempts) {
          record.status = 'failed';
          this.log(`webhook ${record.event_id} (${record.event_type}) gave up after ${record.attempts} attempts: ${record.last_error}`);
          return;
        }
        const wait = backoffMs(this.settings.retry, record.attempts);
        record.status = 'pending';
        record.next_attempt_at = new Date(Date.now() + wait).toISOString();
        if (!(await this.sleep(wait))) return;
      }
    } finally {
      onFirstAttempt?.();
      if (this.isIdle()) for (const waiter of [...this.idleWaiters]) waiter.wake(true);
    }
  }

  private async attempt(record: DeliveryRecord, payload: string): Promise<boolean> {
    record.status = 'in_flight';
    record.next_attempt_at = null;
    record.attempts++;
    const started = Date.now();
    const simulated = this.faults.takeFailure();
    const outcome: PostOutcome = simulated
      ? { statusCode: null, error: 'simulated network failure (fault injection): not sent' }
      : await this.send(record.url, payload);
    const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    record.last_status_code = outcome.statusCode;
    record.last_error = delivered ? null : (outcome.error ?? `receiver answered HTTP ${outcome.statusCode}`);
    record.attempt_log.push({
      attempt: record.attempts,
      at: new Date(started).toISOString(),
      status_code: outcome.statusCode,
      error: record.last_error,
      duration_ms: Date.now() - started,
      simulated_failure: simulated,
    });
    return delivered;
  }

  private async send(url: string, payload: string): Promise<PostOutcome> {
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'Stripe-Signature': signatureHeader(payload, this.settings.secret, nowSeconds()),
    };
    const handle = postJson(url, payload, headers, this.settings.timeout_ms);
    this.inFlight.add(handle);
    try {
      return await handle.result;
    } finally {
      this.inFlight.delete(handle);
    }
  }

  /** Resolves false when cancelled by reset/close, so the caller stops retrying. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        wake: (completed) => {
          clearTimeout(sleeper.timer);
          this.sleepers.delete(sleeper);
          resolve(completed);
        },
        timer: setTimeout(() => sleeper.wake(true), ms),
      };
      this.sleepers.add(sleeper);
    });
  }

  private isIdle(): boolean {
    return !this.records.some((r) => r.status === 'pending' || r.status === 'in_flight');
  }

  private cancelAll(): void {
    this.generation++;
    for (const sleeper of [...this.sleepers]) sleeper.wake(false);
    for (const handle of this.inFlight) handle.abort();
    for (const waiter of [...this.idleWaiters]) waiter.wake(false);
    for (const record of this.records) {
      if (record.status !== 'succeeded') record.status = 'failed';
    }
    this.held = [];
  }
}

function backoffMs(retry: RetryPolicy, attemptsSoFar: number): number {
  return Math.min(retry.initial_delay_ms * 2 ** (attemptsSoFar - 1), retry.max_delay_ms);
}

function newRecord(event: StripeEvent, url: string, duplicate: boolean): DeliveryRecord {
  return {
    id: newId('whdel'),
    event_id: event.id,
    event_type: event.type,
    url,
    duplicate,
    status: 'pending',
    attempts: 0,
    last_status_code: null,
    last_error: null,
    next_attempt_at: null,
    created_at: new Date().toISOString(),
    attempt_log: [],
  };
}
