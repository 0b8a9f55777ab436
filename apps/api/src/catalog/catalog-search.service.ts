import type { CatalogFacets, CatalogItem, CatalogPage } from '@shanhai/contract';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { invalid } from '../common/app-error';
import { DivisionService } from '../places/division.service';
import { CatalogQueryDto } from './catalog.dto';
import { CategoryService } from './category.service';
import { queryTerms } from './search-terms';









interface Where {
  sql: string;
  params: unknown[];
}

// Facet counts over a filter are kept this long: a browse page's counts may trail a stock change by
// up to this, while the items themselves are always read fresh.
const FACET_TTL_MS = 15_000;
const FACET_CACHE_MAX = 1000;

@Injectable()
export class CatalogSearchService {
  private readonly facetCache = new Map<string, { at: number; total: number; facets: CatalogFacets }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly divisions: DivisionService,
    private readonly categories: CategoryService,
  ) {}

  async search(query: CatalogQueryDto): Promise<CatalogPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = businessDay();
    const where = await this.where(query, today);
    const order = this.orderBy(query, where);
    const [rows, counted] = await Promise.all([
      this.db.query(
        `SELECT p.id, p.name_zh, p.name_en, p.origin_county_code, p.origin_province_code, p.supplier_id, p.grade, p.spec,
                p.storage_class, p.seasons, p.min_price_fen, p.stock_units, p.category_id,
                (p.certified_from <= $1 AND p.certified_until > $1) AS certified,
                o.name AS supplier_name, o.name_en AS supplier_name_en,
                (SELECT i.id FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort_order, i.created_at LIMIT 1) AS image_id
           FROM products p JOIN organisations o ON o.id = p.supplier_id
          WHERE ${where.sql}
          ORDER BY ${order.sql}
          LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        [...where.params, ...order.params],
      ),
      this.facets(where, today),
    ]);
    const items = await Promise.all(rows.map((r: Record<string, unknown>) => this.item(r)));
    return { items, total: counted.total, page, pageSize, facets: counted.facets };
  }

  private async item(r: Record<string, unknown>): Promise<CatalogItem> {
    const category = await this.categories.byId(r.category_id as number);
    const county = await this.divisions.find(r.origin_county_code as string);
    const province = await this.divisions.find(r.origin_province_code as string);
    const stock = Number(r.stock_units);
    return {
      id: r.id as string,
      nameZh: r.name_zh as string,
      nameEn: (r.name_en as string | null) ?? null,
      categoryCode: category?.code ?? '',
      categoryNameZh: category?.nameZh ?? '',
      categoryNameEn: category?.nameEn ?? '',
      originCountyCode: r.origin_county_code as string,
      originCountyName: county?.name ?? null,
      originProvinceCode: r.origin_province_code as string,
      originProvinceName: province?.name ?? null,
      supplierId: r.supplier_id as string,
      supplierName: r.supplier_name as string,
      supplierNameEn: (r.supplier_name_en as string | null) ?? null,
      grade: (r.grade as string | null) ?? null,
      spec: (r.spec as string | null) ?? null,
      storageClass: r.storage_class as string,
      seasons: (r.seasons as number[]) ?? [],
      minPriceFen: r.min_price_fen === null ? null : Number(r.min_price_fen),
      currency: 'CNY',
      stockUnits: stock,
      inStock: stock > 0,
      certified: r.certified === true,
      imageUrl: r.image_id ? `/api/images/${r.image_id as string}` : null,
    };
  }

  /** Conditions shared by the page and its facets; $1 is always today (for "certified"). */
  private async where(query: CatalogQueryDto, today: string): Promise<Where & { text: string | null }> {
    const params: unknown[] = [today];
    const parts = ['p.visible'];
    const add = (sql: (n: number) => string, value: unknown): void => {
      params.push(value);
      parts.push(sql(params.length));
    };
    const text = query.q?.trim() || null;
    if (text) {
      const terms = queryTerms(text);
      if (terms.length > 0) add((n) => `p.search_terms @> $${n}::text[]`, terms);
      // A lone Latin letter is too short for the token index: match English names starting with it.
      else add((n) => `lower(p.name_en) LIKE $${n}`, `${text.toLowerCase().replace(/[%_\\]/g, '')}%`);
    }
    if (query.category) {
      const category = await this.categories.byCode(query.category);
      if (!category) throw invalid('category', `unknown category ${query.category}`);
      add((n) => `p.category_id = $${n}`, category.id);
    }
    if (query.province) add((n) => `p.origin_province_code = $${n}`, query.province);
    if (query.county) add((n) => `p.origin_county_code = $${n}`, query.county);
    if (query.storage) add((n) => `p.storage_class = $${n}`, query.storage);
    if (query.supplier) add((n) => `p.supplier_id = $${n}`, query.supplier);
    if (query.priceMinFen !== undefined) add((n) => `p.min_price_fen >= $${n}`, query.priceMinFen);
    if (query.priceMaxFen !== undefined) add((n) => `p.min_price_fen <= $${n}`, query.priceMaxFen);
    if (query.priceMinFen !== undefined && query.priceMaxFen !== undefined && query.priceMinFen > query.priceMaxFen) {
      throw invalid('priceMaxFen', 'must not be below priceMinFen');
    }
    if (query.inStock !== undefined) parts.push(query.inStock ? 'p.stock_units > 0' : 'p.stock_units = 0');
    if (query.certified !== undefined) {
      parts.push(query.certified ? '(p.certified_from <= $1 AND p.certified_until > $1)' : 'NOT COALESCE(p.certified_from <= $1 AND p.certified_until > $1, false)');
    }
    return { sql: parts.join(' AND '), params, text };
  }

  private orderBy(query: CatalogQueryDto, where: Where & { text: string | null }): { sql: string; params: unknown[] } {
    const sort = query.sort ?? (where.text ? 'relevance' : 'newest');
    switch (sort) {
      case 'price_asc':
        return { sql: 'p.min_price_fen ASC NULLS LAST, p.id', params: [] };
      case 'price_desc':
        return { sql: 'p.min_price_fen DESC NULLS LAST, p.id', params: [] };
      case 'name':
        return { sql: 'p.name_zh, p.id', params: [] };
      case 'relevance':
        if (where.text) {
          // Names containing the query as typed first, then in-stock, then newest.
          return {
            sql: `(strpos(lower(p.name_zh || ' ' || COALESCE(p.name_en, '')), $${where.params.length + 1}) > 0) DESC, (p.stock_units > 0) DESC, p.created_at DESC, p.id`,
            params: [where.text.toLowerCase()],
          };
        }
        return { sql: 'p.created_at DESC, p.id DESC', params: [] };
      default:
        return { sql: 'p.created_at DESC, p.id DESC', params: [] };
    }
  }

  private async facets(where: Where, today: string): Promise<{ total: number; facets: CatalogFacets }> {
    const key = JSON.stringify([where.sql, where.params]);
    const cached = this.facetCache.get(key);
    if (cached && Date.now() - cached.at < FACET_TTL_MS && cached.facets && today === where.params[0]) {
      return cached;
    }
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT GROUPING(p.category_id) AS g_cat, GROUPING(p.origin_province_code) AS g_prov, GROUPING(p.origin_county_code) AS g_county,
              GROUPING(p.storage_class) AS g_storage, GROUPING(cert) AS g_cert, GROUPING(stocked) AS g_stock,
              p.category_id, p.origin_province_code, p.origin_county_code, p.storage_class, cert, stocked,
              COUNT(*)::int AS n, MIN(p.min_price_fen) AS min_price, MAX(p.min_price_fen) AS max_price
         FROM products p,
              LATERAL (SELECT COALESCE(p.certified_from <= $1 AND p.certified_until > $1, false) AS cert, p.stock_units > 0 AS stocked) x
        WHERE ${where.sql}
        GROUP BY GROUPING SETS ((p.category_id), (p.origin_province_code), (p.origin_county_code), (p.storage_class), (cert), (stocked), ())`,
      where.params,
    );
    const facets: CatalogFacets = {
      categories: [],
      provinces: [],
      counties: [],
      storage: [],
      certified: { yes: 0, no: 0 },
      inStock: { yes: 0, no: 0 },
      price: { minFen: null, maxFen: null },
    };
    let total = 0;
    for (const r of rows) {
      const n = r.n as number;
      if (r.g_cat === 0) {
        const c = await this.categories.byId(r.category_id as number);
        facets.categories.push({ key: c?.code ?? String(r.category_id), nameZh: c?.nameZh ?? '', nameEn: c?.nameEn ?? '', count: n });
      } else if (r.g_prov === 0) {
        facets.provinces.push({ key: r.origin_province_code as string, name: (await this.divisions.find(r.origin_province_code as string))?.name ?? null, count: n });
      } else if (r.g_county === 0) {
        facets.counties.push({ key: r.origin_county_code as string, name: (await this.divisions.find(r.origin_county_code as string))?.name ?? null, count: n });
      } else if (r.g_storage === 0) {
        facets.storage.push({ key: r.storage_class as string, count: n });
      } else if (r.g_cert === 0) {
        facets.certified[r.cert ? 'yes' : 'no'] = n;
      } else if (r.g_stock === 0) {
        facets.inStock[r.stocked ? 'yes' : 'no'] = n;
      } else {
        total = n;
        facets.price = { minFen: r.min_price === null ? null : Number(r.min_price), maxFen: r.max_price === null ? null : Number(r.max_price) };
      }
    }
    for (const list of [facets.categories, facets.provinces, facets.counties, facets.storage]) list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    const result = { at: Date.now(), total, facets };
    if (this.facetCache.size >= FACET_CACHE_MAX) this.facetCache.delete(this.facetCache.keys().next().value as string);
    this.facetCache.set(key, result);
    return result;
  }
}
