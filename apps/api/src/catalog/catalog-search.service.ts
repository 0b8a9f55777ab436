import type { CatalogFacets, CatalogItem, CatalogPage } from '@shanhai/contract';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { invalid } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DivisionService } from '../places/division.service';
import { CatalogQueryDto } from './catalog.dto';
import { CategoryService } from './category.service';
import { queryTerms } from './search-terms';
import { VersionedCache } from './versioned-cache';

/** Facet counts of a filter: a pass over most of the catalog for a broad one (docs/performance.md). */
const FACET_TTL_MS = 10_000;
const CACHE_MAX = 1000;

interface Where {
  sql: string;
  params: unknown[];
}

@Injectable()
export class CatalogSearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly divisions: DivisionService,
    private readonly categories: CategoryService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A page of results: the same few browse pages and searches are asked for again and again.
    this.pageCache = new VersionedCache<CatalogPage>(config.catalogPageCacheMs, CACHE_MAX);
  }

  private readonly facetCache = new VersionedCache<{ total: number; facets: CatalogFacets }>(FACET_TTL_MS, CACHE_MAX);
  private readonly pageCache: VersionedCache<CatalogPage>;

  /**
   * A page of the public catalog. Pages are kept for `catalogPageCacheMs` (2 s) per query (and day, for "certified") and dropped at
   * once when this process changes the catalog or stock: stock shown may lag a change made by another process (the
   * worker's reservation expiries) by up to two seconds; checkout always decides on the stock itself.
   */
  async search(query: CatalogQueryDto): Promise<CatalogPage> {
    const key = JSON.stringify([businessDay(), Object.entries(query).filter(([, v]) => v !== undefined && v !== '').sort(([a], [b]) => a.localeCompare(b))]);
    return this.pageCache.get(key, () => this.searchNow(query));
  }

  private async searchNow(query: CatalogQueryDto): Promise<CatalogPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = businessDay();
    const where = await this.where(query, today);
    const order = this.orderBy(query, where);
    // A text query sorted other than by relevance: the matches are first collected from the index (the
    // OFFSET 0 keeps the planner from walking a sort-order index instead, testing row after row for a
    // word that may be rare or absent), then sorted. Without text, sorts follow their indexes.
    const matches =
      where.text !== null && (query.sort ?? 'relevance') !== 'relevance'
        ? `(SELECT p.id, p.name_zh, p.name_en, p.stock_units, p.created_at, p.min_price_fen FROM products p WHERE ${where.sql} OFFSET 0) p`
        : `products p WHERE ${where.sql}`;
    const [rows, counted] = await Promise.all([
      // The page's ids first, sorted on the narrow columns alone; only those rows are then read in full
      // with their supplier and first image (rather than every match before the sort: docs/performance.md).
      this.db.query(
        `SELECT p.id, p.name_zh, p.name_en, p.origin_county_code, p.origin_province_code, p.supplier_id, p.grade, p.spec,
                p.storage_class, p.seasons, p.min_price_fen, p.stock_units, p.category_id,
                (p.certified_from <= $1 AND p.certified_until > $1) AS certified,
                o.name AS supplier_name, o.name_en AS supplier_name_en,
                (SELECT i.id FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort_order, i.created_at LIMIT 1) AS image_id
           FROM unnest(ARRAY(SELECT p.id FROM ${matches}
                              ORDER BY ${order.sql}
                              LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})) WITH ORDINALITY AS page(id, n)
           JOIN products p ON p.id = page.id
           JOIN organisations o ON o.id = p.supplier_id
          ORDER BY page.n`,
        [...where.params, ...order.params],
      ),
      this.cachedFacets(where),
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
      // The terms go in as a sub-select so that the planner cannot see them and always takes the GIN
      // index: shown a common term, it would rather scan the table and test every row's ~140 tokens,
      // which costs far more than it estimates (docs/performance.md).
      if (terms.length > 0) add((n) => `p.search_terms @> (SELECT $${n}::text[])`, terms);
      // A lone Latin letter is too short for the token index: match English names starting with it
      // (as typed: LIKE wildcards in the query are escaped, so "%" matches nothing rather than everything).
      else add((n) => `lower(p.name_en) LIKE $${n}`, `${text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
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

  /**
   * Facet counts of a broad filter cost a pass over most of the catalog, and the same few browse pages
   * are asked for again and again. They are kept for FACET_TTL_MS per filter (`VersionedCache`: dropped as
   * soon as this process changes the catalog or stock).
   */
  private cachedFacets(where: Where): Promise<{ total: number; facets: CatalogFacets }> {
    return this.facetCache.get(JSON.stringify([where.sql, where.params]), () => this.facets(where));
  }

  /** The total and the facet counts of the filter. */
  private async facets(where: Where): Promise<{ total: number; facets: CatalogFacets }> {
    // One pass over the matching rows, grouped by the four list facets (a few hundred groups at most,
    // carrying the certified and in-stock counts and the price range); the lists and totals are then
    // added up here. Without a text query the rows come from idx_products_facets alone (an index-only
    // scan), not from the wide product rows (docs/performance.md).
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT p.category_id, p.origin_province_code, p.origin_county_code, p.storage_class, COUNT(*)::int AS n,
              (COUNT(*) FILTER (WHERE p.certified_from <= $1 AND p.certified_until > $1))::int AS certified,
              (COUNT(*) FILTER (WHERE p.stock_units > 0))::int AS in_stock,
              MIN(p.min_price_fen) AS min_price, MAX(p.min_price_fen) AS max_price
         FROM products p
        WHERE ${where.sql}
        GROUP BY p.category_id, p.origin_province_code, p.origin_county_code, p.storage_class`,
      where.params,
    );
    const byCategory = new Map<number, number>();
    const byProvince = new Map<string, number>();
    const byCounty = new Map<string, number>();
    const byStorage = new Map<string, number>();
    const add = <K>(map: Map<K, number>, key: K, n: number): void => {
      map.set(key, (map.get(key) ?? 0) + n);
    };
    let total = 0;
    let certified = 0;
    let inStock = 0;
    let minFen: number | null = null;
    let maxFen: number | null = null;
    for (const r of rows) {
      const n = r.n as number;
      total += n;
      certified += r.certified as number;
      inStock += r.in_stock as number;
      add(byCategory, r.category_id as number, n);
      add(byProvince, r.origin_province_code as string, n);
      add(byCounty, r.origin_county_code as string, n);
      add(byStorage, r.storage_class as string, n);
      if (r.min_price !== null) minFen = Math.min(minFen ?? Infinity, Number(r.min_price));
      if (r.max_price !== null) maxFen = Math.max(maxFen ?? -Infinity, Number(r.max_price));
    }
    const facets: CatalogFacets = {
      categories: [],
      provinces: [],
      counties: [],
      storage: [],
      certified: { yes: certified, no: total - certified },
      inStock: { yes: inStock, no: total - inStock },
      price: { minFen, maxFen },
    };
    for (const [id, n] of byCategory) {
      const c = await this.categories.byId(id);
      facets.categories.push({ key: c?.code ?? String(id), nameZh: c?.nameZh ?? '', nameEn: c?.nameEn ?? '', count: n });
    }
    for (const [code, n] of byProvince) facets.provinces.push({ key: code, name: (await this.divisions.find(code))?.name ?? null, count: n });
    for (const [code, n] of byCounty) facets.counties.push({ key: code, name: (await this.divisions.find(code))?.name ?? null, count: n });
    for (const [key, n] of byStorage) facets.storage.push({ key, count: n });
    for (const list of [facets.categories, facets.provinces, facets.counties, facets.storage]) list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return { total, facets };
  }
}
