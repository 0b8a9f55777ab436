import { DataSource } from 'typeorm';

/**
 * The demo's places are fictional, with codes that GB/T 2260 leaves unused inside real provinces:
 * an eastern city 东澜市 in Zhejiang (3398xx) and a western prefecture 云岭州 in Gansu (6298xx)
 * with two mountain counties. They are marked source = 'demo'.
 */
export const DEMO_PLACES = {
  eastCity: { code: '339800', name: '东澜市', nameEn: 'Donglan City', level: 'prefecture', parentCode: '330000' },
  eastDistricts: [
    { code: '339801', name: '澜湾区', nameEn: 'Lanwan District', level: 'county', parentCode: '339800' },
    { code: '339802', name: '东澜新区', nameEn: 'Donglan New Area', level: 'county', parentCode: '339800' },
  ],
  westPrefecture: { code: '629800', name: '云岭州', nameEn: 'Yunling Prefecture', level: 'prefecture', parentCode: '620000' },
  westCounties: [
    { code: '629801', name: '青崖县', nameEn: 'Qingya County', level: 'county', parentCode: '629800' },
    { code: '629802', name: '白石县', nameEn: 'Baishi County', level: 'county', parentCode: '629800' },
  ],
} as const;

export async function insertDemoPlaces(db: DataSource): Promise<void> {
  const rows = [DEMO_PLACES.eastCity, ...DEMO_PLACES.eastDistricts, DEMO_PLACES.westPrefecture, ...DEMO_PLACES.westCounties];
  await db.query(
    `INSERT INTO divisions (code, name, name_en, level, parent_code, source)
     SELECT code, name, name_en, level, parent_code, 'demo'
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, name_en text, level text, parent_code text)
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(rows.map((r) => ({ code: r.code, name: r.name, name_en: r.nameEn, level: r.level, parent_code: r.parentCode })))],
  );
}
