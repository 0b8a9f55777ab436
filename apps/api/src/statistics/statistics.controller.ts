import { Body, Controller, Get, Header, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '../common/params';
import { CurrentPrincipal, Roles } from '../identity/auth.decorators';
import { Principal } from '../identity/principal';
import { totalsCsv, totalsXlsx } from './statistics-export';
import { ExportQueryDto, LinesQueryDto, ProgressQueryDto, RecomputeRequestDto, TargetDto, TotalsQueryDto } from './statistics.dto';
import { StatisticsAdminService } from './statistics-admin.service';
import { StatisticsService, type TotalsView } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Roles('official', 'operator')
@Controller()
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly admin: StatisticsAdminService,
  ) {}

  @Get('stats/totals')
  @ApiOperation({ summary: 'Totals of a figure over a range, grouped by one dimension, read from the roll-ups (scoped to the jurisdiction)' })
  totals(@CurrentPrincipal() principal: Principal, @Query() query: TotalsQueryDto) {
    return this.statistics.totals(principal, query);
  }

  @Roles('supplier_admin', 'supplier_staff', 'operator')
  @Get('suppliers/:id/stats/totals')
  @ApiOperation({ summary: 'A cooperative’s own sales and counted assistance over time (the same totals, limited to its lines)' })
  supplierTotals(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Query() query: TotalsQueryDto) {
    return this.statistics.supplierTotals(principal, id, query);
  }

  @Roles('supplier_admin', 'supplier_staff', 'operator')
  @Get('suppliers/:id/stats/lines')
  @ApiOperation({ summary: 'A cooperative’s drill-down: the attribution records (its own order lines) behind a row of its totals' })
  supplierLines(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Query() query: LinesQueryDto) {
    return this.statistics.supplierLines(principal, id, query);
  }

  @Roles('supplier_admin', 'supplier_staff', 'operator')
  @Get('suppliers/:id/stats/export')
  @ApiOperation({ summary: 'A cooperative’s own totals table as CSV or XLSX: the same rows and numbers as its totals' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async supplierExport(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string, @Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendTotals(await this.statistics.supplierTotals(principal, id, query), query.format, res, `shanhai-supplier-${id.slice(0, 8)}`);
  }

  @Get('stats/lines')
  @ApiOperation({ summary: 'Drill-down: the attribution records (order lines) behind a row of totals, paginated, with their orders' })
  lines(@CurrentPrincipal() principal: Principal, @Query() query: LinesQueryDto) {
    return this.statistics.lines(principal, query);
  }

  @Get('stats/orders/:id')
  @ApiOperation({ summary: 'One order as the statistics counted it (both figures), if any of it is in the caller’s scope' })
  order(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string) {
    return this.statistics.order(principal, id);
  }

  @Get('stats/export')
  @ApiOperation({ summary: 'The totals table as CSV or XLSX: the same rows and numbers as /stats/totals' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentPrincipal() principal: Principal, @Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendTotals(await this.statistics.totals(principal, query), query.format, res, 'shanhai');
  }

  @Get('stats/progress')
  @ApiOperation({ summary: 'Year to date against the jurisdiction’s target, with the year-end projection by run rate' })
  progress(@CurrentPrincipal() principal: Principal, @Query() query: ProgressQueryDto) {
    return this.statistics.progress(principal, query);
  }

  @Roles('official')
  @Put('stats/targets')
  @ApiOperation({ summary: 'Official: set the jurisdiction’s yearly target for a figure' })
  setTarget(@CurrentPrincipal() principal: Principal, @Body() dto: TargetDto) {
    return this.statistics.setTarget(principal, dto);
  }

  @Roles('operator')
  @Post('admin/statistics/recompute')
  @ApiOperation({ summary: 'Operator: rebuild a range of days from the orders, compare with the incremental figures, report and repair (the worker runs it)' })
  recompute(@CurrentPrincipal() principal: Principal, @Body() dto: RecomputeRequestDto) {
    return this.admin.requestRecompute(principal, dto);
  }

  @Roles('operator')
  @Get('admin/statistics/recompute')
  @ApiOperation({ summary: 'Operator: the latest recomputations with their differences' })
  runs() {
    return this.admin.runs();
  }

  @Roles('operator')
  @Get('admin/statistics/recompute/:id')
  run(@UuidParam('id') id: string) {
    return this.admin.run(id);
  }

  @Roles('operator')
  @Get('admin/statistics/status')
  @ApiOperation({ summary: 'Operator: the outbox backlog and the drain’s watermark' })
  @Header('Cache-Control', 'no-store')
  status() {
    return this.admin.status();
  }
}

/** A totals table as a CSV or XLSX download named after what it holds. */
async function sendTotals(view: TotalsView, format: 'csv' | 'xlsx', res: Response, prefix: string): Promise<StreamableFile> {
  const name = `${prefix}-${view.figure}-${view.groupBy}-${view.from}-${view.to}${view.asOf ? `-asof-${view.asOf}` : ''}`;
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return new StreamableFile(Buffer.from(totalsCsv(view), 'utf8'));
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
  return new StreamableFile(await totalsXlsx(view));
}
