/**
 * Query keys of everything the portal reads. Everything is the signed-in organisation's (or its jurisdiction's)
 * and is cleared on sign-out; mutations invalidate by these prefixes.
 */
export const keys = {
  organisation: (id: string) => ['organisation', id] as const,
  organisations: (kind: string, status: string) => ['organisations', kind, status] as const,
  allOrganisations: () => ['organisations'] as const,
  bases: (organisationId: string) => ['organisation', organisationId, 'bases'] as const,
  categories: () => ['categories'] as const,
  division: (code: string) => ['division', code] as const,
  divisionChildren: (parent: string) => ['division-children', parent] as const,
  helped: (code: string) => ['helped', code] as const,
  products: (supplierId: string) => ['products', supplierId] as const,
  product: (id: string) => ['product', id] as const,
  allProducts: () => ['product'] as const,
  lots: (skuId: string) => ['lots', skuId] as const,
  allLots: () => ['lots'] as const,
  certifications: (status: string) => ['certifications', status] as const,
  allCertifications: () => ['certifications'] as const,
  /** Under `allCertifications()`, so decisions refresh it too. */
  certification: (id: string) => ['certifications', 'detail', id] as const,
  documents: (ownerKind: 'certification' | 'organisation', ownerId: string) => ['documents', ownerKind, ownerId] as const,
  supplierOrders: (supplierId: string, status: string, deliveryDate: string, page: number) => ['supplier-orders', supplierId, status, deliveryDate, page] as const,
  allSupplierOrders: () => ['supplier-orders'] as const,
  supplierOrder: (id: string) => ['supplier-order', id] as const,
  pickList: (supplierId: string, deliveryDate: string) => ['pick-list', supplierId, deliveryDate] as const,
  allPickLists: () => ['pick-list'] as const,
  settlement: (supplierId: string, page: number) => ['settlement', supplierId, page] as const,
};
