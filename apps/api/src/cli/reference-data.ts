import { DataSource } from 'typeorm';
import { loadDivisions } from '../places/division-reference';

const DEFAULT_CATEGORIES = [
  { code: 'vegetables', nameZh: '蔬菜', nameEn: 'Vegetables', sortOrder: 10 },
  { code: 'potatoes', nameZh: '薯类', nameEn: 'Potatoes and tubers', sortOrder: 20 },
  { code: 'fruit', nameZh: '水果', nameEn: 'Fruit', sortOrder: 30 },
  { code: 'grains', nameZh: '杂粮', nameEn: 'Grains', sortOrder: 40 },
  { code: 'herbs', nameZh: '中药材', nameEn: 'Medicinal herbs', sortOrder: 50 },
  { code: 'livestock', nameZh: '畜牧产品', nameEn: 'Livestock products', sortOrder: 60 },
  { code: 'processed', nameZh: '加工食品', nameEn: 'Processed goods', sortOrder: 70 },
];

/**
 * Reference data every installation needs: GB/T 2260 divisions (refreshed from the package each
 * time) and the default categories (only into an empty table: the operator edits them after).
 */
export async function loadReferenceData(db: DataSource): Promise<{ divisions: number; categories: number }> {
  const divisions = await loadDivisions(db);
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM categories');
  if (n === 0) {
    await db.query(
      `INSERT INTO categories (code, name_zh, name_en, sort_order)
       SELECT code, name_zh, name_en, sort_order FROM jsonb_to_recordset($1::jsonb) AS r(code text, name_zh text, name_en text, sort_order int)`,
      [JSON.stringify(DEFAULT_CATEGORIES.map((c) => ({ code: c.code, name_zh: c.nameZh, name_en: c.nameEn, sort_order: c.sortOrder })))],
    );
  }
  return { divisions, categories: n === 0 ? DEFAULT_CATEGORIES.length : n };
}
