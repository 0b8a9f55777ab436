import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay, divisionPrefix, isAcceptableReservedShare, MIN_RESERVED_SHARE_PERMILLE, progressBasisPoints, projectYearEndFen, reservedAmountFen } from '@shanhai/domain';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { ReservedShareFilingDto } from './statistics.dto';
import { StatisticsService } from './statistics.service';

/** Buyer types that are public budget units (预算单位) and file a reserved share. */
export const PUBLIC_BUYER_TYPES = ['government', 'school', 'hospital'] as const;

interface FilingRow {
  organisation_id: string;
  organisation_name: string;
  buyer_type: string;
  kind: string | null;
  shared_with_id: string | null;
  canteen_budget_fen: string | null;
  share_permille: number | null;
  reserved_fen: string | null;
  filed_at: Date | null;
}

/**
 * 预留份额: a public buyer files its canteen food budget and the share it reserves for produce of
 * helped areas; progress is the counted assistance of the year (completed orders, net) against the
 * reserved amount. Units sharing one canteen file once: the others file `shared_canteen` pointing
 * at that filing, and their purchases count toward it. `no_canteen` is a valid filing with nothing
 * reserved.
 */
@Injectable()
export class ReservedShareService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly statistics: StatisticsService,
  ) {}

  async file(principal: Principal, yearText: string, dto: ReservedShareFilingDto) {
    const year = parseYear(yearText);
    principal.requireOrgRole(dto.organisationId, ['buyer_admin']);
    const [org] = await this.db.query(`SELECT id, buyer_type FROM organisations WHERE id = $1 AND kind = 'buyer'`, [dto.organisationId]);
    if (!org) throw notFound('organisation', dto.organisationId);
    if (!(PUBLIC_BUYER_TYPES as readonly string[]).includes(org.buyer_type)) throw conflict('NOT_A_PUBLIC_BUYER', `only public budget units (${PUBLIC_BUYER_TYPES.join(', ')}) file a reserved share`);
    let budget: number | null = null;
    let share: number | null = null;
    let reserved: number | null = null;
    let sharedWith: string | null = null;
    if (dto.kind === 'own_canteen') {
      budget = dto.canteenBudgetFen as number;
      share = dto.sharePermille as number;
      const minimum = await this.minimumPermille(dto.organisationId);
      if (!isAcceptableReservedShare(share, minimum)) throw invalid('sharePermille', `the reserved share must be at least ${minimum / 10}% (${minimum}‰) of the canteen budget`);
      reserved = reservedAmountFen(budget, share);
    } else if (dto.kind === 'shared_canteen') {
      sharedWith = dto.sharedWithId as string;
      if (sharedWith === dto.organisationId) throw invalid('sharedWithId', 'a unit cannot share a canteen with itself');
      const [host] = await this.db.query(`SELECT kind FROM reserved_share_filings WHERE organisation_id = $1 AND year = $2`, [sharedWith, year]);
      if (!host || host.kind !== 'own_canteen') throw invalid('sharedWithId', 'the unit you share a canteen with must have filed its own canteen for this year first');
    }
    const [row] = await this.db.query(
      `INSERT INTO reserved_share_filings (organisation_id, year, kind, shared_with_id, canteen_budget_fen, share_permille, reserved_fen, filed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id, year) DO UPDATE SET kind = EXCLUDED.kind, shared_with_id = EXCLUDED.shared_with_id, canteen_budget_fen = EXCLUDED.canteen_budget_fen,
         share_permille = EXCLUDED.share_permille, reserved_fen = EXCLUDED.reserved_fen, filed_by = EXCLUDED.filed_by, updated_at = now()
       RETURNING id`,
      [dto.organisationId, year, dto.kind, sharedWith, budget, share, reserved, principal.userId],
    );
    if (dto.kind !== 'own_canteen') {
      // A unit that stops hosting its canteen leaves no one pointing at a filing that reserves nothing.
      await this.db.query(`UPDATE reserved_share_filings SET kind = 'no_canteen', shared_with_id = NULL, updated_at = now() WHERE shared_with_id = $1 AND year = $2`, [dto.organisationId, year]);
    }
    return { id: row.id, ...(await this.own(principal, yearText, dto.organisationId)) };
  }

  /** A buyer's own filing and progress (members of the organisation, officials over it, operators). */
  async own(principal: Principal, yearText: string, organisationId: string) {
    const year = parseYear(yearText);
    if (!principal.isMemberOf(organisationId) && !principal.isOperator) throw notFound('organisation', organisationId);
    const [rows] = [await this.filings(year, [organisationId])];
    if (rows.length === 0) throw notFound('organisation', organisationId);
    const [view] = await this.withProgress(year, rows);
    return { year, minimumPermille: await this.minimumPermille(organisationId), ...view };
  }

  /** Every public buyer with a delivery site in the jurisdiction: filings, progress, projection and the jurisdiction's sum. */
  async jurisdiction(principal: Principal, yearText: string, jurisdictionId?: string) {
    const year = parseYear(yearText);
    const { jurisdiction } = await this.statistics.scope(principal, jurisdictionId);
    let orgIds: string[];
    if (jurisdiction) {
      const rows: Array<{ id: string }> = await this.db.query(
        `SELECT DISTINCT o.id FROM organisations o JOIN delivery_sites s ON s.organisation_id = o.id
          WHERE o.kind = 'buyer' AND o.buyer_type = ANY($1) AND s.county_code LIKE $2`,
        [PUBLIC_BUYER_TYPES, `${divisionPrefix(jurisdiction.divisionCode)}%`],
      );
      orgIds = rows.map((r) => r.id);
    } else {
      const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM organisations WHERE kind = 'buyer' AND buyer_type = ANY($1)`, [PUBLIC_BUYER_TYPES]);
      orgIds = rows.map((r) => r.id);
    }
    if (!jurisdiction && !principal.isOperator) throw forbidden();
    const buyers = await this.withProgress(year, await this.filings(year, orgIds));
    const reservedFen = buyers.reduce((a, b) => a + (b.kind === 'own_canteen' ? (b.reservedFen ?? 0) : 0), 0);
    const countedFen = buyers.reduce((a, b) => a + b.ownCountedFen, 0);
    const asOf = asOfDay(year);
    const projectedFen = asOf ? projectYearEndFen(countedFen, asOf) : 0;
    return {
      currency: 'CNY',
      year,
      jurisdiction,
      asOf,
      summary: {
        buyers: buyers.length,
        filed: buyers.filter((b) => b.kind !== null).length,
        notFiled: buyers.filter((b) => b.kind === null).length,
        reservedFen,
        countedFen,
        progressBasisPoints: progressBasisPoints(countedFen, reservedFen),
        projectedYearEndFen: projectedFen,
        projectedBasisPoints: progressBasisPoints(projectedFen, reservedFen),
      },
      buyers,
    };
  }

  private async filings(year: number, orgIds: string[]): Promise<FilingRow[]> {
    return this.db.query(
      `SELECT o.id AS organisation_id, o.name AS organisation_name, o.buyer_type, f.kind, f.shared_with_id, f.canteen_budget_fen, f.share_permille, f.reserved_fen, f.filed_at
         FROM organisations o LEFT JOIN reserved_share_filings f ON f.organisation_id = o.id AND f.year = $1
        WHERE o.id = ANY($2) ORDER BY o.name`,
      [year, orgIds],
    );
  }

  /** Counted assistance (completed orders, net) of the year per buyer, and per canteen filing (the host and the units sharing it). */
  private async withProgress(year: number, rows: FilingRow[]) {
    const asOf = asOfDay(year);
    const counted = new Map<string, number>();
    let sharing: Array<{ organisation_id: string; shared_with_id: string }> = [];
    if (asOf && rows.length) {
      const ids = new Set<string>(rows.map((r) => r.organisation_id));
      const sharers: Array<{ organisation_id: string; shared_with_id: string }> = await this.db.query(
        `SELECT organisation_id, shared_with_id FROM reserved_share_filings WHERE year = $1 AND kind = 'shared_canteen' AND (shared_with_id = ANY($2) OR organisation_id = ANY($2))`,
        [year, [...ids]],
      );
      for (const s of sharers) {
        ids.add(s.organisation_id);
        ids.add(s.shared_with_id);
      }
      const sums: Array<{ buyer_org_id: string; net: string }> = await this.db.query(
        `SELECT buyer_org_id, sum(net_fen)::bigint AS net FROM stat_attributions
          WHERE figure = 'counted' AND buyer_org_id = ANY($1) AND business_day BETWEEN $2::date AND $3::date GROUP BY buyer_org_id`,
        [[...ids], `${year}-01-01`, asOf],
      );
      for (const s of sums) counted.set(s.buyer_org_id, Number(s.net));
      sharing = sharers;
    }
    return rows.map((r) => {
      const ownCountedFen = counted.get(r.organisation_id) ?? 0;
      const group = r.kind === 'own_canteen' ? [r.organisation_id, ...sharing.filter((s) => s.shared_with_id === r.organisation_id).map((s) => s.organisation_id)] : [];
      const canteenCountedFen = group.reduce((a, id) => a + (counted.get(id) ?? 0), 0);
      const reservedFen = r.reserved_fen === null ? null : Number(r.reserved_fen);
      const projected = asOf && r.kind === 'own_canteen' ? projectYearEndFen(canteenCountedFen, asOf) : null;
      return {
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        buyerType: r.buyer_type,
        kind: r.kind as 'own_canteen' | 'shared_canteen' | 'no_canteen' | null,
        sharedWithId: r.shared_with_id,
        canteenBudgetFen: r.canteen_budget_fen === null ? null : Number(r.canteen_budget_fen),
        sharePermille: r.share_permille,
        reservedFen,
        filedAt: r.filed_at,
        ownCountedFen,
        canteenCountedFen: r.kind === 'own_canteen' ? canteenCountedFen : null,
        progressBasisPoints: reservedFen ? progressBasisPoints(canteenCountedFen, reservedFen) : null,
        projectedYearEndFen: projected,
        projectedBasisPoints: reservedFen && projected !== null ? progressBasisPoints(projected, reservedFen) : null,
      };
    });
  }

  /** The highest minimum any jurisdiction over the buyer's delivery sites sets, never below the national 10%. */
  private async minimumPermille(organisationId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT max(j.min_reserved_share_permille)::int AS m FROM organisations j
        WHERE j.kind = 'jurisdiction' AND j.min_reserved_share_permille IS NOT NULL
          AND EXISTS (SELECT 1 FROM delivery_sites s WHERE s.organisation_id = $1 AND s.county_code LIKE (CASE WHEN j.division_code LIKE '%0000' THEN left(j.division_code, 2) WHEN j.division_code LIKE '%00' THEN left(j.division_code, 4) ELSE j.division_code END) || '%')`,
      [organisationId],
    );
    return Math.max(MIN_RESERVED_SHARE_PERMILLE, row?.m ?? 0);
  }
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) throw invalid('year', 'year must be a year from 2000 to 2100');
  return Number(text);
}

/** The last day of the year counted so far: today within the year, the year's end for a past year, null for a future one. */
function asOfDay(year: number): string | null {
  const today = businessDay();
  if (`${year}-01-01` > today) return null;
  return `${year}-12-31` < today ? `${year}-12-31` : today;
}
