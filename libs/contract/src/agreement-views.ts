/**
 * Procurement agreements (订单式销售) and pre-harvest commitments: the API's response shapes
 * (docs/agreements.md). Money is integer fen, days are YYYY-MM-DD (China Standard Time).
 */
import type {
  AgreementPaymentMethod,
  AgreementSide,
  AgreementStatus,
  CommitmentStatus,
  DeliveryChangeKind,
  DeliveryChangeStatus,
  InvoicingMode,
  TermsStatus,
} from '@shanhai/domain';

export interface PartyView {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface AgreementSkuView {
  id: string;
  code: string;
  productId: string;
  productNameZh: string;
  productNameEn: string | null;
  packingUnitZh: string;
  packingUnitEn: string | null;
  netWeightG: number;
  /** The SKU's list price today (before volume tiers): the reference a banded price follows. */
  listPriceFen: number;
  leadTimeDays: number;
  minOrderQuantity: number;
  orderMultiple: number;
}

export interface AgreementPriceView {
  kind: 'fixed' | 'reference_band';
  /** fixed: the unit price. */
  unitPriceFen: number | null;
  /** reference_band: the agreed base price and the band (‰) the delivery price stays within. */
  basePriceFen: number | null;
  bandPermille: number | null;
  floorFen: number | null;
  ceilingFen: number | null;
}

export interface AgreementScheduleView {
  kind: 'weekly' | 'dates';
  /** weekly: ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** dates: the listed delivery days (e.g. a harvest calendar). */
  dates: string[];
}

export interface AgreementSiteView {
  id: string;
  name: string;
  address: string;
  countyCode: string;
}

/** One version of the terms: the first proposal or an amendment, with who proposed and who decided. */
export interface AgreementTermsView {
  version: number;
  status: TermsStatus;
  proposedSide: AgreementSide;
  proposedBy: string;
  proposedByName: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** The first day this version governs (deliveries already generated keep their orders). */
  effectiveFrom: string;
  sku: AgreementSkuView;
  /** Units (the SKU's packing unit) per delivery. */
  quantity: number;
  price: AgreementPriceView;
  schedule: AgreementScheduleView;
  /** Null while a cooperative's proposal waits for the buyer to choose its site on acceptance. */
  deliverySite: AgreementSiteView | null;
  startDate: string;
  endDate: string;
  paymentMethod: AgreementPaymentMethod;
  invoicing: InvoicingMode;
  /** Each delivery's order is generated this many days before the delivery (never later than the SKU's lead time allows). */
  orderDaysAhead: number;
  /** Pausing or ending takes effect no earlier than this many days ahead. */
  noticeDays: number;
  note: string | null;
}

export interface AgreementSummary {
  id: string;
  number: string;
  status: AgreementStatus;
  buyer: PartyView;
  supplier: PartyView;
  proposedSide: AgreementSide;
  /** The side that must accept or decline the pending proposal (first terms or an amendment); null when none waits. */
  awaiting: AgreementSide | null;
  currentVersion: number | null;
  pendingVersion: number | null;
  skuCode: string;
  productNameZh: string;
  productNameEn: string | null;
  quantity: number;
  startDate: string;
  endDate: string;
  /** The next scheduled day that is not yet decided (ordered, skipped or missed). */
  nextDeliveryDate: string | null;
  createdAt: string;
}

export interface AgreementPauseView {
  id: string;
  from: string;
  /** Null: until resumed. */
  until: string | null;
  side: AgreementSide;
  reason: string | null;
  createdAt: string;
}

export interface DeliveryChangeView {
  id: string;
  deliveryDate: string;
  kind: DeliveryChangeKind;
  /** A substitution: the other SKU of the same cooperative (a nearby grade). */
  substituteSku: { id: string; code: string; productNameZh: string; productNameEn: string | null; packingUnitZh: string } | null;
  quantity: number | null;
  unitPriceFen: number | null;
  status: DeliveryChangeStatus;
  proposedSide: AgreementSide;
  proposedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
}

/** Delivered against contracted, and on time, as of today. */
export interface AgreementProgressView {
  asOf: string;
  /** Every scheduled delivery of the whole period under the terms, pauses and any termination. */
  contractedDeliveries: number;
  contractedUnits: number;
  /** Scheduled deliveries dated today or earlier. */
  dueDeliveries: number;
  dueUnits: number;
  orderedDeliveries: number;
  orderedFen: number;
  /** Received by the buyer (units accepted on receipt). */
  deliveredDeliveries: number;
  deliveredUnits: number;
  deliveredFen: number;
  onTimeDeliveries: number;
  lateDeliveries: number;
  skippedDeliveries: number;
  missedDeliveries: number;
  /** Generated orders cancelled afterwards (not paid in time, cancelled by the buyer, rejected by the cooperative). */
  cancelledDeliveries: number;
  /** Delivered units ÷ units due so far, in ‰ (null before anything is due). */
  deliveredRatePermille: number | null;
  /** On-time ÷ delivered, in ‰ (null before anything is delivered). */
  onTimeRatePermille: number | null;
}

/**
 * One scheduled day: `scheduled` (not yet held), `held` (stock reserved ahead), `short` (within the
 * holding window but stock could not be held), `ordered` (its order exists), `skipped`, `missed`.
 */
export interface AgreementDeliveryView {
  date: string;
  version: number;
  status: 'scheduled' | 'held' | 'short' | 'ordered' | 'skipped' | 'missed';
  skuId: string;
  skuCode: string;
  quantity: number;
  /** The order's unit price once generated; before that the fixed or agreed substitution price (null for a banded price, set on the day). */
  unitPriceFen: number | null;
  heldUnits: number;
  /** The day its order is generated, and the last day it can be (the SKU's lead time). */
  generationOpensOn: string;
  cutOff: string;
  change: DeliveryChangeView | null;
  buyerOrderId: string | null;
  orderNumber: string | null;
  orderStatus: string | null;
  paymentStatus: string | null;
  supplierOrderStatus: string | null;
  receivedQuantity: number | null;
  receivedOn: string | null;
  onTime: boolean | null;
  reason: string | null;
}

export interface AgreementView extends AgreementSummary {
  /** Who is reading: a party, or the operator. */
  yourSide: AgreementSide | 'operator';
  /** The accepted terms in force today (or the latest accepted). */
  current: AgreementTermsView | null;
  /** The proposal waiting for the other side: the first terms or an amendment. */
  pending: AgreementTermsView | null;
  /** Every version, oldest first: the amendment history. */
  versions: AgreementTermsView[];
  pauses: AgreementPauseView[];
  changes: DeliveryChangeView[];
  termination: { lastDeliveryOn: string; side: AgreementSide; by: string; reason: string | null } | null;
  commitmentId: string | null;
  activatedAt: string | null;
  closedAt: string | null;
  progress: AgreementProgressView;
  /** The next few scheduled days with their state. */
  upcoming: AgreementDeliveryView[];
}

export interface AgreementPage {
  items: AgreementSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CommitmentView {
  id: string;
  buyer: PartyView;
  supplier: PartyView;
  product: { id: string; nameZh: string; nameEn: string | null };
  sku: { id: string; code: string; packingUnitZh: string; packingUnitEn: string | null; netWeightG: number };
  /** YYYY-MM: the harvest month the buyer wants the produce from. */
  harvestMonth: string;
  quantity: number;
  targetPriceFen: number | null;
  deliverySiteId: string | null;
  note: string | null;
  status: CommitmentStatus;
  createdAt: string;
  acknowledgedAt: string | null;
  decisionNote: string | null;
  agreementId: string | null;
  buyerOrderId: string | null;
  convertedAt: string | null;
}

export interface CommitmentPage {
  items: CommitmentView[];
  total: number;
  page: number;
  pageSize: number;
}

/** What buyers have committed to take from a cooperative's coming harvests, by month and product. */
export interface CommitmentDemandView {
  supplierId: string;
  from: string;
  to: string;
  months: Array<{
    month: string;
    /** Open and acknowledged commitments: demand still to be met. */
    committedUnits: number;
    committedWeightG: number;
    /** Already turned into agreements or orders. */
    convertedUnits: number;
    products: Array<{
      productId: string;
      nameZh: string;
      nameEn: string | null;
      committedUnits: number;
      committedWeightG: number;
      convertedUnits: number;
      buyers: number;
      commitments: number;
    }>;
  }>;
}
