/**
 * Response shapes of the statistics API (docs/statistics.md). The OpenAPI document describes the queries of
 * `/api/stats/*` but not their answers, so the portal declares what it reads here; move them into
 * `@shanhai/contract` when the API publishes response schemas for them.
 */
export type Figure = 'counted' | 'sales';

export type GroupBy =
  'day' | 'month' | 'year' | 'pairing' | 'supplierCounty' | 'buyerCity' | 'buyerProvince' | 'category' | 'buyerType' | 'supplier' | 'certified';

export interface StatsJurisdiction {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly divisionCode: string;
  readonly side: 'west' | 'east';
  readonly minReservedSharePermille: number | null;
}

export interface TotalsAmounts {
  readonly grossFen: number;
  readonly refundFen: number;
  readonly netFen: number;
  readonly lines: number;
}

export interface TotalsRowView extends TotalsAmounts {
  readonly key: string;
  readonly label: string;
  readonly labelEn: string;
  /** Grouped by cooperative: the households its sales reached (0 when it sold nothing net). */
  readonly householdsReached?: number;
}

/** `GET /api/stats/totals` and `GET /api/suppliers/:id/stats/totals`. */
export interface TotalsView {
  readonly currency: 'CNY';
  readonly figure: Figure;
  readonly from: string;
  readonly to: string;
  readonly asOf: string | null;
  readonly groupBy: GroupBy;
  readonly jurisdiction: StatsJurisdiction | null;
  readonly source: string;
  readonly rows: readonly TotalsRowView[];
  readonly total: TotalsAmounts;
  /** Grouped by cooperative only: the cooperatives that sold and the households linked to them, each counted once. */
  readonly reach: { readonly cooperatives: number; readonly householdsReached: number } | null;
}

/** One attribution record (an order line on the day it counted, or a later refund / credit / reversal). */
export interface StatsLineView {
  readonly recordId: string;
  readonly kind: 'sale' | 'completion' | 'refund' | 'credit' | 'reversal';
  readonly businessDay: string;
  readonly recordedOn: string;
  readonly orderId: string;
  readonly orderNumber: string;
  /** The cooperative's part of the order (its own order page). */
  readonly supplierOrderId: string;
  readonly orderLineId: string;
  readonly productId: string;
  readonly productName: string;
  readonly productNameEn: string | null;
  readonly quantity: number;
  readonly unitPriceFen: number;
  readonly buyerId: string | null;
  readonly buyerName: string | null;
  readonly buyerType: string;
  readonly buyerCityCode: string;
  readonly supplierId: string;
  readonly supplierName: string | null;
  readonly supplierCountyCode: string;
  readonly certified: boolean;
  readonly certificateNo: string | null;
  readonly householdsLinked: number | null;
  readonly grossFen: number;
  readonly refundFen: number;
  readonly netFen: number;
  readonly lines: number;
}

/** `GET /api/stats/lines`. */
export interface StatsLinesView {
  readonly currency: 'CNY';
  readonly figure: Figure;
  readonly from: string;
  readonly to: string;
  readonly asOf: string | null;
  readonly groupBy: GroupBy;
  readonly key: string | null;
  readonly page: number;
  readonly pageSize: number;
  readonly total: TotalsAmounts & {
    readonly key: string;
    readonly records: number;
  };
  readonly items: readonly StatsLineView[];
}

/** `GET /api/stats/orders/:id`. */
export interface StatsOrderView {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly paymentStatus: string;
  readonly buyerType: string;
  readonly buyerName: string;
  readonly buyerCityCode: string;
  readonly produceFen: number;
  readonly deliveryFeeFen: number;
  readonly paidAt: string | null;
  readonly completedAt: string | null;
  readonly createdAt: string;
  readonly sales: {
    readonly total: TotalsAmounts & { readonly records: number };
    readonly records: readonly StatsLineView[];
  };
  readonly counted: {
    readonly total: TotalsAmounts & { readonly records: number };
    readonly records: readonly StatsLineView[];
  };
}

/** `GET /api/stats/progress`. */
export interface ProgressView {
  readonly currency: 'CNY';
  readonly year: number;
  readonly figure: Figure;
  readonly jurisdiction: StatsJurisdiction | null;
  readonly asOf: string | null;
  readonly netFen: number;
  readonly lines: number;
  readonly targetFen: number | null;
  readonly progressBasisPoints: number | null;
  readonly projectedYearEndFen: number;
  readonly projectedBasisPoints: number | null;
  readonly projection: string;
}

export interface ReservedShareBuyerView {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly buyerType: string;
  /** Null: the buyer has not filed for the year. */
  readonly kind: 'own_canteen' | 'shared_canteen' | 'no_canteen' | null;
  readonly sharedWithId: string | null;
  readonly canteenBudgetFen: number | null;
  readonly sharePermille: number | null;
  readonly reservedFen: number | null;
  readonly filedAt: string | null;
  readonly ownCountedFen: number;
  readonly canteenCountedFen: number | null;
  readonly progressBasisPoints: number | null;
  readonly projectedYearEndFen: number | null;
  readonly projectedBasisPoints: number | null;
}

/** `GET /api/reserved-share/:year`. */
export interface ReservedShareView {
  readonly currency: 'CNY';
  readonly year: number;
  readonly jurisdiction: StatsJurisdiction | null;
  readonly asOf: string | null;
  readonly summary: {
    readonly buyers: number;
    readonly filed: number;
    readonly notFiled: number;
    readonly reservedFen: number;
    readonly countedFen: number;
    readonly progressBasisPoints: number;
    readonly projectedYearEndFen: number;
    readonly projectedBasisPoints: number;
  };
  readonly buyers: readonly ReservedShareBuyerView[];
}
