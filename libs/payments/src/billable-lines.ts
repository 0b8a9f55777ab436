/**
 * What a buyer is asked to pay, as lines a Checkout Session or an invoice shows: one per order line
 * (unit price × quantity) and the delivery fees apart, one per cooperative. Stripe caps the number
 * of lines (Checkout 100, an invoice 250), so a large order is shown per cooperative instead, and a
 * huge one as two lines (produce, delivery). The lines always add up to the order total, to the fen.
 */
export interface BillableOrderLine {
  readonly id: string;
  readonly supplierOrderId: string;
  readonly productNameZh: string;
  readonly productNameEn: string | null;
  readonly packingUnitZh: string;
  readonly skuCode: string;
  readonly quantity: number;
  readonly unitPriceFen: number;
  readonly lineFen: number;
}

export interface BillableSupplierOrder {
  readonly id: string;
  readonly supplierName: string;
  readonly produceFen: number;
  readonly deliveryFeeFen: number;
}

export interface BillableLine {
  /** Stable within an order: the idempotency key of an invoice item is derived from it. */
  readonly key: string;
  readonly kind: 'produce' | 'delivery_fee';
  readonly name: string;
  readonly unitAmountFen: number;
  readonly quantity: number;
}

export const CHECKOUT_MAX_LINES = 100;
export const INVOICE_MAX_LINES = 250;
/** Stripe's largest amount for a two-decimal currency: ¥999,999.99. */
export const STRIPE_MAX_AMOUNT_FEN = 99_999_999;
/** Stripe's largest quantity on a Checkout line. */
export const STRIPE_MAX_QUANTITY = 999_999;
const NAME_MAX = 200;

const clip = (s: string): string => (s.length > NAME_MAX ? `${s.slice(0, NAME_MAX - 1)}…` : s);

export function billableLines(
  totalFen: number,
  lines: readonly BillableOrderLine[],
  supplierOrders: readonly BillableSupplierOrder[],
  maxLines: number,
): BillableLine[] {
  const fees: BillableLine[] = supplierOrders
    .filter((so) => so.deliveryFeeFen > 0)
    .map((so) => ({ key: `fee:${so.id}`, kind: 'delivery_fee', name: clip(`运费 Delivery · ${so.supplierName}`), unitAmountFen: so.deliveryFeeFen, quantity: 1 }));

  const detailed: BillableLine[] = lines.map((l) => {
    // A tiered unit price times the quantity is the line amount; if a line was ever priced otherwise, bill it as one amount.
    const exact = l.unitPriceFen * l.quantity === l.lineFen && l.quantity <= STRIPE_MAX_QUANTITY;
    const name = `${l.productNameZh}${l.productNameEn ? ` ${l.productNameEn}` : ''} (${l.packingUnitZh}, ${l.skuCode})`;
    return exact
      ? { key: `line:${l.id}`, kind: 'produce', name: clip(name), unitAmountFen: l.unitPriceFen, quantity: l.quantity }
      : { key: `line:${l.id}`, kind: 'produce', name: clip(`${name} × ${l.quantity}`), unitAmountFen: l.lineFen, quantity: 1 };
  });
  let chosen = [...detailed, ...fees];
  if (chosen.length > maxLines) {
    const perSupplier: BillableLine[] = supplierOrders
      .filter((so) => so.produceFen > 0)
      .map((so) => {
        const count = lines.filter((l) => l.supplierOrderId === so.id).length;
        return { key: `produce:${so.id}`, kind: 'produce', name: clip(`${so.supplierName} · ${count} 个品项 items`), unitAmountFen: so.produceFen, quantity: 1 };
      });
    chosen = [...perSupplier, ...fees];
  }
  if (chosen.length > maxLines) {
    const produce = supplierOrders.reduce((a, so) => a + so.produceFen, 0);
    const fee = supplierOrders.reduce((a, so) => a + so.deliveryFeeFen, 0);
    chosen = [
      { key: 'produce:all', kind: 'produce', name: `农产品 Produce · ${lines.length} 个品项 items`, unitAmountFen: produce, quantity: 1 },
      ...(fee > 0 ? [{ key: 'fee:all', kind: 'delivery_fee' as const, name: `运费 Delivery · ${supplierOrders.length} 家合作社 cooperatives`, unitAmountFen: fee, quantity: 1 }] : []),
    ];
  }
  const sum = chosen.reduce((a, l) => a + l.unitAmountFen * l.quantity, 0);
  if (sum !== totalFen) throw new Error(`billable lines add up to ${sum} fen, the order total is ${totalFen} fen`);
  return chosen;
}
