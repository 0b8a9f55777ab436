import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { BUYER_TYPES, FIGURES, type Figure } from '@shanhai/domain';
import { toBool, toInt } from '../common/transforms';
import { ISO_DAY } from '../places/places.dto';
import { GROUP_BYS, type GroupBy } from './totals-plan';

const CODE = /^\d{6}$/;
const UUID_OR_NONE = /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** The largest amount anyone may type: ¥100 bn in fen. */
export const MAX_TARGET_FEN = 10_000_000_000_000;

/** Filters by the same dimensions as `groupBy`. */
export class StatisticsFiltersDto {
  @ApiPropertyOptional({ description: 'a pairing id, or `none` for lines outside any pairing' })
  @IsOptional() @Matches(UUID_OR_NONE, { message: 'pairing must be a pairing id or none' }) pairing?: string;
  @ApiPropertyOptional({ example: '629801' }) @IsOptional() @Matches(CODE, { message: 'supplierCounty must be a six-digit GB/T 2260 code' }) supplierCounty?: string;
  @ApiPropertyOptional({ example: '339800' }) @IsOptional() @Matches(CODE, { message: 'buyerCity must be a six-digit GB/T 2260 code' }) buyerCity?: string;
  @ApiPropertyOptional({ example: '330000' }) @IsOptional() @Matches(CODE, { message: 'buyerProvince must be a six-digit GB/T 2260 code' }) buyerProvince?: string;
  @ApiPropertyOptional({ description: 'category id' }) @IsOptional() @Matches(/^\d{1,9}$/, { message: 'category must be a category id' }) category?: string;
  @ApiPropertyOptional({ enum: BUYER_TYPES }) @IsOptional() @IsIn(BUYER_TYPES, { message: `buyerType must be one of ${BUYER_TYPES.join(', ')}` }) buyerType?: string;
  @ApiPropertyOptional({ description: 'supplier organisation id' }) @IsOptional() @IsUUID('all', { message: 'supplier must be an organisation id' }) supplier?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false'], { message: 'certified must be true or false' }) certified?: string;
}

export class TotalsQueryDto extends StatisticsFiltersDto {
  @ApiProperty({ example: '2026-01-01' })
  @Matches(ISO_DAY, { message: 'from must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'from must be a real calendar date' }) from!: string;
  @ApiProperty({ example: '2026-12-31' })
  @Matches(ISO_DAY, { message: 'to must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'to must be a real calendar date' }) to!: string;
  @ApiPropertyOptional({ enum: FIGURES, default: 'counted', description: 'counted: completed orders (official totals); sales: paid orders' })
  @IsOptional() @IsIn(FIGURES, { message: 'figure must be counted or sales' }) figure?: Figure;
  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'month' }) @IsOptional() @IsIn(GROUP_BYS, { message: `groupBy must be one of ${GROUP_BYS.join(', ')}` }) groupBy?: GroupBy;
  @ApiPropertyOptional({ description: 'the figures as recorded by the end of this day (YYYY-MM-DD)' })
  @IsOptional() @Matches(ISO_DAY, { message: 'asOf must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'asOf must be a real calendar date' }) asOf?: string;
  @ApiPropertyOptional({ description: 'whose figures; defaults to the caller’s own jurisdiction (operators: everything)' })
  @IsOptional() @IsUUID('all', { message: 'jurisdictionId must be an organisation id' }) jurisdictionId?: string;
  @ApiPropertyOptional({ description: 'at most this many rows (largest first for non-time groupings); the total covers all' })
  @IsOptional() @Transform(toInt) @IsInt({ message: 'limit must be an integer' }) @Min(1, { message: 'limit must be at least 1' }) @Max(1000, { message: 'limit must be at most 1000' }) limit?: number;
}

export class LinesQueryDto extends TotalsQueryDto {
  @ApiPropertyOptional({ description: 'the key of the row to drill into (as returned by totals for this groupBy)' }) @IsOptional() key?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Transform(toInt) @IsInt({ message: 'page must be an integer' }) @Min(1, { message: 'page must be at least 1' }) @Max(100_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toInt) @IsInt({ message: 'pageSize must be an integer' }) @Min(1, { message: 'pageSize must be at least 1' }) @Max(200, { message: 'pageSize must be at most 200' }) pageSize?: number;
}

export class ExportQueryDto extends TotalsQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' }) format!: 'csv' | 'xlsx';
}

export class JurisdictionQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'jurisdictionId must be an organisation id' }) jurisdictionId?: string;
}

