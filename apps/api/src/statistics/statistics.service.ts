import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, businessDay, divisionPrefix, isIsoDay, progressBasisPoints, projectYearEndFen, type Figure } from '@shanhai/domain';
import { forbidden, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { LinesQueryDto, ProgressQueryDto, TargetDto, TotalsQueryDto } from './statistics.dto';
import { JurisdictionRow, StatisticsRepository, TotalsRow } from './statistics.repository';
import { FILTERS, FilterName, GroupBy, StatisticsScope, TotalsQuery } from './totals-plan';

/** The widest range one request may ask for (about ten years of days). */
export const MAX_RANGE_DAYS = 3700;

export interface TotalsView {
  readonly currency: 'CNY';
  readonly figure: Figure;
  readonly from: string;
  readonly to: string;
  readonly asOf: string | null;
  readonly groupBy: GroupBy;
  readonly jurisdiction: JurisdictionRow | null;
  /** Which roll-ups answered (monthly grains, the daily roll-up, or both). */
  readonly source: string;
  readonly rows: Array<TotalsRow & { label: string; labelEn: string; householdsReached?: number }>;
  readonly total: { grossFen: number; refundFen: number; netFen: number; lines: number };
  /**
   * Grouped by cooperative only: how many cooperatives sold (net above zero) in the range and the
   * households linked to them, each cooperative's households counted once (docs/statistics.md).
   */
  readonly reach: { cooperatives: number; householdsReached: number } | null;
}

const TIME_GROUPINGS: readonly GroupBy[] = ['day', 'month', 'year'];

/**
 * The officials' read side: totals from the roll-ups, drill-down to the lines behind any row,
 * targets and progress. A jurisdiction is seen from its side of the pairing: a western one (it
 * governs helped counties) sees the sales of its suppliers, an eastern one the purchases delivered
 * to its buyer sites. Operators see everything.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly repo: StatisticsRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Whose figures a caller may read: an official's jurisdiction, or everything for the operator. */
  async scope(principal: Principal, jurisdictionId?: string): Promise<{ scope: StatisticsScope; jurisdiction: JurisdictionRow | null }> {
    const id = jurisdictionId ?? (principal.isOperator ? undefined : principal.memberships.find((m) => m.role === 'official' && m.organisationKind === 'jurisdiction')?.organisationId);
    if (!id) {
      if (principal.isOperator) return { scope: { kind: 'all' }, jurisdiction: null };
      throw forbidden('the statistics are for officials of a jurisdiction and for operators');
    }
    if (!principal.isOperator && !principal.memberships.some((m) => m.organisationId === id && m.role === 'official')) throw notFound('jurisdiction', id);
    const jurisdiction = await this.repo.jurisdiction(id);
    if (!jurisdiction) throw notFound('jurisdiction', id);
    return { scope: { kind: 'jurisdiction', side: jurisdiction.side, prefix: divisionPrefix(jurisdiction.divisionCode) }, jurisdiction };
  }

  async totals(principal: Principal, dto: TotalsQueryDto): Promise<TotalsView> {
    const { query, jurisdiction } = await this.query(principal, dto);
    return this.view(query, jurisdiction, dto.limit);
  }

  /** Runs a totals query and shapes the answer: labelled rows (time in order, the rest largest first) and the total of all rows. */
  private async view(query: TotalsQuery, jurisdiction: JurisdictionRow | null, limit?: number): Promise<TotalsView> {
    const { plan, rows } = await this.repo.totals(query, businessDay());
    const labels = await this.repo.labels(query.groupBy, rows.map((r) => r.key));
    const sorted = TIME_GROUPINGS.includes(query.groupBy) ? rows.sort((a, b) => a.key.localeCompare(b.key)) : rows.sort((a, b) => b.netFen - a.netFen || a.key.localeCompare(b.key));
    const total = rows.reduce((t, r) => ({ grossFen: t.grossFen + r.grossFen, refundFen: t.refundFen + r.refundFen, netFen: t.netFen + r.netFen, lines: t.lines + r.lines }), { grossFen: 0, refundFen: 0, netFen: 0, lines: 0 });
    const limited = limit ? sorted.slice(0, limit) : sorted;
    let reach: TotalsView['reach'] = null;
    let households = new Map<string, number>();
    if (query.groupBy === 'supplier') {
      const sold = rows.filter((r) => r.netFen > 0);
      households = await this.repo.householdsLinked(query.figure, sold.map((r) => r.key), query.to, query.asOf);
      reach = { cooperatives: sold.length, householdsReached: sold.reduce((n, r) => n + (households.get(r.key) ?? 0), 0) };
    }
    return {
      currency: 'CNY',
      figure: query.figure,
      from: query.from,
      to: query.to,
      asOf: query.asOf,
      groupBy: query.groupBy,
      jurisdiction,
      source: plan.source,
      rows: limited.map((r) => ({ ...r, ...(labels.get(r.key) ?? { label: r.key, labelEn: r.key }), ...(reach ? { householdsReached: households.get(r.key) ?? 0 } : {}) })),
      total,
      reach,
    };
  }

  /**
   * A cooperative's own figures: the same totals, limited to its lines (any jurisdiction). The
   * supplier filter is forced to the cooperative; grouping by cooperative or pairing is pointless here.
   */
  async supplierTotals(principal: Principal, supplierId: string, dto: TotalsQueryDto): Promise<TotalsView> {
    return this.view(this.supplierQuery(principal, supplierId, dto), null, dto.limit);
  }

  /** The records behind a cooperative's own totals (its drill-down): only its lines, whatever the filters say. */
  async supplierLines(principal: Principal, supplierId: string, dto: LinesQueryDto) {
    return this.linesOf(this.supplierQuery(principal, supplierId, dto), dto, null);
  }

  /** A cooperative's members and the operator; anyone else gets 404. Other filters apply within its lines. */
  private supplierQuery(principal: Principal, supplierId: string, dto: TotalsQueryDto): TotalsQuery {
    if (!principal.isOperator && !principal.memberships.some((m) => m.organisationId === supplierId && (m.role === 'supplier_admin' || m.role === 'supplier_staff'))) throw notFound('supplier', supplierId);
    checkRange(dto.from, dto.to);
    return totalsQuery(dto, { ...filtersOf(dto), supplier: supplierId }, { kind: 'all' });
  }

  async lines(principal: Principal, dto: LinesQueryDto, buyerOrderId: string | null = null) {
    const { query } = await this.query(principal, dto);
    return this.linesOf(query, dto, buyerOrderId);
  }

  private async linesOf(query: TotalsQuery, dto: LinesQueryDto, buyerOrderId: string | null) {
    if (dto.key !== undefined) checkKey(query.groupBy, dto.key);
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    const result = await this.repo.lines({ ...query, key: dto.key ?? null, buyerOrderId, page, pageSize });
    return { currency: 'CNY', figure: query.figure, from: query.from, to: query.to, asOf: query.asOf, groupBy: query.groupBy, key: dto.key ?? null, page, pageSize, total: result.total, items: result.items };
  }

  /** One order as the statistics attributed it: its records in both figures within the caller's scope; 404 when none is. */
  async order(principal: Principal, buyerOrderId: string) {
    const [order] = await this.db.query(
      `SELECT bo.id, bo.number, bo.status, bo.payment_status AS "paymentStatus", bo.buyer_type AS "buyerType", o.name AS "buyerName", bo.site_city_code AS "buyerCityCode",
              bo.produce_fen::bigint AS "produceFen", bo.delivery_fee_fen::bigint AS "deliveryFeeFen", bo.paid_at AS "paidAt", bo.completed_at AS "completedAt", bo.created_at AS "createdAt"
         FROM buyer_orders bo JOIN organisations o ON o.id = bo.organisation_id WHERE bo.id = $1`,
      [buyerOrderId],
    );
    if (!order) throw notFound('order', buyerOrderId);
    const { scope } = await this.scope(principal);
    const records = (figure: Figure) =>
      this.repo.lines({ figure, from: '2000-01-01', to: '2100-12-31', groupBy: 'day', asOf: null, filters: {}, scope, key: null, buyerOrderId, page: 1, pageSize: 500 });
    const [sales, counted] = [await records('sales'), await records('counted')];
    if (sales.items.length === 0 && counted.items.length === 0) throw notFound('order', buyerOrderId);
    return {
      ...order,
      produceFen: Number(order.produceFen),
      deliveryFeeFen: Number(order.deliveryFeeFen),
      sales: { total: sales.total, records: sales.items },
      counted: { total: counted.total, records: counted.items },
    };
  }

  async setTarget(principal: Principal, dto: TargetDto) {
    const { jurisdiction } = await this.scope(principal, dto.jurisdictionId);
    if (!jurisdiction) throw invalid('jurisdictionId', 'name the jurisdiction whose target this is');
    if (!principal.memberships.some((m) => m.organisationId === jurisdiction.id && m.role === 'official')) throw forbidden('only the jurisdiction’s officials set its targets');
    const [row] = await this.db.query(
      `INSERT INTO stat_targets (jurisdiction_id, year, figure, amount_fen, set_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (jurisdiction_id, year, figure) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, set_by = EXCLUDED.set_by, updated_at = now()
       RETURNING jurisdiction_id AS "jurisdictionId", year, figure, amount_fen::bigint AS "amountFen", updated_at AS "updatedAt"`,
      [jurisdiction.id, dto.year, dto.figure, dto.amountFen, principal.userId],
    );
    return { ...row, amountFen: Number(row.amountFen) };
  }

  /**
   * Year to date against the target, and the year-end projection by run rate: the amount so far ÷
   * the days elapsed × the days of the year (docs/statistics.md).
   */
  async progress(principal: Principal, dto: ProgressQueryDto) {
    const figure = dto.figure ?? 'counted';
    const { scope, jurisdiction } = await this.scope(principal, dto.jurisdictionId);
    const today = businessDay();
    const yearStart = `${dto.year}-01-01`;
    const yearEnd = `${dto.year}-12-31`;
    const asOf = today < yearEnd ? today : yearEnd;
    let netFen = 0;
    let lines = 0;
    if (asOf >= yearStart) {
      const { rows } = await this.repo.totals({ figure, from: yearStart, to: asOf, groupBy: 'year', asOf: null, filters: {}, scope }, today);
      netFen = rows.reduce((a, r) => a + r.netFen, 0);
      lines = rows.reduce((a, r) => a + r.lines, 0);
    }
    const [target] = jurisdiction ? await this.db.query(`SELECT amount_fen::bigint AS amount FROM stat_targets WHERE jurisdiction_id = $1 AND year = $2 AND figure = $3`, [jurisdiction.id, dto.year, figure]) : [];
    const targetFen = target ? Number(target.amount) : null;
    const projectedFen = asOf >= yearStart ? projectYearEndFen(netFen, asOf) : 0;
    return {
      currency: 'CNY',
      year: dto.year,
      figure,
      jurisdiction,
      asOf: asOf >= yearStart ? asOf : null,
      netFen,
      lines,
      targetFen,
      progressBasisPoints: targetFen ? progressBasisPoints(netFen, targetFen) : null,
      projectedYearEndFen: projectedFen,
      projectedBasisPoints: targetFen ? progressBasisPoints(projectedFen, targetFen) : null,
      projection: 'run-rate: amount so far ÷ days elapsed × days in the year',
    };
  }

  private async query(principal: Principal, dto: TotalsQueryDto): Promise<{ query: TotalsQuery; jurisdiction: JurisdictionRow | null }> {
    checkRange(dto.from, dto.to);
    const { scope, jurisdiction } = await this.scope(principal, dto.jurisdictionId);
    return { query: totalsQuery(dto, filtersOf(dto), scope), jurisdiction };
  }
}

