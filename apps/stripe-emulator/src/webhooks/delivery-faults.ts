/**
 * Fault injection for webhook delivery, so consumers can be tested against what real Stripe
 * does occasionally: duplicates, out-of-order arrival, slowness and failed attempts.
 */
export interface DeliveryFaultsState {
  /** The next N events are each delivered twice (two independent deliveries). */
  duplicate_next: number;
  /** The next N attempts fail without sending, as if the network dropped them; they are retried. */
  fail_next_attempts: number;
  /** Every attempt waits this long before sending. */
  delay_ms: number;
  /** New deliveries are held back and later released in reverse order. */
  hold: boolean;
  /** With `hold`, release automatically once this many deliveries are held (0: wait for a release call). */
  release_after: number;
}

export type DeliveryFaultsUpdate = Partial<DeliveryFaultsState>;

export class DeliveryFaults {
  private state: DeliveryFaultsState = DeliveryFaults.none();

  static none(): DeliveryFaultsState {
    return { duplicate_next: 0, fail_next_attempts: 0, delay_ms: 0, hold: false, release_after: 0 };
  }

  snapshot(): DeliveryFaultsState {
    return { ...this.state };
  }

  /** Keys left undefined keep their current value. */
  update(update: DeliveryFaultsUpdate): DeliveryFaultsState {
    const defined = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
    this.state = { ...this.state, ...defined };
    return this.snapshot();
  }

  clear(): void {
    this.state = DeliveryFaults.none();
  }

  takeDuplicate(): boolean {
    if (this.state.duplicate_next <= 0) return false;
    this.state.duplicate_next--;
    return true;
  }

  takeFailure(): boolean {
    if (this.state.fail_next_attempts <= 0) return false;
    this.state.fail_next_attempts--;
    return true;
  }

  get delayMs(): number {
    return this.state.delay_ms;
  }

  get holding(): boolean {
    return this.state.hold;
  }

  get releaseAfter(): number {
    return this.state.release_after;
  }

  /** Reordering is one-shot: after a release, new deliveries flow normally again. */
  stopHolding(): void {
    this.state.hold = false;
    this.state.release_after = 0;
  }
}
