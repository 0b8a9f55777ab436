import type { CatalogItem, CatalogPage, PairingView, ProductDetail, SessionView } from '@shanhai/contract';

export const POTATO_ID = '9c262f72-eefd-468f-87dd-5029e56a7f1b';
export const SUPPLIER_ID = '5d9fb077-ba40-4c00-a318-e0f65888b4d3';
export const BUYER_ORG_ID = 'dd69e5d2-94a8-48fc-883c-8535478a9438';

export function catalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id: POTATO_ID,
    nameZh: '高山黄心土豆',
    nameEn: 'Highland yellow-flesh potatoes',
    categoryCode: 'potatoes',
    categoryNameZh: '薯类',
    categoryNameEn: 'Potatoes and tubers',
    originCountyCode: '629801',
    originCountyName: '青崖县',
    originProvinceCode: '620000',
    originProvinceName: '甘肃省',
    supplierId: SUPPLIER_ID,
    supplierName: '青崖县高山马铃薯专业合作社',
    supplierNameEn: 'Qingya Highland Potato Cooperative',
    grade: '一级',
    spec: '单个150-300克',
    storageClass: 'ambient',
    seasons: [8, 9, 10, 11],
    minPriceFen: 3800,
    currency: 'CNY',
    stockUnits: 340,
    inStock: true,
    certified: true,
    imageUrl: null,
    ...overrides,
  };
}

export function catalogPage(items: CatalogItem[], overrides: Partial<CatalogPage> = {}): CatalogPage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 24,
    facets: {
      categories: [
        { key: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes and tubers', count: 3 },
        { key: 'fruit', nameZh: '水果', nameEn: 'Fruit', count: 5 },
      ],
      provinces: [{ key: '620000', name: '甘肃省', count: 8 }],
      counties: [
        { key: '629801', name: '青崖县', count: 5 },
        { key: '629802', name: '白石县', count: 3 },
      ],
      storage: [
        { key: 'ambient', count: 6 },
        { key: 'chilled', count: 2 },
      ],
      certified: { yes: 7, no: 1 },
      inStock: { yes: 8, no: 0 },
      price: { minFen: 3200, maxFen: 76000 },
    },
    ...overrides,
  };
}

export function productDetail(overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    id: POTATO_ID,
    status: 'active',
    visible: true,
    nameZh: '高山黄心土豆',
    nameEn: 'Highland yellow-flesh potatoes',
    descriptionZh: '高山黄心土豆，产自云岭州高海拔山区。',
    descriptionEn: 'Highland yellow-flesh potatoes, grown in the highlands of Yunling Prefecture.',
    grade: '一级',
    spec: '单个150-300克',
    storageClass: 'ambient',
    shelfLifeDays: 120,
    seasons: [8, 9, 10, 11],
    category: { code: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes and tubers' },
    origin: [
      { code: '620000', name: '甘肃省', nameEn: null, level: 'province', parentCode: null },
      { code: '629800', name: '云岭州', nameEn: 'Yunling Prefecture', level: 'prefecture', parentCode: '620000' },
      { code: '629801', name: '青崖县', nameEn: 'Qingya County', level: 'county', parentCode: '629800' },
    ],
    supplier: {
      id: SUPPLIER_ID,
      name: '青崖县高山马铃薯专业合作社',
      nameEn: 'Qingya Highland Potato Cooperative',
      countyCode: '629801',
      verified: true,
      householdsLifted: 186,
      householdsMonitored: 24,
      householdsAtRisk: 9,
    },
    certificate: {
      certificateNo: '云岭帮认〔2026〕0001号',
      authority: '云岭州乡村振兴局',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      revokedOn: null,
      householdsReached: 210,
      incomeModes: ['wages', 'operating'],
      certifiedToday: true,
    },
    skus: [
      {
        id: '2e864f74-4f48-406f-b9dc-baece690792d',
        code: 'POTATO-01-1',
        packingUnitZh: '10公斤箱',
        packingUnitEn: '10 kg case',
        netWeightG: 10_000,
        priceFen: 3800,
        currency: 'CNY',
        priceTiers: [
          { minQuantity: 50, unitPriceFen: 3500 },
          { minQuantity: 200, unitPriceFen: 3200 },
        ],
        minOrderQuantity: 5,
        orderMultiple: 5,
        leadTimeDays: 2,
        stockUnits: 340,
        active: true,
        lots: [
          { id: 'cd357dcc-c73f-4a95-be18-91dd7f2112dd', code: 'POTATO-01-1-L1', harvestDate: '2026-09-30', availableUnits: 40, baseName: '青崖县石门村马铃薯基地', inspectionNote: '农残快检合格' },
          { id: '44d066ac-bb46-4785-a37c-9d46eaef73f7', code: 'POTATO-01-1-L2', harvestDate: '2026-11-17', availableUnits: 300, baseName: '青崖县梁家坪种薯基地', inspectionNote: null },
        ],
      },
    ],
    images: [],
    ...overrides,
  };
}

export const PAIRINGS: PairingView[] = [
  {
    id: 'a1b6d063-8780-43eb-b018-a369217cfc3a',
    name: '海滨市—北山县东西部协作',
    nameEn: 'Haibin–Beishan collaboration',
    eastDivisionCode: '339900',
    eastDivisionName: '海滨市',
    validFrom: '2021-01-01',
    validTo: null,
    counties: [{ countyCode: '629901', countyName: '北山县', validFrom: '2021-01-01', validTo: null }],
  },
  {
    id: 'e1b6d063-8780-43eb-b018-a369217cfc3a',
    name: '东澜市—云岭州东西部协作',
    nameEn: 'Donglan–Yunling East–West collaboration',
    eastDivisionCode: '339800',
    eastDivisionName: '东澜市',
    validFrom: '2021-01-01',
    validTo: null,
    counties: [
      { countyCode: '629801', countyName: '青崖县', validFrom: '2021-01-01', validTo: null },
      { countyCode: '629802', countyName: '白石县', validFrom: '2021-01-01', validTo: null },
    ],
  },
];

export const SCHOOL_SESSION: SessionView = {
  token: 'shs_test_token',
  expiresAt: '2099-12-31T00:00:00.000Z',
  user: {
    id: '86aa2488-631b-4cb8-b1d3-246f828b6e4c',
    email: 'school@demo.shanhai.cn',
    displayName: '东澜市第一中学 采购员',
    locale: 'zh-CN',
    memberships: [
      { organisationId: BUYER_ORG_ID, organisationKind: 'buyer', organisationName: '东澜市第一中学', role: 'buyer_purchaser', divisionCode: null },
      { organisationId: BUYER_ORG_ID, organisationKind: 'buyer', organisationName: '东澜市第一中学', role: 'buyer_admin', divisionCode: null },
    ],
  },
};

export const SCHOOL_SITES = [
  { id: 'c01044fe-acb4-4bfb-b937-1ff0f3a3f9dd', organisationId: BUYER_ORG_ID, name: '学生食堂 (东校区)', address: '东澜市澜湾区学府路 1 号', countyCode: '339801', receivingHours: '06:00-08:30' },
];
