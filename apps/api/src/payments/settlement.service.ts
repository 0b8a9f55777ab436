import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PayoutView, SettlementEntryView, SettlementView } from '@shanhai/contract';
import { SettlementEntryRow, SettlementRepository } from '@shanhai/payments';
import { conflict, forbidden, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { PageDto, PayoutDto } from './payments.dto';
import { PAYOUT_PROVIDER, PayoutProvider } from './payout-provider';

/**
 * The settlement ledger per cooperative. Entries are signed from the cooperative's side: `earned`
 * (+, written when its supplier order completes), `payout` (−, recorded by the operator),
 * `adjustment` (±, e.g. a refund after completion). Owed = the sum of all entries.
 */
@Injectable()
export class SettlementService {
  private readonly ledger = new SettlementRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProvider,
  ) {}

  async get(principal: Principal, supplierId: string, query: PageDto): Promise<SettlementView> {
    const supplier = await this.supplier(supplierId);
    if (!principal.isOperator && !principal.rolesIn(supplierId).some((r) => r === 'supplier_admin' || r === 'supplier_staff')) {
      throw forbidden('a cooperative sees only its own settlement ledger');
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const summary = await this.ledger.summary(this.db.manager, supplierId);
    const { items, total } = await this.ledger.entries(this.db.manager, supplierId, page, pageSize);
    return { supplierId, supplierName: supplier.name, currency: 'CNY', ...summary, entries: items.map(entryView), total, page, pageSize };
  }

  /**
   * Records a payout through the provider, never more than is owed. The reference makes it
   * idempotent: the same reference and amount again answer the first payout; another amount is a 409.
   */
  async payout(principal: Principal, supplierId: string, dto: PayoutDto): Promise<{ view: PayoutView; replayed: boolean }> {
    await this.supplier(supplierId);
    const reference = `payout:${supplierId}:${dto.reference}`;
    return this.db.transaction(async (tx) => {
      await this.ledger.lockSupplier(tx, supplierId);
      const earlier = await this.ledger.byReference(tx, reference);
      if (earlier) {
        if (earlier.amountFen !== -dto.amountFen) {
          throw conflict('PAYOUT_REFERENCE_REUSED', `payout ${dto.reference} was recorded for ${-earlier.amountFen} fen; use a new reference for another payout`, { amountFen: -earlier.amountFen });
        }
        const { owedFen } = await this.ledger.summary(tx, supplierId);
        return { replayed: true, view: { entry: entryView(earlier), provider: this.provider.name, providerReference: null, replayed: true, owedFen } };
      }
      const { owedFen } = await this.ledger.summary(tx, supplierId);
      if (dto.amountFen > owedFen) throw conflict('PAYOUT_EXCEEDS_OWED', `the cooperative is owed ${owedFen} fen; a payout of ${dto.amountFen} fen would overpay it`, { owedFen });
      const paid = await this.provider.pay({ supplierId, amountFen: dto.amountFen, currency: 'CNY', reference, note: dto.note ?? null });
      const note = [dto.note, `${paid.provider}${paid.providerReference && paid.providerReference !== reference ? ` ${paid.providerReference}` : ''}`].filter(Boolean).join(' · ');
      const id = await this.ledger.insertPayout(tx, { supplierId, reference, amountFen: dto.amountFen, note, recordedBy: principal.userId });
      const entry = (await this.ledger.byReference(tx, reference))!;
      return { replayed: false, view: { entry: entryView({ ...entry, id }), provider: paid.provider, providerReference: paid.providerReference, replayed: false, owedFen: owedFen - dto.amountFen } };
    });
  }

  private async supplier(supplierId: string): Promise<{ name: string }> {
    const [org] = await this.db.query(`SELECT name, kind FROM organisations WHERE id = $1`, [supplierId]);
    if (!org || org.kind !== 'supplier') throw notFound('supplier', supplierId);
    return { name: org.name };
  }
}

function entryView(e: SettlementEntryRow): SettlementEntryView {
  return {
    id: e.id,
    kind: e.kind,
    amountFen: e.amountFen,
    reference: e.reference,
    supplierOrderId: e.supplierOrderId,
    note: e.note,
    recordedBy: e.recordedBy,
    createdAt: e.createdAt.toISOString(),
  };
}
