/**
 * The API's response shapes, shared by the server (which returns them) and the front ends (which
 * read them). Request shapes come from the OpenAPI document (see docs/api.md).
 */
import type { OrganisationKind, PriceTier, Role } from '@shanhai/domain';

export interface MembershipView {
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly organisationName: string;
  readonly role: Role;
  readonly divisionCode: string | null;
}

export interface DivisionView {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly level: string;
  readonly parentCode: string | null;
}

export interface PairingView {
  id: string;
  name: string;
  nameEn: string | null;
  eastDivisionCode: string;
  eastDivisionName: string | null;
  validFrom: string;
  validTo: string | null;
  counties: Array<{ countyCode: string; countyName: string | null; validFrom: string; validTo: string | null }>;
}

export interface SessionView {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: UserView;
}

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: string;
  readonly memberships: readonly MembershipView[];
}

export interface CatalogItem {
  id: string;
  nameZh: string;
  nameEn: string | null;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  originCountyCode: string;
  originCountyName: string | null;
  originProvinceCode: string;
  originProvinceName: string | null;
  supplierId: string;
  supplierName: string;
  supplierNameEn: string | null;
  grade: string | null;
  spec: string | null;
  storageClass: string;
  seasons: number[];
  minPriceFen: number | null;
  currency: 'CNY';
  stockUnits: number;
  inStock: boolean;
  certified: boolean;
  imageUrl: string | null;
}

export interface FacetCount {
  key: string;
  count: number;
}

export interface CatalogFacets {
  categories: Array<FacetCount & { nameZh: string; nameEn: string }>;
  provinces: Array<FacetCount & { name: string | null }>;
  counties: Array<FacetCount & { name: string | null }>;
  storage: FacetCount[];
  certified: { yes: number; no: number };
  inStock: { yes: number; no: number };
  price: { minFen: number | null; maxFen: number | null };
}

export interface CatalogPage {
  items: CatalogItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: CatalogFacets;
}

export interface ProductDetail {
  id: string;
  status: string;
  visible: boolean;
  nameZh: string;
  nameEn: string | null;
  descriptionZh: string | null;
  descriptionEn: string | null;
  grade: string | null;
  spec: string | null;
  storageClass: string;
  shelfLifeDays: number | null;
  seasons: number[];
  category: { code: string; nameZh: string; nameEn: string };
  origin: DivisionView[];
  supplier: {
    id: string;
    name: string;
    nameEn: string | null;
    countyCode: string | null;
    verified: boolean;
    householdsLifted: number;
    householdsMonitored: number;
    householdsAtRisk: number;
  };
  certificate: {
    certificateNo: string | null;
    authority: string | null;
    validFrom: string | null;
    validTo: string | null;
    revokedOn: string | null;
    householdsReached: number | null;
    incomeModes: string[];
    certifiedToday: boolean;
  } | null;
  skus: Array<{
    id: string;
    code: string;
    packingUnitZh: string;
    packingUnitEn: string | null;
    netWeightG: number;
    priceFen: number;
    currency: string;
    priceTiers: PriceTier[];
    minOrderQuantity: number;
    orderMultiple: number;
    leadTimeDays: number;
    stockUnits: number;
    active: boolean;
    lots: Array<{ id: string; code: string; harvestDate: string; availableUnits: number; baseName: string; inspectionNote: string | null }>;
  }>;
  images: Array<{ id: string; url: string; contentType: string }>;
}

export interface CartLineView {
  skuId: string;
  skuCode: string;
  productId: string;
  productNameZh: string;
  productNameEn: string | null;
  packingUnitZh: string;
  packingUnitEn: string | null;
  quantity: number;
  unitPriceFen: number;
  lineFen: number;
  stockUnits: number;
  minOrderQuantity: number;
  orderMultiple: number;
  leadTimeDays: number;
  /** Why this line cannot be ordered as it stands (null when it can). */
  problem: string | null;
}

export interface CartGroupView {
  supplierId: string;
  supplierName: string;
  supplierNameEn: string | null;
  produceFen: number;
  weightG: number;
  /** Present when a delivery site was given: the fee this supplier order would carry. */
  deliveryFeeFen: number | null;
  lines: CartLineView[];
}

