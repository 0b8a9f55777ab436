import { EntityManager } from 'typeorm';
import { checkOrderQuantity, checkTerms, MAX_ORDER_DAYS_AHEAD } from '@shanhai/domain';
import type { AgreementSide, AgreementTerms } from '@shanhai/domain';
import type { SkuOffer } from '@shanhai/persistence';
import { AppError, FieldProblem } from '../common/app-error';
import { AgreementTermsDto } from './agreements.dto';

export const DEFAULT_NOTICE_DAYS = 7;

/** Terms as stored in a version row, checked and with their defaults filled in. */
export interface CheckedTerms extends AgreementTerms {
  readonly skuId: string;
  readonly deliverySiteId: string | null;
  readonly note: string | null;
}

export function validationError(problems: readonly FieldProblem[]): AppError {
  return new AppError(400, 'VALIDATION_FAILED', problems.slice(0, 20).map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
}

/**
 * The terms of a proposal or amendment: the domain's checks (period, schedule, price, notice) and
 * the SKU's own rules (on sale, minimum, multiple, lead time), every problem naming its field.
 * `supplierId`: an amendment must stay with the agreement's cooperative.
 */
export async function checkedTerms(
  db: EntityManager,
  dto: AgreementTermsDto,
  offer: SkuOffer | undefined,
  o: { earliestStart: string; buyerId: string; side: AgreementSide; supplierId?: string; siteFallback?: string | null },
): Promise<CheckedTerms> {
  const problems: FieldProblem[] = [];
  if (!offer) throw validationError([{ field: 'skuId', reason: 'unknown SKU' }]);
  if (o.supplierId && offer.supplierId !== o.supplierId) problems.push({ field: 'skuId', reason: `${offer.skuCode} is not a SKU of this agreement's cooperative` });
  if (!offer.active || !offer.visible) problems.push({ field: 'skuId', reason: `${offer.skuCode} is not on sale` });
  const q = checkOrderQuantity(dto.quantity, offer);
  if (q?.reason === 'below_minimum') problems.push({ field: 'quantity', reason: `the minimum order of ${offer.skuCode} is ${q.minimum} units` });
  if (q?.reason === 'not_a_multiple') problems.push({ field: 'quantity', reason: `${offer.skuCode} is sold in multiples of ${q.multiple} units` });

  const orderDaysAhead = dto.orderDaysAhead ?? Math.min(MAX_ORDER_DAYS_AHEAD, offer.leadTimeDays + 2);
  if (orderDaysAhead < offer.leadTimeDays) problems.push({ field: 'orderDaysAhead', reason: `at least the lead time of ${offer.skuCode}: ${offer.leadTimeDays} days` });

  const terms: CheckedTerms = {
    skuId: offer.skuId,
    quantity: dto.quantity,
    price:
      dto.price.kind === 'fixed'
        ? { kind: 'fixed', unitPriceFen: dto.price.unitPriceFen ?? 0 }
        : { kind: 'reference_band', basePriceFen: dto.price.basePriceFen ?? 0, bandPermille: dto.price.bandPermille ?? -1 },
    schedule: dto.schedule.kind === 'weekly' ? { kind: 'weekly', weekdays: dto.schedule.weekdays ?? [] } : { kind: 'dates', dates: dto.schedule.dates ?? [] },
    startDate: dto.startDate,
    endDate: dto.endDate,
    paymentMethod: dto.paymentMethod,
    invoicing: dto.invoicing ?? 'per_delivery',
    orderDaysAhead,
    noticeDays: dto.noticeDays ?? DEFAULT_NOTICE_DAYS,
    deliverySiteId: dto.deliverySiteId ?? o.siteFallback ?? null,
    note: dto.note ?? null,
  };
  problems.push(...checkTerms(terms, o.earliestStart));
  if (dto.price.kind === 'fixed' && (dto.price.basePriceFen !== undefined || dto.price.bandPermille !== undefined)) {
    problems.push({ field: 'price.basePriceFen', reason: 'a fixed price takes unitPriceFen only' });
  }
  if (dto.price.kind === 'reference_band' && dto.price.unitPriceFen !== undefined) problems.push({ field: 'price.unitPriceFen', reason: 'a reference price takes basePriceFen and bandPermille' });
  if (dto.schedule.kind === 'weekly' && dto.schedule.dates !== undefined) problems.push({ field: 'schedule.dates', reason: 'a weekly schedule takes weekdays only' });
  if (dto.schedule.kind === 'dates' && dto.schedule.weekdays !== undefined) problems.push({ field: 'schedule.weekdays', reason: 'a date-list schedule takes dates only' });

  if (terms.deliverySiteId) {
    const [site] = await db.query(`SELECT id FROM delivery_sites WHERE id = $1 AND organisation_id = $2`, [terms.deliverySiteId, o.buyerId]);
    if (!site) problems.push({ field: 'deliverySiteId', reason: 'not a delivery site of the buyer organisation' });
  } else if (o.side === 'buyer') {
    problems.push({ field: 'deliverySiteId', reason: 'name the delivery site the deliveries go to' });
  }
  if (problems.length) throw validationError(problems);
  return terms;
}

/** Paying by invoice needs the buyer's net terms, as at checkout. */
export async function requireNetTerms(db: EntityManager, buyerId: string, paymentMethod: string): Promise<void> {
  if (paymentMethod !== 'invoice') return;
  const [org] = await db.query(`SELECT net_terms_days FROM organisations WHERE id = $1`, [buyerId]);
  if (org?.net_terms_days === null || org?.net_terms_days === undefined) {
    throw new AppError(409, 'NET_TERMS_NOT_APPROVED', 'paymentMethod: the buyer organisation is not approved to pay by invoice; choose card or wallet, or ask the operator for net terms', [
      { field: 'paymentMethod', reason: 'invoice payment not approved for the buyer organisation' },
    ]);
  }
}

export async function insertVersion(
  tx: EntityManager,
  agreementId: string,
  version: number,
  t: CheckedTerms,
  by: { side: AgreementSide; userId: string; effectiveFrom: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO agreement_versions (agreement_id, version, status, proposed_side, proposed_by, effective_from, sku_id, quantity, price_kind, unit_price_fen,
                                     base_price_fen, band_permille, schedule_kind, weekdays, dates, delivery_site_id, starts_on, ends_on, payment_method,
                                     invoicing, order_days_ahead, notice_days, note)
     VALUES ($1, $2, 'proposed', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::smallint[], $14::date[], $15, $16, $17, $18, $19, $20, $21, $22)`,
    [
      agreementId,
      version,
      by.side,
      by.userId,
      by.effectiveFrom,
      t.skuId,
      t.quantity,
      t.price.kind,
      t.price.kind === 'fixed' ? t.price.unitPriceFen : null,
      t.price.kind === 'reference_band' ? t.price.basePriceFen : null,
      t.price.kind === 'reference_band' ? t.price.bandPermille : null,
      t.schedule.kind,
      t.schedule.kind === 'weekly' ? [...t.schedule.weekdays].sort() : [],
      t.schedule.kind === 'dates' ? [...t.schedule.dates].sort() : [],
      t.deliverySiteId,
      t.startDate,
      t.endDate,
      t.paymentMethod,
      t.invoicing,
      t.orderDaysAhead,
      t.noticeDays,
      t.note,
    ],
  );
}
