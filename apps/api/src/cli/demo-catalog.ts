import type { StorageClass } from '@shanhai/domain';

/** [unit zh, unit en, net grams, price fen, tiers [[min qty, fen]], min order, multiple, lead days] */
export type DemoSku = [string, string, number, number, Array<[number, number]>, number, number, number];

export interface DemoProduct {
  nameZh: string;
  nameEn: string;
  category: string;
  grade: string;
  spec: string;
  storage: StorageClass;
  shelfLifeDays: number;
  seasons: number[];
  descriptionZh: string;
  descriptionEn: string;
  skus: DemoSku[];
  certified: boolean;
}

export interface DemoSupplier {
  key: string;
  name: string;
  nameEn: string;
  type: 'cooperative' | 'enterprise' | 'family_farm';
  county: string;
  verified: boolean;
  households: [number, number, number];
  bases: Array<{ name: string; areaM2: number }>;
  email: string;
  products: DemoProduct[];
}

const p = (
  nameZh: string,
  nameEn: string,
  category: string,
  grade: string,
  spec: string,
  storage: StorageClass,
  shelfLifeDays: number,
  seasons: number[],
  skus: DemoSku[],
  certified = true,
): DemoProduct => ({
  nameZh,
  nameEn,
  category,
  grade,
  spec,
  storage,
  shelfLifeDays,
  seasons,
  skus,
  certified,
  descriptionZh: `${nameZh}，产自云岭州高海拔山区，合作社统一种养、统一分级，按批次可追溯。`,
  descriptionEn: `${nameEn}, grown in the highlands of Yunling Prefecture, graded by the cooperative and traceable by lot.`,
});