/** How a buyer organisation purchases: the approval step and whether it may pay by invoice. */
export interface PurchasingSettingsView {
  organisationId: string;
  /** Orders above this produce amount (fen) wait for an approver, unless an approver places them; null = no approval step. */
  approvalThresholdFen: number | null;
  /** Days until an invoice falls due, when the operator approved paying by invoice on net terms; null = not approved. */
  netTermsDays: number | null;
  /** `paymentMethod: invoice` is accepted at checkout (net terms approved). */
  invoiceAllowed: boolean;
}

export interface CartView {
  organisationId: string;
  /** The organisation's purchasing settings: offer invoice only when `invoiceAllowed`. */
  purchasing: PurchasingSettingsView;
  /** Checking out this cart now would wait for an approver (above the threshold, and the caller is not one). */
  needsApproval: boolean;
  groups: CartGroupView[];
  produceFen: number;
  deliveryFeeFen: number | null;
  totalFen: number | null;
  currency: 'CNY';
  /** The earliest delivery date every line's lead time allows. */
  earliestDeliveryDate: string;
}

export interface QuickOrderLineReport {
  row: number;
  skuCode: string;
  quantity: number | null;
  status: 'added' | 'refused';
  reason: string | null;
}

export interface QuickOrderReport {
  added: number;
  refused: number;
  lines: QuickOrderLineReport[];
  cart: CartView;
}

export interface OrderLineView {
  id: string;
  lineNo: number;
  skuId: string;
  skuCode: string;
  productId: string;
  productNameZh: string;
  productNameEn: string | null;
  packingUnitZh: string;
  /** The SKU's English packing unit (read from the SKU as it is now; orders keep only the Chinese one). */
  packingUnitEn: string | null;
  quantity: number;
  unitPriceFen: number;
  lineFen: number;
  status: 'pending' | 'accepted' | 'rejected';
  receivedQuantity: number;
  shortQuantity: number;
  damagedQuantity: number;
  refundedFen: number;
  creditedFen: number;
  lots: Array<{ lotId: string; lotCode: string; harvestDate: string; quantity: number }>;
  receiptNote: string | null;
  /** `/api/order-lines/:id/receipt-photo` when a photo was uploaded (read it with the bearer token). */
  receiptPhotoUrl: string | null;
}

export interface SupplierOrderView {
  id: string;
  buyerOrderId: string;
  supplierId: string;
  supplierName: string;
  supplierNameEn: string | null;
  status: string;
  produceFen: number;
  deliveryFeeFen: number;
  distanceBand: string;
  weightG: number;
  carrier: string | null;
  trackingNo: string | null;
  shippedOn: string | null;
  receivedAt: string | null;
  evaluationRating: number | null;
  evaluationComment: string | null;
  lines: OrderLineView[];
}

