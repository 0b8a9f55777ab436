import type { ProductDetail, SessionView, UserView } from '@shanhai/contract';
import type { OrganisationView, ProductionBaseView, SupplierProductView } from '../api/views';

export const COOP_ID = '11111111-1111-4111-8111-111111111111';
export const JURISDICTION_ID = '22222222-2222-4222-8222-222222222222';
export const BUYER_ID = '33333333-3333-4333-8333-333333333333';
export const PRODUCT_ID = '44444444-4444-4444-8444-444444444444';
export const SKU_ID = '55555555-5555-4555-8555-555555555555';
export const LOT_ID = '66666666-6666-4666-8666-666666666666';
export const BASE_ID = '77777777-7777-4777-8777-777777777777';

export const COOP_USER: UserView = {
  id: 'u-coop',
  email: 'potato@demo.shanhai.cn',
  displayName: '合作社管理员',
  locale: 'zh-CN',
  memberships: [
    { organisationId: COOP_ID, organisationKind: 'supplier', organisationName: '青崖县高山马铃薯专业合作社', role: 'supplier_admin', divisionCode: '629801' },
    { organisationId: COOP_ID, organisationKind: 'supplier', organisationName: '青崖县高山马铃薯专业合作社', role: 'supplier_staff', divisionCode: '629801' },
  ],
};

export const OFFICIAL_USER: UserView = {
  id: 'u-official',
  email: 'official-west@demo.shanhai.cn',
  displayName: '马科长',
  locale: 'zh-CN',
  memberships: [{ organisationId: JURISDICTION_ID, organisationKind: 'jurisdiction', organisationName: '云岭州乡村振兴局', role: 'official', divisionCode: '629800' }],
};

export const BUYER_USER: UserView = {
  id: 'u-buyer',
  email: 'school@demo.shanhai.cn',
  displayName: '采购员',
  locale: 'zh-CN',
  memberships: [{ organisationId: BUYER_ID, organisationKind: 'buyer', organisationName: '东澜市第一中学', role: 'buyer_purchaser', divisionCode: null }],
};

export const sessionFor = (user: UserView): SessionView => ({ token: 'shs_test_token', expiresAt: '2099-12-31T00:00:00.000Z', user });

export const COOP_ORG: OrganisationView = {
  id: COOP_ID,
  kind: 'supplier',
  name: '青崖县高山马铃薯专业合作社',
  nameEn: 'Qingya Highland Potato Cooperative',
  creditCode: '91339800MA0000006X',
  supplierType: 'cooperative',
  divisionCode: '629801',
  verificationStatus: 'verified',
  verificationNote: '营业执照、基地和带农台账已核验',
  verifiedAt: '2026-01-05T02:00:00.000Z',
  householdsLifted: 186,
  householdsMonitored: 24,
  householdsAtRisk: 9,
  contactName: '合作社理事长',
  contactPhone: '0932-5550100',
  description: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const BASES: ProductionBaseView[] = [
  { id: BASE_ID, organisationId: COOP_ID, name: '青崖山高山基地', countyCode: '629801', address: null, areaM2: 400000, createdAt: '2026-01-01T00:00:00.000Z' },
  { id: '88888888-8888-4888-8888-888888888888', organisationId: COOP_ID, name: '河谷基地', countyCode: '629801', address: null, areaM2: 120000, createdAt: '2026-01-01T00:00:00.000Z' },
];

export const PRODUCT_ROW: SupplierProductView = {
  id: PRODUCT_ID,
  supplierId: COOP_ID,
  categoryId: 1,
  originCountyCode: '629801',
  nameZh: '高山黄心土豆',
  nameEn: 'Highland yellow potatoes',
  grade: '一级',
  spec: '单个150克以上',
  storageClass: 'ambient',
  status: 'active',
  visible: true,
  minPriceFen: 4500,
  stockUnits: 340,
  certifiedFrom: '2026-01-01',
  certifiedUntil: '2028-01-01',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const PRODUCT_DETAIL: ProductDetail = {
  id: PRODUCT_ID,
  status: 'active',
  visible: true,
  nameZh: '高山黄心土豆',
  nameEn: 'Highland yellow potatoes',
  descriptionZh: null,
  descriptionEn: null,
  grade: '一级',
  spec: '单个150克以上',
  storageClass: 'ambient',
  shelfLifeDays: 60,
  seasons: [8, 9, 10],
  category: { code: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes' },
  origin: [
    { code: '620000', name: '甘肃省', nameEn: 'Gansu', level: 'province', parentCode: null },
    { code: '629800', name: '云岭州', nameEn: 'Yunling Prefecture', level: 'prefecture', parentCode: '620000' },
    { code: '629801', name: '青崖县', nameEn: 'Qingya County', level: 'county', parentCode: '629800' },
  ],
  supplier: { id: COOP_ID, name: COOP_ORG.name, nameEn: COOP_ORG.nameEn, countyCode: '629801', verified: true, householdsLifted: 186, householdsMonitored: 24, householdsAtRisk: 9 },
  certificate: null,
  skus: [
    {
      id: SKU_ID,
      code: 'POTATO-01-1',
      packingUnitZh: '10公斤箱',
      packingUnitEn: '10 kg case',
      netWeightG: 10000,
      priceFen: 4500,
      currency: 'CNY',
      priceTiers: [{ minQuantity: 50, unitPriceFen: 4200 }],
      minOrderQuantity: 2,
      orderMultiple: 1,
      leadTimeDays: 2,
      stockUnits: 340,
      active: true,
      lots: [{ id: LOT_ID, code: 'POTATO-01-1-L1', harvestDate: '2026-08-01', availableUnits: 40, baseName: '青崖山高山基地', inspectionNote: null }],
    },
  ],
  images: [],
};

export const CATEGORIES = [
  { id: 1, code: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes' },
  { id: 2, code: 'vegetables', nameZh: '蔬菜', nameEn: 'Vegetables' },
];

export const COUNTIES = [
  { code: '629801', name: '青崖县', nameEn: 'Qingya County', level: 'county', parentCode: '629800' },
  { code: '629802', name: '白石县', nameEn: 'Baishi County', level: 'county', parentCode: '629800' },
];