const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export const DEMO_SUPPLIERS: DemoSupplier[] = [
  {
    key: 'potato',
    name: '青崖县高山马铃薯专业合作社',
    nameEn: 'Qingya Highland Potato Cooperative',
    type: 'cooperative',
    county: '629801',
    verified: true,
    households: [186, 24, 9],
    bases: [{ name: '青崖县石门村马铃薯基地', areaM2: 1_200_000 }, { name: '青崖县梁家坪种薯基地', areaM2: 400_000 }],
    email: 'potato@demo.shanhai.cn',
    products: [
      p('高山黄心土豆', 'Highland yellow-flesh potatoes', 'potatoes', '一级', '单个150-300克', 'ambient', 120, [8, 9, 10, 11], [
        ['10公斤箱', '10 kg case', 10_000, 3_800, [[50, 3_500], [200, 3_200]], 5, 5, 2],
        ['25公斤袋', '25 kg sack', 25_000, 8_500, [[40, 8_000]], 4, 2, 2],
      ]),
      p('青崖马铃薯 (土豆) 大个', 'Qingya large potatoes', 'potatoes', '特级', '单个300克以上', 'ambient', 120, [8, 9, 10, 11], [
        ['10公斤箱', '10 kg case', 10_000, 4_600, [[50, 4_300]], 2, 1, 2],
      ]),
      p('紫皮土豆', 'Purple-skin potatoes', 'potatoes', '一级', '单个100-250克', 'ambient', 100, [9, 10], [
        ['5公斤箱', '5 kg case', 5_000, 3_200, [[100, 2_900]], 4, 2, 3],
      ]),
      p('马铃薯宽粉条', 'Potato starch noodles', 'processed', '一级', '500克/袋', 'ambient', 540, ALL_YEAR, [
        ['20袋箱', 'case of 20 bags', 10_000, 12_000, [[30, 11_000]], 1, 1, 3],
      ]),
      p('马铃薯淀粉', 'Potato starch', 'processed', '优级', '1公斤/袋', 'ambient', 720, ALL_YEAR, [
        ['10袋箱', 'case of 10 bags', 10_000, 9_800, [], 1, 1, 3],
      ]),
      p('种薯 (脱毒原种)', 'Virus-free seed potatoes', 'potatoes', '原种', '单个30-60克', 'ambient', 90, [2, 3, 4], [
        ['25公斤袋', '25 kg sack', 25_000, 15_000, [], 2, 2, 5],
      ], false),
      p('高原胡萝卜', 'Highland carrots', 'vegetables', '一级', '长15-20厘米', 'chilled', 30, [7, 8, 9, 10], [
        ['10公斤箱', '10 kg case', 10_000, 3_000, [[60, 2_700]], 5, 5, 2],
      ]),
      p('白萝卜', 'White radish', 'vegetables', '一级', '单根0.8-1.5公斤', 'chilled', 25, [9, 10, 11], [
        ['15公斤箱', '15 kg case', 15_000, 3_300, [], 2, 1, 2],
      ]),
    ],
  },
  {
    key: 'apple',
    name: '青崖县岭上苹果种植合作社',
    nameEn: 'Qingya Lingshang Apple Cooperative',
    type: 'cooperative',
    county: '629801',
    verified: true,
    households: [142, 18, 6],
    bases: [{ name: '青崖县岭上村苹果园', areaM2: 900_000 }],
    email: 'apple@demo.shanhai.cn',
    products: [
      p('岭上红富士苹果', 'Lingshang Red Fuji apples', 'fruit', '一级', '果径80毫米以上', 'chilled', 120, [10, 11, 12, 1], [
        ['10公斤箱', '10 kg case', 10_000, 9_800, [[30, 9_200], [100, 8_800]], 2, 1, 2],
        ['5公斤礼盒', '5 kg gift box', 5_000, 6_800, [[50, 6_200]], 5, 5, 3],
      ]),
      p('花牛苹果', 'Huaniu apples', 'fruit', '一级', '果径75毫米以上', 'chilled', 90, [9, 10, 11], [
        ['10公斤箱', '10 kg case', 10_000, 10_800, [[30, 10_000]], 2, 1, 2],
      ]),
      p('高原苹果 (食堂用果)', 'Highland apples, canteen grade', 'fruit', '二级', '果径70-80毫米', 'chilled', 90, [10, 11, 12, 1, 2], [
        ['15公斤箱', '15 kg case', 15_000, 9_000, [[40, 8_400]], 4, 2, 2],
      ]),
      p('苹果干', 'Dried apple chips', 'processed', '一级', '250克/袋', 'ambient', 365, ALL_YEAR, [
        ['40袋箱', 'case of 40 bags', 10_000, 32_000, [], 1, 1, 3],
      ]),
      p('鲜榨苹果汁', 'Pressed apple juice', 'processed', '一级', '1升/瓶', 'chilled', 30, ALL_YEAR, [
        ['12瓶箱', 'case of 12 bottles', 12_600, 14_400, [[20, 13_200]], 1, 1, 4],
      ]),
      p('黄元帅苹果', 'Golden Delicious apples', 'fruit', '一级', '果径75毫米以上', 'chilled', 60, [9, 10], [
        ['10公斤箱', '10 kg case', 10_000, 8_800, [], 2, 1, 2],
      ], false),
      p('苹果醋', 'Apple cider vinegar', 'processed', '一级', '500毫升/瓶', 'ambient', 720, ALL_YEAR, [
        ['12瓶箱', 'case of 12 bottles', 6_600, 9_600, [], 1, 1, 4],
      ]),
      p('新鲜核桃', 'Fresh walnuts', 'fruit', '一级', '青皮去壳', 'chilled', 20, [8, 9], [
        ['5公斤箱', '5 kg case', 5_000, 12_500, [], 2, 1, 3],
      ]),
    ],
  },
  {
    key: 'buckwheat',
    name: '白石县荞麦杂粮种植合作社',
    nameEn: 'Baishi Buckwheat and Grains Cooperative',
    type: 'cooperative',
    county: '629802',
    verified: true,
    households: [208, 31, 12],
    bases: [{ name: '白石县高山荞麦基地', areaM2: 1_600_000 }, { name: '白石县燕麦示范田', areaM2: 500_000 }],
    email: 'buckwheat@demo.shanhai.cn',
    products: [
      p('高山苦荞麦', 'Highland tartary buckwheat', 'grains', '一级', '去壳', 'ambient', 365, [9, 10], [
        ['25公斤袋', '25 kg sack', 25_000, 16_000, [[20, 15_000]], 1, 1, 3],
        ['5公斤袋', '5 kg bag', 5_000, 3_900, [[50, 3_600]], 5, 5, 3],
      ]),
      p('甜荞面粉', 'Sweet buckwheat flour', 'grains', '一级', '石磨', 'ambient', 270, ALL_YEAR, [
        ['10公斤袋', '10 kg bag', 10_000, 7_600, [[30, 7_000]], 2, 1, 3],
      ]),
      p('苦荞茶', 'Tartary buckwheat tea', 'processed', '特级', '300克/罐', 'ambient', 540, ALL_YEAR, [
        ['24罐箱', 'case of 24 tins', 7_200, 57_600, [[10, 52_800]], 1, 1, 4],
      ]),
      p('莜麦 (裸燕麦)', 'Naked oats', 'grains', '一级', '去杂', 'ambient', 365, [8, 9], [
        ['25公斤袋', '25 kg sack', 25_000, 13_500, [], 1, 1, 3],
      ]),
      p('燕麦米', 'Oat rice', 'grains', '一级', '真空包装', 'ambient', 365, ALL_YEAR, [
        ['10公斤箱', '10 kg case', 10_000, 9_900, [[30, 9_300]], 2, 1, 3],
      ]),
      p('小米 (黄小米)', 'Yellow millet', 'grains', '一级', '新米', 'ambient', 300, [9, 10, 11], [
        ['10公斤袋', '10 kg bag', 10_000, 8_200, [[50, 7_600]], 2, 1, 3],
      ]),
      p('荞麦挂面', 'Buckwheat noodles', 'processed', '一级', '1公斤/袋', 'ambient', 365, ALL_YEAR, [
        ['10袋箱', 'case of 10 bags', 10_000, 6_800, [[40, 6_200]], 2, 2, 3],
      ]),
      p('红小豆', 'Red beans', 'grains', '二级', '颗粒饱满', 'ambient', 365, [9, 10], [
        ['25公斤袋', '25 kg sack', 25_000, 21_000, [], 1, 1, 3],
      ], false),
    ],
  },
  {
    key: 'herbs',
    name: '白石县党参中药材专业合作社',
    nameEn: 'Baishi Codonopsis Herbal Cooperative',
    type: 'cooperative',
    county: '629802',
    verified: true,
    households: [96, 14, 5],
    bases: [{ name: '白石县阴坡党参基地', areaM2: 700_000 }],
    email: 'herbs@demo.shanhai.cn',
    products: [
      p('白条党参', 'Codonopsis root, white strips', 'herbs', '一等', '条长25厘米以上', 'ambient', 720, [10, 11], [
        ['1公斤袋', '1 kg bag', 1_000, 16_800, [[20, 15_500], [100, 14_800]], 2, 1, 5],
      ]),
      p('党参切片', 'Sliced codonopsis', 'herbs', '统货', '2-3毫米片', 'ambient', 540, ALL_YEAR, [
        ['500克袋', '500 g bag', 500, 9_800, [[40, 9_000]], 4, 2, 5],
      ]),
      p('黄芪', 'Astragalus root', 'herbs', '一等', '条长30厘米以上', 'ambient', 720, [10, 11], [
        ['1公斤袋', '1 kg bag', 1_000, 13_600, [[20, 12_600]], 2, 1, 5],
      ]),
      p('当归', 'Angelica root', 'herbs', '二等', '全归', 'ambient', 540, [10, 11], [
        ['1公斤袋', '1 kg bag', 1_000, 18_600, [], 1, 1, 5],
      ]),
      p('枸杞', 'Goji berries', 'herbs', '特级', '280粒/50克', 'ambient', 365, [7, 8, 9], [
        ['500克袋', '500 g bag', 500, 6_800, [[50, 6_200]], 4, 2, 4],
      ]),
      p('党参蜂蜜', 'Codonopsis blossom honey', 'processed', '一级', '500克/瓶', 'ambient', 720, ALL_YEAR, [
        ['12瓶箱', 'case of 12 jars', 6_000, 57_600, [], 1, 1, 4],
      ]),
      p('柴胡', 'Bupleurum root', 'herbs', '统货', '去芦头', 'ambient', 540, [9, 10], [
        ['1公斤袋', '1 kg bag', 1_000, 9_600, [], 2, 1, 5],
      ], false),
      p('甘草片', 'Liquorice slices', 'herbs', '统货', '斜片', 'ambient', 720, ALL_YEAR, [
        ['1公斤袋', '1 kg bag', 1_000, 6_800, [], 2, 1, 5],
      ]),
    ],
  },
  {
    key: 'beef',
    name: '白石县云岭牧业家庭农场',
    nameEn: 'Baishi Yunling Livestock Family Farm',
    type: 'family_farm',
    county: '629802',
    verified: true,
    households: [48, 9, 3],
    bases: [{ name: '白石县草场牧业基地', areaM2: 3_000_000 }],
    email: 'beef@demo.shanhai.cn',
    products: [
      p('高原牦牛肉 (冷冻)', 'Frozen highland yak beef', 'livestock', '一级', '后腿肉', 'frozen', 365, ALL_YEAR, [
        ['5公斤箱', '5 kg case', 5_000, 56_000, [[20, 52_000]], 2, 1, 4],
      ]),
      p('冷鲜牛腩', 'Chilled beef brisket', 'livestock', '一级', '分割', 'chilled', 7, ALL_YEAR, [
        ['5公斤箱', '5 kg case', 5_000, 42_000, [[20, 39_500]], 2, 1, 2],
      ]),
      p('滩羊肉 (冷冻)', 'Frozen Tan lamb', 'livestock', '一级', '带骨', 'frozen', 365, ALL_YEAR, [
        ['5公斤箱', '5 kg case', 5_000, 45_000, [], 2, 1, 4],
      ]),
      p('土鸡蛋', 'Free-range eggs', 'livestock', '一级', '单枚50克以上', 'chilled', 30, ALL_YEAR, [
        ['360枚箱', 'case of 360', 18_000, 54_000, [[20, 50_400]], 1, 1, 2],
      ]),
      p('牛肉干', 'Beef jerky', 'processed', '一级', '250克/袋', 'ambient', 270, ALL_YEAR, [
        ['20袋箱', 'case of 20 bags', 5_000, 76_000, [], 1, 1, 4],
      ]),
      p('高原娃娃菜', 'Highland baby cabbage', 'vegetables', '一级', '单棵200-300克', 'chilled', 15, [6, 7, 8, 9], [
        ['10公斤箱', '10 kg case', 10_000, 3_600, [[50, 3_200]], 5, 5, 2],
      ]),
      p('西兰花', 'Broccoli', 'vegetables', '一级', '单球400克以上', 'chilled', 10, [6, 7, 8, 9], [
        ['8公斤箱', '8 kg case', 8_000, 6_400, [[50, 5_900]], 4, 2, 2],
      ]),
      p('大白菜', 'Napa cabbage', 'vegetables', '一级', '单棵2公斤以上', 'chilled', 30, [9, 10, 11], [
        ['20公斤袋', '20 kg sack', 20_000, 3_400, [], 2, 1, 2],
      ]),
    ],
  },
  {
    key: 'pending',
    name: '白石县高原蔬菜产销合作社',
    nameEn: 'Baishi Plateau Vegetables Cooperative',
    type: 'cooperative',
    county: '629802',
    verified: false,
    households: [54, 7, 2],
    bases: [{ name: '白石县河谷蔬菜大棚', areaM2: 200_000 }],
    email: 'veg@demo.shanhai.cn',
    products: [
      p('高原西红柿', 'Highland tomatoes', 'vegetables', '一级', '单果150克以上', 'chilled', 15, [6, 7, 8, 9], [
        ['10公斤箱', '10 kg case', 10_000, 6_600, [], 2, 1, 2],
      ], false),
      p('菜心', 'Choy sum', 'vegetables', '一级', '长20厘米', 'chilled', 7, [5, 6, 7, 8, 9], [
        ['10公斤箱', '10 kg case', 10_000, 5_800, [], 2, 1, 2],
      ], false),
    ],
  },
];