export interface BuyerOrderView {
  id: string;
  number: string;
  organisationId: string;
  organisationName: string;
  status: string;
  paymentMethod: string;
  paymentStatus: string;
  deliverySite: { id: string; name: string; address: string; countyCode: string };
  deliveryDate: string;
  produceFen: number;
  deliveryFeeFen: number;
  totalFen: number;
  refundedFen: number;
  creditedFen: number;
  currency: 'CNY';
  note: string | null;
  placedBy: string;
  approvedBy: string | null;
  paymentDueAt: string | null;
  createdAt: string;
  paidAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Display names of who placed and who approved the order (for the approver's queue and the order page). */
  placedByName: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  supplierOrders: SupplierOrderView[];
  /** Money owed back to the buyer: a line short, damaged, rejected or cancelled, or a delivery fee. */
  claims: ClaimView[];
  /** Card and wallet orders: the refunds made (by claim, or of a payment the order could not take). */
  refunds: RefundView[];
  /** Invoice orders: credit notes against the order's invoice. */
  creditNotes: CreditNoteView[];
  /** Invoice orders: the invoice (null for card and wallet orders, and for a cooperative reading the order). */
  invoice: OrderInvoiceView | null;
}

export interface RefundView {
  id: string;
  /** The claim it settles; null for a payment refunded whole (it arrived late, or twice). */
  claimId: string | null;
  amountFen: number;
  /** pending → succeeded | failed */
  status: string;
  /** claim | late_payment | duplicate_payment */
  reason: string;
  createdAt: string;
  settledAt: string | null;
}

export interface CreditNoteView {
  id: string;
  invoiceId: string;
  claimId: string;
  amountFen: number;
  reason: string;
  createdAt: string;
}

/** The invoice of an order on net terms, as the order page shows it (the whole invoice: `GET /api/invoices/:id`). */
export interface OrderInvoiceView {
  id: string;
  /** draft → open → paid | void | uncollectible */
  status: string;
  number: string | null;
  amountFen: number;
  creditedFen: number;
  amountDueFen: number;
  dueDate: string | null;
}

export interface BuyerOrderSummary {
  id: string;
  number: string;
  status: string;
  paymentMethod: string;
  paymentStatus: string;
  deliveryDate: string;
  totalFen: number;
  produceFen: number;
  supplierCount: number;
  lineCount: number;
  createdAt: string;
  placedByName: string | null;
  deliverySiteName: string;
  /** Awaiting payment: the payment deadline; awaiting approval: when the order lapses unapproved. */
  paymentDueAt: string | null;
}

/** A line as fulfilment shows it: the order line with what the buyer recorded on receipt. */
export interface FulfilmentLineView extends OrderLineView {
  receivedAt: string | null;
}

/** Money owed back to the buyer for a line (short, damaged, rejected, cancelled) or a delivery fee; settled by refund or credit note. */
export interface ClaimView {
  id: string;
  supplierOrderId: string;
  orderLineId: string | null;
  reason: 'short' | 'damaged' | 'rejected' | 'cancelled' | 'delivery_fee';
  quantity: number;
  amountFen: number;
  /** open → refunded | credited | waived */
  status: string;
  note: string | null;
  createdAt: string;
  settledAt: string | null;
}

/** One cooperative's part of a buyer order, as the cooperative and the buyer work on it. */
export interface SupplierOrderDetailView extends Omit<SupplierOrderView, 'lines'> {
  buyerOrderNumber: string;
  buyerOrderStatus: string;
  buyerOrganisationId: string;
  buyerOrganisationName: string;
  paymentMethod: string;
  paymentStatus: string;
  deliverySite: { id: string; name: string; address: string; countyCode: string; receivingHours: string | null };
  deliveryDate: string;
  placedAt: string;
  evaluatedAt: string | null;
  /** When the buyer order completed (received, paid, evaluated where asked). */
  completedAt: string | null;
  lines: FulfilmentLineView[];
  claims: ClaimView[];
}

export interface SupplierOrderSummary {
  id: string;
  buyerOrderId: string;
  buyerOrderNumber: string;
  buyerOrganisationName: string;
  status: string;
  deliveryDate: string;
  deliverySiteName: string;
  produceFen: number;
  deliveryFeeFen: number;
  lineCount: number;
  createdAt: string;
  shippedOn: string | null;
  receivedAt: string | null;
}

/** What to pick for accepted, unshipped lines: per SKU with the lots the units were reserved from, and per delivery site. */
/** `GET /api/suppliers/:id/buyers`: a buyer organisation the cooperative trades with (orders, agreements or commitments). */
export interface SupplierBuyerView {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly buyerType: string | null;
  /** The supplier orders it has placed with the cooperative (any status). */
  readonly orders: number;
  readonly agreements: number;
  readonly commitments: number;
  readonly lastOrderAt: string | null;
}

export interface PickListView {
  supplierId: string;
  deliveryDate: string | null;
  skus: Array<{
    skuId: string;
    skuCode: string;
    productNameZh: string;
    packingUnitZh: string;
    quantity: number;
    lots: Array<{ lotId: string; lotCode: string; harvestDate: string; quantity: number }>;
    sites: Array<{ siteId: string; siteName: string; deliveryDate: string; quantity: number }>;
  }>;
  sites: Array<{
    siteId: string;
    siteName: string;
    address: string;
    receivingHours: string | null;
    buyerOrganisationName: string;
    deliveryDate: string;
    supplierOrders: Array<{ id: string; buyerOrderNumber: string }>;
    lines: Array<{ orderLineId: string; skuCode: string; productNameZh: string; packingUnitZh: string; quantity: number }>;
  }>;
}
