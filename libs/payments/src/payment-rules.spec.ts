import { checkoutWindow, MAX_RESERVATION_HOLD_MS, paymentStatusAfterRefunds, RESERVATION_GRACE_MS, settleableFen } from './payment-rules';

const at = (minutes: number): Date => new Date(Date.UTC(2026, 11, 3, 2, 0, 0) + minutes * 60_000);

describe('checkout window', () => {
  it('expires the session a minute before the payment deadline when that is at least 30 minutes away', () => {
    const w = checkoutWindow(at(0), at(60), at(-5));
    expect(w).toEqual({ ok: true, expiresAt: at(59), extendDueTo: null });
  });

  it('extends the reservation to Stripe’s 30-minute minimum plus a grace minute when the deadline is nearer', () => {
    const w = checkoutWindow(at(10), at(25), at(-5));
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect(w.expiresAt.getTime()).toBe(at(41).getTime());
    expect(w.extendDueTo!.getTime()).toBe(at(41).getTime() + RESERVATION_GRACE_MS);
  });

  it('refuses once the deadline has passed, or when the stock would be held too long after placement', () => {
    expect(checkoutWindow(at(30), at(30), at(0))).toEqual({ ok: false, reason: 'deadline_passed' });
    const placed = at(0);
    const lateNow = new Date(placed.getTime() + MAX_RESERVATION_HOLD_MS - 20 * 60_000);
    expect(checkoutWindow(lateNow, new Date(lateNow.getTime() + 60_000), placed)).toEqual({ ok: false, reason: 'hold_exceeded' });
  });

  it('never asks for more than 24 hours', () => {
    const w = checkoutWindow(at(0), at(3 * 24 * 60), at(0));
    expect(w.ok && w.expiresAt.getTime() - at(0).getTime()).toBeLessThan(24 * 3600_000);
  });
});

describe('refund and credit caps', () => {
  it('gives back the claim, but never more than is left of the payment or of the line', () => {
    expect(settleableFen(5_000, 100_000, 43_200)).toBe(5_000);
    expect(settleableFen(50_000, 100_000, 43_200)).toBe(43_200);
    expect(settleableFen(50_000, 1_234, 43_200)).toBe(1_234);
    expect(settleableFen(50_000, 0, 43_200)).toBe(0);
    expect(settleableFen(50_000, -5, 43_200)).toBe(0);
    expect(() => settleableFen(1.5, 10, 10)).toThrow();
  });

  it('names the payment status after refunds', () => {
    expect(paymentStatusAfterRefunds(10_000, 0)).toBe('paid');
    expect(paymentStatusAfterRefunds(10_000, 1)).toBe('partially_refunded');
    expect(paymentStatusAfterRefunds(10_000, 10_000)).toBe('refunded');
  });
});