export interface DemoBuyer {
  name: string;
  nameEn: string;
  type: 'enterprise' | 'school' | 'supermarket' | 'government';
  email: string;
  approverEmail: string;
  sites: Array<{ name: string; address: string; county: string; hours: string }>;
}

export const DEMO_BUYERS: DemoBuyer[] = [
  {
    name: '东澜数智科技有限公司',
    nameEn: 'Donglan Digital Technology Co., Ltd.',
    type: 'enterprise',
    email: 'enterprise@demo.shanhai.cn',
    approverEmail: 'enterprise-approver@demo.shanhai.cn',
    sites: [{ name: '总部职工食堂', address: '东澜市澜湾区滨海大道 88 号', county: '339801', hours: '07:00-10:00' }],
  },
  {
    name: '东澜市第一中学',
    nameEn: 'Donglan No. 1 Middle School',
    type: 'school',
    email: 'school@demo.shanhai.cn',
    approverEmail: 'school-approver@demo.shanhai.cn',
    sites: [
      { name: '学生食堂 (东校区)', address: '东澜市澜湾区学府路 1 号', county: '339801', hours: '06:00-08:30' },
      { name: '学生食堂 (新校区)', address: '东澜市东澜新区启明路 20 号', county: '339802', hours: '06:00-08:30' },
    ],
  },
  {
    name: '东澜鲜选超市有限公司',
    nameEn: 'Donglan FreshPick Supermarkets',
    type: 'supermarket',
    email: 'supermarket@demo.shanhai.cn',
    approverEmail: 'supermarket-approver@demo.shanhai.cn',
    sites: [
      { name: '配送中心', address: '东澜市东澜新区物流园 6 号库', county: '339802', hours: '22:00-05:00' },
      { name: '澜湾店', address: '东澜市澜湾区中山路 120 号', county: '339801', hours: '05:00-07:00' },
    ],
  },
  {
    name: '东澜市机关事务管理局机关食堂',
    nameEn: 'Donglan Government Offices Canteen',
    type: 'government',
    email: 'canteen@demo.shanhai.cn',
    approverEmail: 'canteen-approver@demo.shanhai.cn',
    sites: [{ name: '市民中心食堂', address: '东澜市澜湾区市民中心 B 座', county: '339801', hours: '06:30-09:00' }],
  },
];

export const DEMO_PASSWORD = 'shanhai-demo-2026';