export class ProgressQueryDto extends JurisdictionQueryDto {
  @ApiProperty({ example: 2026 }) @Transform(toInt) @IsInt({ message: 'year must be an integer' }) @Min(2000, { message: 'year must be 2000 or later' }) @Max(2100, { message: 'year must be 2100 or earlier' }) year!: number;
  @ApiPropertyOptional({ enum: FIGURES, default: 'counted' }) @IsOptional() @IsIn(FIGURES, { message: 'figure must be counted or sales' }) figure?: Figure;
}

export class TargetDto {
  @ApiPropertyOptional({ description: 'the jurisdiction; defaults to the caller’s own' }) @IsOptional() @IsUUID('all', { message: 'jurisdictionId must be an organisation id' }) jurisdictionId?: string;
  @ApiProperty({ example: 2026 }) @IsInt({ message: 'year must be an integer' }) @Min(2000, { message: 'year must be 2000 or later' }) @Max(2100, { message: 'year must be 2100 or earlier' }) year!: number;
  @ApiProperty({ enum: FIGURES }) @IsIn(FIGURES, { message: 'figure must be counted or sales' }) figure!: Figure;
  @ApiProperty({ description: 'the yearly target in fen', example: 50_000_000_00 })
  @IsInt({ message: 'amountFen must be an integer number of fen' }) @Min(1, { message: 'amountFen must be positive' }) @Max(MAX_TARGET_FEN, { message: 'amountFen is too large' }) amountFen!: number;
}

export class RecomputeRequestDto {
  @ApiProperty() @Matches(ISO_DAY, { message: 'from must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'from must be a real calendar date' }) from!: string;
  @ApiProperty() @Matches(ISO_DAY, { message: 'to must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'to must be a real calendar date' }) to!: string;
  @ApiPropertyOptional({ default: true, description: 'write reversal records for the differences found' }) @IsOptional() @Transform(toBool) @IsBoolean({ message: 'repair must be true or false' }) repair?: boolean;
}

export const FILING_KINDS = ['own_canteen', 'shared_canteen', 'no_canteen'] as const;

export class ReservedShareFilingDto {
  @ApiProperty({ description: 'the public buyer filing' }) @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId!: string;
  @ApiProperty({ enum: FILING_KINDS }) @IsIn(FILING_KINDS, { message: `kind must be one of ${FILING_KINDS.join(', ')}` }) kind!: (typeof FILING_KINDS)[number];
  @ApiPropertyOptional({ description: 'own_canteen: the yearly canteen food budget in fen' })
  @ValidateIf((o: ReservedShareFilingDto) => o.kind === 'own_canteen')
  @IsInt({ message: 'canteenBudgetFen must be an integer number of fen' }) @Min(1, { message: 'canteenBudgetFen must be positive' }) @Max(MAX_TARGET_FEN, { message: 'canteenBudgetFen is too large' }) canteenBudgetFen?: number;
  @ApiPropertyOptional({ description: 'own_canteen: the reserved share in per-mille (150 = 15%); at least 100', example: 150 })
  @ValidateIf((o: ReservedShareFilingDto) => o.kind === 'own_canteen')
  @IsInt({ message: 'sharePermille must be an integer (per-mille)' }) @Min(0) @Max(1000, { message: 'sharePermille must be at most 1000' }) sharePermille?: number;
  @ApiPropertyOptional({ description: 'shared_canteen: the unit whose filing covers the canteen' })
  @ValidateIf((o: ReservedShareFilingDto) => o.kind === 'shared_canteen')
  @IsUUID('all', { message: 'sharedWithId must be an organisation id' }) sharedWithId?: string;
}

export class YearParamQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId?: string;
}
