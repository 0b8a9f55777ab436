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
