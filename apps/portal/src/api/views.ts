/**
 * Response shapes of endpoints that return their TypeORM entities as JSON and so have no view in
 * `@shanhai/contract` yet. Only the fields the portal reads are listed; move them into the contract when the
 * API adopts views for them (see the list in docs/portal.md).
 */
import type { ApiComponents, DivisionView, SupplierOrderSummary } from '@shanhai/contract';
import type { PriceTier } from '@shanhai/domain';

export interface OrganisationView {
  readonly id: string;
  readonly kind: 'buyer' | 'supplier' | 'jurisdiction' | 'operator';
  readonly name: string;
  readonly nameEn: string | null;
  readonly creditCode: string | null;
  readonly supplierType: string | null;
  /** Supplier: its county. Jurisdiction: the division it governs. */
  readonly divisionCode: string | null;
  readonly verificationStatus: 'pending' | 'verified' | 'rejected';
  readonly verificationNote: string | null;
  readonly verifiedAt: string | null;
  readonly householdsLifted: number;
  readonly householdsMonitored: number;
  readonly householdsAtRisk: number;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly description: string | null;
  readonly createdAt: string;
}

export interface ProductionBaseView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly countyCode: string;
  readonly address: string | null;
  readonly areaM2: number | null;
  readonly createdAt: string;
}

export interface CategoryView {
  readonly id: number;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** A supplier's own product as `GET /api/suppliers/:id/products` lists it (drafts included). */
export interface SupplierProductView {
  readonly id: string;
  readonly supplierId: string;
  readonly categoryId: number;
  readonly originCountyCode: string;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly grade: string | null;
  readonly spec: string | null;
  readonly storageClass: string;
  readonly status: 'draft' | 'active' | 'archived';
  readonly visible: boolean;
  readonly minPriceFen: number | null;
  readonly stockUnits: number;
  readonly certifiedFrom: string | null;
  readonly certifiedUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SkuView {
  readonly id: string;
  readonly productId: string;
  readonly code: string;
  readonly packingUnitZh: string;
  readonly packingUnitEn: string | null;
  readonly netWeightG: number;
  readonly priceFen: number;
  readonly priceTiers: PriceTier[];
  readonly minOrderQuantity: number;
  readonly orderMultiple: number;
  readonly leadTimeDays: number;
  readonly stockUnits: number;
  readonly active: boolean;
}

export interface LotView {
  readonly id: string;
  readonly skuId: string;
  readonly baseId: string;
  readonly code: string;
  readonly harvestDate: string;
  readonly quantityUnits: number;
  readonly availableUnits: number;
  readonly inspectionNote: string | null;
  readonly createdAt: string;
}

export interface CertificationView {
  readonly id: string;
  readonly productId: string;
  readonly supplierId: string;
  readonly countyCode: string;
  /** applied → certified | rejected; certified → revoked */
  readonly status: 'applied' | 'certified' | 'rejected' | 'revoked';
  readonly evidence: string | null;
  readonly appliedAt: string;
  readonly certificateNo: string | null;
  readonly authority: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly householdsReached: number | null;
  readonly incomeModes: string[];
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly revokedOn: string | null;
  readonly productNameZh: string;
  readonly productNameEn: string | null;
  readonly supplierName: string;
  readonly supplierNameEn: string | null;
}

/** `GET /api/certifications/:id`: the application with its evidence documents. */
export interface CertificationDetailView extends CertificationView {
  readonly documents: EvidenceDocumentView[];
}

export interface SupplierOrderPage {
  readonly items: SupplierOrderSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface DivisionDetailView extends DivisionView {
  readonly path: DivisionView[];
}

export interface ImageUploadView {
  readonly id: string;
  readonly url: string;
  readonly contentType: string;
}

export interface HelpedView {
  readonly countyCode: string;
  readonly helped: boolean;
  readonly pairings: Array<{ id: string; name: string; nameEn: string | null }>;
}

/** An evidence document (证明材料) of an application or a supplier; the bytes need the bearer token. */
export type EvidenceDocumentView = ApiComponents['schemas']['EvidenceDocumentView'];
