import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { divisionPrefix } from '@shanhai/domain';
import { FilterName, GroupBy, planTotals, StatisticsScope, TotalsPlan, TotalsQuery } from './totals-plan';

export interface TotalsRow {
  readonly key: string;
  readonly grossFen: number;
  readonly refundFen: number;
  readonly netFen: number;
  readonly lines: number;
}

export interface Label {
  readonly label: string;
  readonly labelEn: string;
}

export interface JurisdictionRow {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly divisionCode: string;
  readonly side: 'west' | 'east';
  readonly minReservedSharePermille: number | null;
}

const BUYER_TYPE_LABELS: Record<string, Label> = {
  enterprise: { label: '企业', labelEn: 'Enterprise' },
  school: { label: '学校', labelEn: 'School' },
  supermarket: { label: '商超', labelEn: 'Supermarket' },
  government: { label: '机关事业单位', labelEn: 'Government' },
  hospital: { label: '医院', labelEn: 'Hospital' },
  other: { label: '其他', labelEn: 'Other' },
};

/** The record columns each filter (and drill-down key) reads. */
const RECORD_FILTER_SQL: Record<FilterName, (p: string) => string> = {
  pairing: (p) => `COALESCE(a.pairing_id::text, 'none') = ${p}`,
  supplierCounty: (p) => `a.supplier_county_code = ${p}`,
  buyerCity: (p) => `a.buyer_city_code = ${p}`,
  buyerProvince: (p) => `a.buyer_province_code = ${p}`,
  category: (p) => `a.category_id::text = ${p}`,
  buyerType: (p) => `a.buyer_type = ${p}`,
  supplier: (p) => `a.supplier_id::text = ${p}`,
  certified: (p) => `a.certified::text = ${p}`,
};

export interface LinesQuery extends TotalsQuery {
  /** A row key of `groupBy` to drill into; all rows when absent. */
  readonly key: string | null;
  readonly buyerOrderId: string | null;
  readonly page: number;
  readonly pageSize: number;
}