/** A request's totals query with its defaults (counted, by month, now). */
function totalsQuery(dto: TotalsQueryDto, filters: Partial<Record<FilterName, string>>, scope: StatisticsScope): TotalsQuery {
  return { figure: dto.figure ?? 'counted', from: dto.from, to: dto.to, groupBy: dto.groupBy ?? 'month', asOf: dto.asOf ?? null, filters, scope };
}

/** The dimension filters a request names. */
function filtersOf(dto: TotalsQueryDto): Partial<Record<FilterName, string>> {
  const filters: Partial<Record<FilterName, string>> = {};
  for (const f of FILTERS) {
    const v = dto[f];
    if (v !== undefined) filters[f] = v;
  }
  return filters;
}

/** A range of business days: in order, and at most MAX_RANGE_DAYS long (400 naming `to`). */
export function checkRange(from: string, to: string): void {
  if (from > to) throw invalid('to', 'to must not be before from');
  if (addDays(from, MAX_RANGE_DAYS) < to) throw invalid('to', `a range may span at most ${MAX_RANGE_DAYS} days`);
}

/** A drill-down key must be a key the grouping could have produced. */
function checkKey(groupBy: GroupBy, key: string): void {
  const ok: Record<GroupBy, (k: string) => boolean> = {
    day: isIsoDay,
    month: (k) => /^\d{4}-(0[1-9]|1[0-2])$/.test(k),
    year: (k) => /^\d{4}$/.test(k),
    pairing: (k) => /^(none|[0-9a-f-]{36})$/i.test(k),
    supplierCounty: (k) => /^\d{6}$/.test(k),
    buyerCity: (k) => /^\d{6}$/.test(k),
    buyerProvince: (k) => /^\d{6}$/.test(k),
    category: (k) => /^\d{1,9}$/.test(k),
    buyerType: (k) => /^[a-z]{1,16}$/.test(k),
    supplier: (k) => /^[0-9a-f-]{36}$/i.test(k),
    certified: (k) => k === 'true' || k === 'false',
  };
  if (!ok[groupBy](key)) throw invalid('key', `key is not a ${groupBy} key`);
}
