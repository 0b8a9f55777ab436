import type { UserView } from '@shanhai/contract';
import { BASES, CATEGORIES, COOP_ID, COOP_ORG, COOP_USER, COUNTIES, JURISDICTION_ID, OFFICIAL_USER, PRODUCT_DETAIL, PRODUCT_ID, PRODUCT_ROW } from './fixtures';
import { fakeApi, json, type FakeApi, type Handler } from './fake-api';

const emptyPage = { items: [], total: 0, page: 1, pageSize: 20 };

/** A fake API signed in as `user`, answering what the shell and the overview ask, plus `routes`. */
export function portalApi(user: UserView, routes: Record<string, Handler> = {}): FakeApi {
  return fakeApi({
    'GET /api/auth/me': () => json(user),
    'POST /api/auth/sign-out': () => new Response(null, { status: 204 }),
    [`GET /api/organisations/${COOP_ID}`]: () => json(COOP_ORG),
    [`GET /api/organisations/${JURISDICTION_ID}`]: () => json({ ...COOP_ORG, id: JURISDICTION_ID, kind: 'jurisdiction', name: '云岭州乡村振兴局', nameEn: 'Yunling Rural Revitalisation Bureau' }),
    [`GET /api/organisations/${COOP_ID}/production-bases`]: () => json(BASES),
    [`GET /api/organisations/${COOP_ID}/documents`]: () => json([]),
    'GET /api/supplier-orders': () => json(emptyPage),
    [`GET /api/suppliers/${COOP_ID}/settlement`]: () =>
      json({ supplierId: COOP_ID, supplierName: COOP_ORG.name, currency: 'CNY', earnedFen: 0, adjustmentsFen: 0, paidOutFen: 0, owedFen: 0, entries: [], total: 0, page: 1, pageSize: 20 }),
    [`GET /api/suppliers/${COOP_ID}/products`]: () => json([PRODUCT_ROW]),
    [`GET /api/catalog/products/${PRODUCT_ID}`]: () => json(PRODUCT_DETAIL),
    'GET /api/categories': () => json(CATEGORIES),
    'GET /api/divisions': () => json(COUNTIES),
    'GET /api/organisations': () => json([]),
    'GET /api/certifications': () => json([]),
    ...routes,
  });
}

export const cooperativeApi = (routes: Record<string, Handler> = {}) => portalApi(COOP_USER, routes);
export const officialApi = (routes: Record<string, Handler> = {}) => portalApi(OFFICIAL_USER, routes);