/** Reads the statistics: totals from the roll-ups, drill-downs from the attribution records, labels. */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async totals(query: TotalsQuery, today: string): Promise<{ plan: TotalsPlan; rows: TotalsRow[] }> {
    const plan = planTotals(query, today);
    const rows: Array<Record<string, string>> = await this.db.query(plan.sql, plan.params);
    return {
      plan,
      rows: rows.map((r) => ({ key: r.key, grossFen: Number(r.gross_fen), refundFen: Number(r.refund_fen), netFen: Number(r.net_fen), lines: Number(r.lines) })),
    };
  }

  /**
   * The households linked to each cooperative as its latest record up to `to` says (recorded by the end
   * of `asOf` when given): the figure the cooperative had declared when its sales were attributed.
   */
  async householdsLinked(figure: 'counted' | 'sales', supplierIds: readonly string[], to: string, asOf: string | null): Promise<Map<string, number>> {
    if (supplierIds.length === 0) return new Map();
    const rows: Array<{ supplier_id: string; households: number }> = await this.db.query(
      `SELECT s.id AS supplier_id, last.households
         FROM unnest($1::uuid[]) AS s(id)
         CROSS JOIN LATERAL (
           SELECT a.households_linked AS households FROM stat_attributions a
            WHERE a.supplier_id = s.id AND a.figure = $2 AND a.business_day <= $3::date AND ($4::date IS NULL OR a.recorded_on <= $4::date)
            ORDER BY a.business_day DESC, a.id DESC LIMIT 1) last`,
      [supplierIds, figure, to, asOf],
    );
    return new Map(rows.map((r) => [String(r.supplier_id), Number(r.households)]));
  }

  async jurisdiction(id: string): Promise<JurisdictionRow | null> {
    const [row] = await this.db.query(
      `SELECT o.id, o.name, o.name_en, o.division_code, o.min_reserved_share_permille
         FROM organisations o WHERE o.id = $1 AND o.kind = 'jurisdiction' AND o.division_code IS NOT NULL`,
      [id],
    );
    if (!row) return null;
    const [side] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM pairing_counties pc WHERE pc.county_code LIKE $1) AS west`, [`${divisionPrefix(row.division_code)}%`]);
    return { id: row.id, name: row.name, nameEn: row.name_en, divisionCode: row.division_code, side: side.west ? 'west' : 'east', minReservedSharePermille: row.min_reserved_share_permille };
  }

  async lines(query: LinesQuery): Promise<{ total: TotalsRow; items: Array<Record<string, unknown>> }> {
    const params: unknown[] = [query.figure, query.from, query.to];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`a.figure = $1`, `a.business_day BETWEEN $2::date AND $3::date`];
    if (query.asOf) where.push(`a.recorded_on <= ${p(query.asOf)}::date`);
    if (query.scope.kind === 'jurisdiction') where.push(`${query.scope.side === 'west' ? 'a.supplier_county_code' : 'a.buyer_city_code'} LIKE ${p(`${query.scope.prefix}%`)}`);
    for (const [name, value] of Object.entries(query.filters) as Array<[FilterName, string]>) where.push(RECORD_FILTER_SQL[name](p(value)));
    if (query.key !== null) where.push(keyCondition(query.groupBy, query.key, p));
    if (query.buyerOrderId) where.push(`a.buyer_order_id = ${p(query.buyerOrderId)}`);
    const clause = where.join(' AND ');
    const [sum] = await this.db.query(
      `SELECT COALESCE(sum(a.gross_fen), 0)::bigint AS gross, COALESCE(sum(a.refund_fen), 0)::bigint AS refund, COALESCE(sum(a.net_fen), 0)::bigint AS net,
              COALESCE(sum(a.lines), 0)::bigint AS lines, count(*)::int AS records
         FROM stat_attributions a WHERE ${clause}`,
      params,
    );
    const items = await this.db.query(
      `SELECT a.id::text AS "recordId", a.kind, a.business_day::text AS "businessDay", a.recorded_on::text AS "recordedOn",
              a.buyer_order_id AS "orderId", bo.number AS "orderNumber", a.supplier_order_id AS "supplierOrderId", a.order_line_id AS "orderLineId", ol.product_id AS "productId",
              ol.product_name_zh AS "productName", ol.product_name_en AS "productNameEn", ol.quantity, ol.unit_price_fen::int AS "unitPriceFen",
              a.buyer_org_id AS "buyerId", b.name AS "buyerName", a.buyer_type AS "buyerType", a.buyer_city_code AS "buyerCityCode",
              a.supplier_id AS "supplierId", s.name AS "supplierName", a.supplier_county_code AS "supplierCountyCode",
              a.pairing_id AS "pairingId", a.category_id AS "categoryId", a.certified, a.certificate_no AS "certificateNo", a.households_linked AS "householdsLinked",
              a.gross_fen::bigint AS "grossFen", a.refund_fen::bigint AS "refundFen", a.net_fen::bigint AS "netFen", a.lines
         FROM stat_attributions a
         JOIN buyer_orders bo ON bo.id = a.buyer_order_id
         JOIN order_lines ol ON ol.id = a.order_line_id
         LEFT JOIN organisations b ON b.id = a.buyer_org_id
         LEFT JOIN organisations s ON s.id = a.supplier_id
        WHERE ${clause}
        ORDER BY a.business_day, a.id
        LIMIT ${p(query.pageSize)} OFFSET ${p((query.page - 1) * query.pageSize)}`,
      params,
    );
    return {
      total: { key: query.key ?? '', grossFen: Number(sum.gross), refundFen: Number(sum.refund), netFen: Number(sum.net), lines: Number(sum.lines), records: sum.records } as TotalsRow & { records: number },
      items: items.map((i: Record<string, unknown>) => ({ ...i, grossFen: Number(i.grossFen), refundFen: Number(i.refundFen), netFen: Number(i.netFen) })),
    };
  }

  /** Names of row keys, in Chinese and English. */
  async labels(groupBy: GroupBy, keys: readonly string[]): Promise<Map<string, Label>> {
    const out = new Map<string, Label>();
    const rows = async (sql: string, list: unknown[]) => ((await this.db.query(sql, [list])) as Array<{ key: string; label: string; label_en: string | null }>);
    const fill = (list: Array<{ key: string; label: string; label_en: string | null }>) => list.forEach((r) => out.set(String(r.key), { label: r.label, labelEn: r.label_en ?? r.label }));
    switch (groupBy) {
      case 'day':
      case 'month':
      case 'year':
        keys.forEach((k) => out.set(k, { label: k, labelEn: k }));
        break;
      case 'pairing':
        fill(await rows(`SELECT id::text AS key, name AS label, name_en AS label_en FROM pairings WHERE id::text = ANY($1)`, [...keys]));
        out.set('none', { label: '结对关系外', labelEn: 'Outside any pairing' });
        break;
      case 'supplierCounty':
      case 'buyerCity':
      case 'buyerProvince':
        fill(await rows(`SELECT code AS key, name AS label, name_en AS label_en FROM divisions WHERE code = ANY($1)`, [...keys]));
        break;
      case 'category':
        fill(await rows(`SELECT id::text AS key, name_zh AS label, name_en AS label_en FROM categories WHERE id::text = ANY($1)`, [...keys]));
        break;
      case 'supplier':
        fill(await rows(`SELECT id::text AS key, name AS label, name_en AS label_en FROM organisations WHERE id::text = ANY($1)`, [...keys]));
        break;
      case 'buyerType':
        keys.forEach((k) => out.set(k, BUYER_TYPE_LABELS[k] ?? { label: k, labelEn: k }));
        break;
      case 'certified':
        out.set('true', { label: '认定帮扶产品', labelEn: 'Certified' });
        out.set('false', { label: '未认定', labelEn: 'Not certified' });
        break;
    }
    for (const k of keys) if (!out.has(k)) out.set(k, { label: k, labelEn: k });
    return out;
  }
}

/** The records behind one row of a totals table. */
function keyCondition(groupBy: GroupBy, key: string, p: (v: unknown) => string): string {
  switch (groupBy) {
    case 'day':
      return `a.business_day = ${p(key)}::date`;
    case 'month':
      return `date_trunc('month', a.business_day) = (${p(`${key}-01`)})::date`;
    case 'year':
      return `date_trunc('year', a.business_day) = (${p(`${key}-01-01`)})::date`;
    default:
      return RECORD_FILTER_SQL[groupBy](p(key));
  }
}

export type { StatisticsScope };
